"""The Openness Act clock (621/1999 §14(4); shared docs/legal-rules.md §9 and §1), 2026-2029.

Expected dates were worked out by hand from the calendar; comments say why.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portal import deadlines
from portal.deadlines import HELSINKI, DeadlineError, add_months, is_working_day, roll_forward
from portal.openness_deadlines import compute, due_date
from tests.unit.test_deadlines import D, hki, utc

CASES = [
    # Two weeks: the same weekday two weeks later.
    (hki("2026-01-12"), None, False, "2026-01-26"),  # Monday to Monday
    (hki("2026-01-17"), None, False, "2026-02-02"),  # received on a Saturday: Sat 31 Jan rolls
    (hki("2026-03-19"), None, False, "2026-04-02"),  # Maundy Thursday is a working day
    (hki("2026-03-20"), None, False, "2026-04-07"),  # Good Friday, weekend, Easter Monday
    (hki("2026-04-17"), None, False, "2026-05-04"),  # May Day is a Friday
    (hki("2026-06-05"), None, False, "2026-06-22"),  # Midsummer Eve Fri, Midsummer Day Sat
    (hki("2027-11-22"), None, False, "2027-12-07"),  # Independence Day Mon 6 Dec 2027
    # Year end.
    (hki("2026-12-10"), None, False, "2026-12-28"),  # Christmas Eve Thu to Sunday
    (hki("2026-12-18"), None, False, "2027-01-04"),  # New Year's Day Fri 2027, weekend
    (hki("2026-12-23"), None, False, "2027-01-07"),  # Epiphany Wed 6 Jan 2027
    (hki("2026-12-17"), None, False, "2026-12-31"),  # New Year's Eve is a working day
    # The Helsinki date, never the UTC date.
    (utc("2026-03-31T22:30"), None, False, "2026-04-15"),  # 01:30 on 1 Apr in Helsinki
    (utc("2026-03-31T20:59"), None, False, "2026-04-14"),  # 23:59 on 31 Mar in Helsinki
    # One month, for a recorded reason.
    (hki("2026-01-15"), None, True, "2026-02-16"),  # 15 Feb is a Sunday
    (hki("2026-01-31"), None, True, "2026-03-02"),  # clamp to Sat 28 Feb, then Monday
    (hki("2028-01-31"), None, True, "2028-02-29"),  # leap-year clamp
    (hki("2026-12-31"), None, True, "2027-02-01"),  # across the year, Sun 31 Jan 2027
    (hki("2026-12-06"), None, True, "2027-01-07"),  # Epiphany Wed 6 Jan 2027
    # Specification: the time runs from the day the specification arrived.
    (hki("2026-01-12"), "2026-01-21", False, "2026-02-04"),
    (hki("2026-12-01"), "2026-12-10", False, "2026-12-28"),  # into Christmas
    (hki("2026-01-05"), "2026-01-15", True, "2026-02-16"),  # one month from the specification
    (hki("2026-01-12"), "2026-01-12", False, "2026-01-26"),  # specified the day it arrived
]


@pytest.mark.parametrize("received_at, specified, extended, expected", CASES)
def test_due_dates(received_at, specified, extended, expected):
    specified_on = D(specified) if specified else None
    assert due_date(received_at, specified_on=specified_on, extended=extended) == D(expected)


def test_a_request_cannot_be_specified_before_it_arrived():
    with pytest.raises(DeadlineError):
        due_date(hki("2026-01-12"), specified_on=D("2026-01-11"))


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        due_date(datetime(2026, 1, 12, 12, 0))


def test_one_month_needs_the_requester_told_within_the_two_weeks():
    on_time = compute(hki("2026-01-12"), extended=True, extension_notified_on=D("2026-01-26"))
    late = compute(hki("2026-01-12"), extended=True, extension_notified_on=D("2026-01-27"))
    assert on_time.extension_notice_by == D("2026-01-26")
    assert on_time.due == D("2026-02-12") and on_time.extended
    assert late.due == D("2026-01-26") and not late.extended
    assert "month_late" in [step.code for step in late.steps]


def test_steps_explain_the_roll_over_easter():
    deadline = compute(hki("2026-03-20"))
    assert [(s.code, s.day) for s in deadline.steps] == [
        ("received", D("2026-03-20")), ("two_weeks", D("2026-04-03")),
        ("non_working", D("2026-04-03")), ("non_working", D("2026-04-04")),
        ("non_working", D("2026-04-05")), ("non_working", D("2026-04-06")),
        ("due", D("2026-04-07")),
    ]
    assert [s.details.get("holiday") for s in deadline.steps if s.code == "non_working"] == [
        True, False, True, True]


def test_steps_name_the_specification_and_the_month():
    deadline = compute(hki("2026-01-05"), specified_on=D("2026-01-15"), extended=True)
    assert [(s.code, s.day) for s in deadline.steps] == [
        ("received", D("2026-01-05")), ("specified", D("2026-01-15")),
        ("openness_month", D("2026-02-15")), ("non_working", D("2026-02-15")),
        ("due", D("2026-02-16")),
    ]
    assert deadline.received == D("2026-01-05")


def test_a_written_decision_runs_from_the_request_for_it_over_the_new_year():
    # Asked for on Friday 18.12.2026: two weeks is New Year's Day (a Friday), then the weekend.
    deadline = compute(hki("2026-11-30"), decision_requested_on=D("2026-12-18"))
    assert [(s.code, s.day) for s in deadline.steps] == [
        ("received", D("2026-11-30")), ("decision_requested", D("2026-12-18")),
        ("two_weeks", D("2027-01-01")), ("non_working", D("2027-01-01")),
        ("non_working", D("2027-01-02")), ("non_working", D("2027-01-03")),
        ("due", D("2027-01-04")),
    ]


def test_a_month_told_in_time_applies_to_the_written_decision_too():
    deadline = compute(hki("2026-03-02"), extended=True, extension_notified_on=D("2026-03-05"),
                       decision_requested_on=D("2026-03-20"))
    assert deadline.due == D("2026-04-20") and deadline.extended


def test_the_time_runs_from_the_latest_of_specification_and_request_for_a_decision():
    """Staff may ask the requester to specify the documents after a written decision was asked
    for: the time runs from the later day (a 500 on the status page before)."""
    later = compute(hki("2026-03-02"), specified_on=D("2026-03-10"),
                    decision_requested_on=D("2026-03-09"))
    assert later.due == D("2026-03-24")
    # Told in the order they happened, so the last restart named is the day the time runs from.
    assert [s.code for s in later.steps][1:3] == ["decision_requested", "specified"]
    with pytest.raises(DeadlineError):
        compute(hki("2026-03-02"), decision_requested_on=D("2026-03-01"))


moments = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2029, 12, 31),
                       timezones=st.just(UTC))
specification_delays = st.one_of(st.none(), st.integers(0, 60))


def specified(received: datetime, delay: int | None) -> date | None:
    return None if delay is None else received.astimezone(HELSINKI).date() + timedelta(days=delay)


@given(moments, specification_delays, st.booleans())
def test_never_later_than_one_month_plus_roll_over(received, delay, extended):
    start = specified(received, delay) or received.astimezone(HELSINKI).date()
    due = due_date(received, specified_on=specified(received, delay), extended=extended)
    assert is_working_day(due)
    assert start + timedelta(days=14) <= due <= roll_forward(add_months(start, 1)[0])[0]


@given(moments, st.booleans())
def test_never_later_than_a_gdpr_request_received_at_the_same_moment(received, extended):
    assert due_date(received, extended=extended) <= deadlines.due_date(received)


@given(moments, specification_delays)
def test_the_month_and_a_later_specification_never_shorten_the_time(received, delay):
    on = specified(received, delay)
    assert due_date(received, specified_on=on, extended=True) >= due_date(received, specified_on=on)
    assert due_date(received, specified_on=on) >= due_date(received)


@given(moments, specification_delays, st.integers(0, 90), st.booleans())
def test_a_written_decision_is_due_two_weeks_to_a_month_from_the_request_for_it(
        received, delay, later, extended):
    start = specified(received, delay) or received.astimezone(HELSINKI).date()
    asked = start + timedelta(days=later)
    due = compute(received, specified_on=specified(received, delay), extended=extended,
                  decision_requested_on=asked).due
    assert is_working_day(due)
    assert asked + timedelta(days=14) <= due <= roll_forward(add_months(asked, 1)[0])[0]
