"""Statistics from anonymous facts: counts, on-time share, median days."""

from datetime import date

from portal.backoffice.stats import Fact, summarise

D = date.fromisoformat


def test_summary_per_month_and_right():
    facts = [
        Fact("access", "completed", D("2026-03-02"), D("2026-03-20"), D("2026-04-02"), False),
        Fact("access", "completed", D("2026-03-05"), D("2026-04-10"), D("2026-04-07"), False),
        Fact("access", "refused", D("2026-03-09"), D("2026-03-12"), D("2026-04-09"), False),
        Fact("access", "received", D("2026-03-30"), None, D("2026-04-30"), True),
        Fact("erasure", "completed", D("2026-04-01"), D("2026-04-02"), D("2026-05-04"), False),
    ]
    march, april = summarise(facts)
    assert (march.month, march.right, march.received, march.completed, march.refused) == (
        "2026-03", "access", 4, 2, 1)
    assert (march.closed, march.on_time, march.extended) == (3, 2, 1)
    assert march.median_days == 18  # 18, 36 and 3 days
    assert round(march.on_time_share, 3) == 0.667
    assert (april.right, april.median_days, april.on_time_share) == ("erasure", 1, 1.0)


def test_nothing_closed_has_no_share_or_median():
    [row] = summarise([Fact("access", "received", D("2026-01-01"), None, None, False)])
    assert row.on_time_share is None and row.median_days is None
