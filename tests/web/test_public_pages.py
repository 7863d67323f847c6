"""Every public page in every language: status, language, translation, links, headers."""

from __future__ import annotations

import json
import re

import pytest

from tests.pages import LANGS, all_pages

HEADINGS = {"fi": "Tietosuojaselosteet", "sv": "Dataskyddsbeskrivningar", "en": "Privacy notices"}


@pytest.mark.parametrize("path", all_pages(include_errors=False))
def test_every_public_page_answers_in_its_own_language(client, path):
    lang = path.split("/")[1]
    response = client.get(path)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert f'<html lang="{lang}">' in html
    # A notice names as alternates only the languages it is published in (issue 15).
    published = ("fi",) if "/registers/honkalahti-oppilasrekisteri" in path else LANGS
    for other in LANGS:
        alternate = f'<link rel="alternate" hreflang="{other}" href="http://localhost/{other}/'
        assert (alternate in html) == (other in published), other


@pytest.mark.parametrize("lang", LANGS)
def test_index_lists_every_controller_and_register(client, lang):
    html = client.get(f"/{lang}/").get_data(as_text=True)
    assert HEADINGS[lang] in html
    names = {"fi": ["Espoon kaupunki", "Museokortti", "KAMU Espoon kaupunginmuseon"],
             "sv": ["Esbo stad", "Museikortet", "Museikortets kundregister"],
             "en": ["City of Espoo", "Museum Card (Museokortti)", "Museum Card customer register"]}
    for name in names[lang]:
        assert name in html


@pytest.mark.parametrize("lang, query, found, not_found", [
    ("fi", "Webropol", "KAMU Espoon", "Museokortin asiakasrekisteri"),
    ("sv", "ansiktsbild", "Museikortets kundregister", "KAMU Esbo"),
    ("en", "facial image", "Museum Card customer register", "KAMU Espoo"),
])
def test_search_finds_registers_by_what_their_notice_says(client, lang, query, found, not_found):
    html = client.get(f"/{lang}/", query_string={"q": query}).get_data(as_text=True)
    assert found in html and not_found not in html
    assert 'role="status"' in html


def test_search_without_results_says_so(client):
    html = client.get("/sv/?q=zzzz-nothing").get_data(as_text=True)
    assert "Inga dataskyddsbeskrivningar hittades." in html


def test_notice_page_has_contents_sections_and_version_date(client):
    html = client.get("/fi/registers/kamu-asiakasrekisteri").get_data(as_text=True)
    toc = re.search(r'<nav class="toc".*?</nav>', html, re.S).group(0)
    anchors = re.findall(r'href="#([a-z_]+)"', toc)
    assert anchors[:3] == ["controller", "contact", "dpo"]
    for anchor in anchors:
        assert f'<section id="{anchor}"' in html
    # Finnish dates use the inflected month: "22. marraskuuta 2026".
    assert re.search(r"<dt>Julkaistu</dt>\s*<dd><time datetime=\"\d{4}-\d\d-\d\d\">"
                     r"\d{1,2}\. [a-zä]+ta \d{4}</time>", html)
    assert "Yleistä etua koskeva tehtävä" in html  # coded legal basis, translated
    assert "Liana Technologies Oy" in html and "Henkilötietojen käsittelijä".lower() in html


def test_language_switcher_keeps_the_page_and_the_search(client):
    html = client.get("/fi/?q=Webropol").get_data(as_text=True)
    assert 'href="/sv/?q=Webropol" lang="sv"' in html
    html = client.get("/en/registers/museokortti").get_data(as_text=True)
    assert 'href="/fi/registers/museokortti" lang="fi"' in html
    assert 'aria-current="true">English</a>' in html


@pytest.mark.parametrize("accept, target", [
    ("sv-FI,sv;q=0.9", "/sv/"), ("en-GB,en;q=0.8", "/en/"), ("de-DE", "/fi/"), (None, "/fi/"),
    ("de;q=1, fi;q=0.5, sv;q=0.7", "/sv/"),
])
def test_root_redirects_by_accept_language(client, accept, target):
    headers = {"Accept-Language": accept} if accept else {}
    response = client.get("/", headers=headers)
    assert response.status_code == 302 and response.headers["Location"] == target
    assert "Accept-Language" in response.headers["Vary"]


@pytest.mark.parametrize("path, accept, text", [
    ("/de/", "sv", "Sidan hittades inte"),
    ("/xx/registers/museokortti", "en", "Page not found"),
    ("/fi/registers/no-such-register", "en", "Sivua ei löydy"),
    ("/sv/registers/no-such-register.pdf", "fi", "Sidan hittades inte"),
    ("/en/registers/no-such-register.jsonld", "fi", "Page not found"),
])
def test_unknown_language_or_register_is_a_translated_404(client, path, accept, text):
    response = client.get(path, headers={"Accept-Language": accept})
    assert response.status_code == 404
    assert text in response.get_data(as_text=True)


def test_jsonld_is_linked_and_uses_dpv_terms(client):
    html = client.get("/sv/registers/kamu-asiakasrekisteri").get_data(as_text=True)
    assert ('<link rel="alternate" type="application/ld+json" hreflang="sv" '
            'href="/sv/registers/kamu-asiakasrekisteri.jsonld">') in html
    response = client.get("/sv/registers/kamu-asiakasrekisteri.jsonld")
    assert response.mimetype == "application/ld+json"
    doc = json.loads(response.data)
    assert "dpv:PrivacyNotice" in doc["@type"]
    assert doc["@context"]["dpv"] == "https://w3id.org/dpv#"
    assert doc["dct:title"] == {"@value": "KAMU Esbo stadsmuseums kundregister", "@language": "sv"}
    (process,) = doc["dpv:hasProcess"]  # a format-1 notice: the whole register, one process
    assert {b["@id"] for b in process["dpv:hasLegalBasis"]} == {
        "eu-gdpr:A6-1-a", "eu-gdpr:A6-1-b", "eu-gdpr:A6-1-e"}
    assert {"pd:EmailAddress", "pd:OfficialID"} <= {
        d["@id"] for d in process["dpv:hasPersonalData"]}
    processors = {r["schema:name"]["@value"] for r in doc["dpv:hasDataProcessor"]}
    assert processors == {"Liana Technologies Oy", "STT Info", "Webropol Oy", "Mercantus Oy"}
    rights = {r["@type"]: r for r in doc["dpv:hasRight"]}
    assert {"eu-gdpr:A15", "eu-gdpr:A21", "eu-gdpr:A77", "eu-gdpr:A7-3"} <= set(rights)
    assert rights["eu-gdpr:A15"]["dpv:isExercisedAt"] == {
        "@id": "http://localhost/sv/requests/new?register=kamu-asiakasrekisteri",
        "@type": "dpv:RightExerciseNotice"}
    controller = doc["dpv:hasDataController"]
    assert controller["dpv:hasDataProtectionOfficer"]["schema:email"] == "tietosuoja@espoo.fi"


def test_portability_is_not_claimed_for_a_legal_obligation(client):
    doc = json.loads(client.get("/en/registers/tietosuojaportaali.jsonld").data)
    rights = {r["@type"] for r in doc["dpv:hasRight"]}
    assert "eu-gdpr:A20" not in rights and "eu-gdpr:A21" not in rights


def test_privacy_page_is_the_portals_own_notice(client):
    html = client.get("/en/privacy").get_data(as_text=True)
    assert "Privacy portal case register" in html
    assert "Unconfirmed requests are deleted after seven days." in html
