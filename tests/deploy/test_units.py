"""The systemd units of ``deploy/`` as systemd reads them, and the settings file they share."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from portal.settings import Settings, SettingsError
from tests.conftest import need
from tests.deploy.files import DEPLOY, STRONG_SECRET, environment_file, localised, unit_values

HARDENING = ("NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes",
             "PrivateDevices=yes", "CapabilityBoundingSet=", "UMask=0077")
SERVICES = sorted(path.name for path in (DEPLOY / "systemd").glob("*.service"))


def test_systemd_analyze_verify_finds_nothing_wrong(tmp_path):
    need(shutil.which("systemd-analyze") is not None, "systemd-analyze (Debian package systemd)")
    units = []
    for path in (DEPLOY / "systemd").iterdir():
        name = path.name.replace("@.service", "@8001.service")
        (tmp_path / name).write_text(localised(path.read_text(), env_file=tmp_path / "env",
                                               home=tmp_path))
        units.append(f"./{name}")
    done = subprocess.run(["systemd-analyze", "verify", "--man=no", *units], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stderr) == (0, "")


def test_every_service_is_hardened_runs_as_portal_and_waits_for_the_network():
    assert {"portal@.service", "portal-mail.service", "portal-remind.service",
            "portal-retention.service", "portal-backup.service"} <= set(SERVICES)
    for name in SERVICES:
        text = (DEPLOY / "systemd" / name).read_text()
        assert all(line in text.splitlines() for line in HARDENING), name
        assert unit_values(name, "User") == ["portal"]
        assert unit_values(name, "EnvironmentFile") == ["/etc/portal/env"]
        assert unit_values(name, "Wants") == ["network-online.target"]
        assert "network-online.target" in unit_values(name, "After")[0]
    for timer in ("portal-remind.timer", "portal-retention.timer", "portal-backup.timer"):
        assert unit_values(timer, "Persistent") == ["true"]
    assert (DEPLOY / "sysusers.conf").read_text().splitlines()[-1].startswith("u portal ")


def test_each_instance_has_its_own_runtime_directory_and_reloads_by_hup():
    assert unit_values("portal@.service", "RuntimeDirectory") == ["portal-%i"]
    assert unit_values("portal@.service", "Environment") == ["PORTAL_BIND=127.0.0.1:%i"]
    assert unit_values("portal@.service", "ExecReload") == ["/bin/kill -HUP $MAINPID"]


def test_the_settings_file_is_valid_for_systemd_and_refuses_to_start_unfilled(tmp_path):
    values = environment_file()  # plain KEY=value lines: no quotes, no trailing comments
    with pytest.raises(SettingsError, match="PORTAL_SECRET_KEY"):  # the operator makes one
        Settings.from_env({**values, "PORTAL_INSTANCE_PATH": str(tmp_path)})
    filled = {**values, "PORTAL_SECRET_KEY": STRONG_SECRET, "PORTAL_INSTANCE_PATH": str(tmp_path)}
    settings = Settings.from_env(filled)
    assert settings.is_production and settings.trusted_proxies == 1
    assert settings.base_url.startswith("https://")
