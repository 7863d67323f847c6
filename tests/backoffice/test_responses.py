"""Answers: the DPO's letter texts, data extracts as tables and files, and the preview."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from portal.audit import AuditEntry
from portal.dsr.models import DataRequest, ResponseDocument
from portal.mail.models import OutboxMail
from tests.backoffice.factories import (
    csrf_of,
    decide,
    make_request,
    signed_in_staff,
)
from tests.backoffice.test_actions import at


@pytest.fixture
def dpo(client, session):
    return signed_in_staff(client, session, email="dpo@museot.example", orgs=("museokortti",))


def text_of(pdf: bytes) -> str:
    return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_the_answer_starts_from_the_dpos_text_in_the_requesters_language(client, session,
                                                                        dpo):
    request = make_request(session, name="Aino Asiakas")
    page = client.get(f"/admin/requests/{request.id}?outcome=granted").get_data(as_text=True)
    assert "Hei Aino Asiakas," in page and "Pyysit 3. maaliskuuta 2026" in page
    token = csrf_of(client, "/admin/templates/access")
    response = client.post("/admin/templates/access", data={
        "csrf_token": token, "text-fi": "Hyvä $name, viitteenne $reference.",
        "text-sv": "Bästa $name", "text-en": "Dear $name"})
    assert response.status_code == 302
    page = client.get(f"/admin/requests/{request.id}?outcome=granted").get_data(as_text=True)
    assert "Hyvä Aino Asiakas, viitteenne MUSEOKORTTI-2026-0001." in page
    entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "template.save"))
    assert entry.after["fi"].startswith("Hyvä $name") and entry.before["fi"] is None


def test_an_empty_template_is_refused(client, session, dpo):
    response = client.post("/admin/templates/erasure", data={
        "csrf_token": csrf_of(client, "/admin/templates/erasure"), "text-fi": "",
        "text-sv": "x", "text-en": "x"})
    assert response.status_code == 400 and 'href="#text-fi"' in response.get_data(as_text=True)


def test_handlers_cannot_edit_letter_texts(app, session):
    client = app.test_client()
    signed_in_staff(client, session, email="h@museot.example", orgs=("museokortti",),
                    role="handler")
    assert client.get("/admin/templates/access").status_code == 403


def test_extracts_become_tables_and_machine_readable_attachments(client, session, dpo,
                                                                 monkeypatch):
    request = make_request(session)
    at(monkeypatch, "2026-03-10")
    files = [(io.BytesIO(b"museo;pvm\nAteneum;2026-01-04\n"), "kaynnit.csv"),
             (io.BytesIO(b'{"kortti": "123456", "voimassa": "2026-12-31"}'), "kortti.json")]
    response = decide(client, request, "granted", text="Tässä tietosi.", files=files)
    assert response.status_code == 302
    mail = session.scalar(select(OutboxMail).order_by(OutboxMail.id.desc()))
    names = [a.filename for a in mail.attachments]
    assert names == ["MUSEOKORTTI-2026-0001-decision.pdf", "kaynnit.csv", "kortti.json"]
    text = text_of(mail.attachments[0].data)
    for value in ("Ateneum", "2026-01-04", "kortti", "123456", "kaynnit.csv"):
        assert value in text
    assert len(session.scalars(select(ResponseDocument)).all()) == 3


def test_a_bad_extract_saves_nothing(client, session, dpo, monkeypatch):
    request = make_request(session)
    at(monkeypatch, "2026-03-10")
    response = decide(client, request, "granted", text="x",
                      files=[(io.BytesIO(b"MZ"), "virus.exe")])
    assert response.status_code == 400
    assert "virus.exe: only CSV, JSON, PDF, PNG and JPEG files can be attached" in \
        response.get_data(as_text=True)
    session.expire_all()
    assert session.get(DataRequest, request.id).prepared_decision is None
    assert session.scalar(select(OutboxMail).where(OutboxMail.attachments.any())) is None


def test_preview_shows_the_letter_without_sending(client, session, dpo, monkeypatch):
    request = make_request(session)
    at(monkeypatch, "2026-03-10")
    mails_before = len(session.scalars(select(OutboxMail)).all())
    assert decide(client, request, "granted", text="Esikatselu.", send=False).status_code == 302
    response = client.get(f"/admin/requests/{request.id}/decision.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert "Esikatselu." in text_of(response.data)
    session.expire_all()
    assert len(session.scalars(select(OutboxMail)).all()) == mails_before
    assert request.state == "received"
