"""The deadline engine against the legal rules (shared docs/legal-rules.md §1), 2026-2029.

Expected dates were worked out by hand from the calendar; comments say why.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portal.deadlines import HELSINKI, DeadlineError, compute, due_date, is_working_day


def hki(day: str, clock: str = "12:00") -> datetime:
    return datetime.combine(date.fromisoformat(day), time.fromisoformat(clock), HELSINKI)


def utc(moment: str) -> datetime:
    return datetime.fromisoformat(moment).replace(tzinfo=UTC)


D = date.fromisoformat

CASES = [
    # The worked examples of the legal rules.
    (hki("2026-01-15"), [], False, "2026-02-16"),  # 15 Feb is a Sunday
    (hki("2028-01-31"), [], False, "2028-02-29"),  # leap-year clamp
    (hki("2026-03-03"), [], False, "2026-04-07"),  # Good Friday, weekend, Easter Monday
    (utc("2026-03-31T22:30"), [], False, "2026-05-04"),  # 1 Apr in Helsinki; May Day is a Friday
    (hki("2026-03-02"), [("2026-03-03", "2026-03-13")], False, "2026-04-13"),  # +10 = Sun 12 Apr
    (hki("2026-01-15"), [], True, "2026-04-15"),
    # Month ends.
    (hki("2026-01-31"), [], False, "2026-03-02"),  # Sat 28 Feb, Sun 1 Mar
    (hki("2027-01-31"), [], False, "2027-03-01"),  # Sun 28 Feb 2027
    (hki("2029-01-31"), [], False, "2029-02-28"),  # a Wednesday
    (hki("2026-03-31"), [], False, "2026-04-30"),  # April has 30 days; Thursday
    (hki("2028-02-29"), [], False, "2028-03-29"),  # received on a leap day
    (hki("2027-11-30"), [], True, "2028-02-29"),  # extended into a leap February
    (hki("2026-12-31"), [], False, "2027-02-01"),  # Sun 31 Jan 2027
    (hki("2026-12-31"), [], True, "2027-03-31"),
    # Holidays.
    (hki("2027-02-26"), [], False, "2027-03-30"),  # Good Friday 26 Mar 2027 ... Easter Monday
    (hki("2029-03-02"), [], False, "2029-04-03"),  # Easter Monday 2 Apr 2029
    (hki("2029-02-28"), [], False, "2029-03-28"),  # a Wednesday before Easter 2029
    (hki("2026-04-14"), [], False, "2026-05-15"),  # Ascension Day Thu 14 May 2026
    (hki("2026-05-19"), [], False, "2026-06-22"),  # Midsummer Eve Fri 19 Jun, Day Sat 20 Jun
    (hki("2026-11-06"), [], False, "2026-12-07"),  # Independence Day on a Sunday
    (hki("2027-11-06"), [], False, "2027-12-07"),  # Independence Day Mon 6 Dec 2027
    (hki("2026-11-24"), [], False, "2026-12-28"),  # Christmas Eve Thu to Sunday
    (hki("2026-12-01"), [], False, "2027-01-04"),  # New Year's Day Fri 2027
    (hki("2026-12-06"), [], False, "2027-01-07"),  # Epiphany Wed 6 Jan 2027
    # Days that are not holidays.
    (hki("2026-03-02"), [], False, "2026-04-02"),  # Maundy Thursday is a working day
    (hki("2026-04-25"), [], False, "2026-05-25"),  # Whit Monday is a working day
    (hki("2026-11-30"), [("2026-12-01", "2026-12-02")], False, "2026-12-31"),  # New Year's Eve
    # Helsinki date, not UTC date, across midnight and daylight-saving nights.
    (utc("2026-03-31T20:59"), [], False, "2026-04-30"),  # 23:59 on 31 Mar in Helsinki
    (utc("2026-02-25T22:30"), [], False, "2026-03-26"),  # 00:30 on 26 Feb (UTC date: 25th)
    (utc("2026-03-28T22:30"), [], False, "2026-04-29"),  # 00:30 on 29 Mar, the night DST begins
    (utc("2026-10-24T21:30"), [], False, "2026-11-25"),  # 00:30 on 25 Oct, the night DST ends
    (hki("2026-01-18", "00:30"), [], False, "2026-02-18"),  # a Sunday night counts
    (datetime(2026, 2, 25, 18, 0, tzinfo=timezone(timedelta(hours=-5))), [], False,
     "2026-03-26"),  # 18:00 in New York on 25 Feb is 01:00 on 26 Feb in Helsinki
    # Pauses.
    (hki("2026-01-15"), [("2026-01-20", "2026-01-22"), ("2026-01-26", "2026-01-27")], False,
     "2026-02-18"),  # 15 Feb + 3 days
    (hki("2026-01-15"), [("2026-02-01", "2026-02-11")], True, "2026-04-27"),  # Sat 25 Apr
    (hki("2026-01-13"), [("2026-01-14", "2026-01-15")], False, "2026-02-16"),  # Fri+1 = Sat
    (hki("2026-01-15"), [("2026-01-20", "2026-01-20")], False, "2026-02-16"),  # answered same day
]


@pytest.mark.parametrize("received_at, pauses, extended, expected", CASES)
def test_due_dates(received_at, pauses, extended, expected):
    pause_dates = [(D(a), D(b)) for a, b in pauses]
    assert due_date(received_at, pauses=pause_dates, extended=extended) == D(expected)


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        due_date(datetime(2026, 1, 15, 12, 0))


def test_a_pause_cannot_end_before_it_starts():
    with pytest.raises(DeadlineError):
        due_date(hki("2026-01-15"), pauses=[(D("2026-01-20"), D("2026-01-19"))])


def test_extension_notice_date_is_the_one_month_due_date():
    deadline = compute(hki("2026-01-15"), extended=True, extension_notified_on=D("2026-02-10"))
    assert deadline.extension_notice_by == D("2026-02-16")
    assert deadline.due == D("2026-04-15") and deadline.extended


def test_a_late_extension_notice_leaves_the_one_month_date_in_force():
    on_time = compute(hki("2026-01-15"), extended=True, extension_notified_on=D("2026-02-16"))
    late = compute(hki("2026-01-15"), extended=True, extension_notified_on=D("2026-02-17"))
    assert on_time.due == D("2026-04-15")
    assert late.due == D("2026-02-16") and not late.extended
    assert "extension_late" in [step.code for step in late.steps]


def test_steps_explain_the_roll_over_easter():
    deadline = compute(hki("2026-03-03"))
    assert [(s.code, s.day) for s in deadline.steps] == [
        ("received", D("2026-03-03")), ("one_month", D("2026-04-03")),
        ("non_working", D("2026-04-03")), ("non_working", D("2026-04-04")),
        ("non_working", D("2026-04-05")), ("non_working", D("2026-04-06")),
        ("due", D("2026-04-07")),
    ]
    assert [s.details.get("holiday") for s in deadline.steps if s.code == "non_working"] == [
        True, False, True, True]


def test_due_date_ends_at_midnight_helsinki():
    deadline = compute(hki("2026-01-15"))
    assert deadline.ends_at == datetime(2026, 2, 16, 23, 59, 59, tzinfo=HELSINKI)
    assert not deadline.overdue_on(D("2026-02-16")) and deadline.overdue_on(D("2026-02-17"))


def test_flag_days_and_eves_that_are_not_holidays():
    # May Day and Independence Day are holidays; Maundy Thursday, New Year's Eve, Whit Monday
    # are working days (Act 150/1930 §5 and the legal rules).
    assert not is_working_day(D("2026-05-01")) and not is_working_day(D("2027-12-06"))
    for day in ("2026-04-02", "2026-12-31", "2026-05-25"):
        assert is_working_day(D(day))


moments = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2029, 12, 31),
                       timezones=st.just(UTC))
pauses = st.lists(st.tuples(st.integers(0, 20), st.integers(0, 30)), max_size=3)


def as_pauses(received: datetime, spec) -> list[tuple[date, date]]:
    start = received.date()
    return [(start + timedelta(days=a), start + timedelta(days=a + b)) for a, b in spec]


@given(moments, pauses, st.booleans())
def test_the_due_date_is_a_working_day_at_least_28_days_after_receipt(received, spec, extended):
    due = due_date(received, pauses=as_pauses(received, spec), extended=extended)
    assert is_working_day(due)
    assert due >= received.astimezone(HELSINKI).date() + timedelta(days=28)


@given(moments, st.integers(min_value=0, max_value=4000))
def test_a_later_receipt_never_gives_an_earlier_due_date(received, minutes):
    later = received + timedelta(minutes=minutes * 17)
    assert due_date(later) >= due_date(received)


@given(moments, pauses)
def test_extension_and_pauses_never_shorten_the_time(received, spec):
    plain = due_date(received)
    assert due_date(received, extended=True) >= plain
    assert due_date(received, pauses=as_pauses(received, spec)) >= plain
