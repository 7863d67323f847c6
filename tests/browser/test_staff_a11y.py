"""The staff side beyond what axe sees: high-contrast mode and the idle warning."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest

import portal.backoffice as backoffice
from tests.browser.steps import sign_in

pytestmark = pytest.mark.browser

NOTE = "Soitettu Ainolle 10.3.; hän tarkentaa pyyntöään."


def test_the_sign_out_button_keeps_its_box_in_forced_colours(browser, live_server, staff):
    context = browser.new_context(forced_colors="active")
    tab = context.new_page()
    sign_in(tab, live_server, staff)
    border = tab.get_by_role("button", name="Logga ut").evaluate(
        "e => { const s = getComputedStyle(e); return [s.borderTopStyle, s.borderTopWidth]; }")
    context.close()
    assert border[0] == "solid" and border[1] != "0px"


def test_staff_are_warned_before_the_idle_sign_out_and_can_continue(browser, live_server,
                                                                     staff):
    context = browser.new_context()  # the portal's CSP applies: the script is same-origin
    tab = context.new_page()
    problems = []
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.clock.install()
    sign_in(tab, live_server, staff)
    warning = tab.locator("#idle-warning")
    assert warning.is_hidden()
    tab.clock.fast_forward(27 * 60 * 1000)
    assert warning.is_hidden()
    tab.clock.fast_forward(60 * 1000 + 1000)  # two minutes before the 30
    assert warning.is_visible()
    assert warning.get_attribute("role") == "alertdialog"
    assert tab.evaluate("() => document.activeElement.textContent") == "Fortsätt arbeta"
    with tab.expect_response("**/admin/session/continue") as answer:
        tab.keyboard.press("Enter")
    assert answer.value.status == 204
    tab.wait_for_function("() => document.getElementById('idle-warning').hidden")
    assert "/admin/requests" in tab.url and problems == []
    context.close()


def test_a_note_sent_after_the_sign_out_is_put_back_in_its_form(browser, live_server, staff,
                                                               monkeypatch):
    context = browser.new_context()
    tab = context.new_page()
    sign_in(tab, live_server, staff)
    tab.locator("table.queue tbody a").first.click()
    tab.wait_for_load_state()
    page = tab.url
    tab.fill("#note-text", NOTE)
    later = time.time() + 31 * 60
    monkeypatch.setattr(backoffice, "time", SimpleNamespace(time=lambda: later))
    with tab.expect_navigation():
        tab.get_by_role("button", name="Spara anteckningen").click()
    monkeypatch.undo()
    assert "/admin/login" in tab.url
    sign_in(tab, live_server, staff, datetime.now() + timedelta(seconds=30))
    assert tab.url == page
    assert tab.locator("#note-text").input_value() == NOTE  # back in its form, not sent
    assert tab.evaluate("() => document.activeElement.id") == "note-text"
    assert tab.locator(".history").inner_text().count(NOTE) == 0
    context.close()


def test_the_settings_page_of_each_organisation_is_reached_from_the_menu(new_tab, live_server,
                                                                         staff, check_page):
    tab = new_tab(viewport={"width": 320, "height": 640})
    sign_in(tab, live_server, staff)
    tab.get_by_role("link", name="Organisationens inställningar: Museikortet").click()
    assert tab.locator("h1").inner_text() == "Organisationens inställningar: Museikortet"
    check_page(tab)
    assert tab.evaluate("() => document.documentElement.scrollWidth") <= 320
    tab.get_by_role("link", name="Avgifter").click()
    assert tab.url.endswith("/admin/organisations/museokortti/fees")
