"""Requests that came by letter, e-mail, phone or at a desk, entered by staff."""

from __future__ import annotations

import io
import re
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from portal.audit import AuditEntry
from portal.deadlines import HELSINKI, due_date
from portal.dsr.models import DataRequest
from portal.mail.models import OutboxMail
from tests.backoffice.factories import csrf_of, make_request, signed_in_staff
from tests.backoffice.test_actions import pdf_text
from tests.backoffice.test_reports import complete
from tests.htmlcheck import html_problems

PDF = b"%PDF-1.4\n% a scanned letter\n"


@pytest.fixture
def handler(client, session):
    return signed_in_staff(client, session, email="handler@museot.example", orgs=("museokortti",))


def ten_days_ago() -> datetime:
    return (datetime.now(HELSINKI) - timedelta(days=10)).replace(hour=9, minute=15, second=0,
                                                                 microsecond=0)


def enter(client, **fields):
    """Post the form; ``attachments`` is (bytes, filename, mimetype), opened here, per test."""
    if "attachments" in fields:
        data, filename, mimetype = fields["attachments"]
        fields["attachments"] = (io.BytesIO(data), filename, mimetype)
    received = ten_days_ago()
    data = {"csrf_token": csrf_of(client, "/admin/requests/new"), "channel": "letter",
            "received_date": received.date().isoformat(), "received_time": "09:15",
            "right": "access", "registers": "museokortti", "name": "Kalle Kirje",
            "email": "", "postal_address": "", "phone": "", "locale": "sv", "details": "",
            "diary_number": "MK/123/2026", **fields}
    return client.post("/admin/requests/new", data=data, content_type="multipart/form-data")


def entered(session) -> DataRequest:
    session.expire_all()
    return session.scalar(select(DataRequest).order_by(DataRequest.id.desc()))


def test_a_letter_with_an_address_gets_the_usual_acknowledgement(client, session, handler):
    response = enter(client, email="kalle@example.fi", channel="email")
    assert response.status_code == 302
    request = entered(session)
    received = ten_days_ago()
    assert request.state == "received" and request.channel == "email"
    assert request.due_on == due_date(received)  # counted from the real receipt, not today
    assert request.diary_number == "MK/123/2026" and request.reference.startswith("MUSEOKORTTI")
    mail = session.scalar(select(OutboxMail).where(OutboxMail.request_id == request.id))
    assert mail.recipient == "kalle@example.fi" and mail.locale == "sv"
    assert "/sv/requests/status/" in mail.body and request.reference in mail.subject
    [receipt] = mail.attachments
    assert request.reference in pdf_text(receipt.data)
    assert session.scalar(select(AuditEntry).order_by(AuditEntry.id.desc())).action == \
        "request.entered"


def test_without_e_mail_the_acknowledgement_is_a_pdf_for_posting(client, session, handler):
    response = enter(client, postal_address="Brevgatan 1\n00100 Helsingfors",
                     attachments=(PDF, "brev.pdf", "application/pdf"))
    assert response.status_code == 302
    request = entered(session)
    assert session.scalar(select(OutboxMail).where(OutboxMail.request_id == request.id)) is None
    page = client.get(f"/admin/requests/{request.id}").get_data(as_text=True)
    assert "Brevgatan 1" in page and "Letter" in page and "MK/123/2026" in page
    link = re.search(r'href="(/admin/requests/\d+/acknowledgement.pdf)"', page).group(1)
    pdf = client.get(link)
    assert pdf.mimetype == "application/pdf"
    text = pdf_text(pdf.data)
    assert request.reference in text and "Kalle Kirje" in text
    scan = re.search(r'href="(/admin/requests/\d+/attachments/\d+)">brev.pdf', page).group(1)
    assert client.get(scan).data == PDF


@pytest.mark.parametrize("fields, anchor, message", [
    ({}, "postal_address", "Enter an e-mail address or a postal address"),
    ({"email": "a@example.fi", "received_date": "2099-01-01"}, "received_time",
     "cannot be in the future"),
    ({"email": "a@example.fi", "channel": ""}, "channel-group", "Choose how the request arrived"),
    ({"email": "a@example.fi",
      "attachments": (b"MZ not a scan", "x.pdf", "application/pdf")},
     "attachments", "Attach PDF, PNG or JPEG files"),
])
def test_bad_input_is_named_and_nothing_is_saved(client, session, handler, fields, anchor,
                                                 message):
    response = enter(client, **fields)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    link = re.search(r'<div class="error-summary".*?<a href="#([^"]+)">([^<]+)</a>', html, re.S)
    assert link.group(1) == anchor and message in link.group(2)
    assert entered(session) is None


def test_the_entry_form_and_the_entered_request_are_valid_html(client, session, handler,
                                                               tmp_path):
    pages = {"form": client.get("/admin/requests/new").data,
             "errors": enter(client).data}
    enter(client, postal_address="Brevgatan 1")
    pages["request"] = client.get(f"/admin/requests/{entered(session).id}").data
    assert html_problems(pages, tmp_path) == []


