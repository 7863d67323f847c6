"""Requests made for someone else: asked on both forms, verified before anything is disclosed."""

from __future__ import annotations

import html
import io
import re

import pytest
from sqlalchemy import select

from portal.audit import AuditEntry
from portal.dsr import service
from portal.dsr.models import DataRequest
from tests.backoffice.factories import (
    csrf_of,
    decide,
    make_staff,
    send_prepared,
    sign_in,
)
from tests.backoffice.test_entry import enter, entered
from tests.dsr.helpers import at_helsinki, form_fields, valid_request
from tests.htmlcheck import html_problems

PDF = b"%PDF-1.4\n% valtakirja\n"


def _post(client, lang="fi", proof=(PDF, "valtakirja.pdf", "application/pdf"), **fields):
    data = {**form_fields(client, lang), **valid_request(**{
        "on_behalf": "other", "represented_name": "Eetu Esimerkki", "authority": "guardian",
        **fields})}
    if proof:
        data["authority_proof"] = (io.BytesIO(proof[0]), proof[1], proof[2])
    return client.post(f"/{lang}/requests/new", data=data, content_type="multipart/form-data")


def _summary_link(page: str) -> tuple[str, str]:
    found = re.search(r'<div class="error-summary".*?<a href="#([^"]+)">([^<]+)</a>', page, re.S)
    return found.group(1), html.unescape(found.group(2))


@pytest.mark.parametrize(("fields", "anchor", "message"), [
    ({"represented_name": ""}, "represented_name", "Kirjoita"),
    ({"authority": ""}, "authority-group", "Valitse"),
    ({"proof": None}, "authority_proof", "Liitä"),
    ({"proof": (b"MZ\x90\x00", "valtakirja.pdf", "application/pdf")}, "authority_proof",
     "PDF"),
])
def test_the_form_asks_whose_data_on_what_authority_with_proof(client, session, fields,
                                                               anchor, message):
    response = _post(client, **fields)
    assert response.status_code == 400
    link, text = _summary_link(response.get_data(as_text=True))
    assert link == anchor and message in text
    assert session.scalar(select(DataRequest)) is None


def test_a_form_returned_for_another_error_names_the_file_to_attach_again(client, session,
                                                                         tmp_path):
    returned = _post(client, lang="sv", represented_name="")
    page = returned.get_data(as_text=True)
    assert returned.status_code == 400
    assert "Bifoga ”valtakirja.pdf” igen" in html.unescape(page)
    assert 'aria-describedby="authority_proof-hint authority_proof-again"' in page
    assert html_problems({"returned": returned.data}, tmp_path) == []
    wrong_file = _post(client, represented_name="", proof=(b"MZ", "x.pdf", "application/pdf"))
    assert "authority_proof-again" not in wrong_file.get_data(as_text=True)


def test_a_guardian_request_is_answered_only_after_the_authority_is_verified(
        app, client, session):
    assert _post(client).status_code == 302
    request = session.scalar(select(DataRequest))
    assert (request.represented_name, request.authority) == ("Eetu Esimerkki", "guardian")
    assert [(a.filename, a.data) for a in request.attachments] == [("valtakirja.pdf", PDF)]
    service.confirm(session, request, now=at_helsinki("2026-11-20"))
    session.commit()
    dpo = make_staff(session, email="dpo@museot.example", orgs=("museokortti",))
    staff = app.test_client()
    sign_in(staff, dpo)
    page = staff.get(f"/admin/requests/{request.id}").get_data(as_text=True)
    assert "Guardian of a child" in page and "Eetu Esimerkki" in page

    refused = decide(staff, request, "granted")
    assert refused.status_code == 400
    assert _summary_link(refused.get_data(as_text=True)) == (
        "authority-note", "The request was made for someone else, and the representative's "
        "authority has not been verified. Check it and record that you did before sending "
        "anything but a refusal.")
    path = f"/admin/requests/{request.id}/authority"
    empty = staff.post(path, data={"csrf_token": csrf_of(staff, f"/admin/requests/{request.id}"),
                                   "note": " "})
    assert empty.status_code == 400
    assert _summary_link(empty.get_data(as_text=True))[0] == "authority-note"
    assert staff.post(path, data={"csrf_token": csrf_of(staff, f"/admin/requests/{request.id}"),
                                  "note": "Väestötietojärjestelmän ote: huoltaja."}
                      ).status_code == 302
    assert send_prepared(staff, request).status_code == 302
    session.expire_all()
    assert session.get(DataRequest, request.id).outcome == "granted"
    entry = session.scalar(select(AuditEntry).where(
        AuditEntry.action == "request.verify_authority"))
    assert entry.actor_id == dpo.id and entry.after["authority"] == "guardian"


def test_a_refusal_needs_no_verified_authority(app, client, session):
    _post(client, authority="power_of_attorney")
    request = session.scalar(select(DataRequest))
    service.confirm(session, request, now=at_helsinki("2026-11-20"))
    session.commit()
    staff = app.test_client()
    sign_in(staff, make_staff(session, email="dpo@museot.example", orgs=("museokortti",)))
    assert decide(staff, request, "refused", grounds="identity_not_established",
                  reasons="Valtakirjaa ei voitu varmentaa.").status_code == 302
    session.expire_all()
    assert session.get(DataRequest, request.id).state == "refused"


def test_staff_enter_a_request_made_by_a_trustee(app, client, session, tmp_path):
    sign_in(client, make_staff(session, email="h@museot.example", orgs=("museokortti",)))
    missing = enter(client, on_behalf="other", represented_name="", authority="trustee",
                    postal_address="Brevgatan 1")
    assert missing.status_code == 400
    assert _summary_link(missing.get_data(as_text=True))[0] == "represented_name"
    assert enter(client, on_behalf="other", represented_name="Elsa Exempel",
                 authority="trustee", postal_address="Brevgatan 1").status_code == 302
    request = entered(session)
    assert (request.represented_name, request.authority) == ("Elsa Exempel", "trustee")
    pages = {"public": client.get("/sv/requests/new").data,
             "public-errors": _post(app.test_client(), lang="sv", proof=None).data,
             "entry-errors": missing.data,
             "request": client.get(f"/admin/requests/{request.id}").data}
    assert html_problems(pages, tmp_path) == []
