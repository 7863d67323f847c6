"""Reading the files in ``deploy/`` the way systemd and cron read them, with this machine's paths.

The files name the production paths (``/opt/portal/venv``, ``/etc/portal/env``,
``/var/lib/portal``); tests run the same lines with the test's venv and folders put in.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from tests.conftest import PROJECT_ROOT

DEPLOY = PROJECT_ROOT / "deploy"
VENV_BIN = Path(sys.executable).parent
#: A secret the production start-up checks accept (random-looking, long enough).
STRONG_SECRET = "k3Jx9-tQv2_Lw8ZpR4mN7yHc1bF6dGsA0eUoIiVrT5"
ENV_LINE = re.compile(r"(PORTAL_[A-Z0-9_]+)=([^\s#'\"]*)")


def environment_file(path: Path = DEPLOY / "portal.env") -> dict[str, str]:
    """Variables of an ``EnvironmentFile``; every line must mean the same to systemd and sh."""
    values = {}
    for line in path.read_text().splitlines():
        if not line or line.startswith("#"):
            continue
        match = ENV_LINE.fullmatch(line)
        assert match, f"not a plain KEY=value line: {line!r}"
        values[match[1]] = match[2]
    return values


def unit_values(name: str, key: str) -> list[str]:
    """Every value of ``key`` in ``deploy/systemd/<name>``."""
    text = (DEPLOY / "systemd" / name).read_text()
    return re.findall(rf"^{key}=(.*)$", text, flags=re.MULTILINE)


def localised(command: str, *, env_file: Path, home: Path) -> str:
    """A command from a unit or the cron file, with the test's venv, settings and home."""
    return (command.replace("/opt/portal/venv/bin/", f"{VENV_BIN}/")
            .replace("/etc/portal/env", str(env_file)).replace("/var/lib/portal", str(home)))


def cron_commands() -> dict[str, str]:
    """The command of each job line of ``deploy/cron``, by its flask command."""
    commands = {}
    for line in (DEPLOY / "cron").read_text().splitlines():
        fields = line.split(None, 6)
        if line.startswith("#") or len(fields) < 7 or "=" in fields[0]:
            continue
        assert fields[5] == "portal", "jobs run as the portal user"
        job = fields[6].split("--app portal ", 1)[1]
        commands[" ".join(job.split()[:2])] = fields[6]
    return commands


def write_environment(path: Path, **overrides: str) -> dict[str, str]:
    """``deploy/portal.env`` with test values, written where a command can source it."""
    values = {**environment_file(), **overrides}
    path.write_text("".join(f"{key}={value}\n" for key, value in values.items()))
    return values