def test_the_request_page_shows_the_same_persons_earlier_requests(app, client, session,
                                                                   handler):
    first = make_request(session, received="2026-01-05", email="Aino@Example.fi")
    complete(app, session, first, handler, "2026-01-20")
    make_request(session, received="2026-02-05", email="someone@example.fi", name="Other")
    latest = make_request(session, received="2026-03-03")
    page = client.get(f"/admin/requests/{latest.id}").get_data(as_text=True)
    earlier = page.split("earlier requests</h2>")[1].split("<h2>")[0]
    assert "MUSEOKORTTI-2026-0001" in earlier and "(granted)" in earlier
    assert "MUSEOKORTTI-2026-0002" not in earlier and "MUSEOKORTTI-2026-0003" not in earlier
    first_page = client.get(f"/admin/requests/{first.id}").get_data(as_text=True)
    assert "None to this organisation." in first_page.split("earlier requests</h2>")[1]


HELMET = "helmet-asiakasrekisteri"


def offered(client) -> set[str]:
    html = client.get("/admin/requests/new").get_data(as_text=True)
    return set(re.findall(r'name="registers"[^>]*value="([^"]+)"', html)) | set(
        re.findall(r'value="([^"]+)"[^>]*name="registers"', html))


def test_a_joint_controllers_staff_are_offered_the_joint_register_and_keep_the_request(
        client, session):
    signed_in_staff(client, session, email="dpo@vantaa.example", orgs=("vantaa",))
    assert offered(client) == {HELMET}  # Vantaa keeps no register of its own
    response = enter(client, registers=HELMET, email="kalle@example.fi")
    assert response.status_code == 302
    request = entered(session)
    assert request.controller.slug == "vantaa"  # the requester wrote to Vantaa (Art. 26(3))
    assert [r.slug for r in request.registers] == [HELMET]
    assert request.reference.startswith("VANTAA")
    assert client.get(response.headers["Location"]).status_code == 200


def test_a_joint_register_with_the_organisations_own_goes_to_the_organisation(client, session):
    signed_in_staff(client, session, email="dpo@espoo.example", orgs=("espoo",))
    assert {HELMET, "varhaiskasvatus"} <= offered(client)
    response = enter(client, registers=[HELMET, "varhaiskasvatus"], email="kalle@example.fi")
    assert response.status_code == 302
    request = entered(session)
    assert request.controller.slug == "espoo"
    assert {r.slug for r in request.registers} == {HELMET, "varhaiskasvatus"}


def test_staff_of_two_joint_controllers_enter_for_the_contact_point(client, session):
    signed_in_staff(client, session, email="dpo@pks.example", orgs=("vantaa", "helsinki"))
    assert enter(client, registers=HELMET, email="kalle@example.fi").status_code == 302
    assert entered(session).controller.slug == "helsinki"  # the arrangement's contact point


def test_other_organisations_staff_are_not_offered_the_joint_register(client, session, handler):
    assert HELMET not in offered(client)
    response = enter(client, registers=HELMET, email="kalle@example.fi")
    assert response.status_code == 400
    assert session.scalar(select(DataRequest).where(DataRequest.name == "Kalle Kirje")) is None


# Document requests entered by a public authority's staff (legal rules §9).

def test_staff_of_an_authority_enter_a_document_request_on_the_openness_clock(client, session):
    from portal.openness_deadlines import compute

    signed_in_staff(client, session, email="kirjaamo@espoo.example", orgs=("espoo",))
    page = client.get("/admin/requests/new").get_data(as_text=True)
    assert "Documents of the authority" in page and "Which documents are asked for?" in page
    response = enter(client, law="openness", organisation="espoo", right="", registers="",
                     name="", email="kalle@example.fi", channel="phone",
                     documents="Rakennuslupa osoitteeseen Kirkkokatu 1.")
    assert response.status_code == 302
    request = entered(session)
    received = ten_days_ago()
    assert (request.law, request.right_code, request.registers, request.name) == (
        "openness", "access", [], "")
    assert request.details == "Rakennuslupa osoitteeseen Kirkkokatu 1."
    assert request.due_on == compute(received).due  # two weeks from the real receipt
    mail = session.scalar(select(OutboxMail).where(OutboxMail.request_id == request.id))
    assert mail.template == "documents_acknowledgement"
    assert session.scalar(select(AuditEntry).order_by(AuditEntry.id.desc())).after["law"] == \
        "openness"


def test_a_document_request_names_its_documents(client, session):
    signed_in_staff(client, session, email="kirjaamo@espoo.example", orgs=("espoo",))
    response = enter(client, law="openness", organisation="espoo", right="", registers="",
                     name="", postal_address="Kirkkokatu 1", documents="")
    assert response.status_code == 400
    assert 'href="#documents">Name or describe the documents asked for.' in response.text
    assert entered(session) is None


def test_a_private_body_is_never_offered_the_law(client, session, handler):
    page = client.get("/admin/requests/new").get_data(as_text=True)
    assert "Documents of the authority" not in page
    response = enter(client, law="openness", organisation="museokortti", documents="Asiakirja",
                     postal_address="Kirjekatu 1")
    assert response.status_code == 400 and entered(session) is None
