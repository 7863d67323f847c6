"""Encrypted database backups: ``pg_dump`` piped into ``gpg``, written only for the owner.

Backups hold every request and the personal data in it, so a dump is encrypted to the public
key of a backup key pair whose private half is kept elsewhere (a stolen backup, or a stolen
server, reveals nothing), is never readable by other users (mode 0600 from the start, not
changed afterwards), and old ones are deleted: the retention period applies to backups too
(GDPR Art. 5(1)(e) and 32).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy.engine import URL, make_url

PREFIX, SUFFIX = "portal-", ".dump.gpg"


class BackupError(RuntimeError):
    """The backup could not be written; nothing partial is left behind."""


def pg_dump_command(database_url: str) -> tuple[list[str], dict[str, str]]:
    """``pg_dump`` for the portal's database; a password goes by environment, not argument
    (others can read a process's arguments), though ``~/.pgpass`` is the better place."""
    url = make_url(database_url)
    if url.get_backend_name() != "postgresql":
        raise BackupError("backups are made of a PostgreSQL database (PORTAL_DATABASE_URL)")
    env = {"PGPASSWORD": url.password} if url.password else {}
    plain = URL.create("postgresql", url.username, None, url.host, url.port, url.database,
                       url.query)
    return (["pg_dump", "--format=custom", "--no-owner",
             plain.render_as_string(hide_password=False)], env)


def backup(database_url: str, folder: Path, key_file: Path, today: date) -> Path:
    """Write ``folder/portal-<date>.dump.gpg`` and return its path."""
    if not key_file.is_file():
        raise BackupError(f"no public key file {key_file}")
    command, extra_env = pg_dump_command(database_url)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    target = folder / f"{PREFIX}{today.isoformat()}{SUFFIX}"
    partial = target.with_name(target.name + ".part")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with tempfile.TemporaryDirectory() as gnupg_home, tempfile.TemporaryFile() as errors:
            # Fixed programs; the only arguments from outside are the operator's own settings.
            dump = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors,  # noqa: S603
                                    env={**os.environ, **extra_env})
            encrypt = subprocess.run(  # noqa: S603
                ["gpg", "--batch", "--quiet", "--homedir", gnupg_home,  # noqa: S607
                 "--recipient-file", str(key_file), "--encrypt"],
                stdin=dump.stdout, stdout=descriptor, stderr=subprocess.PIPE, check=False)
            dump.stdout.close()
            dumped = dump.wait() == 0
            if encrypt.returncode != 0:  # checked first: pg_dump then fails too, on a pipe
                raise BackupError(f"gpg failed: {encrypt.stderr.decode(errors='replace')}")
            if not dumped:
                errors.seek(0)
                raise BackupError(f"pg_dump failed: {errors.read().decode(errors='replace')}")
    except BaseException:
        os.close(descriptor)
        partial.unlink(missing_ok=True)
        raise
    os.close(descriptor)
    partial.replace(target)
    return target


def remove_old(folder: Path, today: date, keep_days: int) -> list[Path]:
    """Delete this command's backups older than ``keep_days``; return what was deleted."""
    removed = []
    for path in sorted(folder.glob(f"{PREFIX}*{SUFFIX}")):
        try:
            made = date.fromisoformat(path.name.removeprefix(PREFIX).removesuffix(SUFFIX))
        except ValueError:
            continue
        if made < today - timedelta(days=keep_days):
            path.unlink()
            removed.append(path)
    return removed
