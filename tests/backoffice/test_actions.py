"""A handler's actions on a request, as the requester and the audit trail see them."""

from __future__ import annotations

import hashlib
import io
import re

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from portal.audit import AuditEntry
from portal.backoffice import action_views, decision_views, queue_views
from portal.dsr.models import DataRequest, ResponseDocument
from portal.mail.models import OutboxMail
from tests.backoffice.factories import (
    csrf_of,
    current_version,
    decide,
    make_request,
    signed_in_staff,
)
from tests.dsr.helpers import at_helsinki, csrf


@pytest.fixture
def handler(client, session):
    return signed_in_staff(client, session, email="handler@museot.example", orgs=("museokortti",))


def at(monkeypatch, day: str) -> None:
    for module in (action_views, decision_views, queue_views):
        monkeypatch.setattr(module, "utcnow", lambda: at_helsinki(day))


def act(client, request, action, **fields):
    version = fields.pop("version", None) or current_version(client, request)
    return client.post(f"/admin/requests/{request.id}/act", data={
        "csrf_token": csrf_of(client, f"/admin/requests/{request.id}"), "action": action,
        "version": version, **fields})


def newest_mail(session) -> OutboxMail:
    session.expire_all()
    return session.scalar(select(OutboxMail).order_by(OutboxMail.id.desc()))


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_ask_answer_extend_and_complete(client, session, handler, monkeypatch):
    request = make_request(session, received="2026-03-02")  # due Thu 2 Apr
    at(monkeypatch, "2026-03-03")
    assert act(client, request, "ask_information", text="Mikä on korttisi numero?",
               reason="identity").status_code == 302
    mail = newest_mail(session)
    assert mail.locale == "fi" and "Mikä on korttisi numero?" in mail.body
    assert "tietosuoja-asetuksen 12 artiklan 6 kohta" in mail.body
    assert "lisätietoja" in mail.subject
    status_path = re.search(r"http://localhost(/fi/requests/status/\S+)", mail.body).group(1)
    status = client.get(status_path).get_data(as_text=True)
    assert "Sinulta tarvitaan lisätietoja" in status and "Mikä on korttisi numero?" in status

    from portal.dsr import views
    monkeypatch.setattr(views, "utcnow", lambda: at_helsinki("2026-03-13"))
    client.post(status_path + "/answer", data={"csrf_token": csrf(client, status_path),
                                               "answer": "12345"})
    session.expire_all()
    assert session.get(DataRequest, request.id).due_on.isoformat() == "2026-04-13"

    at(monkeypatch, "2026-04-13")  # the last day to notify an extension
    assert act(client, request, "extend", text="Tietoja on kolmessa järjestelmässä."
               ).status_code == 302
    mail = newest_mail(session)
    assert "perjantai 12. kesäkuuta 2026" in mail.body  # 2 Jun + 10 paused days
    assert "Tietoja on kolmessa järjestelmässä." in mail.body

    at(monkeypatch, "2026-05-04")
    assert decide(client, request, "granted", text="Tässä ovat tietosi.").status_code == 302
    mail = newest_mail(session)
    [attachment] = mail.attachments
    text = pdf_text(attachment.data)
    assert "Päätös" in text and "Tässä ovat tietosi." in text
    assert "Tietosuojavaltuutetun toimisto" in text
    document = session.scalar(select(ResponseDocument))
    assert document.sha256 == hashlib.sha256(attachment.data).hexdigest()
    assert "Vastattu" in client.get(status_path).get_data(as_text=True)


def test_extension_after_the_one_month_date_is_refused(client, session, handler, monkeypatch):
    request = make_request(session, received="2026-01-15")  # one month: Mon 16 Feb
    at(monkeypatch, "2026-02-17")
    response = act(client, request, "extend", text="Too late")
    assert response.status_code == 400
    assert "can no longer be extended" in response.get_data(as_text=True)
    session.expire_all()
    assert session.get(DataRequest, request.id).extension_notified_on is None


def test_article_19_checklist_lists_the_registers_recipients(app, session, monkeypatch):
    client = app.test_client()
    signed_in_staff(client, session, email="dpo@espoo.example", orgs=("espoo",))
    request = make_request(session, register="kamu-asiakasrekisteri", right="erasure")
    page = client.get(f"/admin/requests/{request.id}").get_data(as_text=True)
    page = client.get(f"/admin/requests/{request.id}?outcome=granted").get_data(as_text=True)
    assert "Recipients told of the change (GDPR Article 19)" in page
    names = re.findall(r"<legend>([^<]+)</legend>\s*<div class=\"choice\"><input type=\"radio\" "
                       r"name=\"recipient-", page)
    assert sorted(names) == ["Liana Technologies Oy", "Mercantus Oy", "STT Info", "Webropol Oy"]
    at(monkeypatch, "2026-03-10")
    told = {f"recipient-{n}": "notified" for n in range(1, 5)}
    told.update({f"recipient-{n}-date": "2026-03-09" for n in range(1, 5)})
    decide(client, request, "granted", text="Poistettu.", **told,
           **{"erased-1-what": "Uutiskirjeen osoite", "erased-1-system": "Postitus"})
    session.expire_all()
    [event] = [e for e in session.get(DataRequest, request.id).events
               if e.kind == "recipients_notified"]
    assert event.text.splitlines() == [f"{name}: 2026-03-09" for name in names]
    assert not event.public


