"""A document request under the Openness Act in Chromium (issue 16, "Done when"): filed on the
public form, disclosed in part by an official with a redacted PDF and a §24(1) ground; the
requester asks on the status page for a written decision; the decision maker sends it with its
appeal instructions (§33); the status page shows each step. axe-core and the Nu checker judge
the new pages."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from portal.dsr.models import DataRequest
from tests.backoffice.test_decisions import a_pdf
from tests.browser.steps import click, deliver, letter_text, newest_link, status_path

pytestmark = pytest.mark.browser

EMAIL = "asiakirjat@example.fi"


def prepare_partial_disclosure(page, live, request_id: int, check_page, who: str) -> None:
    """Disclose in part: the public part with page 2's secret part blacked out (§24(1)(25))."""
    page.goto(f"{live}/admin/requests/{request_id}")
    page.check("#outcome-partly_granted")
    click(page, "form:has(#outcome-partly_granted) button[type=submit]")
    assert page.locator("#basis-public").is_checked()
    assert page.locator("#ground-dpa_34_2").count() == 0  # no GDPR grounds for documents
    check_page(page, "decision form of", who, html=True)
    page.fill("#decision-text", "Tässä pyytämäsi rakennuslupapäätös.")
    page.fill("#secret-1-what", "Sivu 2: hakijan sosiaalihuollon tiedot")
    page.select_option("#secret-1-point", "25")
    page.fill("#decision-reasons", "Sivulla 2 on sosiaalihuollon asiakkaan tietoja.")
    page.set_input_files("#decision-files", {"name": "rakennuslupa-peitetty.pdf",
                                             "mimeType": "application/pdf",
                                             "buffer": a_pdf()})
    click(page, "form:has(#decision-text) button[type=submit]")
    assert "rakennuslupa-peitetty.pdf" in page.inner_text("#decide")


def test_a_document_request_is_disclosed_in_part_and_a_written_decision_is_asked_for(
        mailing_live_server, new_tab, staff_page, check_page):
    live = mailing_live_server

    # The requester files a document request and confirms it.
    requester = new_tab()
    requester.goto(f"{live}/fi/requests/documents")
    requester.check("#authority-espoo")
    requester.fill("#documents", "Rakennuslupapäätös, Tapiola 2025.")
    requester.fill("#email", EMAIL)
    click(requester, "form button[type=submit]")
    requester.goto(live + newest_link(live, EMAIL))
    click(requester, "main form button[type=submit]")
    with live.app.extensions["db_sessionmaker"]() as session:
        request_id = session.scalar(select(DataRequest.id).where(DataRequest.email == EMAIL))

    # An official (a handler, not a decision maker) discloses in part: the official's answer.
    official = staff_page(live, orgs=("espoo",), role="handler", locale="fi")
    prepare_partial_disclosure(official, live, request_id, check_page, "an official")
    assert official.locator("#send-decision").is_enabled()
    check_page(official, "official's review", html=True)
    click(official, "#send-decision")
    mail = deliver(live)[-1]
    assert mail["To"] == EMAIL and mail["Subject"].startswith("Vastaus asiakirjapyyntöösi")
    assert "rakennuslupa-peitetty.pdf" in [a.get_filename() for a in mail.iter_attachments()]
    answer = letter_text(mail, "-decision.pdf")
    assert "julkisuuslain (621/1999) 24 §:n 1 momentin 25 kohta" in answer
    assert "Haluatko kirjallisen päätöksen?" in answer and "Valitusosoitus" not in answer
    status = status_path(mail, "fi")

    # The requester asks for a written decision on the status page.
    requester.goto(live + status)
    assert requester.locator("h2#written-title").inner_text() == "Haluatko kirjallisen päätöksen?"
    assert "Laki viranomaisten toiminnan julkisuudesta (621/1999)" in requester.inner_text("main")
    check_page(requester, "status page with the question", html=True)
    click(requester, "#written-decision button[type=submit]")  # nothing chosen: an error
    assert "Valitse, haluatko kirjallisen päätöksen." in requester.inner_text("#written-decision")
    check_page(requester, "status page with an error", html=True)
    requester.check("#written-yes")
    click(requester, "#written-decision button[type=submit]")
    assert "Pyysit kirjallista päätöstä" in requester.inner_text("main")
    assert requester.locator("#written-decision").count() == 0

    # The decision maker makes the written decision and sends it with the remedy page.
    maker = staff_page(live, orgs=("espoo",), locale="fi")
    maker.goto(f"{live}/admin/requests")
    assert "Kirjallista päätöstä pyydetty" in maker.inner_text("main")
    prepare_partial_disclosure(maker, live, request_id, check_page, "the decision maker")
    click(maker, "#send-decision")
    mail = deliver(live)[-1]
    decision = letter_text(mail, "-decision.pdf")
    assert "Valitusosoitus" in decision and "808/2019" in decision
    assert "julkisuuslain (621/1999) 33 §" in decision
    assert "julkisuuslain (621/1999) 24 §:n 1 momentin 25 kohta" in decision

    # The status page shows each step.
    requester.goto(live + status_path(mail, "fi"))
    history = requester.inner_text("ol.history")
    for step in ("Pyyntö vahvistettu ja vastaanotettu",
                 "Sinulta kysyttiin, haluatko kirjallisen päätöksen",
                 "Pyysit kirjallista päätöstä"):
        assert step in history
    # The official's answer is not a decision; only the written decision reads as one.
    assert history.count("Viranhaltijan vastaus lähetetty") == 1
    assert history.count("hyväksyttiin osittain") == 1
    assert "tietoja sosiaalihuollon asiakkaasta" in history
    check_page(requester, "status page after the decision", html=True)
    assert check_page.html_problems() == []
