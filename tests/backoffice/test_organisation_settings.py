"""The organisation settings page: one menu link per organisation leads to every setting."""

import re

from tests.backoffice.factories import signed_in_staff
from tests.htmlcheck import html_problems


def links(page: bytes) -> list[str]:
    return [href.split("?")[0] for href in re.findall(r'href="([^"]+)"', page.decode())]


def _menu(page: bytes) -> list[str]:
    return [href for href in links(page) if "/admin/organisations/" in href]


def test_the_menu_has_one_settings_link_per_organisation(client, session):
    signed_in_staff(client, session, orgs=("espoo", "museokortti"), role="dpo")
    menu = _menu(client.get("/admin/requests").data)
    assert menu == ["/admin/organisations/espoo/settings",
                    "/admin/organisations/museokortti/settings"]


def test_the_settings_page_leads_to_each_setting(client, session, tmp_path):
    signed_in_staff(client, session, orgs=("espoo",), role="dpo")
    response = client.get("/admin/organisations/espoo/settings")
    assert response.status_code == 200
    targets = [href for href in links(response.data) if href.startswith("/admin/organisations/")]
    assert [t for t in targets if t != "/admin/organisations/espoo/settings"] == [
        "/admin/organisations/espoo", "/admin/organisations/espoo/decisions",
        "/admin/organisations/espoo/identification", "/admin/organisations/espoo/fees",
        "/admin/organisations/espoo/retention"]
    for target in targets:
        assert client.get(target).status_code == 200, target
    assert html_problems({"settings": response.data}, tmp_path) == []


def test_an_admin_is_not_led_to_the_notice_editor(client, session):
    signed_in_staff(client, session, orgs=("espoo",), role="admin")
    page = client.get("/admin/organisations/espoo/settings").data
    assert "/admin/organisations/espoo" not in links(page)
    assert "/admin/organisations/espoo/fees" in links(page)


def test_a_handler_may_not_open_it(client, session):
    signed_in_staff(client, session, orgs=("espoo",), role="handler")
    assert client.get("/admin/organisations/espoo/settings").status_code == 403
    assert "/admin/organisations/espoo/settings" not in links(client.get("/admin/requests").data)


def test_another_organisations_dpo_does_not_find_it(client, session):
    signed_in_staff(client, session, orgs=("museokortti",))
    assert client.get("/admin/organisations/espoo/settings").status_code == 404
