"""Fees under GDPR Art. 12(5) and 15(3) as plain rules."""

from __future__ import annotations

import pytest

from portal.law import decisions as d
from portal.law import fees as f
from portal.law.citations import cite


@pytest.mark.parametrize(("typed", "cents"), [("25", 2500), ("25,5", 2550), ("25.50", 2550),
                                              (" 7,05 € ", 705), ("1000", 100_000)])
def test_amounts_are_typed_in_euros_and_cents(typed, cents):
    assert f.parse_amount(typed) == cents


@pytest.mark.parametrize("typed", ["", "0", "0,00", "-5", "1000,01", "25,505", "kaksi", "1e3"])
def test_impossible_amounts_are_refused(typed):
    with pytest.raises(f.AmountInvalid):
        f.parse_amount(typed)


def test_a_fee_rests_on_a_ground_that_fits_the_right_and_on_reasons():
    f.check_fee("erasure", "excessive", "Viides samanlainen pyyntö kuukauden aikana.",
                proposed=False)
    f.check_fee("access", "further_copies", "Toinen paperikopio.", proposed=False)
    with pytest.raises(f.FeeGroundRequired):
        f.check_fee("erasure", "further_copies", "Kopio.", proposed=False)
    with pytest.raises(f.FeeGroundRequired):
        f.check_fee("access", "because", "Kopio.", proposed=False)
    with pytest.raises(f.FeeReasonsRequired):
        f.check_fee("access", "excessive", " ", proposed=False)
    with pytest.raises(f.FeeAlreadyProposed):
        f.check_fee("access", "excessive", "Toistuva.", proposed=True)


def test_the_fee_provision_of_each_ground_as_the_requester_reads_it():
    assert [cite(f.FEE_GROUNDS[g], "fi") for g in ("excessive", "further_copies")] == [
        "tietosuoja-asetuksen 12 artiklan 5 kohdan a alakohta",
        "tietosuoja-asetuksen 15 artiklan 3 kohta"]
    assert cite(f.FEE_GROUNDS["manifestly_unfounded"], "sv") == (
        "artikel 12.5 a i dataskyddsförordningen")


def test_a_refusal_charges_nothing_and_only_a_decision_maker_charges_a_fee():
    assert f.charged("granted", 2500) and not f.charged("refused", 2500)
    assert not f.charged("granted", None)
    with pytest.raises(d.NotDecisionMaker):
        d.check_sending("granted", decision_maker=False, late=False, late_confirmed=False,
                        right="access", identity_level="email", required_level="email",
                        fee=True)
    d.check_sending("granted", decision_maker=True, late=False, late_confirmed=False,
                    right="access", identity_level="email", required_level="email", fee=True)
