"""Special categories of personal data (GDPR Art. 9, issue 15): coded with DPV 2.3's
special-category concepts, processed under an Art. 9(2) condition, and a finding without one."""

from __future__ import annotations

import re
from pathlib import Path

from portal.notices.completeness import check
from portal.notices.sections import SPECIAL_CATEGORIES, SPECIAL_CONDITIONS
from tests.conftest import DEMO_NOTICES
from tests.editor.helpers import EDIT, OVERVIEW, post_form, signed_in_editor
from tests.htmlcheck import html_problems
from tests.unit.test_completeness import draft, items

VOCAB = Path(__file__).parents[1] / "vocab" / "dpv-2.3-special-categories.tsv"


def _school_register(tmp_path, conditions='special_category_conditions = ["A9-2-g"]\n'):
    """The portal's own notice turned into a register holding health data."""
    source = (DEMO_NOTICES / "tietosuojaportaali.toml").read_text("utf-8")
    source = re.sub(r"personal_data = \[", f'{conditions}personal_data = ["Health", ', source,
                    count=1)
    path = tmp_path / "tietosuojaportaali.toml"
    path.write_text(source, "utf-8")
    return path


def test_health_data_under_art_9_2_g_is_published_page_and_jsonld(client, runner, tmp_path):
    result = runner.invoke(args=["notices", "import", str(_school_register(tmp_path))])
    assert "published as version 2" in result.output, result.output
    page = client.get("/fi/registers/tietosuojaportaali").get_data(as_text=True)
    assert ("Laissa säädetty tärkeä yleinen etu (tietosuoja-asetuksen 9 artiklan "
            "2 kohdan g alakohta)") in page
    document = client.get("/en/registers/tietosuojaportaali.jsonld").get_json()
    (process,) = document["dpv:hasProcess"]
    assert {"@id": "eu-gdpr:A9-2-g"} in process["dpv:hasLegalBasis"]
    assert {"@id": "pd:Health"} in process["dpv:hasPersonalData"]
    assert html_problems({"fi": page.encode()}, tmp_path) == []


def test_health_data_without_a_condition_needs_an_override(runner, tmp_path):
    result = runner.invoke(args=["notices", "import", str(_school_register(tmp_path, ""))])
    assert result.exit_code == 1
    assert "special_category_condition: Art. 9(2), special_category_conditions" in result.output


def test_the_completeness_rule():
    assert items(check(draft(personal_data=["Name", "Religion"]))) == {
        ("special_category_condition", None)}
    assert check(draft(personal_data=["Religion"], special_category_conditions=["A9-2-d"])) == []
    assert check(draft(personal_data=["Name"])) == []


def test_the_editor_ticks_a_condition_and_the_checklist_asks_for_one(client, session):
    signed_in_editor(client, session, role="dpo")
    slug = "tietosuojaportaali"
    post_form(client, EDIT.format(slug), {"personal_data": ["Name", "Health"]})
    overview = client.get(OVERVIEW.format(slug)).get_data(as_text=True)
    assert f'href="/admin/registers/{slug}/edit#special_category_conditions"' in overview
    form = client.get(EDIT.format(slug)).get_data(as_text=True)
    assert '<label for="pd-Health">Health (special category)</label>' in form
    post_form(client, EDIT.format(slug), {"special_category_conditions": ["A9-2-h"]})
    overview = client.get(OVERVIEW.format(slug)).get_data(as_text=True)
    assert "#special_category_conditions" not in overview
    assert 'id="condition-A9-2-h" name="special_category_conditions" value="A9-2-h" checked' in (
        client.get(EDIT.format(slug)).get_data(as_text=True))


def test_every_code_is_a_dpv_2_3_concept_of_the_right_kind():
    """The special categories sit under dpv:SpecialCategoryPersonalData in DPV 2.3's pd
    extension, and each Art. 9(2) condition is a class of its eu-gdpr extension (the terms
    vendored from the release)."""
    terms = dict(line.split("\t") for line in VOCAB.read_text("utf-8").splitlines()
                 if line and not line.startswith("#"))
    for code in SPECIAL_CATEGORIES:
        assert terms.get(f"pd:{code}") == "dpv:SpecialCategoryPersonalData", code
    for code in SPECIAL_CONDITIONS:
        assert terms.get(f"eu-gdpr:{code}") == "rdfs:Class", code
