"""A joint-controller notice edited in Chromium (issue 15): the City of Helsinki's editor lets
Kauniainen leave the Helmet register, names Espoo as the contact point and rewrites the
arrangement in Swedish; the public page, the PDF, the JSON-LD and the request form follow, and
axe finds nothing on the edit form, its errors, the page or the form."""

from __future__ import annotations

import pytest

from tests.browser.steps import pdf_text

pytestmark = pytest.mark.browser
SLUG = "helmet-asiakasrekisteri"
ESSENCE_SV = "Helsingfors, Esbo och Vanda har ett gemensamt bibliotekssystem."


def test_an_editor_changes_the_joint_controllers_and_the_arrangement(
        own_server, staff_page, check_page):
    live = own_server
    page = staff_page(live, orgs=("helsinki",), role="editor", locale="sv")
    page.get_by_role("link", name="Dataskyddsbeskrivningar").click()
    page.get_by_role("link", name="Helmet-bibliotekens kundregister").click()
    page.get_by_role("link", name="Redigera", exact=True).click()
    check_page(page)

    # A contact point that is not a joint controller is refused, tied to its field.
    page.get_by_label("Kontaktpunkt för de registrerade").select_option(label="Museikortet")
    page.get_by_role("button", name="Spara utkastet").click()
    summary = page.locator(".error-summary a[href='#contact_point']")
    assert summary.count() == 1
    assert page.locator("#contact_point").get_attribute("aria-invalid") == "true"
    check_page(page)

    page.get_by_label("Grankulla stad").select_option("")
    page.get_by_label("Kontaktpunkt för de registrerade").select_option(label="Esbo stad")
    page.fill("#arrangement-essence-sv", ESSENCE_SV)
    page.get_by_role("button", name="Spara utkastet").click()
    assert "Utkastet sparades" in page.inner_text("main")
    page.get_by_role("button", name="Publicera utkastet").click()
    assert "Version 2 publicerades." in page.inner_text("main")

    page.goto(live + f"/sv/registers/{SLUG}")
    main = page.inner_text("main")
    assert "Grankulla stad" not in main and ESSENCE_SV in main
    assert "Kontaktpunkt för de registrerade: Esbo stad." in main
    check_page(page)
    pdf = pdf_text(page, live + f"/sv/registers/{SLUG}.pdf")
    assert "Helsingfors stad · Esbo stad · Vanda stad" in pdf and "Grankulla stad" not in pdf
    document = page.request.get(live + f"/sv/registers/{SLUG}.jsonld").json()
    group = document["dpv:hasJointDataControllers"]
    assert len(group["dpv:hasDataController"]) == 3
    assert group["dct:description"]["@value"] == ESSENCE_SV

    # The request form now offers three cities, Espoo chosen as the contact point.
    page.locator("a.button", has_text="Gör en begäran som gäller det här registret").click()
    group_box = page.locator("#controller-group")
    assert group_box.locator("input[type=radio]").count() == 3
    assert group_box.locator("#controller-espoo").is_checked()
    check_page(page)
