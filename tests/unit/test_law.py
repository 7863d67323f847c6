"""The law as plain rules: citations per language, grounds per right, decisions, remedies."""

from __future__ import annotations

from datetime import date

import pytest

from portal.law import decisions as d
from portal.law.citations import cite, dpa, gdpr, openness
from portal.law.grounds import (
    GROUNDS,
    GroundNotForRight,
    OtherActCitationRequired,
    check_grounds,
    grounds_for,
)
from portal.law.remedies import Remedy, RemedyError, check_remedy, court_fee, deemed_notified

NAMES = {lang: "x" for lang in ("fi", "sv", "en")}


@pytest.mark.parametrize("provision, lang, expected", [
    (gdpr(17, 3, "b"), "fi", "tietosuoja-asetuksen 17 artiklan 3 kohdan b alakohta"),
    (gdpr(17, 3, "b"), "sv", "artikel 17.3 b i dataskyddsförordningen"),
    (gdpr(17, 3, "b"), "en", "Article 17(3)(b) GDPR"),
    (gdpr(12, 5), "fi", "tietosuoja-asetuksen 12 artiklan 5 kohta"),
    (gdpr(12, 5), "sv", "artikel 12.5 i dataskyddsförordningen"),
    (gdpr(15), "fi", "tietosuoja-asetuksen 15 artikla"),
    (gdpr(15), "en", "Article 15 GDPR"),
    (dpa(34, 1, 2), "fi", "tietosuojalain (1050/2018) 34 §:n 1 momentin 2 kohta"),
    (dpa(34, 1, 2), "sv", "34 § 1 mom. 2 punkten i dataskyddslagen (1050/2018)"),
    (dpa(34, 1, 2), "en", "section 34(1)(2) of the Data Protection Act (1050/2018)"),
    (dpa(34, 3), "fi", "tietosuojalain (1050/2018) 34 §:n 3 momentti"),
    (dpa(32), "sv", "32 § i dataskyddslagen (1050/2018)"),
    (openness(24, 1, 15), "fi", "julkisuuslain (621/1999) 24 §:n 1 momentin 15 kohta"),
    (openness(24, 1, 15), "sv", "24 § 1 mom. 15 punkten i offentlighetslagen (621/1999)"),
    (openness(14, 4), "en",
     "section 14(4) of the Act on the Openness of Government Activities (621/1999)"),
    (openness(33), "fi", "julkisuuslain (621/1999) 33 §"),
])
def test_each_language_cites_as_its_lawyers_do(provision, lang, expected):
    assert cite(provision, lang) == expected


def test_section_34_belongs_to_access_alone_and_17_3_to_erasure_alone():
    for right in ("rectification", "erasure", "restriction", "objection", "portability"):
        assert not any(code.startswith("dpa_34") for code in grounds_for(right))
        with pytest.raises(GroundNotForRight):
            check_grounds(right, ["dpa_34_1"])
    assert {"dpa_34_1", "dpa_34_2", "dpa_34_3", "others_rights"} <= set(grounds_for("access"))
    assert [c for c in GROUNDS if c.startswith("erasure_exception")] == [
        c for c in grounds_for("erasure") if c.startswith("erasure_exception")]
    assert "erasure_exception_b" not in grounds_for("access")
    assert "compelling_grounds" in grounds_for("objection")
    assert "compelling_grounds" not in grounds_for("access")
    with pytest.raises(GroundNotForRight):
        check_grounds("access", ["no_such_ground"])


def test_another_act_needs_its_provision_in_all_three_languages():
    with pytest.raises(OtherActCitationRequired):
        check_grounds("erasure", ["other_act"], {"fi": "arkistolaki (831/1994) 7 §"})
    check_grounds("erasure", ["other_act"], NAMES)


def test_a_ground_cites_the_article_of_its_right():
    assert GROUNDS["others_rights"].provisions_for("access") == (gdpr(15, 4),)
    assert GROUNDS["others_rights"].provisions_for("portability") == (gdpr(20, 4),)


@pytest.mark.parametrize("decision, error", [
    (d.Decision("refused", text="x", reasons="y"), d.GroundRequired),
    (d.Decision("refused", text="x", grounds=("excessive",)), d.ReasonsRequired),
    (d.Decision("partly_granted", text="x", grounds=("excessive",), reasons="y"),
     d.WithheldRequired),
    (d.Decision("granted", text="  "), d.LetterTextRequired),
    (d.Decision("granted", text="x" * 20_001), d.LetterTextRequired),
    (d.Decision("no_data", text="x"), d.OutcomeNotForRight),
    (d.Decision("maybe", text="x"), d.OutcomeNotForRight),
    (d.Decision("refused", text="x", grounds=("dpa_34_2",), reasons="y"), GroundNotForRight),
])
def test_what_an_erasure_decision_must_hold(decision, error):
    with pytest.raises(error):
        d.check_decision("erasure", decision)


