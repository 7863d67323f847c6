"""In Chromium: a request that came on paper with only a postal address is extended; the
extension notice waits on the request's page as a letter to post, staff record the day it was
posted, and no mail is ever written to an empty address."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from portal.deadlines import HELSINKI
from portal.mail.models import OutboxMail
from tests.backoffice.factories import make_staff
from tests.browser.test_decision_browser import sign_in
from tests.browser.test_public_browser import axe_violations

pytestmark = pytest.mark.browser


def click(page, selector: str) -> None:
    with page.expect_navigation():
        page.click(selector)


def test_a_letter_to_post_is_printed_and_recorded_as_posted(browser, live_server, axe_source):
    live = live_server
    with live.app.extensions["db_sessionmaker"]() as session, live.app.test_request_context():
        staff = make_staff(session, email="posti@museot.example", orgs=("museokortti",))
    page = browser.new_context(bypass_csp=True).new_page()
    sign_in(page, live, staff)

    page.goto(f"{live}/admin/requests/new")
    page.check("#channel-letter")
    today = datetime.now(HELSINKI).date()
    page.fill("#received_date", (today - timedelta(days=3)).isoformat())
    page.fill("#received_time", "10:30")
    page.check("#right-access")
    page.check("#registers-museokortti")
    page.fill("#name", "Kalle Kirje")
    page.fill("#postal_address", "Brevgatan 1\n00100 Helsingfors")
    page.check("#locale-sv")
    click(page, "main form button[type=submit]")
    page.fill("#extend-text", "Uppgifterna finns i tre system.")
    click(page, "form:has(#extend-text) button[type=submit]")

    letters = page.locator("#letters")
    assert "To be posted" in letters.inner_text()
    assert axe_violations(page, axe_source) == []
    pdf = page.request.get(live + letters.locator(
        "a", has_text="Letter for printing").get_attribute("href"))
    assert pdf.headers["content-type"] == "application/pdf"

    field = letters.locator("input[type=date]")
    field.fill((today + timedelta(days=1)).isoformat())
    click(page, "#letters button[type=submit]")
    assert page.locator(f"#error-summary a[href='#{field.get_attribute('id')}']").count() == 1
    assert axe_violations(page, axe_source) == []
    page.locator("#letters input[type=date]").fill(today.isoformat())
    click(page, "#letters button[type=submit]")
    assert "Posted on" in page.inner_text("#letters")
    assert "Letter posted" in page.inner_text("main")

    with live.app.extensions["db_sessionmaker"]() as session:
        assert session.scalars(select(OutboxMail).where(OutboxMail.recipient == "")).all() == []
