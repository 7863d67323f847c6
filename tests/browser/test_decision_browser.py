"""A partial decision in Chromium: a handler prepares it, the decision maker reviews and sends
it, the requester gets the PDF by a real SMTP server and reads the outcome on the status page."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from tests.backoffice.factories import PASSWORD, code_for, make_request, make_staff
from tests.browser.test_dpo_day import deliver, on
from tests.browser.test_public_browser import axe_violations

pytestmark = pytest.mark.browser


def sign_in(page, live, user) -> None:
    page.goto(live + "/admin/login")
    page.fill("#email", user.email)
    page.fill("#password", PASSWORD)
    page.fill("#code", code_for(user))
    with page.expect_navigation():
        page.click("button[type=submit]")


def test_handler_prepares_and_decision_maker_sends_a_partial_decision(
        browser, mailing_live_server, monkeypatch, axe_source):
    live = mailing_live_server
    with live.app.extensions["db_sessionmaker"]() as session, live.app.test_request_context():
        handler = make_staff(session, email="kasittelija@espoo.example", orgs=("espoo",),
                             role="handler")
        dpo = make_staff(session, email="tsv@espoo.example", orgs=("espoo",))
        request = make_request(session, register="kamu-asiakasrekisteri", received="2026-03-02",
                               name="Sara Svensson", email="sara@example.fi")
        request.locale = "sv"
        session.commit()
        request_id = request.id
    on(monkeypatch, "2026-03-10")

    first = browser.new_context(bypass_csp=True).new_page()
    sign_in(first, live, handler)
    first.goto(f"{live}/admin/requests/{request_id}")
    first.check("#outcome-partly_granted")
    with first.expect_navigation():
        first.click("form:has(#outcome-partly_granted) button[type=submit]")
    assert first.locator("#ground-dpa_34_2").count() == 1
    assert first.locator("#ground-erasure_exception_b").count() == 0
    assert axe_violations(first, axe_source) == []
    first.check("#ground-dpa_34_2")
    first.fill("#decision-text", "Här är en del av dina uppgifter.")
    first.fill("#decision-reasons", "Anteckningarna kan allvarligt skada din vård.")
    first.fill("#decision-withheld", "Anteckningarna om vården.")
    with first.expect_navigation():
        first.click("form:has(#decision-text) button[type=submit]")
    assert first.locator("#send-decision").is_disabled()

    second = browser.new_context(bypass_csp=True).new_page()
    sign_in(second, live, dpo)
    second.goto(f"{live}/admin/requests/{request_id}")
    assert "kasittelija@espoo.example" in second.inner_text("#decide")
    assert axe_violations(second, axe_source) == []
    with second.expect_navigation():
        second.click("#send-decision")
    mail = deliver(live)[-1]
    assert mail["To"] == "sara@example.fi"
    [letter] = [a for a in mail.iter_attachments() if a.get_filename().endswith(".pdf")]
    text = " ".join(" ".join(p.extract_text() for p in
                             PdfReader(io.BytesIO(letter.get_content())).pages).split())
    assert "Anteckningarna om vården." in text and "Helsingfors förvaltningsdomstol" in text
    status = re.search(r"http://localhost(/sv/requests/status/\S+)",
                       mail.get_body(("plain",)).get_content()).group(1)

    requester = browser.new_context(bypass_csp=True).new_page()
    requester.goto(live + status)
    main = requester.inner_text("main")
    assert "delvis" in main.lower()
    assert "allvarligt" in main and "Anteckningarna kan allvarligt skada din vård." in main
    assert axe_violations(requester, axe_source) == []
