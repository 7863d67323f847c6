"""The staff side beyond what axe sees: high-contrast mode, reflow at 320 px, the idle warning."""

from __future__ import annotations

import pytest

from tests.backoffice.factories import PASSWORD, code_for
from tests.browser.test_staff_browser import staff_user  # noqa: F401 (fixture)

pytestmark = pytest.mark.browser


def sign_in(tab, live_server, user) -> None:
    tab.goto(live_server + "/admin/login")
    tab.fill("#email", user.email)
    tab.fill("#password", PASSWORD)
    tab.fill("#code", code_for(user))
    with tab.expect_navigation():
        tab.keyboard.press("Enter")


def test_the_sign_out_button_keeps_its_box_in_forced_colours(browser, live_server, staff_user):  # noqa: F811
    context = browser.new_context(forced_colors="active")
    tab = context.new_page()
    sign_in(tab, live_server, staff_user)
    border = tab.get_by_role("button", name="Logga ut").evaluate(
        "e => { const s = getComputedStyle(e); return [s.borderTopStyle, s.borderTopWidth]; }")
    context.close()
    assert border[0] == "solid" and border[1] != "0px"
