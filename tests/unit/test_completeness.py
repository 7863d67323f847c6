"""Completeness findings for hand-made incomplete drafts (legal rules §3)."""

from portal.notices.completeness import check
from portal.notices.fileformat import read_notice_file
from tests.conftest import DEMO_NOTICES

ALL = {"fi": "x", "sv": "x", "en": "x"}


def draft(**changes) -> dict:
    content = {
        "collection": "direct", "legal_bases": ["A6-1-e"], "transfers_outside_eea": False,
        "controller": {"name": ALL, "email": "a@b.fi", "phone": "", "dpo_email": "d@b.fi",
                       "dpo_phone": ""},
        "sections": {key: dict(ALL) for key in (
            "purposes", "legal_basis", "recipients", "retention", "rights", "complaint",
            "requirement", "automated_decisions")},
    }
    content.update(changes)
    return content


def items(findings) -> set:
    return {(f.item, f.lang) for f in findings}


def test_a_complete_draft_has_no_findings():
    assert check(draft()) == []


def test_missing_retention_in_swedish_only():
    content = draft()
    content["sections"]["retention"] = {"fi": "2 v", "sv": "", "en": "2 y"}
    assert items(check(content)) == {("retention", "sv")}


def test_conditions_follow_the_legal_bases_and_the_collection():
    findings = items(check(draft(legal_bases=["A6-1-a", "A6-1-f"], collection="indirect",
                                 transfers_outside_eea=True)))
    for item in ("consent_withdrawal", "legitimate_interests", "data_categories", "source",
                 "transfers"):
        assert (item, "fi") in findings
    assert ("requirement", "fi") not in findings  # only for data collected from the person


def test_contacts_and_codes():
    content = draft(legal_bases=[])
    content["controller"] = {"name": {"fi": "Kunta"}, "email": "", "phone": "",
                             "dpo_email": "", "dpo_phone": ""}
    found = items(check(content))
    assert {("controller", None), ("dpo", None), ("legal_basis", None),
            ("controller", "sv"), ("controller", "en")} <= found


def test_an_optional_part_written_in_one_language_needs_the_others():
    content = draft()
    content["sections"]["security"] = {"fi": "Palomuuri", "sv": "", "en": ""}
    assert items(check(content)) == {("translation", "sv"), ("translation", "en")}


def test_the_demo_notices_report_what_their_sources_lack():
    kamu = items(check(read_notice_file(DEMO_NOTICES / "kamu-asiakasrekisteri.toml")))
    assert ("automated_decisions", "fi") in kamu and ("requirement", "fi") in kamu
    assert ("retention", "fi") not in kamu
    assert check(read_notice_file(DEMO_NOTICES / "tietosuojaportaali.toml")) == []


def test_a_public_authority_relying_on_legitimate_interests_is_a_finding():
    public = draft(legal_bases=["A6-1-e", "A6-1-f"])
    public["controller"] = {**public["controller"], "public_authority": True}
    public["sections"]["legitimate_interests"] = dict(ALL)
    assert items(check(public)) == {("public_authority_legitimate_interests", None)}
    (finding,) = check(public)
    assert (finding.article, finding.field) == ("6(1)", "legal_bases")
    private = draft(legal_bases=["A6-1-f"])
    private["controller"] = {**private["controller"], "public_authority": False}
    private["sections"]["legitimate_interests"] = dict(ALL)
    assert check(private) == []
