"""The fi, sv and en catalogs: complete, in step with the code, placeholders matching."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from portal.settings import PROJECT_ROOT

TRANSLATIONS = PROJECT_ROOT / "translations"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def catalog(lang: str):
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=lang)


def ids(messages) -> set:
    return {m.id for m in messages if m.id}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_every_string_is_translated_and_none_is_fuzzy(lang):
    problems = []
    for message in catalog(lang):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            problems.append(message.id)
    assert problems == []


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_placeholders_match_the_source(lang):
    for message in catalog(lang):
        if not message.id:
            continue
        source = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = sorted(PLACEHOLDER.findall(source[-1]))
        for string in strings:
            assert sorted(PLACEHOLDER.findall(string)) == wanted, (lang, message.id)


def test_committed_template_is_not_stale(tmp_path):
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [Path(sys.executable).parent / "pybabel", "extract", "-F", "babel.cfg", "-k", "_l",
         "-o", str(fresh), "--no-location", "--omit-header", "."],
        cwd=PROJECT_ROOT, check=True, capture_output=True,
    )
    with fresh.open("rb") as handle:
        extracted = ids(read_po(handle))
    with (TRANSLATIONS / "messages.pot").open("rb") as handle:
        committed = ids(read_po(handle))
    assert extracted == committed, "run `make translations` and commit the result"
    for lang in ("fi", "sv", "en"):
        assert ids(catalog(lang)) == committed, f"{lang} catalog out of date"
