"""The staff side in Chromium: signing in with a computed code, and axe-core on each page."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from portal.backoffice.models import StaffUser
from tests.backoffice.factories import make_request, make_staff
from tests.browser.steps import sign_in

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


def test_sign_in_and_every_staff_page_passes_axe(page, live_server, check_page, staff_user):
    page.goto(live_server + "/admin/requests")
    assert "/admin/login" in page.url
    check_page(page)
    sign_in(page, live_server, staff_user)  # on the page it was sent to, by keyboard
    assert page.url.endswith("/admin/requests")
    assert page.locator("html").get_attribute("lang") == "sv"  # the staff member's language
    check_page(page)
    page.get_by_role("link", name="MUSEOKORTTI-2026-0001").click()
    page.wait_for_load_state()
    check_page(page)
    for path in ("/admin/account", "/admin/stats", "/admin/templates/erasure"):
        page.goto(live_server + path)
        check_page(page, path)
    page.goto(live_server + "/admin/reset")
    check_page(page)
