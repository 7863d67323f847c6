"""Reflow at 320 CSS px (WCAG 1.4.10): nothing scrolls sideways but a table, in its own region.

Every public page in Finnish, Swedish and English, and the staff queue, a request, the editor
and the statistics, at the width of a 1280 px screen zoomed to 400 %.
"""

from __future__ import annotations

import pytest

from tests.browser.steps import sign_in
from tests.pages import all_pages

pytestmark = pytest.mark.browser

WIDTH = 320

#: Elements reaching past the viewport's right edge, outside a table's scrolling region.
OVERFLOW = """width => [...document.querySelectorAll('body *')]
    .filter(e => !e.closest('.table-scroll') && e.getBoundingClientRect().right > width + 0.5
                 && getComputedStyle(e).visibility !== 'hidden'
                 && !e.closest('.visually-hidden, .hp, .skip-link'))
    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
              + (e.className && typeof e.className === 'string' ? '.' + e.className : '')
              + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')"""
#: Tables that are not inside a labelled, focusable region of their own.
LOOSE_TABLES = """() => [...document.querySelectorAll('table')].filter(t => {
    const region = t.closest('.table-scroll');
    return !region || region.getAttribute('role') !== 'region' || region.tabIndex !== 0
        || !(region.getAttribute('aria-labelledby') || region.getAttribute('aria-label'));
}).length"""


@pytest.fixture(scope="module")
def narrow(browser):
    context = browser.new_context(viewport={"width": WIDTH, "height": 640}, locale="fi-FI")
    yield context
    context.close()


def assert_reflows(tab) -> None:
    assert tab.evaluate("() => document.documentElement.scrollWidth") <= WIDTH, \
        tab.evaluate(OVERFLOW, WIDTH)[:8]
    assert tab.evaluate(OVERFLOW, WIDTH) == []
    assert tab.evaluate(LOOSE_TABLES) == 0


@pytest.mark.parametrize("path", all_pages())
def test_public_pages_reflow_at_320_px(narrow, live_server, path):
    tab = narrow.new_page()
    tab.goto(live_server + path)
    assert_reflows(tab)
    tab.close()


def test_staff_pages_reflow_at_320_px(narrow, live_server, staff):
    tab = narrow.new_page()
    sign_in(tab, live_server, staff)
    for path in ("/admin/requests", "/admin/stats", "/admin/registers",
                 "/admin/registers/museokortti", "/admin/registers/museokortti/edit",
                 "/admin/account"):
        tab.goto(live_server + path)
        assert_reflows(tab)
    tab.goto(live_server + "/admin/requests")
    tab.locator("table.queue tbody a").first.click()
    tab.wait_for_load_state()
    assert_reflows(tab)
    tab.close()
