"""The rules of deciding a document request (Openness Act 621/1999, legal rules §9)."""

from __future__ import annotations

import tomllib
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
from portal.law.grounds import GroundNotForRight, OtherActCitationRequired, grounds_for
from portal.law.remedies import (
    APPEAL,
    RECTIFICATION,
    Remedy,
    RemedyError,
    check_remedy,
    deemed_notified,
    notification_channel,
)
from portal.notices.export import _controller as export_controller
from portal.notices.filecheck import NoticeFileError
from portal.notices.filecontrollers import parse_controller

PART = {"what": "Sivu 2", "point": "25"}


@pytest.mark.parametrize(("lang", "expected"), [
    ("fi", "julkisuuslain (621/1999) 24 §:n 1 momentin 25 kohta"),
    ("sv", "24 § 1 mom. 25 punkten i offentlighetslagen (621/1999)"),
    ("en", "section 24(1)(25) of the Act on the Openness of Government Activities (621/1999)"),
])
def test_a_secrecy_ground_is_cited_in_each_languages_form(lang, expected):
    assert cite(openness.secrecy_provision("25"), lang) == expected


def test_every_point_of_section_24_1_and_11_2_is_offered_in_three_languages():
    """§24(1) has 35 points since 622/2020 (31 a, 31 b and 31 c among them); §11(2) has ten."""
    assert list(openness.SECRECY_POINTS) == [
        *map(str, range(1, 32)), "31a", "31b", "31c", "32"]
    assert list(openness.PARTY_POINTS) == ["1", "2", "3", "4", "5", "6", "6a", "7", "7a", "8"]
    for texts in (*openness.SECRECY_POINTS.values(), *openness.PARTY_POINTS.values()):
        assert set(texts) == {"fi", "sv", "en"} and all(t.strip() for t in texts.values())


@pytest.mark.parametrize("lang, expected", [
    ("fi", "julkisuuslain (621/1999) 24 §:n 1 momentin 31 a kohta"),
    ("sv", "24 § 1 mom. 31 a punkten i offentlighetslagen (621/1999)"),
    ("en", "section 24(1)(31a) of the Act on the Openness of Government Activities (621/1999)"),
])
def test_a_point_added_between_two_others_is_cited_as_the_act_numbers_it(lang, expected):
    assert cite(openness.secrecy_provision("31a"), lang) == expected


def test_a_person_asking_about_themselves_is_limited_by_section_11_2_not_24_1():
    """§12: "with the limits of section 11(2) and (3)", as for a party."""
    own = {"what": "Lausunto", "point": "11-2-3"}
    openness.check_openness(True, "own", [own])
    assert [cite(p, "en") for p in openness.provisions("own", [own], partly=True)][::2] == [
        "section 12 of the Act on the Openness of Government Activities (621/1999)",
        "section 11(2)(3) of the Act on the Openness of Government Activities (621/1999)"]
    with pytest.raises(openness.SecretPartRequired):
        openness.check_openness(True, "own", [{"what": "Lausunto", "point": "25"}])


def test_a_document_is_disclosed_in_full_in_part_or_refused():
    assert outcomes_for("access", "openness") == ("granted", "partly_granted", "refused")
    assert grounds_for("access", "openness")[-1] == "other_act"
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
    check_decision("access", Decision("refused", text="x", basis="public", reasons="r",
                                      secret_parts=(PART,)), law="openness")


def test_a_party_is_refused_only_on_a_point_of_section_11_2():
    """§11(1) gives a party even secret documents: §24(1) is no ground against a party."""
    with pytest.raises(openness.SecretPartRequired):
        check_decision("access", Decision("refused", text="x", basis="party", reasons="r",
                                          secret_parts=(PART,)), law="openness")
    party_part = {"what": "Sivu 2", "point": "11-2-1"}
    decision = Decision("partly_granted", text="x", basis="party", reasons="r",
                        secret_parts=(party_part,))
    check_decision("access", decision, law="openness")
    assert [cite(p, "fi") for p in provisions_applied("access", decision)][-1] == (
        "julkisuuslain (621/1999) 11 §:n 2 momentin 1 kohta")
    assert openness.description("11-2-1", "en").startswith("a document whose disclosure")
    with pytest.raises(openness.SecretPartRequired):
        check_decision("access", Decision("refused", text="x", basis="public", reasons="r",
                                          secret_parts=(party_part,)), law="openness")


