"""The production set-up of docs/deployment.md: gunicorn with the repository's config file.

Served as production: HSTS and Secure cookies, other Host headers refused, and an access log
without tokens, query strings or client addresses.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT, _free_port
from tests.deploy.files import STRONG_SECRET
from tests.http import get


def _get(url: str, host: str | None = None):
    status, headers, _body = get(url, host)
    return status, headers


@pytest.fixture
def gunicorn_server(tmp_path, sqlite_template):
    shutil.copy(sqlite_template, tmp_path / "portal.db")
    port, log = _free_port(), tmp_path / "access.log"
    env = {**os.environ, "PORTAL_ENV": "production", "PORTAL_SECRET_KEY": STRONG_SECRET,
           "PORTAL_DATABASE_URL": f"sqlite:///{tmp_path / 'portal.db'}",
           "PORTAL_INSTANCE_PATH": str(tmp_path / "instance"),
           "PORTAL_BASE_URL": f"https://127.0.0.1:{port}", "PORTAL_BIND": f"127.0.0.1:{port}",
           "PORTAL_WORKERS": "2", "PORTAL_ACCESS_LOG": str(log)}
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", "python:portal.gunicorn_conf",
         "portal:create_app()"], cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            get(base + "/fi/", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield base, log
    server.terminate()
    server.wait(timeout=30)


def test_gunicorn_serves_production_safely_and_logs_no_secrets(gunicorn_server):
    base, log = gunicorn_server
    status, headers = _get(base + "/fi/registers/museokortti")
    assert status == 200
    assert headers["Strict-Transport-Security"].startswith("max-age=")
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    status, headers = _get(base + "/fi/requests/new")
    assert "Secure" in headers["Set-Cookie"] and "__Host-session" in headers["Set-Cookie"]
    assert _get(base + "/fi/", host="evil.example")[0] == 400
    assert _get(base + "/fi/requests/status/SalainenTunniste123")[0] == 404
    assert _get(base + "/fi/requests/confirm/VahvistusTunniste456")[0] == 404
    assert _get(base + "/fi/?q=aino.asiakas@example.fi")[0] == 200
    time.sleep(0.2)
    written = log.read_text()
    assert "/fi/requests/status/[token]" in written and "/fi/requests/confirm/[token]" in written
    for secret in ("SalainenTunniste123", "VahvistusTunniste456", "aino.asiakas", "127.0.0.1"):
        assert secret not in written
