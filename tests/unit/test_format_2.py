"""Notice file format 2 (issue 15 part 6): per-purpose processing and transfers, format 1 files
importing unchanged, and ``notices upgrade`` rewriting a format-1 file as format 2."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portal.notices.completeness import check
from portal.notices.export import notice_file
from portal.notices.fileformat import NoticeFileError, parse_notice, read_notice_file
from tests.conftest import DEMO_NOTICES, DEMO_OVERRIDE
from tests.unit.test_check_command import FUZZ, VALUES, _paths, _replaced

FORMAT_1 = ("kamu-asiakasrekisteri", "museokortti", "tietosuojaportaali")
SLUG = "varhaiskasvatus"


def _data(name: str = SLUG) -> dict:
    return tomllib.loads((DEMO_NOTICES / f"{name}.toml").read_text("utf-8"))


def _errors(data: dict) -> set[tuple[str, str]]:
    with pytest.raises(NoticeFileError) as caught:
        parse_notice(data)
    return {(e.field, e.reason) for e in caught.value.errors}


def test_the_register_codes_are_derived_from_its_purposes():
    content = parse_notice(_data())
    assert content["legal_bases"] == ["A6-1-c", "A6-1-a"]
    assert content["special_category_conditions"] == ["A9-2-g"]
    assert "Health" in content["personal_data"] and "Picture" in content["personal_data"]
    assert [p["key"] for p in content["purposes"]] == ["provision", "support", "fees", "photos"]
    assert content["transfers"] == [{"country": "US", "safeguard": "A45-3"}]


def test_register_codes_beside_purposes_are_refused_unless_they_are_the_derived_ones():
    assert _errors({**_data(), "legal_bases": ["A6-1-e"]}) == {
        ("legal_bases", "is given per purpose in [[purposes]] in format 2")}
    content = parse_notice(_data())
    assert parse_notice(content, complete=False) == content  # read again, as publishing does


def test_each_wrong_purpose_field_is_named():
    data = _data()
    data["legal_bases"] = ["A6-1-c"]  # given per purpose in format 2
    first, second = data["purposes"][0], data["purposes"][1]
    first["legal_bases"] = ["A6-1-x"]
    first["data_subjects"] = ["pets"]
    first["retention"]["period"] = "ten years"
    first["laws"][0]["number"] = "540"
    first["laws"][0]["url"] = "http://finlex.fi"
    second["key"] = first["key"]
    second["dpv_purpose"] = "Fun"
    data["transfers"][0] = {"country": "SE", "safeguard": "A99"}
    fields = {field for field, _reason in _errors(data)}
    assert fields == {
        "legal_bases", "purposes[1].legal_bases", "purposes[1].data_subjects",
        "purposes[1].retention.period", "purposes[1].laws[1].number", "purposes[1].laws[1].url",
        "purposes[2].key", "purposes[2].dpv_purpose", "transfers[1].country",
        "transfers[1].safeguard"}


def test_listed_transfers_need_transfers_outside_eea():
    assert ("transfers_outside_eea", "must be true when [[transfers]] are listed") in _errors(
        {**_data(), "transfers_outside_eea": False})


def test_wrong_types_are_format_errors_not_crashes():
    data = _data()
    data["purposes"] = [{"key": 3, "name": "x", "laws": "x", "retention": []}, "x"]
    data["transfers"] = {"country": "US"}
    fields = {field for field, _reason in _errors(data)}
    assert {"purposes[1].key", "purposes[1].name", "purposes[1].laws", "purposes[1].retention",
            "purposes[2]", "transfers"} <= fields


def test_format_3_and_unknown_fields_are_refused():
    assert ("format", "must be 1 or 2") in _errors({**_data(), "format": 3})
    assert ("purposes", "is not a field of the notice file format") in _errors(
        {**_data("museokortti"), "purposes": []})


@pytest.mark.parametrize("name", FORMAT_1)
def test_format_1_files_read_as_they_did(name):
    content = read_notice_file(DEMO_NOTICES / f"{name}.toml")
    assert content["format"] == 1 and "purposes" not in content
    assert isinstance(content["automated_decisions"], bool)


@pytest.mark.parametrize("name", [*FORMAT_1, SLUG, "helmet-asiakasrekisteri"])
def test_import_then_export_gives_the_same_file(runner, name):
    result = runner.invoke(args=["notices", "export", name])
    assert result.output == (DEMO_NOTICES / f"{name}.toml").read_text("utf-8")


def test_automated_decisions_not_stated_is_a_finding_and_false_is_not():
    data = _data()
    assert check(parse_notice(data)) == []
    del data["automated_decisions"]
    assert {(f.item, f.lang) for f in check(parse_notice(data))} == {
        ("automated_decisions", lang) for lang in ("fi", "sv", "en")}


def test_upgrade_rewrites_format_1_as_format_2_saying_the_same(runner, tmp_path):
    for name in FORMAT_1:
        (tmp_path / f"{name}.toml").write_text(
            (DEMO_NOTICES / f"{name}.toml").read_text("utf-8"), "utf-8")
    result = runner.invoke(args=["notices", "upgrade", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert f"{tmp_path / 'museokortti.toml'}: format 1 -> 2" in result.output
    for name in FORMAT_1:
        before = read_notice_file(DEMO_NOTICES / f"{name}.toml")
        after = read_notice_file(tmp_path / f"{name}.toml")
        assert after["format"] == 2
        # Format 1's "false" may mean "not stated"; only the organisation can say "none".
        assert after["automated_decisions"] is (True if before["automated_decisions"] else None)
        same = {key for key in before if key not in {"format", "automated_decisions"}}
        assert {key: after[key] for key in same} == {key: before[key] for key in same}
        assert notice_file(after) == (tmp_path / f"{name}.toml").read_text("utf-8")
    again = runner.invoke(args=["notices", "upgrade", str(tmp_path / "museokortti.toml")])
    assert "already format 2" in again.output
    imported = runner.invoke(args=["notices", "import", "--override", DEMO_OVERRIDE,
                                   str(tmp_path)])
    assert imported.exit_code == 0, imported.output


def test_upgrade_leaves_a_broken_file_as_it_is(runner, tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text('format = 1\nslug = "Bad Slug"\n', "utf-8")
    result = runner.invoke(args=["notices", "upgrade", str(broken)])
    assert result.exit_code == 2 and "format error: slug" in result.output
    assert broken.read_text("utf-8") == 'format = 1\nslug = "Bad Slug"\n'


FORMAT_2 = tomllib.loads((DEMO_NOTICES / f"{SLUG}.toml").read_text("utf-8"))


@FUZZ
@given(document=st.builds(_replaced, st.just(FORMAT_2),
                          st.sampled_from([path for path in _paths(FORMAT_2) if path]), VALUES))
def test_any_value_anywhere_in_a_format_2_file_is_a_format_error_or_a_notice(document):
    try:
        content = parse_notice(document)
    except NoticeFileError as exc:
        assert exc.errors
    else:
        check(content)
        assert tomllib.loads(notice_file(content))  # and it can be written back
