"""The public side in Debian's Chromium: axe-core finds nothing, the keyboard reaches everything,
and switching language keeps the reader on the same page."""

from __future__ import annotations

import pytest

from tests.pages import LANGS, all_pages

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", all_pages())
def test_axe_finds_no_wcag_21_aa_violations(page, live_server, check_page, path):
    page.goto(live_server + path)
    check_page(page)


@pytest.mark.parametrize("path", ["/sv/registers/museokortti", "/en/privacy"])
def test_axe_on_a_narrow_screen(new_tab, live_server, check_page, path):
    tab = new_tab(viewport={"width": 360, "height": 740})
    tab.goto(live_server + path)
    check_page(tab)


@pytest.mark.parametrize("start, click, expected", [
    ("/fi/registers/museokortti", "Svenska", "/sv/registers/museokortti"),
    ("/sv/registers/kamu-asiakasrekisteri", "English", "/en/registers/kamu-asiakasrekisteri"),
    ("/en/accessibility", "Suomi", "/fi/accessibility"),
    ("/fi/?q=Webropol", "English", "/en/?q=Webropol"),
])
def test_language_switch_keeps_the_page(page, live_server, start, click, expected):
    page.goto(live_server + start)
    with page.expect_navigation():
        page.locator("nav.languages").get_by_role("link", name=click).click()
    assert page.url == live_server + expected
    assert page.locator("html").get_attribute("lang") == expected.split("/")[1]


@pytest.mark.parametrize(
    "path", ["/fi/registers/kamu-asiakasrekisteri", "/sv/", "/en/accessibility"]
)
def test_keyboard_alone_reaches_every_link_and_control(page, live_server, path):
    page.goto(live_server + path)
    targets = page.evaluate("""() => [...document.querySelectorAll('a[href], button, input')]
        .filter(e => e.offsetParent !== null || e.classList.contains('skip-link'))
        .map(e => e.outerHTML)""")
    reached = []
    for _ in range(len(targets) + 5):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("() => document.activeElement.outerHTML"))
    missing = [t for t in targets if t not in reached]
    assert missing == []
    assert "skip-link" in reached[0]


def test_skip_link_moves_focus_to_the_main_content(page, live_server):
    page.goto(live_server + "/fi/registers/museokortti")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


def test_focus_is_visible(page, live_server):
    page.goto(live_server + "/en/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


@pytest.mark.parametrize("lang", LANGS)
def test_search_by_keyboard(page, live_server, lang):
    page.goto(f"{live_server}/{lang}/")
    page.locator("#q").focus()
    page.keyboard.type("Webropol")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "q=Webropol" in page.url
    assert page.locator(".registers li").count() == 1


@pytest.mark.parametrize("path", ["/fi/registers/kamu-asiakasrekisteri", "/sv/", "/en/privacy"])
def test_pages_load_cleanly_under_the_real_csp(strict_page, live_server, path):
    problems = []
    strict_page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    strict_page.on("requestfailed", lambda r: problems.append(r.url))
    strict_page.on("response", lambda r: problems.append(r.url) if r.status >= 400 else None)
    strict_page.goto(live_server + path)
    strict_page.wait_for_load_state("networkidle")
    assert problems == []
    assert strict_page.evaluate(
        "() => getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    ) == "rgb(8, 58, 102)"  # the stylesheet loaded under the CSP
