"""A requester in Chromium: the whole journey by keyboard, and axe-core on every request page."""

from __future__ import annotations

import pytest

from tests.browser.steps import newest_link

pytestmark = pytest.mark.browser


def tab_to(page, selector: str, limit: int = 60) -> None:
    """Press Tab until ``selector`` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} was not reached by keyboard")


TEXTS = {
    "fi": {"button": "Lähetä pyyntö", "confirm": "Vahvista ja lähetä pyyntö",
           "state": "Vastaanotettu, käsittelyssä", "summary": "Lomakkeessa on virhe"},
    "sv": {"button": "Skicka begäran", "confirm": "Bekräfta och skicka begäran",
           "state": "Mottagen, behandlas", "summary": "Det finns ett fel i formuläret"},
    "en": {"button": "Send request", "confirm": "Confirm and send the request",
           "state": "Received and being handled", "summary": "There is a problem"},
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_whole_journey_by_keyboard_with_axe_on_every_page(page, live_server, check_page,
                                                              lang):
    email = f"keyboard-{lang}@example.fi"
    page.goto(f"{live_server}/{lang}/registers/museokortti")
    tab_to(page, "a.button")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("#registers-museokortti").is_checked()

    # First an error: send without choosing a right.
    tab_to(page, "button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".error-summary h2").inner_text() == TEXTS[lang]["summary"]
    check_page(page)
    page.keyboard.press("Tab")  # the focus is on the summary: its first link is next
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == "#right-group"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "right-access"

    page.goto(f"{live_server}/{lang}/requests/new?register=museokortti")
    tab_to(page, "#right-access")
    page.keyboard.press("Space")
    tab_to(page, "#name")
    page.keyboard.type("Kaisa Näppäimistö")
    tab_to(page, "#email")
    page.keyboard.type(email)
    tab_to(page, "#details")
    page.keyboard.type("Kaikki tietoni.")
    tab_to(page, "button[type=submit]")
    assert page.evaluate("() => document.activeElement.textContent") == TEXTS[lang]["button"]
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(f"/{lang}/requests/sent")
    check_page(page)

    page.goto(live_server + newest_link(live_server, email))
    check_page(page)
    tab_to(page, "button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/requests/status/" in page.url
    assert TEXTS[lang]["state"] in page.inner_text("main")
    check_page(page)
    tab_to(page, "summary")
    page.keyboard.press("Enter")
    assert page.locator("details").get_attribute("open") is not None
