"""In Chromium: a request that came on paper with only a postal address is extended; the
extension notice waits on the request's page as a letter to post, staff record the day it was
posted, and no mail is ever written to an empty address."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from portal.deadlines import HELSINKI
from portal.mail.models import OutboxMail
from tests.browser.steps import click, enter_paper_request

pytestmark = pytest.mark.browser


def test_a_letter_to_post_is_printed_and_recorded_as_posted(live_server, staff_page,
                                                            check_page):
    live = live_server
    page = staff_page(live, orgs=("museokortti",))
    enter_paper_request(page, live, days_ago=3, right="access", register="museokortti",
                        name="Kalle Kirje", postal_address="Brevgatan 1\n00100 Helsingfors",
                        locale="sv")
    page.fill("#extend-text", "Uppgifterna finns i tre system.")
    click(page, "form:has(#extend-text) button[type=submit]")

    letters = page.locator("#letters")
    assert "To be posted" in letters.inner_text()
    check_page(page)
    pdf = page.request.get(live + letters.locator(
        "a", has_text="Letter for printing").get_attribute("href"))
    assert pdf.headers["content-type"] == "application/pdf"

    today = datetime.now(HELSINKI).date()
    field = letters.locator("input[type=date]")
    field.fill((today + timedelta(days=1)).isoformat())
    click(page, "#letters button[type=submit]")
    assert page.locator(f"#error-summary a[href='#{field.get_attribute('id')}']").count() == 1
    check_page(page)
    page.locator("#letters input[type=date]").fill(today.isoformat())
    click(page, "#letters button[type=submit]")
    assert "Posted on" in page.inner_text("#letters")
    assert "Letter posted" in page.inner_text("main")

    with live.app.extensions["db_sessionmaker"]() as session:
        assert session.scalars(select(OutboxMail).where(OutboxMail.recipient == "")).all() == []
