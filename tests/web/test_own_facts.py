"""The notice's own facts (issue 15): the dates it was drawn up and last reviewed, and the
address where it is also published, shown beside the portal's publication date on the page,
in the PDF and in the JSON-LD, and edited in the editor."""

from __future__ import annotations

import tomllib

from portal.notices.export import notice_file
from portal.notices.fileformat import NoticeFileError, parse_notice
from tests.conftest import DEMO_NOTICES, DEMO_OVERRIDE
from tests.editor.helpers import EDIT, post_form, signed_in_editor
from tests.htmlcheck import html_problems
from tests.pdf.test_notice_pdf import pdf, text_of

SOURCE = "https://www.museot.fi/tietosuoja"
FACTS = f'drawn_up = 2024-05-02\nreviewed = 2025-01-10\nsource_url = "{SOURCE}"\n'


def _with_facts(tmp_path):
    path = tmp_path / "museokortti.toml"
    path.write_text((DEMO_NOTICES / "museokortti.toml").read_text("utf-8").replace(
        "\n[title]", f"\n{FACTS}\n[title]", 1), "utf-8")
    return path


def test_the_facts_are_shown_on_the_page_in_the_pdf_and_in_the_jsonld(client, runner,
                                                                       tmp_path):
    result = runner.invoke(args=["notices", "import", "--override", DEMO_OVERRIDE,
                                 str(_with_facts(tmp_path))])
    assert "version 2" in result.output, result.output
    page = client.get("/en/registers/museokortti").get_data(as_text=True)
    assert '<dt>Drawn up</dt>\n  <dd><time datetime="2024-05-02">May 2, 2024</time></dd>' in page
    assert '<dt>Last reviewed</dt>' in page and f'<a href="{SOURCE}">{SOURCE}</a>' in page
    finnish = client.get("/fi/registers/museokortti").get_data(as_text=True)
    assert "<dt>Laadittu</dt>" in finnish and "2. toukokuuta 2024" in finnish
    text = text_of(pdf(client, "/sv/registers/museokortti.pdf"))
    assert "Upprättad: 2 maj 2024" in text and f"Publicerad också på: {SOURCE}" in text
    document = client.get("/en/registers/museokortti.jsonld").get_json()
    assert document["dct:created"] == {"@value": "2024-05-02", "@type": "xsd:date"}
    assert document["schema:lastReviewed"]["@value"] == "2025-01-10"
    assert document["dct:source"] == {"@id": SOURCE}
    pages = {lang: client.get(f"/{lang}/registers/museokortti").data for lang in ("fi", "en")}
    assert html_problems(pages, tmp_path) == []


def test_a_notice_without_them_shows_none():
    content = parse_notice(tomllib.loads((DEMO_NOTICES / "museokortti.toml").read_text("utf-8")))
    assert not {"drawn_up", "reviewed", "source_url"} & set(content)


def test_they_survive_export_and_import(tmp_path):
    content = parse_notice(tomllib.loads(_with_facts(tmp_path).read_text("utf-8")))
    assert (content["drawn_up"], content["reviewed"]) == ("2024-05-02", "2025-01-10")
    assert parse_notice(tomllib.loads(notice_file(content))) == content


def test_a_review_before_the_drawing_up_and_a_plain_address_are_refused(tmp_path):
    data = tomllib.loads(_with_facts(tmp_path).read_text("utf-8"))
    data |= {"reviewed": "2023-12-31", "source_url": "http://www.museot.fi/"}
    try:
        parse_notice(data)
    except NoticeFileError as exc:
        assert {error.field for error in exc.errors} == {"reviewed", "source_url"}
    else:
        raise AssertionError("accepted")


def test_the_editor_edits_them(client, session):
    signed_in_editor(client, session)
    edit = EDIT.format("tietosuojaportaali")
    wrong = post_form(client, edit, {"drawn_up": "2.5.2024", "reviewed": ""})
    assert wrong.status_code == 400
    assert "Enter a date in the form 2025-01-31." in wrong.get_data(as_text=True)
    backwards = post_form(client, edit, {"drawn_up": "2025-02-01", "reviewed": "2025-01-01"})
    assert ("The notice cannot have been reviewed before it was drawn up."
            in backwards.get_data(as_text=True))
    saved = post_form(client, edit, {"drawn_up": "2024-05-02", "source_url": SOURCE})
    assert saved.status_code == 302
    form = client.get(edit).get_data(as_text=True)
    assert 'type="date" id="drawn_up" name="drawn_up" value="2024-05-02"' in form
    preview = client.get("/admin/registers/tietosuojaportaali/preview/en").get_data(as_text=True)
    assert '<time datetime="2024-05-02">May 2, 2024</time>' in preview


def test_the_business_id_is_checked_and_shown_from_the_next_version(client, session, runner,
                                                                     tmp_path):
    signed_in_editor(client, session)
    organisation = "/admin/organisations/espoo"
    wrong = post_form(client, organisation, {"business_id": "0101263-5"})
    assert wrong.status_code == 400
    assert ("Enter the business ID in the form 0101263-6; check the digits."
            in wrong.get_data(as_text=True))
    assert post_form(client, organisation, {"business_id": "0101263-6"}).status_code == 302
    notice = "/fi/registers/tietosuojaportaali"
    assert "0101263-6" not in client.get(notice).get_data(True)
    overview = "/admin/registers/tietosuojaportaali"
    post_form(client, EDIT.format("tietosuojaportaali"), {"section-retention-fi": "Kaksi vuotta."})
    assert post_form(client, overview, action=f"{overview}/publish").status_code == 302
    assert "<br>Y-tunnus: 0101263-6" in client.get(notice).get_data(as_text=True)
    document = client.get("/en/registers/tietosuojaportaali.jsonld").get_json()
    assert document["dpv:hasDataController"]["schema:identifier"] == "0101263-6"
    path = tmp_path / "tietosuojaportaali.toml"
    runner.invoke(args=["notices", "export", "tietosuojaportaali", "-o", str(path)])
    assert 'business_id = "0101263-6"' in path.read_text("utf-8")
    path.write_text(path.read_text("utf-8").replace("0101263-6", "0101263-7"), "utf-8")
    refused = runner.invoke(args=["notices", "import", str(path)])
    assert "controller.business_id: is not a business ID" in refused.output
