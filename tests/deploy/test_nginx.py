"""Debian's nginx with ``deploy/nginx/portal.conf`` in front of two gunicorn instances started
as ``deploy/systemd/portal@.service`` starts them, on PostgreSQL and Redis.

One instance killed in the middle of the traffic, then both restarted one after the other (the
rolling restart of docs/deployment.md): no visitor sees a failed request. nginx's own answers
carry the security headers and no version, the app answers oversized posts itself, and no
secret link ends up in nginx's logs.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import shlex
import shutil
import signal
import ssl
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from portal.assets import STATIC
from tests.conftest import _free_port, need
from tests.deploy.files import (
    DEPLOY,
    STRONG_SECRET,
    environment_file,
    localised,
    unit_values,
)

HOST = "tietosuoja.example.fi"
SECRET_LINK = "/fi/requests/status/SalainenTunniste123"
#: The rolling restart waits this long after an instance is healthy again before stopping the
#: next: nginx leaves a failed instance alone for its fail_timeout (3 s) after the last failure.
ROLLING_PAUSE = 5
#: What the visitors of the test ask for, and what they must get (an unknown status link is
#: a 404 until the rate limit, shared by both instances through Redis, answers 429).
TRAFFIC = {"/fi/registers/museokortti": {200}, "/sv/": {200}, "/static/css/portal.css": {200},
           "/healthz": {200}, SECRET_LINK: {404, 429}}


class Instance:
    """One ``portal@PORT`` instance: ExecStartPre, then ExecStart, in its own process group."""

    def __init__(self, port: int, env: dict, folder: Path) -> None:
        self.port, self.folder = port, folder
        self.env = {**env, "PORTAL_BIND": f"127.0.0.1:{port}",
                    "RUNTIME_DIRECTORY": str(folder / f"run-{port}")}
        self.process: subprocess.Popen | None = None

    def command(self, key: str) -> list[str]:
        [line] = unit_values("portal@.service", key)
        return shlex.split(localised(line, env_file=Path("/nonexistent"), home=self.folder))

    def start(self) -> None:
        Path(self.env["RUNTIME_DIRECTORY"]).mkdir(exist_ok=True)
        subprocess.run(self.command("ExecStartPre"), env=self.env, cwd=self.folder, check=True,
                       capture_output=True, timeout=60)
        self.process = subprocess.Popen(self.command("ExecStart"), env=self.env, cwd=self.folder,
                                        start_new_session=True, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        wait_for(lambda: http_get(self.port, "/healthz")[0] == 200)

    def stop(self) -> None:
        """As ``systemctl stop``: SIGTERM, and gunicorn finishes what it serves."""
        self.process.terminate()
        self.process.wait(timeout=60)

    def kill(self) -> None:
        """As a crash: every process of the instance dies at once."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)


def wait_for(ready, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            if ready():
                return
        time.sleep(0.2)
    raise AssertionError("not ready in time")


def http_get(port: int, path: str, *, tls: ssl.SSLContext | None = None, method: str = "GET",
             body: bytes | None = None):
    """An answer from 127.0.0.1 for the portal's host name; over TLS when given a context."""
    if tls:
        connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=30, context=tls)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers={"Host": HOST})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def nginx_config(folder: Path, https: int, plain: int, backends: tuple[int, int]) -> Path:
    """``deploy/nginx/portal.conf`` with the test's ports, certificate, logs and static folder,
    inside the few lines of a main configuration that Debian's nginx.conf otherwise gives."""
    site = (DEPLOY / "nginx" / "portal.conf").read_text()
    for old, new in (("listen 443 ", f"listen 127.0.0.1:{https} "),
                     ("listen 80;", f"listen 127.0.0.1:{plain};"),
                     ("127.0.0.1:8001", f"127.0.0.1:{backends[0]}"),
                     ("127.0.0.1:8002", f"127.0.0.1:{backends[1]}"),
                     ("/etc/letsencrypt/live/tietosuoja.example.fi/", f"{folder}/"),
                     ("/var/log/nginx/", f"{folder}/log/"),
                     ("/opt/portal/static/", f"{STATIC}/")):
        assert old in site
        site = site.replace(old, new)
    site = "\n".join(line for line in site.splitlines() if "listen [::]" not in line)
    (folder / "site.conf").write_text(site)
    (folder / "log").mkdir()
    temp = " ".join(f"{kind}_temp_path {folder}/{kind};" for kind in
                    ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    user = "user root root;" if os.geteuid() == 0 else ""
    main = folder / "nginx.conf"
    main.write_text(f"{user} worker_processes 1; pid {folder}/nginx.pid;\n"
                    f"error_log {folder}/log/main-error.log;\n"
                    f"events {{}}\nhttp {{ include /etc/nginx/mime.types; access_log off; {temp}\n"
                    f"include {folder}/site.conf; }}\n")
    return main


def certificate(folder: Path) -> None:
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", f"/CN={HOST}",
                    "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(folder / "privkey.pem"), "-out", str(folder / "fullchain.pem")],
                   check=True, capture_output=True)


@dataclass
class Stack:
    https: int
    plain: int
    tls: ssl.SSLContext
    instances: list[Instance]
    folder: Path


