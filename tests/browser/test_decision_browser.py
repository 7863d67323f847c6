"""A partial decision in Chromium: a handler prepares it, the decision maker reviews and sends
it, the requester gets the PDF by a real SMTP server and reads the outcome on the status page."""

from __future__ import annotations

import pytest

from tests.backoffice.factories import make_request
from tests.browser.steps import click, deliver, letter_text, on, status_path

pytestmark = pytest.mark.browser


def test_handler_prepares_and_decision_maker_sends_a_partial_decision(
        mailing_live_server, monkeypatch, staff_page, new_tab, check_page):
    live = mailing_live_server
    with live.app.extensions["db_sessionmaker"]() as session, live.app.test_request_context():
        request = make_request(session, register="kamu-asiakasrekisteri", received="2026-03-02",
                               name="Sara Svensson", email="sara@example.fi")
        request.locale = "sv"
        session.commit()
        request_id = request.id
    on(monkeypatch, "2026-03-10")

    first = staff_page(live, email="kasittelija@espoo.example", orgs=("espoo",), role="handler")
    first.goto(f"{live}/admin/requests/{request_id}")
    first.check("#outcome-partly_granted")
    click(first, "form:has(#outcome-partly_granted) button[type=submit]")
    assert first.locator("#ground-dpa_34_2").count() == 1
    assert first.locator("#ground-erasure_exception_b").count() == 0
    check_page(first)
    first.check("#ground-dpa_34_2")
    first.fill("#decision-text", "Här är en del av dina uppgifter.")
    first.fill("#decision-reasons", "Anteckningarna kan allvarligt skada din vård.")
    first.fill("#decision-withheld", "Anteckningarna om vården.")
    click(first, "form:has(#decision-text) button[type=submit]")
    assert first.locator("#send-decision").is_disabled()

    second = staff_page(live, orgs=("espoo",))
    second.goto(f"{live}/admin/requests/{request_id}")
    assert "kasittelija@espoo.example" in second.inner_text("#decide")
    check_page(second)
    click(second, "#send-decision")
    mail = deliver(live)[-1]
    assert mail["To"] == "sara@example.fi"
    text = letter_text(mail)
    assert "Anteckningarna om vården." in text and "Helsingfors förvaltningsdomstol" in text

    requester = new_tab()
    requester.goto(live + status_path(mail, "sv"))
    main = requester.inner_text("main")
    assert "delvis" in main.lower()
    assert "allvarligt" in main and "Anteckningarna kan allvarligt skada din vård." in main
    check_page(requester)
