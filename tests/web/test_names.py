"""Titles, names and languages that a screen reader announces (WCAG 2.4.2, 2.4.6, 3.1.2)."""

from __future__ import annotations

import re
from html import unescape

import pytest

from tests.backoffice.factories import make_request, signed_in_staff
from tests.pages import LANGS, PAGES


def title_of(client, path: str) -> str:
    html = client.get(path).get_data(as_text=True)
    return unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1))


@pytest.mark.parametrize("lang", LANGS)
def test_every_public_page_has_a_title_of_its_own(client, lang):
    # The form with a register chosen in advance is the same page as the form.
    paths = [path.format(lang=lang) for path in PAGES if "?register=" not in path]
    titles = [title_of(client, path) for path in paths]
    assert len(set(titles)) == len(titles), sorted(titles)
    assert "Webropol" in title_of(client, f"/{lang}/?q=Webropol")


def test_staff_titles_say_staff_and_differ_from_the_public_ones(client, session):
    signed_in_staff(client, session, orgs=("museokortti",))
    staff = title_of(client, "/admin/registers")
    assert staff.endswith("Privacy portal: staff")
    assert staff != title_of(client, "/en/")
    for lang in LANGS:
        previews = {title_of(client, f"/admin/registers/museokortti/preview/{code}")
                    for code in LANGS}
        assert len(previews) == 3, lang


def test_the_account_link_and_buttons_have_names_of_their_own(client, session):
    user = signed_in_staff(client, session, orgs=("museokortti",))
    request = make_request(session)
    html = client.get(f"/admin/requests/{request.id}").get_data(as_text=True)
    assert f">{user.email}</a>" not in html and ">Your account</a>" in html
    names = [re.sub(r"<[^>]+>", "", name).strip()
             for name in re.findall(r"<button[^>]*>(.*?)</button>", html, re.S)]
    assert len(names) == len(set(names)), names


def test_language_names_are_marked_with_their_language(client, session):
    signed_in_staff(client, session, orgs=("museokortti",))
    request = make_request(session)
    html = client.get(f"/admin/requests/{request.id}").get_data(as_text=True)
    assert '<dd><span lang="fi">Suomi</span></dd>' in html
    edit = client.get("/admin/registers/museokortti/edit").get_data(as_text=True)
    assert '<span lang="sv">Svenska</span></label>' in edit
    assert re.search(r'<label for="[^"]+">Description \(<span lang="sv">Svenska</span>\)', edit)


@pytest.mark.parametrize("lang, address", [
    ("fi", "PL 320, 00059 TRAFICOM"), ("sv", "PB 320, 00059 TRAFICOM"),
    ("en", "P.O. Box 320, FI-00059 TRAFICOM"),
])
def test_the_statement_gives_the_authoritys_address_in_the_pages_language(client, lang, address):
    html = client.get(f"/{lang}/accessibility").get_data(as_text=True)
    assert address in html
    if lang != "fi":
        assert "PL 320" not in html


@pytest.mark.parametrize("lang, words", [
    ("fi", ["29. marraskuuta 2026", "arvioitiin käsin", "320 pikselin", "JavaScriptiä"]),
    ("sv", ["29 november 2026", "granskats manuellt", "320 pixlar", "JavaScript"]),
    ("en", ["November 29, 2026", "audited by hand", "320 pixels", "JavaScript"]),
])
def test_the_statement_says_when_and_how_it_was_assessed_and_what_is_not_met(client, lang,
                                                                             words):
    html = client.get(f"/{lang}/accessibility").get_data(as_text=True)
    for word in words:
        assert word in html
