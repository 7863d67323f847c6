"""Per-purpose processing (issue 15 part 3): a format-2 notice whose purposes each have their
own legal basis, law, data, data subjects, retention and rights, on the page, in the PDF and in
the editor, in every language; and "there is no automated decision-making" said in words."""

from __future__ import annotations

import itertools

import pytest

from portal.notices.completeness import check
from portal.notices.fileformat import read_notice_file
from tests.conftest import DEMO_NOTICES, DEMO_OVERRIDE
from tests.editor.helpers import EDIT, post_form, signed_in_editor
from tests.htmlcheck import html_problems
from tests.pdf.structure import structure
from tests.pdf.test_notice_pdf import pdf, text_of

SLUG = "varhaiskasvatus"
#: What each language must show: a purpose, its retention period, its law, the Art. 9(2)
#: condition, the data subjects, and the sentence that there are no automated decisions.
SHOWN = {
    "fi": ("Asiakasmaksut", "6 vuotta", "Varhaiskasvatuslaki (540/2018)",
           "9 artiklan 2 kohdan g alakohta", "Lapset, Huoltajat",
           "Sinua koskevia päätöksiä ei tehdä pelkästään automaattisen"),
    "sv": ("Klientavgifter", "6 år", "Lag om småbarnspedagogik (540/2018)", "artikel 9.2 g",
           "Barn, Vårdnadshavare", "Inga beslut som enbart grundar sig på automatiserad"),
    "en": ("Client fees", "6 years", "Early Childhood Education and Care Act (540/2018)",
           "GDPR Art. 9(2)(g)", "Children, Guardians",
           "No decisions based solely on automated processing"),
}


def _purpose_table(html: str, name: str) -> str:
    start = html.index(f">{name}</h3>")
    return html[start:html.index("</table>", start)]


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_each_purpose_is_shown_with_its_own_facts(client, lang):
    html = client.get(f"/{lang}/registers/{SLUG}").get_data(as_text=True)
    for text in SHOWN[lang]:
        assert text in html, text
    assert 'href="https://finlex.fi/fi/lainsaadanto/2018/540"' in html
    assert '<th scope="row">' in _purpose_table(html, SHOWN[lang][0])


def test_the_rights_of_a_purpose_follow_from_its_own_basis(client):
    html = client.get(f"/en/registers/{SLUG}").get_data(as_text=True)
    fees = _purpose_table(html, "Client fees")  # a legal obligation: no erasure, no objection
    photos = _purpose_table(html, "Photographs for the group&#39;s growth folder")  # consent
    assert "(erasure)" not in fees and "(objection)" not in fees and "(right of access)" in fees
    assert "(erasure)" in photos and "(portability)" in photos


def test_the_pages_are_valid_html(client, tmp_path):
    pages = {lang: client.get(f"/{lang}/registers/{SLUG}").data for lang in ("fi", "sv", "en")}
    assert html_problems(pages, tmp_path) == []


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_pdf_holds_the_purposes_with_headings_that_never_skip(client, lang):
    reader = pdf(client, f"/{lang}/registers/{SLUG}.pdf")
    text = " ".join(text_of(reader).split())
    for shown in SHOWN[lang]:
        assert " ".join(shown.split()) in text, shown
    tree = structure(reader)
    headings = [int(node.role[2]) for node in tree.walk()
                if node.role in {"/H1", "/H2", "/H3", "/H4", "/H5", "/H6"}]
    assert headings.count(3) >= 4  # one per purpose
    for before, after in itertools.pairwise(headings):
        assert after <= before + 1, headings
    assert len(tree.find("/Art")) == 1
    assert any(cell.role == "/TH" for cell in tree.walk())  # labels paired with values


def test_format_2_can_say_there_is_no_automated_decision_making(client):
    """Format 1 ``false`` is "not stated" and prints nothing, as before."""
    kamu = client.get("/en/registers/tietosuojaportaali").get_data(as_text=True)
    assert "No decisions based solely on automated processing" not in kamu


