"""Proposing a fee: the requester is told first and the decision letter charges it."""

from __future__ import annotations

import html
import re

from sqlalchemy import select

from portal.audit import AuditEntry
from portal.dsr.models import DataRequest, ResponseDocument
from portal.mail.models import OutboxMail
from tests.backoffice.factories import (
    csrf_of,
    decide,
    make_request,
    make_staff,
    send_prepared,
    sign_in,
    signed_in_staff,
)
from tests.backoffice.test_actions import pdf_text
from tests.htmlcheck import html_problems


def _propose(client, request, **data):
    page = f"/admin/requests/{request.id}"
    return client.post(f"{page}/fee", data={"csrf_token": csrf_of(client, page), **data})


def _summary_link(page: str) -> tuple[str, str]:
    found = re.search(r'<div class="error-summary".*?<a href="#([^"]+)">([^<]+)</a>', page, re.S)
    return found.group(1), html.unescape(found.group(2))


def test_a_fee_is_told_to_the_requester_first_and_charged_by_the_decision(
        app, session, tmp_path):
    handler = make_staff(session, email="h@museot.example", orgs=("museokortti",),
                         role="handler")
    dpo = make_staff(session, email="dpo@museot.example", orgs=("museokortti",))
    dpo.decision_maker = True
    session.commit()
    request = make_request(session, received="2026-11-20")
    client = app.test_client()
    sign_in(client, handler)

    wrong = _propose(client, request, ground="excessive", amount="kaksikymmentä",
                     reasons="Viides sama pyyntö.")
    assert wrong.status_code == 400
    assert _summary_link(wrong.get_data(as_text=True))[0] == "fee-amount"
    copies = _propose(client, request, ground="further_copies", amount="10",
                      reasons="Ei koske kopioita.")
    assert copies.status_code == 302  # an access request: further copies are a ground
    session.expire_all()
    assert session.get(DataRequest, request.id).fee_cents == 1000
    again = _propose(client, request, ground="excessive", amount="25,50", reasons="Uusi.")
    assert _summary_link(again.get_data(as_text=True)) == (
        "fee-ground", "A fee has already been proposed for this request.")

    mail = session.scalars(select(OutboxMail).where(
        OutboxMail.template == "dsr_fee")).one()
    assert mail.recipient == "aino@example.fi" and mail.locale == "fi"
    body = mail.body.replace("\xa0", " ")  # Babel writes a no-break space before €
    assert "10,00 €" in body
    assert "tietosuoja-asetuksen 15 artiklan 3 kohta" in body
    assert "peruuttaa" in body
    status = re.search(r"http://localhost(/fi/requests/status/\S+)", mail.body).group(1)
    status_page = app.test_client().get(status).get_data(as_text=True).replace("\xa0", " ")
    assert "10,00 €" in status_page and "Peruuta pyyntö" in status_page

    refused = decide(client, request, "granted")
    assert "Only a decision maker" in refused.get_data(as_text=True)
    dpo_client = app.test_client()
    sign_in(dpo_client, dpo)
    assert send_prepared(dpo_client, request).status_code == 302
    session.expire_all()
    letter = session.scalars(select(ResponseDocument).where(
        ResponseDocument.request_id == request.id)).first()
    text = " ".join(pdf_text(letter.data).replace("\xa0", " ").split())
    assert "Maksu" in text and "10,00 €" in text
    assert "15 artiklan 3 kohdan" in text or "15 artiklan 3 kohta" in text
    entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "request.propose_fee"))
    assert entry.after == {"ground": "further_copies", "cents": 1000}
    assert entry.actor_id == handler.id
    pages = {"request": client.get(f"/admin/requests/{request.id}").data,
             "status": app.test_client().get(status).data}
    assert html_problems(pages, tmp_path) == []


def test_the_form_shows_each_organisations_own_sentence_on_fees(app, session, tmp_path):
    client = app.test_client()
    signed_in_staff(client, session, email="dpo@museot.example", orgs=("museokortti",))
    path = "/admin/organisations/museokortti/fees"
    assert "Requests to this organisation are free of charge." in client.get(path).get_data(
        as_text=True)
    too_long = client.post(path, data={"csrf_token": csrf_of(client, path),
                                       "text-fi": "x" * 501, "text-sv": "", "text-en": ""})
    assert too_long.status_code == 400
    assert _summary_link(too_long.get_data(as_text=True))[0] == "text-fi"
    saved = client.post(path, data={
        "csrf_token": csrf_of(client, path),
        "text-fi": "Pyyntö on maksuton. Toisesta paperikopiosta perimme 5 euroa.",
        "text-sv": "Begäran är avgiftsfri.", "text-en": ""})
    assert saved.status_code == 302
    form = app.test_client().get("/fi/requests/new").get_data(as_text=True)
    assert "Toisesta paperikopiosta perimme 5 euroa." in form
    swedish = app.test_client().get("/sv/requests/new").get_data(as_text=True)
    assert "Begäran är avgiftsfri." in swedish
    assert client.get("/admin/organisations/espoo/fees").status_code == 404
    pages = {"settings": client.get(path).data, "errors": too_long.data, "form": form.encode()}
    assert html_problems(pages, tmp_path) == []
