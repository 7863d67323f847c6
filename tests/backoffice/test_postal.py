"""A requester entered by staff with only a postal address is told by letters staff post."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from portal.audit import AuditEntry
from portal.backoffice.postal import PostalLetter
from portal.deadlines import HELSINKI
from portal.mail.models import OutboxMail
from tests.backoffice.factories import csrf_of, decide, make_request, signed_in_staff
from tests.backoffice.test_actions import act, pdf_text
from tests.backoffice.test_entry import enter, entered
from tests.htmlcheck import html_problems

#: The extension's subject and a sentence of its text, in the requester's language.
EXTENDED = {
    "fi": ("Pyyntösi {} määräaikaa on pidennetty", "Perustelut"),
    "sv": ("Tidsfristen för din begäran {} har förlängts", "Motivering"),
}


@pytest.fixture
def handler(client, session):
    return signed_in_staff(client, session, email="handler@museot.example", orgs=("museokortti",))


def by_post(client, session, locale="sv"):
    assert enter(client, postal_address="Brevgatan 1\n00100 Helsingfors",
                 locale=locale).status_code == 302
    return entered(session)


def letters(session, request) -> list[PostalLetter]:
    session.expire_all()
    return list(session.scalars(select(PostalLetter).where(
        PostalLetter.request_id == request.id).order_by(PostalLetter.id)))


def no_mail_to_nobody(session) -> None:
    assert session.scalars(select(OutboxMail).where(OutboxMail.recipient == "")).all() == []


def page_of(client, request) -> str:
    return client.get(f"/admin/requests/{request.id}").get_data(as_text=True)


@pytest.mark.parametrize("locale", ["fi", "sv"])
def test_an_extension_and_a_decision_become_letters_in_the_requesters_language(
        client, session, handler, locale):
    request = by_post(client, session, locale)
    assert act(client, request, "extend", text="Uppgifterna finns i tre system."
               ).status_code == 302
    assert decide(client, request, "granted", text="Här är dina uppgifter.").status_code == 302
    no_mail_to_nobody(session)
    assert session.scalars(select(OutboxMail).where(
        OutboxMail.request_id == request.id)).all() == []

    extension, decision = letters(session, request)
    subject, reasons = EXTENDED[locale]
    assert extension.subject == subject.format(request.reference)
    assert extension.locale == locale and decision.locale == locale
    [enclosure] = decision.enclosures
    assert "Här är dina uppgifter." in pdf_text(enclosure.data)
    # A posted letter encloses the decision; it never speaks of an e-mail attachment.
    enclosed = {"fi": "tämän kirjeen liitteenä", "sv": "bilaga till detta brev"}[locale]
    assert enclosed in decision.body
    assert "PDF" not in decision.body

    page = page_of(client, request)
    assert page.count("To be posted") == 2 and "has no e-mail address" in page
    pdf = client.get(f"/admin/requests/{request.id}/letters/{extension.id}.pdf")
    assert pdf.mimetype == "application/pdf"
    text = " ".join(pdf_text(pdf.data).split())
    assert subject.format(request.reference) in text and reasons in text
    assert "Kalle Kirje" in text and "Brevgatan 1" in text
    assert "Uppgifterna finns i tre system." in text
    link = re.search(rf'href="(/admin/requests/{request.id}/letters/{decision.id}/'
                     r'enclosures/\d+)"', page).group(1)
    assert client.get(link).data == enclosure.data


def test_a_question_is_a_letter_and_recording_it_posted_is_audited_and_shown(
        client, session, handler):
    request = by_post(client, session)
    assert act(client, request, "ask_information", text="Vilket är ditt kortnummer?",
               reason="other").status_code == 302
    no_mail_to_nobody(session)
    [letter] = letters(session, request)
    assert "Vilket är ditt kortnummer?" in letter.body

    queue = client.get("/admin/requests?to_post=1").get_data(as_text=True)
    assert request.reference in queue and "Letter to post" in queue
    assert 'href="/admin/requests?to_post=1">Letters to post: <strong>1</strong>' in \
        client.get("/admin/requests").get_data(as_text=True)

    path = f"/admin/requests/{request.id}/letters/{letter.id}/posted"
    today = datetime.now(HELSINKI).date()
    token = csrf_of(client, f"/admin/requests/{request.id}")
    response = client.post(path, data={"csrf_token": token,
                                       "posted_on": (today + timedelta(days=2)).isoformat()})
    assert response.status_code == 400
    assert "or in the future" in response.get_data(as_text=True)
    assert letters(session, request)[0].posted_on is None

    response = client.post(path, data={"csrf_token": token, "posted_on": today.isoformat()})
    assert response.status_code == 302
    assert letters(session, request)[0].posted_on == today
    audit = session.scalar(select(AuditEntry).order_by(AuditEntry.id.desc()))
    assert audit.action == "request.letter_posted" and audit.target == f"request:{request.id}"
    page = page_of(client, request)
    assert "To be posted" not in page and "Letter posted" in page
    assert request.reference not in client.get("/admin/requests?to_post=1").get_data(
        as_text=True)

    status_link = re.search(r"http://localhost(/sv/requests/status/\S+)", letter.body).group(1)
    status = client.get(status_link).get_data(as_text=True)
    assert "Ett brev skickades till dig per post" in status


def test_a_post_without_its_csrf_token_records_nothing(client, session, handler):
    request = by_post(client, session)
    act(client, request, "extend", text="Tre system.")
    [letter] = letters(session, request)
    response = client.post(f"/admin/requests/{request.id}/letters/{letter.id}/posted",
                           data={"posted_on": datetime.now(HELSINKI).date().isoformat()})
    assert response.status_code == 400
    assert letters(session, request)[0].posted_on is None


def test_another_organisations_staff_see_no_letter(app, client, session, handler):
    request = by_post(client, session)
    act(client, request, "extend", text="Tre system.")
    [letter] = letters(session, request)
    other = app.test_client()
    signed_in_staff(other, session, email="other@espoo.example", orgs=("espoo",))
    assert other.get(f"/admin/requests/{request.id}/letters/{letter.id}.pdf"
                      ).status_code == 404


def test_a_requester_with_e_mail_is_mailed_as_before(client, session, handler):
    request = make_request(session, received=(datetime.now(HELSINKI).date()
                                              - timedelta(days=10)).isoformat())
    assert act(client, request, "extend", text="Tietoja on kolmessa järjestelmässä."
               ).status_code == 302
    session.expire_all()
    [mail] = session.scalars(select(OutboxMail).where(
        OutboxMail.request_id == request.id, OutboxMail.template == "dsr_extended"))
    assert mail.recipient == "aino@example.fi"
    assert letters(session, request) == []
    assert "Letters to post" not in page_of(client, request)


def test_the_page_with_letters_to_post_is_valid_html(client, session, handler, tmp_path):
    request = by_post(client, session)
    act(client, request, "extend", text="Tre system.")
    [letter] = letters(session, request)
    pages = {"request": client.get(f"/admin/requests/{request.id}").data,
             "error": client.post(
                 f"/admin/requests/{request.id}/letters/{letter.id}/posted",
                 data={"csrf_token": csrf_of(client, f"/admin/requests/{request.id}"),
                       "posted_on": "2000-01-01"}).data,
             "queue": client.get("/admin/requests?to_post=1").data}
    assert html_problems(pages, tmp_path) == []


def test_the_archive_package_keeps_the_letters_and_the_day_they_were_posted(
        app, session, runner, tmp_path):
    import json
    import zipfile

    from tests.backoffice.test_reports import complete, make_staff
    dpo = make_staff(session, email="dpo@museot.example", orgs=("museokortti",))
    case = make_request(session, received="2026-03-02", email="")
    complete(app, session, case, dpo, "2026-03-20")
    [letter] = letters(session, case)
    assert runner.invoke(args=["cases", "export", case.reference, "--out", str(tmp_path)]
                         ).exit_code == 0
    with zipfile.ZipFile(tmp_path / f"{case.reference}.zip") as package:
        [entry] = [f for f in json.loads(package.read("manifest.json"))["files"]
                   if f["type"] == "postal_letter"]
        text = package.read(entry["path"]).decode()
    assert entry["posted_on"] is None and text.startswith(letter.subject)
    [enclosure] = letter.enclosures
    assert f"* {enclosure.filename}" in text
