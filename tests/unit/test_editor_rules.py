"""Pure rules behind the editor: drafts read leniently, edits audited field by field."""

from __future__ import annotations

import pytest

from portal.editor.changes import changes, flatten
from portal.notices.completeness import check
from portal.notices.fileformat import NoticeFileError, parse_notice

CONTROLLER = {"slug": "espoo", "name": {"fi": "Espoon kaupunki", "sv": "Esbo stad",
                                         "en": "City of Espoo"}}


def draft(**parts) -> dict:
    return {"format": 1, "slug": "kirjasto", "controller": CONTROLLER,
            "title": {"fi": "Kirjasto", "sv": "Bibliotek", "en": "Library"}, "sections": {},
            **parts}


def test_a_draft_may_lack_texts_and_facts_that_a_notice_file_must_have():
    text = draft(sections={"retention": {"fi": "Viisi vuotta.", "sv": ""}})
    with pytest.raises(NoticeFileError) as strict:
        parse_notice(text)
    fields = {e.field for e in strict.value.errors}
    assert {"legal_bases", "sections.retention.sv", "sections.purposes", "controller"} <= fields
    content = parse_notice(text, complete=False)
    assert content["sections"] == {"retention": {"fi": "Viisi vuotta."}}
    assert content["legal_bases"] == []


def test_a_draft_still_needs_its_name_in_every_language_and_valid_values():
    with pytest.raises(NoticeFileError) as error:
        parse_notice(draft(title={"fi": "Kirjasto", "sv": " "}, collection="maybe",
                           controller={**CONTROLLER, "dpo_email": "nobody"},
                           recipients=[{"name": "", "role": "boss", "description": {}}]),
                     complete=False)
    found = {(e.field, e.kind) for e in error.value.errors}
    assert {("title.sv", "missing"), ("title.en", "missing"), ("collection", "invalid"),
            ("controller.dpo_email", "email"), ("recipients[1].name", "missing"),
            ("recipients[1].role", "invalid")} <= found


def test_completeness_of_a_hand_made_draft_per_language():
    content = parse_notice(draft(
        legal_bases=["A6-1-a", "A6-1-f"], collection="both",
        sections={"purposes": {"fi": "Lainaus.", "sv": "Utlåning.", "en": "Lending."},
                  "retention": {"fi": "Vuosi."},
                  "additional": {"en": "Only in English."}}), complete=False)
    findings = {(f.item, f.article, f.field, f.lang) for f in check(content)}
    assert ("retention", "13(2)(a)", "retention", "sv") in findings
    assert ("retention", "13(2)(a)", "retention", "fi") not in findings
    assert ("legitimate_interests", "13(1)(d)", "legitimate_interests", "fi") in findings
    assert ("consent_withdrawal", "13(2)(c)", "consent_withdrawal", "en") in findings
    assert ("source", "14(2)(f)", "sources", "fi") in findings
    assert ("data_categories", "14(1)(d)", "data_content", "sv") in findings
    assert ("translation", "12(1)", "additional", "fi") in findings
    assert ("controller", "13(1)(a)", "controller", None) in findings
    assert ("dpo", "13(1)(b)", "dpo", None) in findings
    assert not any(item == "purposes" for item, *_ in findings)


def test_an_edit_is_recorded_as_the_fields_it_changed():
    before = {"title": {"fi": "A", "sv": "B"}, "legal_bases": ["A6-1-a"],
              "recipients": [{"name": "X", "description": {"fi": "x"}}]}
    after = {"title": {"fi": "A", "sv": "C"}, "legal_bases": ["A6-1-a", "A6-1-e"],
             "recipients": [{"name": "X", "description": {"fi": "x", "en": "x"}}]}
    assert flatten(before)["recipients[1].description.fi"] == "x"
    old, new = changes(before, after)
    assert old == {"title.sv": "B", "legal_bases": ["A6-1-a"],
                   "recipients[1].description.en": None}
    assert new == {"title.sv": "C", "legal_bases": ["A6-1-a", "A6-1-e"],
                   "recipients[1].description.en": "x"}
    assert changes(before, before) == ({}, {})
