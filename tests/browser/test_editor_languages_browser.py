"""A Finnish-only notice in the editor, in Chromium (issue 15): the form shows the Finnish
columns only, choosing Swedish adds its columns and its findings, and the published Finnish
text is what readers of every language get, with a note in theirs."""

from __future__ import annotations

import pytest

from tests.backoffice.factories import make_staff
from tests.browser.test_editor_browser import _pdf_text, _sign_in
from tests.browser.test_public_browser import axe_violations
from tests.conftest import BACKENDS, serve, served_database

pytestmark = pytest.mark.browser
SLUG = "honkalahti-oppilasrekisteri"
NEW = "Oppilaan tiedot säilytetään kunnan tiedonohjaussuunnitelman mukaisesti."


@pytest.fixture(params=BACKENDS)
def school_server(tmp_path, request):
    with serve(tmp_path, served_database(request.param, tmp_path, request)) as live:
        with live.app.extensions["db_sessionmaker"]() as session, \
                live.app.test_request_context():
            live.editor = make_staff(session, email="editor@honkalahti.example",
                                     orgs=("honkalahti",), role="editor", locale="fi")
        yield live


def test_an_editor_edits_a_finnish_only_notice(page, school_server, axe_source):
    live = school_server
    _sign_in(page, live)
    page.goto(live + f"/admin/registers/{SLUG}/edit")
    assert page.is_checked("#language-fi") and not page.is_checked("#language-sv")
    assert page.locator("#section-retention-fi").count() == 1
    assert page.locator("#section-retention-sv, #section-retention-en").count() == 0
    assert axe_violations(page, axe_source) == []

    # Choosing Swedish brings its columns, first asking for the register's Swedish name;
    # then the checklist asks for the Swedish texts, and for no English one.
    page.check("#language-sv")
    page.get_by_role("button", name="Tallenna luonnos").click()
    asked = page.locator("#error-summary a").evaluate_all("links => links.map(a => a.hash)")
    assert asked == ["#title-sv", "#recipient-1-name-sv", "#recipient-2-name-sv"]
    assert page.locator("#section-retention-sv").count() == 1
    assert page.locator("#section-retention-en").count() == 0
    page.fill("#title-sv", "Elevregistret för den grundläggande utbildningen")
    page.fill("#recipient-1-name-sv", "Utbildningsstyrelsen (KOSKI-datalagret)")
    page.fill("#recipient-2-name-sv", "Leverantören av elevadministrationssystemet")
    page.get_by_role("button", name="Tallenna luonnos").click()
    checklist = page.inner_text(".checklist")
    assert "Svenska" in checklist and "English" not in checklist and "Suomi" not in checklist
    page.get_by_role("link", name="Muokkaa", exact=True).click()

    # Back to Finnish only, with a new retention text: nothing is missing, and it publishes.
    page.uncheck("#language-sv")
    page.fill("#section-retention-fi", NEW)
    page.get_by_role("button", name="Tallenna luonnos").click()
    assert "Mitään vaadittua ei puutu millään kielellä." in page.inner_text("main")
    assert page.get_by_role("link", name="Sivu: Svenska").count() == 0
    page.get_by_role("button", name="Julkaise luonnos").click()
    assert "Versio 2 julkaistiin." in page.inner_text("main")

    page.goto(live + f"/sv/registers/{SLUG}")
    note = page.get_by_role("note").filter(has_text="inte publicerad på svenska")
    assert note.count() == 1
    assert NEW in page.inner_text("main")
    assert page.locator(f"div[lang=fi] >> text={NEW}").count() == 1
    assert NEW in _pdf_text(page, live + f"/en/registers/{SLUG}.pdf")
    assert axe_violations(page, axe_source) == []
