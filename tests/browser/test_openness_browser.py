"""A document request under the Openness Act in Chromium (issue 16, "Done when"): filed on the
public form, disclosed in part by an official with a redacted PDF and a §24(1) ground; the
requester asks on the status page for a written decision; the decision maker sends it with its
appeal instructions (§33); the status page shows each step. axe-core and the Nu checker judge
the new pages."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from portal.dsr.models import DataRequest
from tests.backoffice.factories import make_staff
from tests.backoffice.test_decisions import a_pdf
from tests.browser.test_decision_browser import sign_in
from tests.browser.test_dpo_day import deliver
from tests.browser.test_public_browser import axe_violations
from tests.browser.test_requests_browser import newest_link
from tests.htmlcheck import html_problems

pytestmark = pytest.mark.browser

EMAIL = "asiakirjat@example.fi"


def letter_text(mail) -> str:
    [letter] = [a for a in mail.iter_attachments() if a.get_filename().endswith("-decision.pdf")]
    return " ".join(" ".join(p.extract_text() for p in
                             PdfReader(io.BytesIO(letter.get_content())).pages).split())


def status_link(mail) -> str:
    """The status link of a delivered mail (the outbox keeps no usable token once sent)."""
    return re.search(r"http://localhost(/fi/requests/status/\S+)",
                     mail.get_body(("plain",)).get_content()).group(1)


def prepare_partial_disclosure(page, live, request_id: int, axe_source) -> str:
    """Disclose in part: the public part with page 2's secret part blacked out (§24(1)(25))."""
    page.goto(f"{live}/admin/requests/{request_id}")
    page.check("#outcome-partly_granted")
    with page.expect_navigation():
        page.click("form:has(#outcome-partly_granted) button[type=submit]")
    assert page.locator("#basis-public").is_checked()
    assert page.locator("#ground-dpa_34_2").count() == 0  # no GDPR grounds for documents
    form = page.content()  # before axe adds its script to the page
    assert axe_violations(page, axe_source) == []
    page.fill("#decision-text", "Tässä pyytämäsi rakennuslupapäätös.")
    page.fill("#secret-1-what", "Sivu 2: hakijan sosiaalihuollon tiedot")
    page.select_option("#secret-1-point", "25")
    page.fill("#decision-reasons", "Sivulla 2 on sosiaalihuollon asiakkaan tietoja.")
    page.set_input_files("#decision-files", {"name": "rakennuslupa-peitetty.pdf",
                                             "mimeType": "application/pdf",
                                             "buffer": a_pdf()})
    with page.expect_navigation():
        page.click("form:has(#decision-text) button[type=submit]")
    assert "rakennuslupa-peitetty.pdf" in page.inner_text("#decide")
    return form


def test_a_document_request_is_disclosed_in_part_and_a_written_decision_is_asked_for(
        browser, mailing_live_server, axe_source, tmp_path):
    live = mailing_live_server
    with live.app.extensions["db_sessionmaker"]() as session, live.app.test_request_context():
        handler = make_staff(session, email="virkailija@espoo.example", orgs=("espoo",),
                             role="handler", locale="fi")
        dpo = make_staff(session, email="paattaja@espoo.example", orgs=("espoo",), locale="fi")
    pages: dict[str, bytes] = {}

    # The requester files a document request and confirms it.
    requester = browser.new_context(bypass_csp=True).new_page()
    requester.goto(f"{live}/fi/requests/documents")
    requester.check("#authority-espoo")
    requester.fill("#documents", "Rakennuslupapäätös, Tapiola 2025.")
    requester.fill("#email", EMAIL)
    with requester.expect_navigation():
        requester.click("form button[type=submit]")
    requester.goto(live + newest_link(live, EMAIL))
    with requester.expect_navigation():
        requester.click("main form button[type=submit]")
    with live.app.extensions["db_sessionmaker"]() as session:
        request_id = session.scalar(select(DataRequest.id).where(DataRequest.email == EMAIL))

    # An official (a handler, not a decision maker) discloses in part: the official's answer.
    official = browser.new_context(bypass_csp=True).new_page()
    sign_in(official, live, handler)
    pages["decision form"] = prepare_partial_disclosure(official, live, request_id,
                                                        axe_source).encode()
    assert official.locator("#send-decision").is_enabled()
    pages["official's review"] = official.content().encode()
    assert axe_violations(official, axe_source) == []
    with official.expect_navigation():
        official.click("#send-decision")
    mail = deliver(live)[-1]
    assert mail["To"] == EMAIL and mail["Subject"].startswith("Vastaus asiakirjapyyntöösi")
    assert "rakennuslupa-peitetty.pdf" in [a.get_filename() for a in mail.iter_attachments()]
    answer = letter_text(mail)
    assert "julkisuuslain (621/1999) 24 §:n 1 momentin 25 kohta" in answer
    assert "Haluatko kirjallisen päätöksen?" in answer and "Valitusosoitus" not in answer
    status = status_link(mail)

    # The requester asks for a written decision on the status page.
    requester.goto(live + status)
    assert requester.locator("h2#written-title").inner_text() == "Haluatko kirjallisen päätöksen?"
    assert "Laki viranomaisten toiminnan julkisuudesta (621/1999)" in requester.inner_text("main")
    pages["status page with the question"] = requester.content().encode()
    assert axe_violations(requester, axe_source) == []
    with requester.expect_navigation():
        requester.click("#written-decision button[type=submit]")  # nothing chosen: an error
    assert "Valitse, haluatko kirjallisen päätöksen." in requester.inner_text("#written-decision")
    pages["status page with an error"] = requester.content().encode()
    assert axe_violations(requester, axe_source) == []
    requester.check("#written-yes")
    with requester.expect_navigation():
        requester.click("#written-decision button[type=submit]")
    assert "Pyysit kirjallista päätöstä" in requester.inner_text("main")
    assert requester.locator("#written-decision").count() == 0

    # The decision maker makes the written decision and sends it with the remedy page.
    maker = browser.new_context(bypass_csp=True).new_page()
    sign_in(maker, live, dpo)
    maker.goto(f"{live}/admin/requests")
    assert "Kirjallista päätöstä pyydetty" in maker.inner_text("main")
    prepare_partial_disclosure(maker, live, request_id, axe_source)
    with maker.expect_navigation():
        maker.click("#send-decision")
    mail = deliver(live)[-1]
    decision = letter_text(mail)
    assert "Valitusosoitus" in decision and "808/2019" in decision
    assert "julkisuuslain (621/1999) 33 §" in decision
    assert "julkisuuslain (621/1999) 24 §:n 1 momentin 25 kohta" in decision

    # The status page shows each step.
    requester.goto(live + status_link(mail))
    history = requester.inner_text("ol.history")
    for step in ("Pyyntö vahvistettu ja vastaanotettu",
                 "Sinulta kysyttiin, haluatko kirjallisen päätöksen",
                 "Pyysit kirjallista päätöstä"):
        assert step in history
    # The official's answer is not a decision; only the written decision reads as one.
    assert history.count("Viranhaltijan vastaus lähetetty") == 1
    assert history.count("hyväksyttiin osittain") == 1
    assert "tietoja sosiaalihuollon asiakkaasta" in history
    pages["status page after the decision"] = requester.content().encode()
    assert axe_violations(requester, axe_source) == []
    assert html_problems(pages, tmp_path) == []
