"""Levels that gate: nothing is disclosed or erased below the level the register needs (§8)."""

import pytest

from portal.law import decisions as d
from portal.law.identification import required_level

KAMU_DATA = {"Name", "EmailAddress", "OfficialID", "Age"}


def _send(outcome, right, level, required):
    d.check_sending(outcome, decision_maker=True, late=False, late_confirmed=False,
                    right=right, identity_level=level, required_level=required)


def test_registers_with_identity_codes_need_strong_identification_to_disclose_or_erase():
    for right in ("access", "portability", "erasure"):
        assert required_level(right, KAMU_DATA) == "strong"
        assert required_level(right, {"Name", "EmailAddress"}) == "email"
    assert required_level("rectification", KAMU_DATA) == "email"
    assert required_level("objection", {"Health"}) == "email"
    assert required_level("access", {"Health"}) == "strong"


@pytest.mark.parametrize("outcome", ["granted", "partly_granted"])
@pytest.mark.parametrize("right", ["access", "portability", "erasure"])
def test_a_granted_decision_is_refused_by_the_rules_at_email_level(outcome, right):
    with pytest.raises(d.IdentityTooWeak):
        _send(outcome, right, "email", "strong")
    _send(outcome, right, "strong", "strong")


def test_a_refusal_or_a_no_data_answer_discloses_nothing_and_is_not_gated():
    _send("refused", "access", "email", "strong")
    _send("no_data", "access", "email", "strong")
