"""Every public page is valid HTML by the Nu Html Checker."""

from tests.htmlcheck import html_problems
from tests.pages import all_pages


def test_every_public_page_is_valid_html(client, tmp_path):
    pages = {url: client.get(url).data for url in all_pages()}
    assert html_problems(pages, tmp_path) == []
