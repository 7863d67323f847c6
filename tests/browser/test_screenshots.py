"""The pages a newcomer sees, in Finnish and Swedish: each opens in its language and reflows.

The same walk takes the screenshots in ``docs/screenshots/``: `make screenshots` runs this module
with ``PORTAL_SCREENSHOTS`` set to that folder, so the pictures in the docs are always of pages
that these assertions passed on. Without it, the pictures go to a temporary folder.
"""

from __future__ import annotations

import os
import uuid
from datetime import timedelta
from pathlib import Path

import pytest

from portal.dsr import service
from tests.browser.steps import new_staff, sign_in
from tests.conftest import serve, served_database
from tests.dsr.helpers import at_helsinki

pytestmark = pytest.mark.browser

LANGS = ("fi", "sv")
KAMU = "kamu-asiakasrekisteri"


@pytest.fixture(scope="module")
def live_server(tmp_path_factory, request):
    """A server of its own: the shared one has met the form's rate limit by the time this runs."""
    folder = tmp_path_factory.mktemp("screenshots")
    with serve(folder, served_database("sqlite", folder, request)) as live:
        yield live


@pytest.fixture
def folder(tmp_path) -> Path:
    target = os.environ.get("PORTAL_SCREENSHOTS")
    return Path(target) if target else tmp_path


@pytest.fixture
def status_path(live_server) -> str:
    """A confirmed request of Aino's and the path of its status page."""
    sessions = live_server.app.extensions["db_sessionmaker"]
    with sessions() as session:
        submission = service.Submission(
            right="access", register_slugs=(KAMU,), name="Aino Asiakas",
            email="aino@example.fi", phone="", details="Kaikki minusta tallennetut tiedot.",
            locale="fi", submission_key=uuid.uuid4().hex)
        received = at_helsinki("2026-03-03")
        request, _ = service.submit(session, submission, now=received,
                                    valid_for=timedelta(days=7),
                                    operator_register="tietosuojaportaali")
        token = service.confirm(session, request, now=received)
        session.commit()
    return f"/requests/status/{token}"


def shoot(tab, folder: Path, name: str, lang: str) -> None:
    """The page is in ``lang``, has one h1, does not scroll sideways; then its picture."""
    assert tab.locator("html").get_attribute("lang") == lang
    assert tab.locator("h1").count() == 1
    assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    tab.screenshot(path=str(folder / f"{name}-{lang}.png"), full_page=False)


@pytest.mark.parametrize("lang", LANGS)
def test_public_pages_in_each_national_language(browser, live_server, folder, status_path,
                                                 lang):
    context = browser.new_context(viewport={"width": 1100, "height": 800})
    tab = context.new_page()
    tab.goto(f"{live_server}/{lang}/")
    shoot(tab, folder, "index", lang)
    tab.goto(f"{live_server}/{lang}/registers/{KAMU}")
    shoot(tab, folder, "notice", lang)
    tab.goto(f"{live_server}/{lang}/requests/new")
    shoot(tab, folder, "request-form", lang)
    with tab.expect_navigation():
        tab.locator("form button[type=submit]").last.click()
    assert tab.locator(".error-summary, [role=alert]").count() >= 1
    shoot(tab, folder, "request-form-errors", lang)
    tab.goto(f"{live_server}/{lang}{status_path}")
    shoot(tab, folder, "request-status", lang)
    tab.goto(f"{live_server}/{lang}/requests/documents")
    shoot(tab, folder, "document-request-form", lang)
    if lang == "sv":  # a notice published in Finnish only, read in Swedish
        tab.goto(f"{live_server}/sv/registers/honkalahti-oppilasrekisteri")
        assert tab.locator("h1").get_attribute("lang") == "fi"
        shoot(tab, folder, "notice-finnish-only", lang)
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_staff_pages_in_each_national_language(browser, live_server, folder, status_path,
                                               lang):
    user = new_staff(live_server, orgs=("espoo", "museokortti"), locale=lang)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    sign_in(tab, live_server, user)
    tab.goto(f"{live_server}/admin/requests")
    shoot(tab, folder, "staff-queue", lang)
    tab.locator("table a[href^='/admin/requests/']").first.click()
    shoot(tab, folder, "staff-request", lang)
    tab.goto(f"{live_server}/admin/registers/{KAMU}")
    shoot(tab, folder, "editor-overview", lang)
    tab.goto(f"{live_server}/admin/registers/{KAMU}/edit")
    shoot(tab, folder, "editor-edit", lang)
    tab.goto(f"{live_server}/admin/registers/varhaiskasvatus/purposes")
    shoot(tab, folder, "editor-purposes", lang)
    tab.goto(f"{live_server}/admin/organisations/espoo/settings")
    shoot(tab, folder, "staff-organisation-settings", lang)
    context.close()
