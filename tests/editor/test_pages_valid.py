"""The editor's pages are valid HTML, with and without errors."""

from tests.editor.helpers import EDIT, post_form, signed_in_editor
from tests.htmlcheck import html_problems


def test_editor_pages_are_valid_html(client, session, tmp_path):
    signed_in_editor(client, session, role="dpo")
    slug = "kamu-asiakasrekisteri"
    pages = {path: client.get(path).data for path in (
        "/admin/registers", "/admin/registers/new", f"/admin/registers/{slug}",
        f"/admin/registers/{slug}/edit", f"/admin/registers/{slug}/preview/sv",
        "/admin/organisations/espoo")}
    pages["edit with errors"] = post_form(client, EDIT.format(slug), {"title-fi": ""}).data
    pages["organisation with errors"] = post_form(
        client, "/admin/organisations/espoo", {"website": "ftp://x"}).data
    pages["new with errors"] = post_form(client, "/admin/registers/new", {"slug": "A B"}).data
    post_form(client, EDIT.format(slug), {"section-retention-fi": "Muutettu."})
    pages["overview with draft and override"] = client.get(f"/admin/registers/{slug}").data
    assert html_problems(pages, tmp_path) == []
