"""The rules of deciding a document request (Openness Act 621/1999, legal rules §9)."""

from __future__ import annotations

from datetime import date

import pytest

from portal.law import openness
from portal.law.citations import cite
from portal.law.decisions import (
    Decision,
    OutcomeNotForRight,
    ReasonsRequired,
    check_decision,
    outcomes_for,
    provisions_applied,
)
from portal.law.fees import (
    DOCUMENT_COPIES,
    FEE_GROUNDS,
    FeeGroundRequired,
    check_fee,
    fee_grounds,
)
from portal.law.grounds import OtherActCitationRequired, grounds_for
from portal.law.remedies import APPEAL, RECTIFICATION, openness_appeal

PART = {"what": "Sivu 2", "point": "25"}


@pytest.mark.parametrize(("lang", "expected"), [
    ("fi", "julkisuuslain (621/1999) 24 §:n 1 momentin 25 kohta"),
    ("sv", "24 § 1 mom. 25 punkten i offentlighetslagen (621/1999)"),
    ("en", "section 24(1)(25) of the Act on the Openness of Government Activities (621/1999)"),
])
def test_a_secrecy_ground_is_cited_in_each_languages_form(lang, expected):
    assert cite(openness.secrecy_provision(25), lang) == expected


def test_every_point_offered_is_a_point_of_section_24_1_described_in_three_languages():
    assert all(1 <= point <= 32 for point in openness.SECRECY_POINTS)
    for texts in openness.SECRECY_POINTS.values():
        assert set(texts) == {"fi", "sv", "en"} and all(t.strip() for t in texts.values())


def test_a_document_is_disclosed_in_full_in_part_or_refused():
    assert outcomes_for("access", "openness") == ("granted", "partly_granted", "refused")
    assert grounds_for("access", "openness") == ["other_act"]
    with pytest.raises(OutcomeNotForRight):
        check_decision("access", Decision("no_data", text="x", basis="public"), law="openness")


@pytest.mark.parametrize("decision", [
    Decision("granted", text="x"),  # no basis
    Decision("refused", text="x", basis="public", reasons="r"),  # nothing withheld
    Decision("partly_granted", text="x", basis="public", reasons="r",
             secret_parts=({"what": "", "point": "25"},)),
    Decision("partly_granted", text="x", basis="public", reasons="r",
             secret_parts=({"what": "Sivu 2", "point": "33"},)),  # not a point offered
])
def test_the_basis_and_each_withheld_parts_ground_are_required(decision):
    with pytest.raises(openness.OpennessDecisionError):
        check_decision("access", decision, law="openness")


def test_a_refusal_states_its_reasons_and_another_act_is_cited_in_full():
    with pytest.raises(ReasonsRequired):
        check_decision("access", Decision("refused", text="x", basis="public",
                                          secret_parts=(PART,)), law="openness")
    with pytest.raises(OtherActCitationRequired):
        check_decision("access", Decision("refused", text="x", basis="public", reasons="r",
                                          grounds=("other_act",)), law="openness")
    check_decision("access", Decision("refused", text="x", basis="party", reasons="r",
                                      secret_parts=(PART,)), law="openness")


def test_the_letter_cites_the_basis_section_10_and_each_point_once():
    decision = Decision("partly_granted", text="x", basis="party", reasons="r",
                        secret_parts=(PART, {"what": "Liite", "point": "23"},
                                      {"what": "Sivu 3", "point": "25"}))
    assert [cite(p, "en") for p in provisions_applied("access", decision)] == [
        "section 11 of the Act on the Openness of Government Activities (621/1999)",
        "section 10 of the Act on the Openness of Government Activities (621/1999)",
        "section 24(1)(23) of the Act on the Openness of Government Activities (621/1999)",
        "section 24(1)(25) of the Act on the Openness of Government Activities (621/1999)"]
    granted = Decision("granted", text="x", basis="public")
    assert [cite(p, "sv") for p in provisions_applied("access", granted)] == [
        "9 § i offentlighetslagen (621/1999)"]


def test_an_officials_answer_asks_first_and_the_written_decision_follows_a_yes():
    assert openness.official_answer(True, None)
    assert not openness.official_answer(False, None)  # a full disclosure asks nothing
    assert not openness.official_answer(True, openness.REQUESTED)


def test_an_unanswered_question_closes_the_day_after_the_last_day():
    asked = date(2026, 3, 6)
    assert openness.answer_by(asked, 14) == date(2026, 3, 20)
    assert not openness.unanswered(openness.ASKED, asked, date(2026, 3, 20), 14)
    assert openness.unanswered(openness.ASKED, asked, date(2026, 3, 21), 14)
    assert not openness.unanswered(openness.DECLINED, asked, date(2026, 4, 1), 14)


def test_only_an_appeal_route_of_a_document_decision_cites_section_33():
    assert openness_appeal("openness", APPEAL)
    assert not openness_appeal("gdpr", APPEAL)
    assert not openness_appeal("openness", RECTIFICATION)


def test_a_document_request_is_charged_only_for_copies_under_section_34():
    assert fee_grounds("access", "openness") == (DOCUMENT_COPIES,)
    assert DOCUMENT_COPIES not in fee_grounds("access")
    assert cite(FEE_GROUNDS[DOCUMENT_COPIES], "fi") == "julkisuuslain (621/1999) 34 §"
    check_fee("access", DOCUMENT_COPIES, "40 sivua paperikopioina.", proposed=False,
              law="openness")
    with pytest.raises(FeeGroundRequired):
        check_fee("access", "excessive", "Toistuva.", proposed=False, law="openness")
    with pytest.raises(FeeGroundRequired):
        check_fee("access", DOCUMENT_COPIES, "Kopiot.", proposed=False)