def test_the_letter_cites_the_basis_section_10_and_each_point_once():
    decision = Decision("partly_granted", text="x", basis="public", reasons="r",
                        secret_parts=(PART, {"what": "Liite", "point": "23"},
                                      {"what": "Sivu 3", "point": "25"}))
    assert [cite(p, "en") for p in provisions_applied("access", decision)] == [
        "section 9 of the Act on the Openness of Government Activities (621/1999)",
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


BOARD = {"fi": "Lautakunta", "sv": "Nämnden", "en": "The board"}
COURT = {"fi": "Helsingin hallinto-oikeus", "sv": "Helsingfors förvaltningsdomstol",
         "en": "Helsinki Administrative Court"}
STREET = {lang: "Radanrakentajantie 5" for lang in COURT}


def test_a_document_decision_is_appealed_to_the_court_whatever_the_gdpr_route():
    municipal = Remedy(RECTIFICATION, body=BOARD, address=STREET, court=COURT,
                       court_address=STREET, court_email="hao@oikeus.fi")
    documents = municipal.for_law("openness")
    assert (documents.route, documents.body, documents.days) == (APPEAL, COURT, 30)
    assert documents.email == "hao@oikeus.fi"
    assert municipal.for_law("gdpr") is municipal
    assert Remedy.from_dict(municipal.as_dict(), public_authority=True) == municipal
    appeal = Remedy(APPEAL, body=COURT, address=STREET)
    assert appeal.for_law("openness") is appeal


def test_a_public_authority_with_a_review_route_names_its_administrative_court():
    with pytest.raises(RemedyError) as missing:
        check_remedy(Remedy(RECTIFICATION, body=BOARD, address=STREET), public_authority=True)
    assert missing.value.field == "court-body-fi"
    check_remedy(Remedy(RECTIFICATION, body=BOARD, address=STREET, court=COURT,
                        court_address=STREET), public_authority=True)
    check_remedy(Remedy(APPEAL, body=COURT, address=STREET), public_authority=True)


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


def test_a_notice_file_gives_the_administrative_court_and_keeps_it_on_export():
    data = {"slug": "espoo", "name": BOARD, "email": "kirjaamo@espoo.example",
            "dpo_email": "tietosuoja@espoo.example", "public_authority": True,
            "remedy": {"route": RECTIFICATION, "body": BOARD, "address": STREET}}
    with pytest.raises(NoticeFileError):
        parse_controller(data)
    data["remedy"]["court"] = {"body": COURT, "address": STREET}
    parsed = parse_controller(data)
    assert Remedy.from_dict(parsed["remedy"], public_authority=True).for_law(
        "openness").body == COURT
    exported = tomllib.loads("[controller]\n" + "\n".join(export_controller(parsed,
                                                                            "controller")))
    assert parse_controller(exported["controller"])["remedy"] == parsed["remedy"]


def test_a_decision_is_deemed_notified_by_its_channel():
    sent = date(2026, 3, 10)
    assert deemed_notified(sent, notification_channel("aino@example.fi", "attach")) == date(
        2026, 3, 13)  # e-mail, Act 13/2003 §19
    assert deemed_notified(sent, notification_channel("", "attach")) == date(
        2026, 3, 17)  # post, APA 434/2003 §59(2)
    assert deemed_notified(sent, notification_channel("aino@example.fi", "collect")) is None


def test_points_are_described_in_the_acts_words():
    """Checked against the Finlex text: 17 is a public body's business secret (638/2021), 7
    is "turvajärjestelyjä" / "skyddsarrangemang", 32 names opinions expressed in private."""
    assert "tieto- ja viestintäjärjestelmien turvajärjestelyjä" in openness.description("7", "fi")
    assert "skyddsarrangemang" in openness.description("7", "sv")
    assert "hyvinvointialueen, kunnan" in openness.description("17", "fi")
    assert "yksityiselämän piirissä esittämistä mielipiteistä" in openness.description("32", "fi")
    assert "oppilashuoltoa" in openness.description("30", "fi")


def test_the_openness_acts_own_grounds_refuse_a_document_request_only():
    """§16(3) and §§4-5 rest on the Openness Act: no §24(1) part need be listed, and a GDPR
    access request cannot use them (its refusal goes to the Ombudsman too, KHO:2020:72)."""
    assert grounds_for("access", "openness") == ["openness_16_3", "not_official_document",
                                                 "other_act"]
    assert "openness_16_3" not in grounds_for("access")
    decision = Decision("refused", text="x", basis="public", reasons="r",
                        grounds=("not_official_document",))
    check_decision("access", decision, law="openness")
    assert [cite(p, "fi") for p in provisions_applied("access", decision)] == [
        "julkisuuslain (621/1999) 9 §", "julkisuuslain (621/1999) 4 §",
        "julkisuuslain (621/1999) 5 §"]
    with pytest.raises(GroundNotForRight):
        check_decision("access", Decision("refused", text="x", reasons="r",
                                          grounds=("openness_16_3",)))
