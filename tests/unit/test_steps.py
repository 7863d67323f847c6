"""Each right's own steps (portal.law.steps): legal rules §2 and §7."""

from datetime import date

import pytest

from portal.law import steps
from portal.law.citations import cite, gdpr
from portal.law.steps import Correction, Erased, Kept, RecipientRecord

DAY = date(2026, 3, 2)


def test_a_rectification_says_what_was_corrected_and_where():
    steps.check_corrections([Correction("Address: Kauppa 1 -> Kauppa 2", "Customer register")])
    for bad in ([], [Correction("Address", "")], [Correction(" ", "CRM")]):
        with pytest.raises(steps.ItemRequired):
            steps.check_corrections(bad)


def test_an_erasure_keeps_data_only_on_a_point_of_article_17_3_with_reasons():
    steps.check_erasure([Erased("Newsletter address", "Mailing system")],
                        [Kept("Invoices", "b", "Accounting Act 1336/1997 keeps them 6 years")],
                        made_public=False, public_steps="")
    assert cite(Kept("x", "b", "y").provision, "fi") == (
        "tietosuoja-asetuksen 17 artiklan 3 kohdan b alakohta")
    with pytest.raises(steps.KeptWithoutGround):
        steps.check_erasure([], [Kept("Invoices", "f", "because")], made_public=False,
                            public_steps="")
    with pytest.raises(steps.KeptWithoutGround):
        steps.check_erasure([], [Kept("Invoices", "b", "")], made_public=False, public_steps="")
    with pytest.raises(steps.ItemRequired):
        steps.check_erasure([], [], made_public=False, public_steps="")


def test_data_made_public_needs_the_article_17_2_steps():
    erased = [Erased("Photo", "Web site")]
    with pytest.raises(steps.PublicStepsRequired):
        steps.check_erasure(erased, [], made_public=True, public_steps=" ")
    steps.check_erasure(erased, [], made_public=True,
                        public_steps="Asked the search engines to drop the cached copy")


def test_a_restriction_is_active_from_its_day_until_lifted():
    r = steps.restrict("restriction", None, DAY)
    assert r.active_on(DAY) and not r.active_on(date(2026, 3, 1))
    told = steps.announce_lifting(r, date(2026, 3, 10))
    lifted = steps.lift(told, date(2026, 3, 12))
    assert lifted.active_on(date(2026, 3, 11)) and not lifted.active_on(date(2026, 3, 12))


def test_a_restriction_is_never_lifted_before_the_requester_was_told():
    r = steps.restrict("restriction", None, DAY)
    with pytest.raises(steps.NotToldBeforeLifting):
        steps.lift(r, DAY)
    with pytest.raises(steps.NotRestricted):
        steps.announce_lifting(None, DAY)
    lifted = steps.lift(steps.announce_lifting(r, DAY), DAY)
    with pytest.raises(steps.NotRestricted):
        steps.lift(lifted, DAY)


def test_only_one_restriction_at_a_time_and_only_for_rights_that_allow_it():
    r = steps.restrict("objection", None, DAY)
    with pytest.raises(steps.NotRestrictable):
        steps.restrict("objection", r, DAY)
    with pytest.raises(steps.NotRestrictable):
        steps.restrict("access", None, DAY)
    lifted = steps.lift(steps.announce_lifting(r, DAY), DAY)
    assert steps.restrict("objection", lifted, DAY).lifted_on is None


def test_an_objection_is_restricted_under_article_18_1_d():
    assert steps.provision_for("objection") == gdpr(18, 1, "d")
    assert cite(steps.provision_for("objection"), "sv") == "artikel 18.1 d i dataskyddsförordningen"


def test_article_19_names_every_recipient_once_with_a_date_or_a_reason():
    recipients = ["Museum Card Ltd", "City archive"]
    good = [RecipientRecord("Museum Card Ltd", notified_on=DAY),
            RecipientRecord("City archive", impossible_because="The archive no longer exists")]
    steps.check_recipients("erasure", recipients, good, today=DAY)
    for bad in (good[:1],
                [good[0], RecipientRecord("City archive")],
                [good[0], RecipientRecord("City archive", DAY, "both")],
                [RecipientRecord("Museum Card Ltd", notified_on=date(2026, 3, 3)), good[1]],
                [*good, RecipientRecord("Someone else", notified_on=DAY)]):
        with pytest.raises(steps.RecipientRecordIncomplete):
            steps.check_recipients("rectification", recipients, bad, today=DAY)


def test_article_19_is_for_rectification_erasure_and_restriction_only():
    steps.check_recipients("access", ["X"], [], today=DAY)
    steps.check_recipients("restriction", [], [], today=DAY)
    with pytest.raises(steps.RecipientRecordIncomplete):
        steps.check_recipients("access", ["X"], [RecipientRecord("X", notified_on=DAY)], today=DAY)


def test_consent_can_be_withdrawn_only_where_processing_relies_on_it():
    assert steps.consent_withdrawable(["A6-1-a", "A6-1-e"])
    assert not steps.consent_withdrawable(["A6-1-e"])
    steps.check_consent_registers({"kamu": ["A6-1-a"]})
    for bad in ({}, {"kamu": ["A6-1-a"], "tax": ["A6-1-c"]}):
        with pytest.raises(steps.NotConsentBased):
            steps.check_consent_registers(bad)
    assert steps.consent_ends_on(DAY) == DAY


def test_only_a_granted_portability_answer_with_files_is_transmitted():
    steps.check_transmission("portability", "granted", 1)
    steps.check_transmission("portability", "partly_granted", 2)
    for right, outcome, files in (("access", "granted", 1), ("portability", "refused", 1),
                                  ("portability", "granted", 0), ("portability", None, 1)):
        with pytest.raises(steps.NotTransmittable):
            steps.check_transmission(right, outcome, files)


def test_a_granted_rectification_or_erasure_decision_holds_its_record():
    from portal.law.decisions import Decision

    steps.check_records("rectification", False, Decision("refused"))
    with pytest.raises(steps.ItemRequired):
        steps.check_records("rectification", True, Decision("granted"))
    erasure = Decision("granted", erased=({"what": "Photo", "system": "Web"},),
                       kept=({"what": "Invoices", "point": "b", "why": "Accounting Act"},),
                       made_public=True, public_steps="Told the search engines")
    steps.check_records("erasure", True, erasure)
    assert Decision.from_dict(erasure.as_dict()) == erasure
    steps.check_records("access", True, Decision("granted"))
