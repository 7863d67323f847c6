"""Shared by the benchmarks: a throwaway PostgreSQL with the demo content, gunicorn processes,
and ApacheBench (Debian ``apache2-utils``). Load only ever goes to 127.0.0.1."""

from __future__ import annotations

import contextlib
import os
import platform
import re
import secrets
import shutil
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text

from tests.conftest import PostgresCluster, _admin_engine, _free_port, prepare_database
from tests.http import get

ROOT = Path(__file__).resolve().parents[1]
WORKERS = "4"


@contextlib.contextmanager
def demo_database():
    """The URL of a migrated PostgreSQL database holding the demo notices."""
    cluster = PostgresCluster()
    cluster.start()
    try:
        with _admin_engine(cluster.url).connect() as connection:
            connection.execute(text('CREATE DATABASE "bench"'))
        url = cluster.url.rsplit("/", 1)[0] + "/bench"
        prepare_database(url)
        yield url
    finally:
        cluster.remove()


@contextlib.contextmanager
def gunicorn(app: str, env: dict[str, str] | None = None):
    """``app`` served by gunicorn with the portal's config file; yields the base URL."""
    port = _free_port()
    environment = {**os.environ, "PORTAL_BIND": f"127.0.0.1:{port}", "PORTAL_WORKERS": WORKERS,
                   "PORTAL_ACCESS_LOG": os.devnull, **(env or {})}
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", "python:portal.gunicorn_conf",
         app], cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            with contextlib.suppress(OSError):
                get(base + "/", timeout=1)
                break
            time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def portal_env(database_url: str) -> dict[str, str]:
    return {"PORTAL_ENV": "production", "PORTAL_SECRET_KEY": secrets.token_urlsafe(48),
            "PORTAL_DATABASE_URL": database_url, "PORTAL_BASE_URL": "https://127.0.0.1",
            "PORTAL_INSTANCE_PATH": str(ROOT / "instance" / "bench")}


def ab(url: str, requests: int, concurrency: int) -> dict[str, float]:
    """Run ApacheBench against ``url``; requests per second, failures, mean time."""
    binary = shutil.which("ab")
    if binary is None:
        raise SystemExit("ApacheBench not found: apt-get install apache2-utils")
    output = subprocess.run([binary, "-q", "-n", str(requests), "-c", str(concurrency),
                             "-s", "30", url], capture_output=True, text=True,
                            check=True, timeout=600).stdout

    def number(label: str) -> float:
        found = re.search(rf"{label}:\s+([\d.]+)", output)
        return float(found.group(1)) if found else 0.0

    return {"rps": number("Requests per second"), "failed": number("Failed requests"),
            "non2xx": number("Non-2xx responses"), "ms": number(r"Time per request")}


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor())
    memory = next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    return (f"{os.cpu_count()} CPUs ({cpu}), {int(memory) // 1024 // 1024} GiB RAM, "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}")