def test_access_requests_have_no_article_19_checklist(client, session, handler):
    request = make_request(session, right="access")
    page = client.get(f"/admin/requests/{request.id}?outcome=granted").get_data(as_text=True)
    assert "GDPR Article 19" not in page


def test_two_handlers_at_once_the_second_gets_a_conflict(client, session, handler,
                                                         monkeypatch):
    request = make_request(session)
    at(monkeypatch, "2026-03-10")
    old_version = current_version(client, request)
    assert decide(client, request, "granted", text="First answer").status_code == 302
    response = client.post(f"/admin/requests/{request.id}/decision", data={
        "csrf_token": csrf_of(client, f"/admin/requests/{request.id}"), "version": old_version,
        "outcome": "refused", "grounds": "excessive", "text": "Second", "reasons": "x"})
    assert response.status_code == 409
    assert "Someone else changed this request" in response.get_data(as_text=True)
    session.expire_all()
    assert session.get(DataRequest, request.id).state == "completed"


def test_another_controllers_request_cannot_be_acted_on(client, session, handler):
    espoo = make_request(session, register="kamu-asiakasrekisteri")
    response = client.post(f"/admin/requests/{espoo.id}/act", data={
        "csrf_token": csrf_of(client), "action": "withdraw", "version": "1"})
    assert response.status_code == 404
    session.expire_all()
    assert session.get(DataRequest, espoo.id).state == "received"


def test_every_action_is_in_the_audit_trail_with_before_and_after(client, session, handler,
                                                                  monkeypatch):
    request = make_request(session)
    at(monkeypatch, "2026-03-10")
    act(client, request, "note", text="Soitettu asiakkaalle.")
    act(client, request, "withdraw")
    entries = session.scalars(select(AuditEntry).where(
        AuditEntry.target == f"request:{request.id}").order_by(AuditEntry.id)).all()
    assert [e.action for e in entries] == ["request.note", "request.withdraw"]
    assert entries[1].before["state"] == "received" and entries[1].after["state"] == "withdrawn"
    assert entries[1].actor_id == handler.id
    page = client.get(f"/admin/requests/{request.id}").get_data(as_text=True)
    assert "Soitettu asiakkaalle." in page and "(staff only)" in page


def test_requester_markup_is_text_in_the_letter(client, session, handler, monkeypatch):
    request = make_request(session, name='<b>Aino</b> <script>x()</script>')
    at(monkeypatch, "2026-03-10")
    decide(client, request, "granted", text="<i>Vastaus</i>")
    pdf = pdf_text(newest_mail(session).attachments[0].data)
    assert "<b>Aino</b> <script>x()</script>" in pdf and "<i>Vastaus</i>" in pdf


@pytest.mark.parametrize("fields", [{"version": "abc"}, {"version": ""}, {"action": "explode"},
                                    {"assignee": "-1", "action": "assign"}])
def test_malformed_action_posts_are_4xx_not_500(client, session, handler, fields):
    request = make_request(session)
    data = {"csrf_token": csrf_of(client, f"/admin/requests/{request.id}"),
            "action": "note", "text": "x", "version": str(request.version), **fields}
    response = client.post(f"/admin/requests/{request.id}/act", data=data)
    assert response.status_code in (302, 400, 409)
    if fields.get("action") == "assign":
        session.expire_all()
        assert session.get(DataRequest, request.id).assignee_id is None


def test_closing_a_withdrawn_case_ends_the_requesters_undo(client, session, handler):
    request = make_request(session)
    act(client, request, "withdraw")
    page = client.get(f"/admin/requests/{request.id}").get_data(as_text=True)
    assert "Close the withdrawn case" in page and "can undo the withdrawal" in page
    assert act(client, request, "close").status_code == 302
    session.expire_all()
    request = session.get(DataRequest, request.id)
    assert request.state == "withdrawn" and request.events[-1].kind == "closed"
    page = client.get(f"/admin/requests/{request.id}").get_data(as_text=True)
    assert "Close the withdrawn case" not in page and "Case closed" in page
    assert session.scalar(select(AuditEntry).order_by(AuditEntry.id.desc())).action == \
        "request.close"


@pytest.mark.parametrize("action, fields, field, named", [
    ("refused", {"text": "No ground given", "reasons": "x"}, "grounds",
     "Choose at least one ground"),
    ("refused", {"grounds": "excessive", "text": "x"}, "decision-reasons", "Write the reasons"),
    ("partly_granted", {"grounds": "excessive", "text": "x", "reasons": "y"},
     "decision-withheld", "Write what is withheld"),
    ("ask_information", {"text": "", "reason": "identity"}, "ask_information-text",
     "Question: Write the text"),
    ("ask_information", {"text": "Which card?"}, "reason", "Choose why you ask"),
])
def test_a_refused_action_names_and_links_the_field(client, session, handler, monkeypatch,
                                                     action, fields, field, named):
    request = make_request(session)
    at(monkeypatch, "2026-03-10")
    response = (act(client, request, action, **fields) if action == "ask_information"
                else decide(client, request, action, send=False, **fields))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert re.search(r"<title>Error: MUSEOKORTTI-2026-0001", html)
    summary = re.search(r'<div class="error-summary"[^>]*autofocus>(.*?)</div>', html, re.S)
    link = re.search(r'<a href="#([^"]+)">([^<]+)</a>', summary.group(1))
    assert link.group(1) == field and link.group(2).startswith(named)
    control = re.search(rf'<(?:textarea|select|fieldset)[^>]* id="{field}"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in control and "error-summary" in control
