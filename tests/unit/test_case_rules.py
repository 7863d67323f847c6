"""Retention per controller, legal holds and archive hand-over as plain rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portal.cases import rules

NOW = datetime(2026, 11, 29, 12, tzinfo=UTC)
YEAR = rules.Retention(requests=365, decisions=3650, audit=None)


def _may(days_ago: int, *, letters=False, held=False, exported_days_ago=None,
         changed_days_ago=None) -> bool:
    closed = NOW - timedelta(days=days_ago)
    change = NOW - timedelta(days=changed_days_ago if changed_days_ago is not None
                             else days_ago)
    exported = (NOW - timedelta(days=exported_days_ago)
                if exported_days_ago is not None else None)
    return rules.may_purge(closed_at=closed, last_change=change, now=NOW, retention=YEAR,
                           has_letters=letters, held=held, exported_at=exported)


def test_a_closed_request_goes_after_its_period_and_not_before():
    assert not _may(365)
    assert _may(366)


def test_a_decided_request_is_kept_with_its_letters_for_the_longer_period():
    assert not _may(400, letters=True)
    assert _may(3651, letters=True)


def test_a_held_case_is_kept_however_old_or_exported():
    assert not _may(10_000, held=True)
    assert not _may(10, held=True, exported_days_ago=1)


def test_an_exported_case_may_go_at_once_unless_it_changed_after_the_export():
    assert _may(10, exported_days_ago=5)
    assert not _may(10, exported_days_ago=5, changed_days_ago=2)


def test_unset_periods_use_the_portal_default_and_the_audit_trail_is_kept():
    assert rules.retention_of({}, 730) == rules.Retention(730, 730, None)
    assert rules.retention_of({"decisions": 3650, "audit": 1825}, 730) == rules.Retention(
        730, 3650, 1825)


def test_settings_typed_on_the_organisation_page():
    assert rules.parse_settings({"requests": " 365 ", "decisions": "", "audit": "3650"}) == {
        "requests": 365, "audit": 3650}
    for wrong in ("0", "-5", "1.5", "vuosi", "36501"):
        with pytest.raises(rules.DaysOutOfRange) as refused:
            rules.parse_settings({"decisions": wrong})
        assert refused.value.field == "decisions"


def test_a_hold_names_its_proceeding_and_what_it_is():
    rules.check_hold("ombudsman", "TSV/123/2026", held=False)
    with pytest.raises(rules.HoldReasonRequired):
        rules.check_hold("ombudsman", "  ", held=False)
    with pytest.raises(rules.HoldReasonRequired):
        rules.check_hold("whim", "TSV/123/2026", held=False)
    with pytest.raises(rules.AlreadyHeld):
        rules.check_hold("appeal", "HAO 1/2026", held=True)


def test_a_hold_is_lifted_with_a_reason_and_only_when_there_is_one():
    rules.check_release("The Ombudsman closed the matter.", held=True)
    with pytest.raises(rules.NotHeld):
        rules.check_release("done", held=False)
    with pytest.raises(rules.HoldReasonRequired):
        rules.check_release("", held=True)


@given(days=st.integers(0, 40_000), letters=st.booleans(), exported=st.none() | st.integers(0, 40))
def test_a_hold_always_keeps_the_case(days, letters, exported):
    assert not _may(days, letters=letters, held=True, exported_days_ago=exported)


@given(days=st.integers(0, 40_000))
def test_letters_never_shorten_the_period(days):
    assert _may(days, letters=True) <= _may(days)
