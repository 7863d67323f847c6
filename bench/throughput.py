"""The notice page and its PDF served by gunicorn, against a bare Flask hello-world served the
same way (goal: at least 0.8 of its throughput, no errors); then request intake under
concurrent load (no error, every request stored once).

Run ``make bench`` or ``.venv/bin/python -m bench.throughput``. Bounded: a fixed number of
requests, to 127.0.0.1 only.
"""

from __future__ import annotations

import re
import statistics
import threading
import time
from http.client import HTTPConnection

from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from bench.common import ab, demo_database, gunicorn, machine, portal_env
from portal.dsr.models import DataRequest
from portal.mail.models import OutboxMail
from tests.http import get

REQUESTS, CONCURRENCY = 4000, 8
INTAKE, INTAKE_THREADS = 300, 8
PAGES = {"notice page": "/fi/registers/museokortti", "notice PDF": "/fi/registers/museokortti.pdf"}


def _row(name: str, result: dict, baseline: dict, size: int) -> str:
    return (f"| {name} | {size:,} B | {result['rps']:.0f} | {result['ms']:.1f} ms | "
            f"{result['failed'] + result['non2xx']:.0f} | {result['rps'] / baseline['rps']:.2f} |")


def throughput(database_url: str) -> list[str]:
    """Both servers run in turn with the same worker count, config file and load."""
    with gunicorn("portal:create_app()", portal_env(database_url)) as portal:
        sizes = {name: len(get(portal + path)[2]) for name, path in PAGES.items()}  # rendered
        ab(portal + PAGES["notice page"], 500, CONCURRENCY)  # warm-up
        results = {name: ab(portal + path, REQUESTS, CONCURRENCY)
                   for name, path in PAGES.items()}
    with gunicorn("bench.hello:app") as hello:
        ab(hello + "/", 500, CONCURRENCY)
        baseline = ab(hello + "/", REQUESTS, CONCURRENCY)
        same_size = ab(hello + f"/bytes/{sizes['notice PDF']}", REQUESTS, CONCURRENCY)
    return ["| what | body | requests/s | mean latency | failed | ratio to hello-world |",
            "|---|---|---|---|---|---|",
            _row("hello-world", baseline, baseline, 13),
            *(_row(name, results[name], baseline, sizes[name]) for name in PAGES),
            _row("hello-world, body as large as the PDF", same_size, baseline,
                 sizes["notice PDF"]),
            f"\nThe notice PDF against a hello-world body of the same size: "
            f"{results['notice PDF']['rps'] / same_size['rps']:.2f}."]


def _submit(base: str, number: int, latencies: list[float], outcomes: list[int]) -> None:
    host, port = base.removeprefix("http://").split(":")
    started = time.perf_counter()
    connection = HTTPConnection(host, int(port), timeout=30)
    address = f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"
    connection.request("GET", "/fi/requests/new", headers={"X-Forwarded-For": address})
    response = connection.getresponse()
    page = response.read().decode()
    cookie = response.getheader("Set-Cookie", "").split(";", 1)[0]
    fields = dict(re.findall(r'name="(csrf_token|submission)" type="hidden" value="([^"]+)"',
                             page))
    body = "&".join(f"{k}={v}" for k, v in {
        **fields, "right": "access", "registers": "museokortti", "name": f"Kuorma {number}",
        "email": f"kuorma{number}@example.fi", "details": "Kaikki tietoni."}.items())
    connection.close()
    connection = HTTPConnection(host, int(port), timeout=30)
    connection.request("POST", "/fi/requests/new", body=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie,
        "X-Forwarded-For": address})
    response = connection.getresponse()
    response.read()
    connection.close()
    latencies.append(time.perf_counter() - started)
    outcomes.append(response.status)


def intake(database_url: str) -> list[str]:
    env = {**portal_env(database_url), "PORTAL_TRUSTED_PROXIES": "1"}
    latencies: list[float] = []
    outcomes: list[int] = []
    numbers = iter(range(INTAKE))
    lock = threading.Lock()

    def worker(base: str) -> None:
        while True:
            with lock:
                number = next(numbers, None)
            if number is None:
                return
            _submit(base, number, latencies, outcomes)

    with gunicorn("portal:create_app()", env) as portal:
        started = time.perf_counter()
        threads = [threading.Thread(target=worker, args=(portal,)) for _ in range(INTAKE_THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    engine = create_engine(database_url)
    with Session(engine) as session:
        stored = session.scalar(select(func.count()).select_from(DataRequest))
        mails = session.scalar(select(func.count()).select_from(OutboxMail))
        distinct = session.scalar(select(func.count(DataRequest.email.distinct())))
    engine.dispose()
    quantiles = statistics.quantiles(latencies, n=20)
    return [
        "| submitted | accepted (302) | errors | stored | distinct | mails queued | "
        "per second | median | 95th percentile |",
        "|---|---|---|---|---|---|---|---|---|",
        f"| {INTAKE} | {outcomes.count(302)} | {len(outcomes) - outcomes.count(302)} | "
        f"{stored} | {distinct} | {mails} | {INTAKE / elapsed:.1f} | "
        f"{statistics.median(latencies) * 1000:.0f} ms | {quantiles[18] * 1000:.0f} ms |"]


def main() -> None:
    print(f"Machine: {machine()}\n")
    with demo_database() as url:
        print("\n".join(throughput(url)))
        print()
        print("\n".join(intake(url)))


if __name__ == "__main__":
    main()
