"""What changed between two versions of a notice, word by word, part by part (pure)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from .sections import SECTIONS

TOKEN = re.compile(r"\S+\s*|\s+")  # a word with its trailing space: readable runs


@dataclass(frozen=True)
class PartDiff:
    key: str
    title: str
    #: ("same" | "added" | "removed", text) runs, in reading order.
    runs: tuple[tuple[str, str], ...]

    @property
    def changed(self) -> bool:
        return any(kind != "same" for kind, _ in self.runs)


def diff_words(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """Runs of unchanged, removed and added text between ``old`` and ``new``."""
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    runs: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            runs.append(("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("removed", "".join(a[i1:i2])))
        if j2 > j1:
            runs.append(("added", "".join(b[j1:j2])))
    return tuple(runs)


def _parts(content: dict, lang: str) -> dict[str, str]:
    parts = {"title": content["title"][lang]}
    for section in SECTIONS:
        text = content["sections"].get(section.key, {}).get(lang, "")
        if section.key == "legal_basis":
            text += "\n" + " ".join(content["legal_bases"])
        if section.key == "recipients":
            text += "\n" + "\n".join(f"{r['name']}: {r['description'].get(lang, '')}"
                                     for r in content["recipients"])
        parts[section.key] = text.strip()
    return parts


def compare(old: dict, new: dict, lang: str, titles: dict[str, str]) -> list[PartDiff]:
    """Every part that has text in either version, with its word-level changes."""
    before, after = _parts(old, lang), _parts(new, lang)
    return [PartDiff(key, titles.get(key, key), diff_words(before[key], after[key]))
            for key in before if before[key] or after[key]]
