"""Representatives, fees, legal holds and retention in Chromium: axe finds nothing on the new
parts of the pages, with and without errors, and the steps work by keyboard and mouse."""

from __future__ import annotations

import uuid

import pytest

from tests.backoffice.factories import make_request
from tests.browser.steps import click

pytestmark = pytest.mark.browser


def test_staff_pages_of_holds_fees_representatives_and_retention(live_server, staff_page,
                                                                  check_page):
    with (live_server.app.extensions["db_sessionmaker"]() as session,
          live_server.app.test_request_context()):
        request = make_request(session, name="Hanna Huoltaja", key=uuid.uuid4().hex)
        request.represented_name, request.authority = "Eetu Esimerkki", "guardian"
        session.commit()
        request_id = request.id
    tab = staff_page(live_server, orgs=("museokortti",), locale="fi")
    tab.goto(f"{live_server}/admin/requests/{request_id}")
    tab.click("details:has(#fee-amount) > summary")
    check_page(tab)

    click(tab, "form:has(#hold-note) button[type=submit]")
    assert tab.locator("#error-summary a[href='#hold-reason']").count() == 1
    check_page(tab)
    tab.check("#hold-reason-appeal")
    tab.fill("#hold-note", "HAO 12/2026")
    click(tab, "form:has(#hold-note) button[type=submit]")
    assert "Valitus tai oikaisuvaatimus" in tab.locator("#legal-hold + p").inner_text()

    tab.click("details:has(#fee-amount) > summary")
    click(tab, "form:has(#fee-amount) button[type=submit]")
    assert tab.locator("#fee-ground[aria-describedby='fee-ground-error']").count() == 1
    check_page(tab)
    click(tab, "form:has(#authority-note) button[type=submit]")
    assert tab.locator("#authority-note[aria-invalid='true']").count() == 1
    check_page(tab)

    tab.goto(f"{live_server}/admin/organisations/museokortti/fees")
    check_page(tab)
    tab.goto(f"{live_server}/admin/organisations/museokortti/retention")
    tab.fill("#requests", "vuosi")
    click(tab, "main form button[type=submit]")
    assert tab.locator("#error-summary a[href='#requests']").count() == 1
    check_page(tab)


def test_the_request_form_for_someone_else_with_its_errors(page, live_server, check_page):
    page.goto(f"{live_server}/sv/requests/new")
    page.check("#right-access")
    page.fill("#name", "Hanna Huoltaja")
    page.fill("#email", "hanna@example.fi")
    page.check("#on_behalf-other")
    click(page, "main form button[type=submit]")
    summary = page.locator("#error-summary a")
    assert [summary.nth(i).get_attribute("href") for i in range(summary.count())] == [
        "#represented_name", "#authority-group", "#authority_proof"]
    check_page(page)
