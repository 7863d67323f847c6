"""A Finnish-only notice in the editor, in Chromium (issue 15): the form shows the Finnish
columns only, choosing Swedish adds its columns and its findings, and the published Finnish
text is what readers of every language get, with a note in theirs."""

from __future__ import annotations

import pytest

from tests.browser.steps import pdf_text

pytestmark = pytest.mark.browser
SLUG = "honkalahti-oppilasrekisteri"
NEW = "Oppilaan tiedot säilytetään kunnan tiedonohjaussuunnitelman mukaisesti."


def test_an_editor_edits_a_finnish_only_notice(own_server, staff_page, check_page):
    live = own_server
    page = staff_page(live, orgs=("honkalahti",), role="editor", locale="fi")
    page.goto(live + f"/admin/registers/{SLUG}/edit")
    assert page.is_checked("#language-fi") and not page.is_checked("#language-sv")
    assert page.locator("#section-retention-fi").count() == 1
    assert page.locator("#section-retention-sv, #section-retention-en").count() == 0
    check_page(page)

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
    assert NEW in pdf_text(page, live + f"/en/registers/{SLUG}.pdf")
    check_page(page)
