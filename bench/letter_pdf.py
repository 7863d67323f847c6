"""A ten-page response letter: render time and peak memory of WeasyPrint in the portal's setup.

The letter answers an access request with a data extract of museum visits, long enough for ten
pages, in the requester's language (Finnish). Each rendering runs in a fresh process, so the
peak resident memory is that of one rendering. Run ``make bench`` or
``.venv/bin/python -m bench.letter_pdf``.
"""

from __future__ import annotations

import io
import multiprocessing
import resource
import statistics
import time
from datetime import datetime
from pathlib import Path

from pypdf import PdfReader

from bench.common import ROOT, machine

ROWS = 330  # about ten A4 pages with the letterhead and the closing paragraphs
RUNS = 5


def _resident_kib() -> int:
    """The process's resident memory now (VmRSS), in KiB."""
    status = Path("/proc/self/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS")))


def _render(queue: multiprocessing.Queue) -> None:
    from portal import create_app
    from portal.backoffice.extracts import read_extract
    from portal.backoffice.letters import render_decision
    from portal.backoffice.models import StaffUser
    from portal.deadlines import HELSINKI
    from portal.dsr.models import DataRequest
    from portal.law.decisions import Decision
    from portal.notices.models import Controller
    from portal.settings import Settings

    app = create_app(Settings(env="testing", secret_key="b" * 40, database_url="sqlite://",
                              instance_path=ROOT / "instance" / "bench"))
    lines = ["päivä;museo;kävijätyyppi;hinta"] + [
        f"2026-{1 + n % 12:02d}-{1 + n % 28:02d};Museo {n % 40};aikuinen;{n % 20},00 €"
        for n in range(ROWS)]
    extract = read_extract("museokäynnit.csv", "\n".join(lines).encode())
    controller = Controller(slug="museokortti", name={"fi": "Museokortti"}, address={},
                            email="museokortti@museot.fi")
    request = DataRequest(reference="MUSEOKORTTI-2026-0042", right_code="access", name="Aino",
                          email="aino@example.fi", locale="fi", controller=controller,
                          received_at=datetime(2026, 3, 2, 10, tzinfo=HELSINKI))
    staff = StaffUser(email="dpo@museot.example", name="Tiina Tietosuoja", role="dpo")
    before = _resident_kib()
    with app.test_request_context():
        started = time.perf_counter()
        pdf = render_decision(request, Decision("granted", text="Ohessa tietonne."),
                              files=(extract,), preparer=staff, signer=staff,
                              now=datetime(2026, 3, 20, 12, tzinfo=HELSINKI))
        elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    queue.put((elapsed, before, peak, len(PdfReader(io.BytesIO(pdf)).pages), len(pdf)))


def main() -> None:
    context = multiprocessing.get_context("spawn")
    results = []
    for _ in range(RUNS):
        queue = context.Queue()
        process = context.Process(target=_render, args=(queue,))
        process.start()
        results.append(queue.get(timeout=300))
        process.join()
    times = [r[0] for r in results]
    _, before, peak, pages, size = results[-1]
    print(f"Machine: {machine()}\n")
    print("| pages | PDF size | render time (median of 5, fresh process) | slowest | "
          "peak memory of the process | added by the rendering |")
    print("|---|---|---|---|---|---|")
    median, slowest = statistics.median(times) * 1000, max(times) * 1000
    print(f"| {pages} | {size / 1024:.0f} KiB | {median:.0f} ms | {slowest:.0f} ms | "
          f"{peak / 1024:.0f} MiB | {(peak - before) / 1024:.0f} MiB |")


if __name__ == "__main__":
    main()
