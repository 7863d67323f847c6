"""Transferring a request to the competent authority (APA 434/2003 §21): the case closes as
transferred, the requester is told where it went, and the matter is mailed on."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from portal.audit import AuditEntry
from portal.backoffice import stats, transfer_views
from portal.backoffice.postal import PostalLetter
from portal.dsr.models import DataRequest
from portal.mail.models import OutboxMail
from tests.backoffice.factories import (
    csrf_of,
    current_version,
    decide,
    make_request,
    signed_in_staff,
)
from tests.backoffice.test_document_clock import document_request
from tests.dsr.helpers import at_helsinki

VERO = {"authority_name": "Verohallinto", "authority_email": "kirjaamo@vero.example",
        "authority_address": "PL 325\n00052 VERO",
        "reason": "Verotiedot ovat Verohallinnon rekisterissä."}


@pytest.fixture
def dpo(client, session):
    return signed_in_staff(client, session)  # a DPO of Espoo, a public authority


def send(client, request, monkeypatch, day="2026-03-05", **fields):
    monkeypatch.setattr(transfer_views, "utcnow", lambda: at_helsinki(day))
    return client.post(f"/admin/requests/{request.id}/transfer", data={
        "csrf_token": csrf_of(client, f"/admin/requests/{request.id}"),
        "version": current_version(client, request), **VERO, **fields})


def reread(session, request) -> DataRequest:
    session.expire_all()
    return session.get(DataRequest, request.id)


def mails_of(session, request) -> list[OutboxMail]:
    session.expire_all()
    return list(session.scalars(select(OutboxMail).where(OutboxMail.request_id == request.id)
                                .order_by(OutboxMail.id)))


def test_a_transfer_closes_the_case_and_tells_the_requester(client, session, dpo, monkeypatch):
    today = date.today()  # the status link ends some time after the case closes
    request = make_request(session, register="kamu-asiakasrekisteri",
                           received=(today - timedelta(days=3)).isoformat())
    page = client.get(f"/admin/requests/{request.id}").get_data(as_text=True)
    assert "Transfer to the competent authority" in page
    form = client.get(f"/admin/requests/{request.id}/transfer")
    assert form.status_code == 200 and "Competent authority" in form.text

    assert send(client, request, monkeypatch, day=today.isoformat()).status_code == 302
    moved = reread(session, request)
    assert moved.state == "transferred" and moved.outcome is None
    *_, to_requester, forwarded = mails_of(session, request)
    assert to_requester.recipient == "aino@example.fi"
    assert "siirretty" in to_requester.subject
    assert "hallintolain 21 §" in to_requester.body
    assert "Verohallinto" in to_requester.body and "kirjaamo@vero.example" in to_requester.body
    assert forwarded.recipient == "kirjaamo@vero.example" and forwarded.locale == "fi"
    assert "aino@example.fi" in forwarded.body and request.reference in forwarded.body
    assert forwarded.attachments == []

    status_path = "/fi/requests/status/" + to_requester.body.split(
        "/fi/requests/status/")[1].split()[0]
    status = client.get(status_path).get_data(as_text=True)
    assert "Siirretty toiselle viranomaiselle" in status
    assert "Verohallinto" in status and "PL 325" in status
    assert "Verotiedot ovat Verohallinnon rekisterissä." in status

    queue = client.get("/admin/requests?state=transferred").get_data(as_text=True)
    assert request.reference in queue and "Transferred to another authority" in queue
    entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "request.transfer"))
    assert entry.before["state"] == "received"
    assert (entry.after["state"], entry.after["authority"]) == ("transferred", "Verohallinto")


def test_files_go_with_the_matter_only_when_chosen(client, session, dpo, monkeypatch):
    from portal.dsr.models import RequestAttachment

    request = make_request(session, register="kamu-asiakasrekisteri")
    request.attachments.append(RequestAttachment(filename="valtakirja.pdf",
                                                 mimetype="application/pdf", data=b"%PDF-1"))
    session.commit()
    assert send(client, request, monkeypatch, with_files="y").status_code == 302
    forwarded = mails_of(session, request)[-1]
    assert [a.filename for a in forwarded.attachments] == ["valtakirja.pdf"]
    assert "valtakirja.pdf" in forwarded.body


def test_a_transferred_request_is_counted_apart_and_never_late(client, session, dpo,
                                                               monkeypatch):
    request = make_request(session, register="kamu-asiakasrekisteri", received="2026-03-02")
    send(client, request, monkeypatch, day="2026-05-04")  # long after the due date
    row = next(r for r in stats.summarise(stats.facts(session, {request.controller_id}))
               if r.right == "access")
    assert (row.received, row.transferred, row.closed, row.late, row.completed) == (
        1, 1, 0, 0, 0)
    csv_text = client.get("/admin/stats.csv").get_data(as_text=True)
    header, line = csv_text.lstrip("\ufeff").splitlines()[:2]
    assert header.endswith("Transferred") and line.endswith(",1")
    assert reread(session, request).due_on == date(2026, 4, 2)


@pytest.mark.parametrize("case", ["decided", "hold", "prepared"])
def test_a_decided_held_or_prepared_request_is_not_transferred(client, session, dpo,
                                                               monkeypatch, case):
    request = make_request(session, register="kamu-asiakasrekisteri")
    if case == "decided":
        decide(client, request, "no_data")
        expected = "already been decided or closed"
    elif case == "prepared":
        decide(client, request, "no_data", send=False)
        expected = "Discard it before transferring"
    else:
        request.legal_hold = "appeal"
        session.commit()
        expected = "under a legal hold"
    response = send(client, request, monkeypatch)
    assert response.status_code == 400 and expected in response.text
    assert reread(session, request).state != "transferred"
    assert session.scalar(select(AuditEntry).where(
        AuditEntry.action == "request.transfer")) is None


def test_the_authority_and_reason_are_required(client, session, dpo, monkeypatch):
    request = make_request(session, register="kamu-asiakasrekisteri")
    response = send(client, request, monkeypatch, authority_email="ei osoite", reason="")
    assert response.status_code == 400
    assert "Enter an e-mail address in the form" in response.text
    assert "Write why the request is transferred." in response.text
    assert 'href="#reason"' in response.text
    assert reread(session, request).state == "received"


def test_the_new_pages_are_valid_html(client, session, dpo, monkeypatch, tmp_path):
    from tests.htmlcheck import html_problems

    today = date.today()
    request = make_request(session, register="kamu-asiakasrekisteri",
                           received=(today - timedelta(days=1)).isoformat())
    pages = {"form": client.get(f"/admin/requests/{request.id}/transfer").data,
             "form with errors": send(client, request, monkeypatch, day=today.isoformat(),
                                      authority_name="", reason="").data,
             "entry": client.get("/admin/requests/new").data,
             "entry with errors": client.post("/admin/requests/new", data={
                 "csrf_token": csrf_of(client, "/admin/requests/new"),
                 "law": "openness"}).data}
    send(client, request, monkeypatch, day=today.isoformat())
    pages["request"] = client.get(f"/admin/requests/{request.id}").data
    body = mails_of(session, request)[-2].body
    pages["status"] = client.get("/fi/requests/status/" + body.split(
        "/fi/requests/status/")[1].split()[0]).data
    pages["stats"] = client.get("/admin/stats").data
    assert b"Siirretty toiselle viranomaiselle" in pages["status"]
    assert html_problems(pages, tmp_path) == []


def test_retention_deletes_a_transferred_case_and_keeps_its_count(client, session, dpo,
                                                                  monkeypatch):
    from portal import retention
    from portal.backoffice.transfer import RequestTransfer

    request = make_request(session, register="kamu-asiakasrekisteri", received="2026-03-02")
    send(client, request, monkeypatch, day="2026-03-05")
    controller_id = request.controller_id
    session.expire_all()  # the staff's page changed the request's version
    result = retention.purge(session, now=at_helsinki("2030-01-01"), default_days=730)
    session.commit()
    assert result.closed == 1
    assert session.scalars(select(RequestTransfer)).all() == []
    [row] = stats.summarise(stats.facts(session, {controller_id}))
    assert (row.received, row.transferred, row.closed) == (1, 1, 0)


def test_without_an_e_mail_address_staff_are_asked_to_post_the_news(client, session, dpo,
                                                                    monkeypatch):
    request = make_request(session, register="kamu-asiakasrekisteri", email="")
    response = send(client, request, monkeypatch)
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "print the letter on this page and post it" in page and "To be posted" in page
    [forwarded] = mails_of(session, request)
    assert forwarded.recipient == "kirjaamo@vero.example"
    [letter] = session.scalars(select(PostalLetter).where(PostalLetter.request_id == request.id))
    assert letter.template == "dsr_transferred" and "Verohallinto" in letter.body


def test_a_document_request_cites_section_15_1_to_both_and_the_finnish_idiom(
        client, session, dpo, monkeypatch):
    today = date.today()
    request = document_request(session, (today - timedelta(days=2)).isoformat())
    assert send(client, request, monkeypatch, day=today.isoformat()).status_code == 302
    *_, to_requester, forwarded = mails_of(session, request)
    for mail in (to_requester, forwarded):
        assert "(julkisuuslain 15 §:n 1 momentti)" in mail.body
    assert "kuuluu toisen viranomaisen toimivaltaan" in to_requester.body
    status_path = "/fi/requests/status/" + to_requester.body.split(
        "/fi/requests/status/")[1].split()[0]
    assert "Pyyntösi kuuluu toisen viranomaisen toimivaltaan" in client.get(
        status_path).get_data(as_text=True)
