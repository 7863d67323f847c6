"""Appeal instructions after the Openness Act review (law16): a written decision on a document
request is appealed to the administrative court under Openness Act §33 and Act 808/2019,
whatever the controller's GDPR remedy route (F1); the day a decision is deemed notified
follows how it is sent (F3)."""

from __future__ import annotations

import re

from sqlalchemy import select

from portal.audit import AuditEntry
from portal.backoffice.letters import render_decision
from portal.backoffice.remedy_texts import remedy_instructions
from portal.law.decisions import Decision
from portal.notices.models import Controller
from tests.backoffice.factories import csrf_of, make_request, make_staff, signed_in_staff
from tests.backoffice.test_decisions import words
from tests.dsr.helpers import at_helsinki

PAGE = "/admin/organisations/espoo/decisions"
BOARD = {"body-fi": "Espoon kaupunginhallitus", "body-sv": "Esbo stadsstyrelse",
         "body-en": "Espoo City Board", "address-fi": "PL 12, 02070 Espoon kaupunki",
         "address-sv": "PB 12, 02070 Esbo stad", "address-en": "PO Box 12, 02070 City of Espoo"}
COURT = {"court-body-fi": "Helsingin hallinto-oikeus",
         "court-body-sv": "Helsingfors förvaltningsdomstol",
         "court-body-en": "Helsinki Administrative Court",
         **{f"court-address-{lang}": "Radanrakentajantie 5, 00520 Helsinki"
            for lang in ("fi", "sv", "en")},
         "court-email": "helsinki.hao@oikeus.fi"}


def _post(client, **fields):
    return client.post(PAGE, data={"csrf_token": csrf_of(client, PAGE), "kind": "public",
                                   "route": "rectification", "email": "kirjaamo@espoo.example",
                                   **BOARD, **fields})


def test_a_municipality_with_a_review_route_must_name_its_administrative_court(
        app, client, session):
    signed_in_staff(client, session, email="dpo@espoo.example", orgs=("espoo",))
    missing = _post(client)
    page = missing.get_data(as_text=True)
    assert missing.status_code == 400 and 'href="#court-body-fi"' in page
    assert "Write the name of the administrative court in this language." in page
    assert _post(client, **COURT).status_code == 302
    entry = session.scalars(select(AuditEntry).where(
        AuditEntry.action == "controller.decisions")).all()[-1]
    assert entry.after["remedy"]["court"]["body"]["fi"] == "Helsingin hallinto-oikeus"
    form = client.get(PAGE).get_data(as_text=True)
    assert re.search(r'id="court-body-sv"[^>]*value="Helsingfors förvaltningsdomstol"', form)

    controller = session.scalar(select(Controller).where(Controller.slug == "espoo"))
    day = at_helsinki("2026-03-10").date()
    with app.test_request_context():
        title, paragraphs = remedy_instructions(controller, "fi", day, law="openness")
        text = " ".join(paragraphs)
        assert title == "Valitusosoitus" and "Helsingin hallinto-oikeus" in text
        assert "oikaisuvaatimu" not in text.lower() and "kaupunginhallitus" not in text
        assert "helsinki.hao@oikeus.fi" in text and "33 §" in text and "30 päivän" in text
        assert paragraphs[-1].endswith("maksu on 310 euroa (oikeusministeriön asetus 1020/2024).")
        _title, gdpr = remedy_instructions(controller, "fi", day, law="gdpr")
        assert "Espoon kaupunginhallitus" in " ".join(gdpr)
        assert "euroa" not in " ".join(gdpr)  # a review is free of charge
        # The appeal time of a decision sent late in 2027 may reach the next fee period.
        _title, late = remedy_instructions(controller, "sv", at_helsinki("2027-12-01").date(),
                                           law="openness")
        assert "1455/2015" in late[-1] and "euro" not in late[-1]


def test_a_posted_decision_is_notified_on_the_seventh_day_and_a_collected_one_on_download(
        app, session):
    dpo = make_staff(session, email="dpo@espoo.example", orgs=("espoo",))
    request = make_request(session, register="kamu-asiakasrekisteri", right="erasure")
    request.email = ""  # entered by staff with a postal address: the decision is posted
    decision = Decision("refused", text="Päätös.", grounds=("erasure_exception_b",),
                        reasons="Arkistolaki.")
    day = at_helsinki("2026-03-10")
    with app.test_request_context():
        posted = words(render_decision(request, decision, files=(), preparer=dpo, signer=dpo,
                                       now=day))
        request.email = "aino@example.fi"
        collected = words(render_decision(request, decision, files=(), preparer=dpo,
                                          signer=dpo, now=day, delivery="collect"))
    assert "tiedoksi 17. maaliskuuta 2026" in posted
    assert ("seitsemäntenä päivänä sen lähettämisestä, jollei muuta näytetä "
            "(hallintolain (434/2003) 59 §)") in posted
    assert "tiedoksi päivänä, jona lataat sen tilasivultasi" in collected
    assert "maaliskuuta 2026." not in collected.split("Tämän päätöksen katsotaan")[1][:60]
