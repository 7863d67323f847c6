"""A DPO's day in Chromium, with mail through a real SMTP server.

Sign in with a computed one-time code, open the request due first, ask for information, see the
clock pause and resume when the requester answers on the status page, extend, answer with a
PDF letter, and see what the requester sees.
"""

from __future__ import annotations

import pytest

from tests.backoffice.factories import make_request
from tests.browser.steps import click, deliver, letter_text, on, status_path

pytestmark = pytest.mark.browser


def test_a_dpos_day(mailing_live_server, monkeypatch, staff_page):
    live = mailing_live_server
    with live.app.extensions["db_sessionmaker"]() as session, live.app.test_request_context():
        first = make_request(session, received="2026-03-02", name="Sara Svensson",
                             email="sara@example.fi")
        first.locale = "sv"
        session.commit()
        make_request(session, received="2026-02-27", name="Anna Answered",
                     email="anna@example.fi").state = "completed"
        make_request(session, received="2026-03-09", name="Later", email="later@example.fi")
        session.commit()
    on(monkeypatch, "2026-03-03")

    page = staff_page(live, orgs=("museokortti",))
    page.locator("table.queue tbody tr").first.get_by_role("link").click()
    page.wait_for_load_state()
    assert "MUSEOKORTTI-2026-0001" in page.inner_text("h1")  # the open one due first
    assert "Thursday, April 2, 2026" in page.inner_text("main")

    page.fill("#ask_information-text", "Vilket kortnummer gäller det?")
    page.get_by_label("To have the request specified (GDPR Recital 63)", exact=False).check()
    click(page, "form:has(#ask_information-text) button[type=submit]")
    question = deliver(live)[-1]
    assert question["To"] == "sara@example.fi" and "Vilket kortnummer" in question.get_content()
    assert "skäl 63 i dataskyddsförordningen" in question.get_content()
    status = status_path(question, "sv")

    on(monkeypatch, "2026-03-13")
    requester = page.context.new_page()
    requester.goto(live + status)
    assert "tidsfristen löper inte förrän du svarar" in requester.inner_text("main")
    requester.fill("#answer-text", "Kort 12345.")
    click(requester, "#answer button[type=submit]")
    assert "Mottagen, behandlas" in requester.inner_text("main")

    on(monkeypatch, "2026-03-20")
    page.reload()
    page.click("summary")  # "How the due date was counted"
    main = page.inner_text("main")
    assert "Monday, April 13, 2026" in main and "10 days are added" in main
    page.fill("#extend-text", "Uppgifterna finns i tre system.")
    click(page, "form:has(#extend-text) button[type=submit]")
    extension = deliver(live)[-1]
    assert "fredag 12 juni 2026" in extension.get_content()

    on(monkeypatch, "2026-03-25")
    page.check("#outcome-granted")
    click(page, "form:has(#outcome-granted) button[type=submit]")
    page.fill("#decision-text", "Här är dina uppgifter.")
    click(page, "form:has(#decision-text) button[type=submit]")
    click(page, "#send-decision")
    answer = deliver(live)[-1]
    assert answer["Subject"] == "Beslut om din begäran MUSEOKORTTI-2026-0001"
    text = letter_text(answer)
    assert "Här är dina uppgifter." in text and "Dataombudsmannens byrå" in text
    requester.goto(live + status)
    assert "Besvarad" in requester.inner_text("main")
