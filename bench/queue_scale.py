"""The DPO's queue with 1,000, 100,000 and 1,000,000 requests in PostgreSQL.

Goal (issue "Production grade"): the million-row page within 1.5 times the thousand-row time,
and EXPLAIN showing index use. Run ``make bench`` or ``.venv/bin/python -m bench.queue_scale``;
it starts its own throwaway PostgreSQL cluster (nothing leaves 127.0.0.1) and prints Markdown
for docs/benchmarks.md.
"""

from __future__ import annotations

import statistics
import time
from datetime import date

from sqlalchemy import create_engine, select, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from bench.common import demo_database
from portal.backoffice import queue
from portal.notices.models import Controller

SIZES = (1_000, 100_000, 1_000_000)
TODAY = date(2026, 11, 22)
RUNS = 30
FILTERS = {
    "first page (open requests, due first)": queue.QueueFilter(),
    "filtered: erasure, overdue": queue.QueueFilter(right="erasure", overdue=True),
}
#: One in ten requests is open, as in a queue that is kept up with; the rest are closed.
FILL = """
INSERT INTO data_requests (controller_id, reference, right_code, state, name, email, phone,
    details, locale, received_at, confirmed_at, confirm_expires_at, submission_key, due_on,
    version)
SELECT (ARRAY[{controllers}])[1 + g % {count}], 'BENCH-' || g,
    (ARRAY['access','rectification','erasure','restriction','objection','portability'])[1 + g % 6],
    CASE WHEN g % 10 = 0 THEN 'received' WHEN g % 50 = 1 THEN 'info_requested'
         WHEN g % 10 = 2 THEN 'refused' ELSE 'completed' END,
    'Bench ' || g, 'bench' || g || '@example.fi', '', '', 'fi',
    now() - (g % 1000) * interval '1 day', now(), now(), md5(g::text),
    DATE '2024-01-01' + (g % 1200), 1
FROM generate_series(CAST(:start AS integer), CAST(:stop AS integer)) AS g
"""


def median_ms(engine, controller_ids, f) -> float:
    times = []
    for _ in range(RUNS):
        with Session(engine) as session:
            started = time.perf_counter()
            queue.page(session, controller_ids, f, TODAY)
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def explain(engine, controller_ids, f) -> str:
    query = queue.page_query(controller_ids, f, TODAY)
    sql = str(query.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}))
    with engine.connect() as connection:
        rows = connection.execute(text(f"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) {sql}"))
        return "\n".join(row[0] for row in rows)


def main() -> None:
    with demo_database() as url:
        engine = create_engine(url)
        with Session(engine) as session:
            controller_ids = set(session.scalars(select(Controller.id)))
        ids = ",".join(str(i) for i in sorted(controller_ids))
        results, plans, filled = {}, {}, 0
        for size in SIZES:
            with engine.begin() as connection:
                connection.execute(text(FILL.format(controllers=ids, count=len(controller_ids))),
                                   {"start": filled + 1, "stop": size})
                connection.execute(text("ANALYZE data_requests"))
            filled = size
            for name, f in FILTERS.items():
                results[(name, size)] = median_ms(engine, controller_ids, f)
                if size == SIZES[-1]:
                    plans[name] = explain(engine, controller_ids, f)
        engine.dispose()
    print("| page | " + " | ".join(f"{s:,} rows" for s in SIZES) + " | 1M / 1k |")
    print("|---|" + "---|" * (len(SIZES) + 1))
    for name in FILTERS:
        times = [results[(name, s)] for s in SIZES]
        cells = " | ".join(f"{t:.2f} ms" for t in times)
        print(f"| {name} | {cells} | {times[-1] / times[0]:.2f} |")
    for name, plan in plans.items():
        print(f"\nEXPLAIN at 1,000,000 rows, {name}:\n\n```\n{plan}\n```")


if __name__ == "__main__":
    main()
