"""A requester's whole journey against a real SMTP server, in each language, on both databases."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from portal.dsr import views
from portal.dsr.models import DataRequest
from portal.mail.cli import send_once
from tests.dsr.helpers import at_helsinki, csrf, link_in, post_request
from tests.i18n.written_forms import problems

EXPECTED = {
    "fi": {"confirm_subject": "Vahvista tietosuojapyyntösi",
           "ack_subject": "Pyyntösi MUSEOKORTTI-2026-0001 on vastaanotettu",
           "due": "tiistai 7. huhtikuuta 2026", "state": "Vastaanotettu, käsittelyssä",
           "pdf": ["Kuitti tietosuojapyynnöstäsi", "(pitkäperjantai)",
                   "Henkilötietojen tarkastuspyyntö"]},
    "sv": {"confirm_subject": "Bekräfta din begäran som gäller dataskydd",
           "ack_subject": "Din begäran MUSEOKORTTI-2026-0001 har tagits emot",
           "due": "tisdag 7 april 2026", "state": "Mottagen, behandlas",
           "pdf": ["Kvitto på din begäran", "(långfredagen)",
                   "Begäran om tillgång till personuppgifter"]},
    "en": {"confirm_subject": "Confirm your data protection request",
           "ack_subject": "Your request MUSEOKORTTI-2026-0001 has been received",
           "due": "Tuesday, April 7, 2026", "state": "Received and being handled",
           "pdf": ["Receipt of your data protection request", "Good Friday",
                   "Request for access to personal data"]},
}


@pytest.fixture
def frozen(monkeypatch):
    """Received on Tuesday 3 March 2026: the due date rolls over Easter to Tuesday 7 April."""
    moment = at_helsinki("2026-03-03")
    monkeypatch.setattr(views, "utcnow", lambda: moment)
    return moment


def deliver(app):
    with app.app_context():
        send_once()


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_file_confirm_and_follow_a_request(mail_app, smtp, frozen, lang):
    client = mail_app.test_client()
    expected = EXPECTED[lang]
    response = post_request(client, lang)
    assert response.status_code == 302 and response.headers["Location"] == f"/{lang}/requests/sent"

    deliver(mail_app)
    [confirmation] = smtp.messages
    assert confirmation["To"] == "aino@example.fi"
    assert confirmation["Subject"] == expected["confirm_subject"]
    confirm_path = link_in(confirmation, "confirm")
    assert confirm_path.startswith(f"/{lang}/")

    page = client.get(confirm_path)
    assert page.status_code == 200 and "Aino Asiakas" in page.get_data(as_text=True)
    assert page.headers["Cache-Control"] == "no-store"
    response = client.post(confirm_path, data={"csrf_token": csrf(client, confirm_path)})
    assert response.status_code == 302
    status_path = response.headers["Location"]

    deliver(mail_app)
    acknowledgement = smtp.messages[1]
    assert acknowledgement["Subject"] == expected["ack_subject"]
    body = acknowledgement.get_body(("plain",)).get_content()
    assert expected["due"] in body and status_path in body
    [receipt] = list(acknowledgement.iter_attachments())
    pdf = PdfReader(io.BytesIO(receipt.get_content()))
    text = " ".join(page.extract_text() for page in pdf.pages)
    for words in [*expected["pdf"], "MUSEOKORTTI-2026-0001", "Aino Asiakas",
                  "Kaikki tietoni, kiitos."]:
        assert words in text
    assert pdf.trailer["/Root"]["/Lang"] == lang and "/StructTreeRoot" in pdf.trailer["/Root"]
    if lang != "en":
        confirm_body = confirmation.get_body(("plain",)).get_content()
        with mail_app.test_request_context():
            assert problems(" ".join([confirm_body, body, text]), lang) == []

    status = client.get(status_path)
    html = status.get_data(as_text=True)
    assert status.status_code == 200 and status.headers["Cache-Control"] == "no-store"
    assert expected["state"] in html and expected["due"] in html
    assert "MUSEOKORTTI-2026-0001" in html

    assert client.post(confirm_path, data={"csrf_token": csrf(client, status_path + "/withdraw")}
                       ).status_code == 404  # the link works once


def test_references_count_per_controller_and_year(mail_app, smtp, frozen, session):
    client = mail_app.test_client()
    for registers in (["museokortti"], ["kamu-asiakasrekisteri"], ["museokortti"]):
        post_request(client, registers=registers)
    deliver(mail_app)
    for message in smtp.messages:
        path = link_in(message, "confirm")
        client.post(path, data={"csrf_token": csrf(client, path)})
    references = sorted(session.scalars(select(DataRequest.reference)))
    assert references == ["ESPOO-2026-0001", "MUSEOKORTTI-2026-0001", "MUSEOKORTTI-2026-0002"]


def test_unconfirmed_request_is_in_no_queue_and_is_purged(app, runner, session, monkeypatch):
    monkeypatch.setattr(views, "utcnow", lambda: at_helsinki("2026-03-03"))
    post_request(app.test_client())
    request = session.scalar(select(DataRequest))
    assert request.state == "unconfirmed" and request.reference is None
    assert "unconfirmed requests: would delete 1" in runner.invoke(
        args=["retention", "purge", "--dry-run"]).output
    assert session.scalar(select(DataRequest)) is not None
    assert "deleted 1" in runner.invoke(args=["retention", "purge"]).output
    session.expire_all()
    assert session.scalar(select(DataRequest)) is None


def test_no_registers_goes_to_the_portal_operator(app, session):
    post_request(app.test_client(), registers=[])
    request = session.scalar(select(DataRequest))
    assert request.controller.slug == "espoo" and request.registers == []


def test_requests_arriving_while_smtp_is_down_are_all_mailed_once_later(mail_app, smtp,
                                                                          frozen):
    from datetime import timedelta

    from portal.db import utcnow
    from portal.mail.sender import deliver_pending
    from portal.mail.transport import SmtpTransport

    smtp.stop()
    client = mail_app.test_client()
    for n in range(3):
        assert post_request(client, email=f"odottaja{n}@example.fi").status_code == 302
    later = [utcnow()]  # the outbox keeps real time; only the requests' receipt is frozen

    def run():
        with mail_app.app_context():
            return deliver_pending(mail_app.extensions["db_sessionmaker"],
                                   SmtpTransport(mail_app.extensions["mail"]),
                                   "tietosuoja@portal.example", lambda: later[0])

    assert run().retried == 3
    smtp.start()
    later[0] += timedelta(minutes=1)
    assert run().sent == 3
    later[0] += timedelta(days=1)
    assert run().sent == 0
    assert sorted(m["To"] for m in smtp.messages) == [
        f"odottaja{n}@example.fi" for n in range(3)]
