"""Withdrawal of consent (GDPR Art. 7(3)): a seventh kind of request, only for registers whose
processing relies on consent; the confirmation letter says from when consent no longer applies."""

from __future__ import annotations

import io

from pypdf import PdfReader
from sqlalchemy import select

from portal.dsr.models import DataRequest
from tests.backoffice.factories import decide, make_request, signed_in_staff
from tests.backoffice.test_actions import at
from tests.dsr.helpers import post_request


def test_the_form_offers_withdrawal_only_for_registers_based_on_consent(client):
    page = client.get("/fi/requests/new").get_data(as_text=True)
    assert 'id="right-consent"' in page and "Peruuta suostumuksesi" in page
    hint = page.split('id="right-consent-hint"')[1].split("</p>")[0]
    assert "Museokortin asiakasrekisteri" in hint
    # The portal's own register relies on a legal obligation only (Art. 6(1)(c)).
    own = client.get("/fi/requests/new?register=tietosuojaportaali").get_data(as_text=True)
    assert 'id="right-consent"' not in own
    assert 'id="right-consent"' in client.get(
        "/sv/requests/new?register=museokortti").get_data(as_text=True)


def test_withdrawing_from_a_register_not_based_on_consent_is_refused(client, session):
    response = post_request(client, right="consent", registers=["tietosuojaportaali"])
    assert response.status_code == 400
    assert "perustuu suostumukseen" in response.get_data(as_text=True)
    none_chosen = post_request(client, right="consent", registers=[])
    assert none_chosen.status_code == 400
    assert session.scalar(select(DataRequest)) is None


def test_a_withdrawal_is_filed_through_the_form(client, session):
    assert post_request(client, right="consent", registers=["museokortti"],
                        details="").status_code == 302
    assert session.scalar(select(DataRequest.right_code)) == "consent"


def test_the_confirmation_letter_says_from_when_consent_no_longer_applies(client, session,
                                                                         monkeypatch):
    signed_in_staff(client, session, email="handler@museot.example", orgs=("museokortti",))
    request = make_request(session, right="consent", received="2026-03-03")
    at(monkeypatch, "2026-03-05")
    assert decide(client, request, "granted").status_code == 302
    session.expire_all()
    letter = next(d for d in session.get(DataRequest, request.id).documents
                  if d.mimetype == "application/pdf")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(letter.data)).pages)
                    .split())
    assert "Suostumuksesi ei ole enää voimassa 3. maaliskuuta 2026 alkaen." in text
    assert "tietosuoja-asetuksen 7 artiklan 3 kohta" in text
    assert "Suostumuksen peruuttaminen" in text
