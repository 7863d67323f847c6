"""The rights a register's legal bases allow, on the notice and on the request form."""

import re

import pytest


@pytest.mark.parametrize("slug, lang, expected", [
    ("kamu-asiakasrekisteri", "fi", ["Poistaminen ei koske sitä osaa käsittelystä",
                                     "Voit vastustaa vain käsittelyä",
                                     "Siirto-oikeus koskee vain tietoja"]),
    ("museokortti", "en", ["Objection does not apply"]),
    ("tietosuojaportaali", "sv", ["Rätten till radering gäller inte:",
                                  "Rätten att invända gäller inte",
                                  "Rätten till dataportabilitet gäller inte"]),
])
def test_notice_says_which_rights_apply(client, slug, lang, expected):
    html = client.get(f"/{lang}/registers/{slug}").get_data(as_text=True)
    rights = re.search(r'<ul class="rights">.*?</ul>', html, re.S).group(0)
    for text in expected:
        assert text in rights
    assert rights.count("<li>") == 6
    assert f'href="http://localhost/{lang}/requests/new?register={slug}"' in html


def test_the_form_shows_the_same_hint_for_the_chosen_register(client):
    html = client.get("/en/requests/new?register=museokortti").get_data(as_text=True)
    assert "Good to know about Museum Card customer register:" in html
    assert "Objection does not apply" in html
    plain = client.get("/en/requests/new").get_data(as_text=True)
    assert "Good to know" not in plain


def test_jsonld_rights_follow_the_same_rules(client):
    import json

    doc = json.loads(client.get("/en/registers/museokortti.jsonld").data)
    rights = {r["@type"] for r in doc["dpv:hasRight"]}
    assert "eu-gdpr:A21" not in rights and "eu-gdpr:A20" in rights