def test_no_data_is_an_access_answer():
    d.check_decision("access", d.Decision("no_data", text="Ei tietoja."))
    assert "no_data" not in d.outcomes_for("erasure")


#: Identity checked at the level needed (tests/unit/test_identification_rules.py tests the gate).
CLEARED = {"right": "access", "identity_level": "email", "required_level": "email"}


def test_only_a_decision_maker_sends_a_refusal_or_partial_decision():
    for outcome in ("refused", "partly_granted"):
        with pytest.raises(d.NotDecisionMaker):
            d.check_sending(outcome, decision_maker=False, late=False, late_confirmed=False,
                            **CLEARED)
        d.check_sending(outcome, decision_maker=True, late=False, late_confirmed=False,
                        **CLEARED)
    d.check_sending("granted", decision_maker=False, late=False, late_confirmed=False,
                    **CLEARED)


def test_an_adverse_decision_after_the_due_date_is_sent_only_when_confirmed():
    assert d.is_late(date(2026, 4, 8), date(2026, 4, 7))
    assert not d.is_late(date(2026, 4, 7), date(2026, 4, 7))
    with pytest.raises(d.LateNotConfirmed):
        d.check_sending("refused", decision_maker=True, late=True, late_confirmed=False,
                        **CLEARED)
    d.check_sending("refused", decision_maker=True, late=True, late_confirmed=True,
                    **CLEARED)
    d.check_sending("granted", decision_maker=False, late=True, late_confirmed=False,
                    **CLEARED)


def test_provisions_of_a_partial_decision_under_section_34():
    decision = d.Decision("partly_granted", text="x", grounds=("dpa_34_2",), reasons="y",
                          withheld="z")
    assert d.provisions_applied("access", decision) == [gdpr(15), dpa(34, 1, 2), dpa(34, 2),
                                                        dpa(34, 3)]
    refusal = d.Decision("refused", text="x", grounds=("dpa_34_1", "excessive"), reasons="y")
    assert d.provisions_applied("access", refusal) == [gdpr(15), dpa(34, 1, 1), gdpr(12, 5),
                                                       dpa(34, 3)]


def test_a_decision_survives_storage():
    decision = d.Decision("refused", text="x", grounds=("other_act",), reasons="y",
                          other_act=NAMES, notified=({"recipient": "STT Info",
                                                      "notified_on": "2026-03-09",
                                                      "impossible_because": ""},))
    assert d.Decision.from_dict(decision.as_dict()) == decision


def test_a_decision_prepared_with_names_only_asks_for_each_recipients_answer():
    stored = {**d.Decision("granted", text="x").as_dict(), "notified": ["STT Info"]}
    [record] = d.Decision.from_dict(stored).notified
    assert record == {"recipient": "STT Info", "notified_on": None, "impossible_because": ""}


def test_remedy_routes_fit_the_kind_of_controller():
    court = Remedy("appeal", body=NAMES, address=NAMES)
    check_remedy(court, public_authority=True)
    with pytest.raises(RemedyError):
        check_remedy(court, public_authority=False)
    with pytest.raises(RemedyError):
        check_remedy(Remedy("district_court", body=NAMES), public_authority=True)
    check_remedy(Remedy("district_court", body=NAMES), public_authority=False)
    with pytest.raises(RemedyError) as missing:
        check_remedy(Remedy("appeal", body={"fi": "Helsingin hallinto-oikeus"}, address=NAMES),
                     public_authority=True)
    assert missing.value.field == "body-sv"
    assert Remedy("appeal").days == 30 and Remedy("rectification").days == 14
    assert Remedy("district_court").days is None


def test_electronic_notification_is_deemed_received_on_the_third_day():
    assert deemed_notified(date(2026, 12, 29)) == date(2027, 1, 1)


def test_the_court_fee_is_stated_only_when_the_whole_appeal_time_is_in_a_known_period():
    """Court Fees Act 1455/2015: 270 euros in 2022-2024 (decree 1122/2021), 310 in 2025-2027
    (decree 1020/2024); a decision whose appeal time reaches 2028 gets no amount."""
    assert court_fee(date(2024, 6, 1)).euros == 270
    assert court_fee(date(2024, 12, 20)) is None  # the appeal may be made in 2025
    assert court_fee(date(2025, 1, 1)).decree == "1020/2024"
    assert court_fee(date(2027, 11, 19)).euros == 310  # the last day appealed: 31.12.2027
    assert court_fee(date(2027, 11, 20)) is None
    assert court_fee(date(2021, 12, 1)) is None