class Visitors:
    """A few visitors asking for pages all the time; every unexpected answer is kept."""

    def __init__(self, port: int, tls: ssl.SSLContext) -> None:
        self.port, self.tls, self.answers, self.failures = port, tls, 0, []
        self.running = threading.Event()
        self.threads = [threading.Thread(target=self._visit, args=(n,)) for n in range(4)]

    def _visit(self, offset: int) -> None:
        paths = list(TRAFFIC)
        n = offset
        while self.running.is_set():
            path = paths[n % len(paths)]
            n += 1
            try:
                status = http_get(self.port, path, tls=self.tls)[0]
            except OSError as exc:
                self.failures.append((path, repr(exc)))
                continue
            self.answers += 1
            if status not in TRAFFIC[path]:
                self.failures.append((path, status))

    def __enter__(self):
        self.running.set()
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_exc):
        self.running.clear()
        for thread in self.threads:
            thread.join(timeout=60)


@pytest.fixture
def stack(tmp_path, postgres_url, redis_url):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    need(Path(nginx).exists(), "nginx (Debian package nginx)")
    certificate(tmp_path)
    tls = ssl.create_default_context(cafile=str(tmp_path / "fullchain.pem"))
    env = {"PATH": "/usr/bin:/bin", **environment_file(), "PORTAL_SECRET_KEY": STRONG_SECRET,
           "PORTAL_DATABASE_URL": postgres_url, "PORTAL_RATELIMIT_STORAGE_URI": redis_url,
           "PORTAL_INSTANCE_PATH": str(tmp_path), "PORTAL_WORKERS": "2"}
    instances = [Instance(_free_port(), env, tmp_path) for _ in range(2)]
    for instance in instances:
        instance.start()
    https, plain = _free_port(), _free_port()
    config = nginx_config(tmp_path, https, plain, (instances[0].port, instances[1].port))
    server = subprocess.Popen([nginx, "-c", str(config), "-g", "daemon off;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wait_for(lambda: http_get(https, "/healthz", tls=tls)[0] == 200, 30)
    yield Stack(https, plain, tls, instances, tmp_path)
    server.terminate()
    server.wait(timeout=30)
    for instance in instances:
        with contextlib.suppress(ProcessLookupError, AttributeError):
            os.killpg(instance.process.pid, signal.SIGKILL)


def test_one_instance_killed_and_a_rolling_restart_fail_no_request(stack):
    first, second = stack.instances
    with Visitors(stack.https, stack.tls) as visitors:
        time.sleep(1.5)
        first.kill()
        time.sleep(2)
        first.start()
        for instance in (first, second):  # docs/deployment.md, "Rolling restart"
            time.sleep(ROLLING_PAUSE)
            instance.stop()
            instance.start()
        time.sleep(1)
    assert visitors.failures == []
    assert visitors.answers > 20
    logs = "".join(path.read_text() for path in (stack.folder / "log").iterdir())
    assert "SalainenTunniste123" not in logs


def test_nginx_own_answers_carry_security_headers_and_the_app_answers_413(stack):
    https, tls = stack.https, stack.tls
    status, headers, _ = http_get(https, "/static/css/portal.css", tls=tls)
    assert status == 200 and headers["Server"] == "nginx"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    status, headers, _ = http_get(https, "/static/ei-ole.css", tls=tls)
    assert status == 404 and headers["Strict-Transport-Security"].startswith("max-age=")
    status, headers, _ = http_get(https, "/fi/", tls=tls)  # the app's: each header once
    assert status == 200 and len(headers.get_all("Content-Security-Policy")) == 1
    assert len(headers.get_all("Strict-Transport-Security")) == 1
    status, headers, body = http_get(https, "/fi/requests/new", tls=tls, method="POST",
                                     body=b"x" * (2 * 1024 * 1024 + 100))
    assert status == 413 and "Liian paljon tietoa" in body.decode()
    scans = b"x" * (5 * 1024 * 1024)  # a scanned letter: past nginx on the two staff forms
    for path in ("/admin/requests/new", "/admin/requests/12/decision"):
        status, _, body = http_get(https, path, tls=tls, method="POST", body=scans)
        assert status == 413 and "2 Mt" in body.decode(), path  # the app's page: signed out
    for path, size in (("/fi/requests/new", len(scans)), ("/admin/login", len(scans)),
                       ("/admin/login/", len(scans)), ("/admin/anything", len(scans)),
                       ("/admin/requests/12/decision/send", len(scans)),
                       ("/admin/requests/new", 22 * 1024 * 1024)):
        status, _, body = http_get(https, path, tls=tls, method="POST", body=b"x" * size)
        assert status == 413 and b"Liian paljon" not in body, path  # nginx's own answer
    status, headers, _ = http_get(stack.plain, "/fi/")
    assert status == 301 and headers["Location"] == f"https://{HOST}/fi/"
    for instance in stack.instances:
        instance.kill()
    status, headers, body = http_get(https, "/fi/", tls=tls)
    assert status == 502 and headers["Server"] == "nginx" and b"nginx/" not in body
    assert headers["X-Frame-Options"] == "DENY" and headers["Referrer-Policy"] == "same-origin"
