"""docs/glossary.md's banned words appear in no catalog and no translated demo notice text.

One term per concept (issue 17): a reader of the Finnish or Swedish portal meets the same word for
the same thing on pages, in mails and in letters. The glossary's last table is the source; adding a
row there is enough to guard a new word.
"""

from __future__ import annotations

import re
import tomllib

import pytest

from portal.settings import PROJECT_ROOT
from tests.i18n.test_catalogs import catalog

GLOSSARY = PROJECT_ROOT / "docs" / "glossary.md"
DEMO = PROJECT_ROOT / "portal" / "demo" / "notices"
#: The language each demo notice was published in by its organisation: that text is the
#: organisation's own wording and stays as it is; only our translations are held to the glossary.
ORIGINAL_LANGUAGE = {"kamu-asiakasrekisteri": "fi", "museokortti": "sv"}


def banned() -> list[tuple[str, re.Pattern, str]]:
    """(lang, pattern, write instead) from the table under "Words not to use"."""
    table = GLOSSARY.read_text(encoding="utf-8").split("## Words not to use", 1)[1]
    rows = []
    for line in table.splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        if len(cells) == 4 and cells[0] in ("fi", "sv"):
            pattern = cells[1].strip("`").replace(r"\|", "|")
            rows.append((cells[0], re.compile(pattern, re.IGNORECASE), cells[2]))
    return rows


def texts_of(value, lang: str):
    """Every ``lang`` text in a notice file's tables, wherever it is nested."""
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == lang and isinstance(inner, str):
                yield inner
            else:
                yield from texts_of(inner, lang)
    elif isinstance(value, list):
        for inner in value:
            yield from texts_of(inner, lang)


def offences(lang: str, texts) -> list[str]:
    return [f"{instead!r} instead of {match.group(0)!r} in {text[:80]!r}"
            for text in texts for code, pattern, instead in banned() if code == lang
            for match in [pattern.search(text)] if match]


def test_the_glossary_bans_words_in_both_languages():
    langs = [lang for lang, _pattern, _instead in banned()]
    assert langs.count("fi") >= 5 and langs.count("sv") >= 5
    fi = [p for lang, p, _ in banned() if lang == "fi"]
    assert any(p.search("Pyydä pyytäjältä lisätietoja") for p in fi)
    sv = [p for lang, p, _ in banned() if lang == "sv"]
    assert any(p.search("Tidsfristen är avbruten") for p in sv)
    assert any(p.search("(dataskyddsförordningen, artikel 9.2 g)") for p in sv)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_no_catalog_string_uses_a_banned_word(lang):
    texts = [s for m in catalog(lang) if m.id
             for s in (m.string if isinstance(m.string, tuple) else (m.string,))]
    assert offences(lang, texts) == []


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_no_translated_demo_notice_text_uses_a_banned_word(lang):
    texts = []
    for path in sorted(DEMO.glob("*.toml")):
        if ORIGINAL_LANGUAGE.get(path.stem) != lang:
            texts += texts_of(tomllib.loads(path.read_text(encoding="utf-8")), lang)
    assert texts
    assert offences(lang, texts) == []
