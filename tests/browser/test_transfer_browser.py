"""In Chromium: staff of an authority enter a document request that came on paper, then
transfer it to the competent authority (APA 434/2003 §21); the requester's status page shows
where it went. Mail goes through the real SMTP server of the tests."""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import urlsplit

import pytest

from portal.deadlines import HELSINKI
from tests.backoffice.factories import make_staff
from tests.browser.test_decision_browser import sign_in
from tests.browser.test_dpo_day import deliver
from tests.browser.test_public_browser import axe_violations

pytestmark = pytest.mark.browser


def click(page, selector: str) -> None:
    with page.expect_navigation():
        page.click(selector)


def body(mail) -> str:
    return mail.get_body(("plain",)).get_content()


def test_a_paper_document_request_is_entered_and_transferred(browser, mailing_live_server,
                                                            axe_source):
    live = mailing_live_server
    with live.app.extensions["db_sessionmaker"]() as session, live.app.test_request_context():
        staff = make_staff(session, email="kirjaamo-siirto@espoo.example", orgs=("espoo",))
    page = browser.new_context(bypass_csp=True).new_page()
    sign_in(page, live, staff)

    page.goto(f"{live}/admin/requests/new")
    page.check("#channel-letter")
    received = datetime.now(HELSINKI) - timedelta(days=2)
    page.fill("#received_date", received.date().isoformat())
    page.fill("#received_time", "10:30")
    page.check("#law-openness")
    assert page.is_checked("#organisation-espoo")  # the staff member's only authority
    assert axe_violations(page, axe_source) == []
    page.fill("#documents", "Rakennuslupapäätös, Kirkkokatu 1.")
    page.fill("#email", "paperi@example.fi")
    page.check("#locale-fi")
    click(page, "main form button[type=submit]")
    main = page.inner_text("main")
    assert "The request was entered." in main
    assert "Request for documents under the Act on the Openness" in main
    acknowledgement = deliver(live)[-1]
    assert acknowledgement["To"] == "paperi@example.fi"
    assert "julkisuuslain mukaisen asiakirjapyyntösi" in body(acknowledgement)

    click(page, "text=Transfer to the competent authority")
    click(page, "main form button[type=submit]")  # nothing filled: refused, linked to fields
    assert page.locator(".error-summary a[href='#authority_name']").count() == 1
    assert axe_violations(page, axe_source) == []
    page.fill("#authority_name", "Rakennusvalvonta, Vantaan kaupunki")
    page.fill("#authority_email", "kirjaamo@vantaa.example")
    page.fill("#reason", "Kirkkokatu 1 on Vantaalla; asiakirjat ovat Vantaan rakennusvalvonnalla.")
    click(page, "main form button[type=submit]")
    main = page.inner_text("main")
    assert "The request was transferred and the requester was told." in main
    assert "Transferred to another authority" in main and "kirjaamo@vantaa.example" in main

    told, forwarded = deliver(live)[-2:]
    assert told["To"] == "paperi@example.fi" and "hallintolain 21 §" in body(told)
    assert forwarded["To"] == "kirjaamo@vantaa.example"
    assert "Rakennuslupapäätös, Kirkkokatu 1." in body(forwarded)

    status_link = next(line for line in body(told).splitlines() if "/requests/status/" in line)
    public = browser.new_context(bypass_csp=True).new_page()
    public.goto(live + urlsplit(status_link.strip()).path)
    status = public.inner_text("main")
    assert "Siirretty toiselle viranomaiselle" in status
    assert "Rakennusvalvonta, Vantaan kaupunki" in status
    assert "asiakirjat ovat Vantaan rakennusvalvonnalla" in status
    assert axe_violations(public, axe_source) == []
