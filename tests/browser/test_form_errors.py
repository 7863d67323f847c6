"""Errors a screen reader and a keyboard can follow (WCAG 3.3.1, 1.3.1, 2.4.3), in Chromium."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def no_script_page(browser):
    """A tab with JavaScript off: the form must work, and focus must land, without it."""
    context = browser.new_context(locale="en-GB", java_script_enabled=False,
                                  viewport={"width": 1024, "height": 600})
    tab = context.new_page()
    yield tab
    context.close()


def send_empty_form(tab, live_server) -> None:
    tab.goto(live_server + "/en/requests/new")
    with tab.expect_navigation():
        tab.get_by_role("button", name="Send request").click()


def test_after_a_failed_submit_focus_is_on_the_error_summary(no_script_page, live_server):
    send_empty_form(no_script_page, live_server)
    # The browser applies autofocus once the page has rendered, a moment after load.
    no_script_page.wait_for_function("() => document.activeElement.id === 'error-summary'",
                                     timeout=5000)
    assert no_script_page.title().startswith("Error:")


def test_the_question_group_carries_its_error(no_script_page, live_server):
    send_empty_form(no_script_page, live_server)
    group = no_script_page.locator("#right-group")
    assert group.get_attribute("aria-invalid") == "true"
    assert "right-error" in group.get_attribute("aria-describedby").split()
    first = no_script_page.locator("#right-access")
    assert "right-error" in first.get_attribute("aria-describedby").split()
    description = no_script_page.locator("#right-error").inner_text()
    assert "Choose what you want to do." in description


def test_the_summary_link_keeps_the_question_in_view(no_script_page, live_server):
    send_empty_form(no_script_page, live_server)
    no_script_page.locator("#error-summary a").first.click()
    top = no_script_page.locator("#right-group legend").evaluate(
        "e => e.getBoundingClientRect().top")
    assert 0 <= top < 200
    no_script_page.keyboard.press("Tab")  # the next Tab lands in the group's first choice
    assert no_script_page.evaluate("() => document.activeElement.id") == "right-access"


def test_the_registers_group_carries_its_error(page, live_server, check_page):
    page.goto(live_server + "/en/requests/new")
    page.check("#registers-museokortti")
    page.check("#registers-kamu-asiakasrekisteri")  # two organisations: not allowed
    page.check("#right-access")
    page.fill("#name", "Aino Asiakas")
    page.fill("#email", "aino@example.fi")
    with page.expect_navigation():
        page.get_by_role("button", name="Send request").click()
    group = page.locator("#registers-group")
    assert group.get_attribute("aria-invalid") == "true"
    assert "registers-error" in group.get_attribute("aria-describedby").split()
    box = page.locator("#registers-museokortti")
    assert box.get_attribute("aria-invalid") == "true"
    assert "registers-error" in box.get_attribute("aria-describedby").split()
    check_page(page)
