"""What a screen reader is given to read, from Chromium's accessibility tree (WCAG 1.3.1)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/fi/registers/museokortti",
                                  "/sv/registers/museokortti/versions"])
def test_breadcrumb_separators_are_not_read(page, live_server, path):
    page.goto(live_server + path)
    tree = page.locator("nav.breadcrumb").aria_snapshot()
    assert "›" not in tree
    assert page.locator("nav.breadcrumb li").nth(1).evaluate(
        "e => getComputedStyle(e, '::before').content").startswith('"›"')  # still drawn
