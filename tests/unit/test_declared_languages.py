"""Declared languages (issue 15): a notice file says which languages the notice is published
in; texts are required in those only, and the completeness check never asks for another."""

from __future__ import annotations

import tomllib

import pytest

from portal.notices.completeness import check
from portal.notices.export import notice_file
from portal.notices.fileformat import NoticeFileError, parse_notice, read_notice_file
from portal.notices.languages import recipient_name, shown_language
from tests.conftest import DEMO_NOTICES

SCHOOL = DEMO_NOTICES / "honkalahti-oppilasrekisteri.toml"


def school() -> dict:
    return tomllib.loads(SCHOOL.read_text("utf-8"))


def fields(data: dict, *, complete: bool = True) -> dict[str, str]:
    with pytest.raises(NoticeFileError) as caught:
        parse_notice(data, complete=complete)
    return {e.field: e.reason for e in caught.value.errors}


def test_a_finnish_only_notice_reads_and_lacks_nothing():
    content = read_notice_file(SCHOOL)
    assert content["languages"] == ["fi"]
    assert set(content["title"]) == {"fi"}
    assert "Health" in content["personal_data"]
    assert content["special_category_conditions"] == ["A9-2-g"]
    assert "628/1998" in content["sections"]["legal_basis"]["fi"]
    assert check(content) == []  # no Swedish or English text is asked for


def test_the_school_notice_is_in_canonical_form():
    assert notice_file(read_notice_file(SCHOOL)) == SCHOOL.read_text("utf-8")


def test_a_missing_finnish_text_is_a_finding_in_finnish_only():
    data = school()
    del data["sections"]["retention"]
    findings = check(parse_notice(data, complete=False))
    assert [(f.item, f.lang) for f in findings] == [("retention", "fi")]


def test_a_file_without_the_field_is_in_every_language_as_before():
    data = school()
    del data["languages"]
    problems = fields(data)
    assert problems["title.sv"] == "the Swedish text is missing"
    assert problems["sections.purposes.en"] == "the English text is missing"


def test_a_text_in_an_undeclared_language_is_refused_in_a_file_and_dropped_in_a_draft():
    data = school()
    data["sections"]["purposes"]["sv"] = "Ändamål."
    assert "is not one of the notice's languages" in fields(data)["sections.purposes.sv"]
    draft = parse_notice(data, complete=False)
    assert draft["sections"]["purposes"].keys() == {"fi"}


def test_the_controllers_names_in_other_languages_are_kept():
    content = read_notice_file(SCHOOL)
    assert content["controller"]["name"]["sv"] == "Honkalahti kommun"


@pytest.mark.parametrize("value", [[], ["de"], ["fi", "fi"], "fi", [1]])
def test_languages_must_be_one_or_more_portal_languages(value):
    data = school()
    data["languages"] = value
    assert "languages" in fields(data)


def test_all_three_languages_keep_the_content_as_it_was():
    kamu = DEMO_NOTICES / "kamu-asiakasrekisteri.toml"
    data = tomllib.loads(kamu.read_text("utf-8"))
    data["languages"] = ["en", "sv", "fi"]
    assert parse_notice(data) == read_notice_file(kamu)  # no key: the same digest


def test_a_recipient_name_may_be_translated_and_its_description_omitted():
    data = school()
    data["languages"] = ["fi", "sv"]
    data["title"]["sv"] = "Grundläggande utbildningens elevregister"
    for texts in [*data["sections"].values(), data["summary"], data["controller"]["address"],
                  data["recipients"][1]["description"]]:
        texts["sv"] = "Text."
    data["recipients"][0] = {"role": "recipient", "name": {
        "fi": "Opetushallitus", "sv": "Utbildningsstyrelsen"}}
    content = parse_notice(data)
    recipient = content["recipients"][0]
    assert recipient["description"] == {}
    assert recipient_name(recipient, "sv") == "Utbildningsstyrelsen"
    assert recipient_name(recipient, "en") == "Opetushallitus"
    assert parse_notice(tomllib.loads(notice_file(content))) == content
    data["recipients"][0]["name"] = {"fi": "Sama", "sv": "Sama"}
    assert parse_notice(data)["recipients"][0]["name"] == "Sama"  # one name, as before
    data["recipients"][0]["name"] = {"fi": "Opetushallitus"}
    assert fields(data)["recipients[1].name.sv"] == "the Swedish text is missing"


@pytest.mark.parametrize("wanted, shown", [("fi", "fi"), ("sv", "fi"), ("en", "fi")])
def test_a_reader_of_any_language_sees_a_declared_one(wanted, shown):
    assert shown_language({"languages": ["fi"]}, wanted) == shown
    assert shown_language({"languages": ["sv", "en"]}, "fi") == "sv"
    assert shown_language({}, wanted) == wanted
