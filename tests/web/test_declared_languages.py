"""A Finnish-only notice (the demo school register) as readers of every portal language get it:
the page says in their language that it is not published in theirs, marks the Finnish text as
Finnish and links to the notice's languages; the PDF and JSON-LD are in Finnish only."""

from __future__ import annotations

import io
import itertools
import json
import re

import pytest
from pypdf import PdfReader

from tests.pdf.structure import structure

SLUG = "honkalahti-oppilasrekisteri"
NOTES = {
    "sv": "Denna dataskyddsbeskrivning är inte publicerad på svenska.",
    "en": "This privacy notice is not published in English.",
}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_reader_of_another_language_gets_the_finnish_notice_with_a_note(client, lang):
    response = client.get(f"/{lang}/registers/{SLUG}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    assert NOTES[lang] in html
    assert '<h1 lang="fi">Perusopetuksen oppilasrekisteri</h1>' in html
    article = html.split('<div lang="fi">', 1)[1]
    assert "Henkilötietojen käsittelyn tarkoitukset" in article  # headings in Finnish too
    assert "Ändamålen med behandlingen" not in html
    assert f'href="/fi/registers/{SLUG}"' in html
    assert f'<link rel="canonical" href="http://localhost/fi/registers/{SLUG}">' in html


def test_a_reader_of_finnish_gets_no_note(client):
    html = client.get(f"/fi/registers/{SLUG}").get_data(as_text=True)
    assert "language-note" not in html and '<div lang="fi">' not in html
    assert "<h1>Perusopetuksen oppilasrekisteri</h1>" in html


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_notice_in_every_language_shows_no_note(client, lang):
    html = client.get(f"/{lang}/registers/museokortti").get_data(as_text=True)
    assert "language-note" not in html and "<div lang=" not in html


def test_the_note_links_to_each_declared_language(app, client, session):
    from portal.notices.models import NoticeVersion, Register

    version = session.query(NoticeVersion).join(Register).filter(Register.slug == SLUG).one()
    content = {**version.content, "languages": ["fi", "sv"]}
    html = app.jinja_env.get_template("notices/language_note.html")
    with app.test_request_context(f"/en/registers/{SLUG}"):
        app.preprocess_request()
        text = html.render(shown="fi", declared=("fi", "sv"), content=content)
    assert 'hreflang="sv"' in text and 'hreflang="fi"' in text
    assert "It is shown below in Finnish" in text


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_pdf_is_the_finnish_notice_in_every_language(client, lang):
    response = client.get(f"/{lang}/registers/{SLUG}.pdf")
    assert response.status_code == 200
    assert f"{SLUG}-fi.pdf" in response.headers["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.data))
    assert reader.trailer["/Root"]["/Lang"] == "fi"
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Perusopetuksen oppilasrekisteri" in text and "628/1998" in text
    assert "Sinun oikeutesi" in text and "Your rights" not in text
    headings = [int(node.role[2]) for node in structure(reader).walk()
                if node.role in {"/H1", "/H2", "/H3", "/H4", "/H5", "/H6"}]
    assert headings[0] == 1 and all(b <= a + 1 for a, b in itertools.pairwise(headings))
    assert len(structure(reader).find("/Art")) == 1


def _languages(node) -> set[str]:
    if isinstance(node, dict):
        found = {node["@language"]} if "@language" in node else set()
        return found.union(*(_languages(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_languages(value) for value in node))
    return set()


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_jsonld_carries_finnish_only(client, lang):
    response = client.get(f"/{lang}/registers/{SLUG}.jsonld")
    document = json.loads(response.data)
    assert response.status_code == 200
    assert _languages(document) == {"fi"} and document["dct:language"] == "fi"
    assert document["@id"].endswith(f"/fi/registers/{SLUG}")
    [process] = document["dpv:hasProcess"]
    assert {"@id": "pd:Health"} in process["dpv:hasPersonalData"]
    assert "eu-gdpr:A9-2-g" in json.dumps(process["dpv:hasLegalBasis"])


def test_readers_of_other_languages_find_it_in_the_index_and_the_search(client):
    html = client.get("/sv/?q=oppilasrekisteri").get_data(as_text=True)
    assert re.search(rf'href="/sv/registers/{SLUG}" lang="fi">Perusopetuksen', html)


def test_the_request_form_offers_it_in_every_language(client):
    html = client.get(f"/en/requests/new?register={SLUG}").get_data(as_text=True)
    assert "Perusopetuksen oppilasrekisteri" in html


def _alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)">', html))


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_finnish_only_page_names_only_its_finnish_version_as_alternate(client, lang):
    html = client.get(f"/{lang}/registers/{SLUG}").get_data(as_text=True)
    assert _alternates(html) == {"fi": f"http://localhost/fi/registers/{SLUG}"}
    assert (f'<link rel="alternate" type="application/ld+json" hreflang="fi" '
            f'href="/fi/registers/{SLUG}.jsonld">') in html
    assert f'href="/fi/registers/{SLUG}.pdf" hreflang="fi" type="application/pdf"' in html


def test_a_fallback_page_title_says_the_language_the_notice_is_in(client):
    titles = {lang: re.search(r"<title>(.*)</title>",
                              client.get(f"/{lang}/registers/{SLUG}").get_data(as_text=True))[1]
              for lang in ("fi", "sv", "en")}
    assert titles == {
        "fi": "Perusopetuksen oppilasrekisteri – Tietosuojaportaali",
        "sv": "Perusopetuksen oppilasrekisteri (på finska) – Dataskyddsportalen",
        "en": "Perusopetuksen oppilasrekisteri (in Finnish) – Privacy portal"}


def test_a_finnish_and_swedish_notice_links_both_and_not_english(client, runner, tmp_path):
    import tomllib

    from portal.notices.export import notice_file
    from portal.notices.fileformat import parse_notice
    from tests.conftest import DEMO_NOTICES, DEMO_OVERRIDE

    data = tomllib.loads((DEMO_NOTICES / "museokortti.toml").read_text("utf-8"))
    draft = parse_notice({**data, "languages": ["fi", "sv"]}, complete=False)  # drops English
    path = tmp_path / "museokortti.toml"
    path.write_text(notice_file(draft), "utf-8")
    result = runner.invoke(args=["notices", "import", "--override", DEMO_OVERRIDE, str(path)])
    assert "published as version 2" in result.output, result.output
    for lang, shown in (("fi", "fi"), ("sv", "sv"), ("en", "fi")):
        html = client.get(f"/{lang}/registers/museokortti").get_data(as_text=True)
        assert set(_alternates(html)) == {"fi", "sv"}
        assert f'href="/{shown}/registers/museokortti.pdf" hreflang="{shown}"' in html
        assert ("language-note" in html) == (lang == "en")
    document = client.get("/en/registers/museokortti.jsonld").get_json()
    examples = document["schema:exampleOfWork"]["schema:workExample"]
    assert [e["schema:inLanguage"] for e in examples] == ["fi", "sv"]


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_notice_in_every_language_names_every_alternate(client, lang):
    html = client.get(f"/{lang}/registers/kamu-asiakasrekisteri").get_data(as_text=True)
    assert set(_alternates(html)) == {"fi", "sv", "en"}
    assert "(in " not in html.split("</title>")[0]


def test_the_jsonld_links_the_language_versions_to_one_notice(client):
    documents = {lang: client.get(f"/{lang}/registers/kamu-asiakasrekisteri.jsonld").get_json()
                 for lang in ("fi", "sv", "en")}
    works = {lang: d["schema:exampleOfWork"] for lang, d in documents.items()}
    assert {w["@id"] for w in works.values()} == {"http://localhost/#notice-kamu-asiakasrekisteri"}
    (work,) = {json.dumps(w, sort_keys=True) for w in works.values()}  # the same in each
    examples = {e["schema:inLanguage"]: e for e in json.loads(work)["schema:workExample"]}
    assert set(examples) == {"fi", "sv", "en"}
    for lang, document in documents.items():
        assert examples[lang]["@id"] == document["@id"]
        assert document["schema:inLanguage"] == lang
        pdf, jsonld = examples[lang]["dct:hasFormat"]
        assert pdf == {"@id": f"http://localhost/{lang}/registers/kamu-asiakasrekisteri.pdf",
                       "schema:encodingFormat": "application/pdf", "schema:inLanguage": lang}
        assert jsonld["@id"].endswith(f"/{lang}/registers/kamu-asiakasrekisteri.jsonld")


def test_the_jsonld_of_a_finnish_only_notice_links_its_finnish_versions_only(client):
    document = client.get(f"/en/registers/{SLUG}.jsonld").get_json()
    (example,) = document["schema:exampleOfWork"]["schema:workExample"]
    assert example["@id"] == document["@id"] == f"http://localhost/fi/registers/{SLUG}"
    assert client.get(f"/fi/registers/{SLUG}.pdf").status_code == 200
