"""Notice authoring in Chromium: an editor changes a notice in three languages and publishes it;
the public sees the new version and what changed. axe-core checks every editor page."""

from __future__ import annotations

import json

import pytest

from tests.browser.steps import pdf_text

pytestmark = pytest.mark.browser
SLUG = "tietosuojaportaali"
NEW = {"fi": "Pyyntöjä säilytetään viisi vuotta niiden käsittelyn päättymisestä.",
       "sv": "Begäranden sparas i fem år efter att behandlingen avslutats.",
       "en": "Requests are kept for five years after they are closed."}
OLD_EN = "Unconfirmed requests are deleted after seven days."


def test_an_editor_changes_a_notice_in_three_languages_and_publishes_it(
        own_server, staff_page, check_page):
    live = own_server
    page = staff_page(live, orgs=("espoo",), role="editor", locale="fi")
    page.get_by_role("link", name="Tietosuojaselosteet").click()
    page.get_by_role("link", name="Tietosuojaportaalin asiointirekisteri").click()
    page.get_by_role("link", name="Muokkaa", exact=True).click()
    for lang, text in NEW.items():
        page.fill(f"#section-retention-{lang}", text)
    page.get_by_role("button", name="Tallenna luonnos").click()
    assert "Luonnos tallennettiin" in page.inner_text("main")
    assert "Mitään vaadittua ei puutu millään kielellä." in page.inner_text("main")

    # Preview: the page in each language, and the PDF, before anything is public.
    for lang, name in (("sv", "Svenska"), ("en", "English"), ("fi", "Suomi")):
        page.get_by_role("link", name=f"Sivu: {name}").click()
        assert NEW[lang] in page.inner_text("main")
        page.go_back()
    assert NEW["sv"] in pdf_text(page, live + f"/admin/registers/{SLUG}/preview/sv.pdf")
    assert NEW["en"] not in page.request.get(live + f"/en/registers/{SLUG}").text()

    page.get_by_role("button", name="Julkaise luonnos").click()
    assert "Versio 2 julkaistiin." in page.inner_text("main")

    for lang, text in NEW.items():
        page.goto(live + f"/{lang}/registers/{SLUG}")
        assert text in page.inner_text("main")
        assert text in pdf_text(page, live + f"/{lang}/registers/{SLUG}.pdf")
        document = page.request.get(live + f"/{lang}/registers/{SLUG}.jsonld").json()
        (storage,) = document["dpv:hasProcess"][0]["dpv:hasStorageCondition"]
        assert storage["dpv:hasDuration"]["dct:description"] == {"@value": text, "@language": lang}
    page.goto(live + f"/en/registers/{SLUG}")
    page.get_by_role("link", name="All versions and changes").click()
    versions = page.inner_text("main")
    assert "version 1" in versions and "version 2" in versions
    page.goto(live + f"/en/registers/{SLUG}/versions/compare?from=1&to=2")
    part = page.locator("section.diff", has=page.locator("#diff-retention"))
    removed = " ".join(part.locator("del").all_inner_texts())
    added = " ".join(part.locator("ins").all_inner_texts())
    assert "seven days" in removed and "five years" in added
    page.goto(live + f"/en/registers/{SLUG}/versions/1")
    assert OLD_EN in page.inner_text("main")
    for lang in NEW:  # the versions and a real difference pass axe in every language
        for path in ("versions", "versions/compare?from=1&to=2", "versions/1"):
            page.goto(f"{live}/{lang}/registers/{SLUG}/{path}")
            check_page(page, lang, path)
    assert json.loads(page.request.get(live + f"/en/registers/{SLUG}.jsonld").text())


def test_every_editor_page_passes_axe_in_every_language(own_server, staff_page, check_page):
    live = own_server
    page = staff_page(live, orgs=("espoo",), role="editor", locale="fi")
    for lang in ("fi", "sv", "en"):
        for path in ("/admin/registers", f"/admin/registers/{SLUG}",
                     f"/admin/registers/{SLUG}/edit", f"/admin/registers/{SLUG}/preview/{lang}",
                     "/admin/registers/new", "/admin/organisations/espoo"):
            page.goto(f"{live}{path}?lang={lang}")
            assert page.locator("html").get_attribute("lang") == lang
            check_page(page, lang, path)
        page.goto(f"{live}/admin/registers/{SLUG}/edit?lang={lang}")
        page.fill("#title-sv", "")
        page.fill("#section-retention-en", "")
        page.locator("form[novalidate] button[type=submit]").click()
        assert page.locator(".error-summary a[href='#title-sv']").count() == 1
        check_page(page, lang, "edit with errors")
        page.goto(f"{live}/admin/registers/kamu-asiakasrekisteri?lang={lang}")
        assert page.locator(".checklist li").count() >= 6  # the gaps of its source
        check_page(page, lang, "checklist")
