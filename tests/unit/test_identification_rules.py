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


def test_a_register_s_own_choice_wins_over_the_default_rule_and_the_strictest_register_counts():
    from portal.law.identification import register_level, strictest

    assert register_level("access", KAMU_DATA, {}) == "strong"
    assert register_level("access", KAMU_DATA, {"access": "email"}) == "email"
    assert register_level("rectification", {"Name"}, {"rectification": "strong"}) == "strong"
    assert register_level("access", KAMU_DATA, {"access": "bogus"}) == "strong"
    assert strictest(["email", "strong", "email"]) == "strong"
    assert strictest([]) == "email"


def test_verification_in_person_is_as_sure_as_strong_identification():
    _send("granted", "access", "in_person", "strong")


def test_secure_collection_needs_strong_identification_to_be_set_up():
    from portal.law.identification import CollectionUnavailable, check_delivery

    check_delivery("attach", identification=False)
    check_delivery("collect", identification=True)
    for delivery, identification in (("collect", False), ("post", True)):
        with pytest.raises(CollectionUnavailable):
            check_delivery(delivery, identification=identification)
