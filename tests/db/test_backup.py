"""Backup and restore as docs/deployment.md tells operators: ``flask --app portal db backup``
(run by portal-backup.service) writes an encrypted dump only its owner can read; decrypted
with the backup key's private half and restored into an empty database, the portal serves
everything that was there, and migrations still apply."""

from __future__ import annotations

import os
import shlex
import subprocess
import uuid

from sqlalchemy import select, text

from portal import create_app, migrate
from portal.dsr.models import DataRequest
from tests.backoffice.factories import make_request
from tests.conftest import _admin_engine, make_settings
from tests.deploy.files import STRONG_SECRET, environment_file, localised, unit_values


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def _backup_key(tmp_path) -> dict:
    """A backup key pair: the private half stays in its own keyring, the public half in a file."""
    home = tmp_path / "keeper"
    home.mkdir(mode=0o700)
    keeper = {**os.environ, "GNUPGHOME": str(home)}
    subprocess.run(["gpg", "--batch", "--passphrase", "", "--quick-gen-key",
                    "Portal backups <backup@example.fi>", "default", "default", "never"],
                   env=keeper, check=True, capture_output=True)
    public = subprocess.run(["gpg", "--export", "--armor", "backup@example.fi"], env=keeper,
                            check=True, capture_output=True).stdout
    (tmp_path / "backup-key.asc").write_bytes(public)
    return keeper


def test_encrypted_backup_is_private_and_restores_requests_and_notices(
        postgres_server, postgres_url, tmp_path):
    source = create_app(make_settings(tmp_path / "a", postgres_url))
    with source.extensions["db_sessionmaker"]() as session, source.test_request_context():
        reference = make_request(session, name="Varmuus Kopio").reference
    source.extensions["db_engine"].dispose()
    keeper = _backup_key(tmp_path)
    backups = tmp_path / "backups"
    backups.mkdir(mode=0o700)
    expired = backups / "portal-2020-01-01.dump.gpg"
    expired.write_bytes(b"old")

    [command] = unit_values("portal-backup.service", "ExecStart")
    command = localised(command, env_file=tmp_path / "env", home=tmp_path).replace(
        "/var/backups/portal", str(backups)).replace("/etc/portal/", f"{tmp_path}/")
    env = {"PATH": os.environ["PATH"], **environment_file(), "PORTAL_SECRET_KEY": STRONG_SECRET,
           "PORTAL_DATABASE_URL": postgres_url, "PORTAL_INSTANCE_PATH": str(tmp_path)}
    done = subprocess.run(shlex.split(command), env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    [dump] = backups.glob("portal-*.dump.gpg")
    assert not expired.exists()  # older than the kept period: deleted
    assert dump.stat().st_mode & 0o777 == 0o600
    content = dump.read_bytes()
    assert b"PGDMP" not in content and b"Varmuus" not in content  # encrypted

    name = f"portal_restored_{uuid.uuid4().hex[:8]}"
    with _admin_engine(postgres_server).connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    restored_url = postgres_server.rsplit("/", 1)[0] + f"/{name}"
    restore = (f"gpg --batch --quiet --decrypt {dump} | pg_restore --no-owner --exit-on-error "
               f"--dbname={_libpq(restored_url)}")
    subprocess.run(["bash", "-o", "pipefail", "-c", restore], env=keeper, check=True,
                   capture_output=True, timeout=120)

    migrate.upgrade(restored_url)  # an upgrade after a restore finds nothing to do
    restored = create_app(make_settings(tmp_path / "b", restored_url))
    with restored.extensions["db_sessionmaker"]() as session:
        request = session.scalar(select(DataRequest).where(DataRequest.reference == reference))
        assert request.name == "Varmuus Kopio" and request.state == "received"
    page = restored.test_client().get("/fi/registers/museokortti")
    assert page.status_code == 200 and "Museokortti" in page.get_data(as_text=True)
    restored.extensions["db_engine"].dispose()
    with _admin_engine(postgres_server).connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
