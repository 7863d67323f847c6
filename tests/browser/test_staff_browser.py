"""The staff side in Chromium: signing in with a computed code, and axe-core on each page."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from portal.backoffice.models import StaffUser
from tests.backoffice.factories import PASSWORD, code_for, make_request, make_staff
from tests.browser.test_public_browser import axe_violations

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def staff_user(live_server):
    sessions = live_server.app.extensions["db_sessionmaker"]
    with sessions() as session, live_server.app.test_request_context():
        user = session.scalar(select(StaffUser).where(StaffUser.email == "axe@espoo.example"))
        if user is None:
            user = make_staff(session, email="axe@espoo.example", orgs=("espoo", "museokortti"),
                              locale="sv")
            make_request(session, name="Axe Testare", received="2026-03-03")
        return user


def test_sign_in_and_every_staff_page_passes_axe(page, live_server, axe_source, staff_user):
    page.goto(live_server + "/admin/requests")
    assert "/admin/login" in page.url
    assert axe_violations(page, axe_source) == []
    page.fill("#email", staff_user.email)
    page.fill("#password", PASSWORD)
    page.fill("#code", code_for(staff_user))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/admin/requests")
    assert page.locator("html").get_attribute("lang") == "sv"  # the staff member's language
    assert axe_violations(page, axe_source) == []
    page.get_by_role("link", name="MUSEOKORTTI-2026-0001").click()
    page.wait_for_load_state()
    assert axe_violations(page, axe_source) == []
    for path in ("/admin/account", "/admin/stats", "/admin/templates/erasure"):
        page.goto(live_server + path)
        assert axe_violations(page, axe_source) == [], path
    page.goto(live_server + "/admin/reset")
    assert axe_violations(page, axe_source) == []
