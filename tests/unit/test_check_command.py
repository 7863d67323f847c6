"""``notices check``: every file reported, format errors and findings apart, exit 0/1/2.

The exit statuses are documented in docs/notice-files.md. Hypothesis writes arbitrary TOML,
wholly random or a demo notice with one value replaced by anything, and the command must
answer with a report and one of the three statuses, never with a crash.
"""

from __future__ import annotations

import tomllib

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.notices.fileformat import CONTROLLER_KEYS, RECIPIENT_KEYS, TOP_LEVEL
from portal.notices.sections import SECTION_KEYS
from tests.conftest import DEMO_NOTICES

COMPLETE = DEMO_NOTICES / "tietosuojaportaali.toml"
LACKING = DEMO_NOTICES / "museokortti.toml"
KEYS = st.one_of(st.sampled_from(sorted(TOP_LEVEL | CONTROLLER_KEYS | RECIPIENT_KEYS
                                        | set(SECTION_KEYS) | {"fi", "sv", "en"})),
                 st.text(max_size=12))
SCALARS = st.one_of(st.text(max_size=40), st.integers(), st.floats(), st.booleans(),
                    st.dates(), st.times(), st.datetimes(),
                    st.sampled_from(["", "museokortti", "A6-1-f", "Health", "appeal", 1]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(KEYS, inner, max_size=4)), max_leaves=12)
FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


def _paths(value, prefix=()):
    """Every key path of a parsed notice, tables and their values alike."""
    yield prefix
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _paths(inner, (*prefix, index))


DEMO = tomllib.loads(LACKING.read_text("utf-8"))
DEMO_PATHS = [path for path in _paths(DEMO) if path]


def _replaced(document, path, value):
    """``document`` with the value at ``path`` replaced (a copy; the demo stays as it is)."""
    if not path:
        return value
    head, *rest = path
    copy = dict(document) if isinstance(document, dict) else list(document)
    copy[head] = _replaced(document[head], tuple(rest), value)
    return copy


MUTATED = st.builds(_replaced, st.just(DEMO), st.sampled_from(DEMO_PATHS), VALUES)
DOCUMENTS = st.one_of(MUTATED, st.dictionaries(KEYS, VALUES, max_size=6))


def test_a_folder_of_good_and_broken_files_reports_each_one(runner, tmp_path):
    (tmp_path / "a-complete.toml").write_bytes(COMPLETE.read_bytes())
    (tmp_path / "b-lacking.toml").write_bytes(LACKING.read_bytes())
    (tmp_path / "c-broken.toml").write_text("format = 1\nslug = \n", "utf-8")
    (tmp_path / "d-number.toml").write_text(
        LACKING.read_text("utf-8") + '\n[[recipients]]\nname = 42\nrole = "processor"\n',
        "utf-8")
    result = runner.invoke(args=["notices", "check", str(tmp_path)])
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert f"{tmp_path / 'a-complete.toml'}: nothing missing" in lines
    assert (f"{tmp_path / 'b-lacking.toml'}: finding: automated_decisions (GDPR Art. "
            "13(2)(f), automated_decisions) is missing in sv") in lines
    assert any(line.startswith(f"{tmp_path / 'c-broken.toml'}: format error: file: "
                               "is not valid TOML") for line in lines)
    assert f"{tmp_path / 'd-number.toml'}: format error: recipients[1].name: must be text" in (
        lines)


def test_exit_status_is_0_when_nothing_is_wrong_and_1_for_findings_only(runner, tmp_path):
    ok = runner.invoke(args=["notices", "check", str(COMPLETE)])
    assert ok.exit_code == 0 and ok.output == f"{COMPLETE}: nothing missing\n"
    lacking = runner.invoke(args=["notices", "check", str(COMPLETE), str(LACKING)])
    assert lacking.exit_code == 1
    assert f"{COMPLETE}: nothing missing" in lacking.output


def test_a_missing_file_is_reported_and_the_others_still_checked(runner, tmp_path):
    result = runner.invoke(args=["notices", "check", str(tmp_path / "gone.toml"), str(COMPLETE)])
    assert result.exit_code == 2
    assert f"{tmp_path / 'gone.toml'}: format error: file:" in result.output
    assert f"{COMPLETE}: nothing missing" in result.output


@FUZZ
@given(document=DOCUMENTS)
def test_arbitrary_toml_gets_a_report_never_a_crash(runner, tmp_path, document):
    path = tmp_path / "fuzz.toml"
    path.write_text(tomli_w.dumps(document), "utf-8")
    result = runner.invoke(args=["notices", "check", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 1, 2)
    assert result.output.startswith(f"{path}: ")
