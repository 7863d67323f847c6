"""`make run IDP=1`, as a newcomer runs it: the portal with the demo identity provider, and a
test person identifies through it (README, docs/identification.md)."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import requests

from portal.settings import PROJECT_ROOT
from tests.conftest import need
from tests.idp import provider as idp


def _wait_for(url: str, process, log) -> None:
    deadline = time.monotonic() + 240
    while True:
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            raise AssertionError(log.read_text()[-3000:])
        time.sleep(0.5)


def test_make_run_with_the_demo_identity_provider(tmp_path):
    need(idp.available(), "node and oidc-provider (npm ci)")
    port, idp_port = idp.free_port(), idp.free_port()
    log = tmp_path / "run.log"
    env = {**os.environ, "PORTAL_INSTANCE_PATH": str(tmp_path / "instance"),
           "PORTAL_BASE_URL": f"http://127.0.0.1:{port}"}
    with log.open("wb") as output:
        process = subprocess.Popen(
            ["make", "run", "IDP=1", f"PORT={port}", f"IDP_PORT={idp_port}",
             f"IDP_DIR={tmp_path / 'idp'}"], cwd=PROJECT_ROOT, env=env, stdout=output,
            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for(f"{base}/fi/identify", process, log)
        _wait_for(f"{idp.issuer_at(idp_port)}/.well-known/openid-configuration", process, log)
        browser = requests.Session()
        start = browser.get(f"{base}/fi/identify/start", allow_redirects=False)
        assert start.status_code == 303
        assert start.headers["Location"].startswith(f"http://127.0.0.1:{idp_port}/")
        back = idp.identify(start.headers["Location"], f"{base}/identify/callback",
                            person="tester-2")
        page = browser.get(back).text
        assert "Anna-Liisa Virtanen" in page
        assert "Demo identity provider" in log.read_text()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