def test_the_demo_notice_lacks_nothing_and_its_findings_are_per_purpose():
    content = read_notice_file(DEMO_NOTICES / f"{SLUG}.toml")
    assert check(content) == []
    content["purposes"][1]["special_category_conditions"] = []
    content["purposes"][2]["retention"] = {"period": "", "criterion": {"fi": "x"}}
    content["purposes"][3]["legal_bases"] = ["A6-1-f"]
    found = {(f.item, f.field, f.lang) for f in check(content)}
    assert found == {
        ("special_category_condition", "purposes[2].special_category_conditions", None),
        ("retention", "purposes[3].retention", "sv"),
        ("retention", "purposes[3].retention", "en"),
        # Espoo is a public authority: 6(1)(f) is not for its public tasks (Art. 6(1)).
        ("public_authority_legitimate_interests", "purposes[4].legal_bases", None),
        *(("legitimate_interests", "purposes[4].legitimate_interests", lang)
          for lang in ("fi", "sv", "en")),
    }


def test_the_editor_shows_the_purposes_and_keeps_them_when_saving(client, session):
    signed_in_editor(client, session, role="dpo")
    form = client.get(EDIT.format(SLUG)).get_data(as_text=True)
    assert "Client fees" in form and 'name="legal_bases"' not in form
    assert 'id="automated_decisions-0" name="automated_decisions" value="0" checked' in form
    post_form(client, EDIT.format(SLUG), {"automated_decisions": ""})  # "not stated"
    draft = client.get(f"/admin/registers/{SLUG}").get_data(as_text=True)
    assert 'href="/admin/registers/varhaiskasvatus/edit#section-automated_decisions-fi"' in draft
    form = client.get(EDIT.format(SLUG)).get_data(as_text=True)
    assert "Client fees" in form and 'value="" checked' in form


def test_an_access_answer_names_each_purpose_its_retention_and_the_third_country(app):
    """The Art. 15(1) facts drawn from a format-2 notice (``backoffice.access_facts``)."""
    from flask_babel import force_locale

    from portal.backoffice.access_facts import _facts_of

    content = read_notice_file(DEMO_NOTICES / f"{SLUG}.toml")
    with app.test_request_context(), force_locale("en"):
        facts = _facts_of(content, "en")
        not_stated = _facts_of({**content, "automated_decisions": None}, "en")
    assert "- Client fees: Legal obligation (GDPR Art. 6(1)(c))" in facts["purposes"]
    assert "- Client fees: 6 years" in facts["retention"]
    assert "- Support for the child's development and learning: Until the child turns 28." in (
        facts["retention"])
    assert "- United States: Adequacy decision of the European Commission" in facts["transfers"]
    assert facts["automated_decisions"].startswith("No decisions based solely on automated")
    assert not_stated["automated_decisions"] == ""  # never claimed when the notice is silent


def test_a_purpose_is_found_by_search_and_its_change_shown_in_the_comparison(client, runner,
                                                                             tmp_path):
    assert f'"/en/registers/{SLUG}"' in client.get("/en/?q=growth+folder").get_data(as_text=True)
    source = (DEMO_NOTICES / f"{SLUG}.toml").read_text("utf-8")
    path = tmp_path / f"{SLUG}.toml"
    path.write_text(source.replace('period = "P6Y"', 'period = "P8Y"'), "utf-8")
    assert "published as version 2" in runner.invoke(args=["notices", "import", str(path)]).output
    diff = client.get(f"/en/registers/{SLUG}/versions/compare?from=1&to=2").get_data(as_text=True)
    assert "<del" in diff and "P6Y" in diff and "P8Y" in diff


def test_the_checklist_links_a_purposes_finding_to_that_purpose(client, session, runner,
                                                               tmp_path):
    source = (DEMO_NOTICES / f"{SLUG}.toml").read_text("utf-8")
    path = tmp_path / f"{SLUG}.toml"
    path.write_text(source.replace('[purposes.retention]\nperiod = "P6Y"\n', ""), "utf-8")
    result = runner.invoke(args=["notices", "import", "--override", DEMO_OVERRIDE, str(path)])
    assert "published as version 2" in result.output, result.output
    signed_in_editor(client, session, role="dpo")
    post_form(client, EDIT.format(SLUG))  # a draft, so that the checklist is shown
    overview = client.get(f"/admin/registers/{SLUG}").get_data(as_text=True)
    link = f"/admin/registers/{SLUG}/purposes#purpose-3-retention-period"
    assert f'href="{link}">Purpose 3: How long' in overview
    form = client.get(link).get_data(as_text=True)
    assert 'id="purpose-3" tabindex="-1">Purpose 3: Client fees</h2>' in form
    assert 'id="purpose-3-retention-period"' in form
