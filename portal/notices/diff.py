"""What changed between two versions of a notice, word by word, part by part (pure).

A word diff costs up to the product of the two parts' lengths, and anyone may ask for one,
so a part longer than ``MAX_WORK`` allows is shown whole, old then new, instead of word by
word; comparisons are remembered per version pair (``cached_compare``).
"""

from __future__ import annotations

import difflib
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass

from .joint import summary_lines
from .languages import recipient_name
from .processing import purpose_texts
from .sections import SECTIONS

TOKEN = re.compile(r"\S+\s*|\s+")  # a word with its trailing space: readable runs
#: Words of the old part times words of the new: above it, the part is shown whole.
MAX_WORK = 1_000_000
#: Version pairs (per language) whose comparison a worker process remembers.
CACHED_PAIRS = 256


@dataclass(frozen=True)
class PartDiff:
    key: str
    title: str
    #: ("same" | "added" | "removed", text) runs, in reading order.
    runs: tuple[tuple[str, str], ...]
    #: True when the part was too long to compare word by word: old and new are shown whole.
    whole: bool = False

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
    parts = {"title": content["title"].get(lang, "")}
    for section in SECTIONS:
        text = content["sections"].get(section.key, {}).get(lang, "")
        if section.key == "legal_basis":
            text += "\n" + " ".join(content["legal_bases"])
        if section.key == "controller" and "controller" in content:  # moved, joined (issue 15)
            text = summary_lines(content, lang) + "\n" + text
        if section.key == "purposes":  # format 2: each purpose's name, codes, retention, law
            text += "\n" + "\n".join(purpose_texts(content, lang))
        if section.key == "recipients":
            text += "\n" + "\n".join(f"{recipient_name(r, lang)}: {r['description'].get(lang, '')}"
                                     for r in content["recipients"])
        parts[section.key] = text.strip()
    return parts


def _part(key: str, title: str, old: str, new: str) -> PartDiff:
    if len(TOKEN.findall(old)) * len(TOKEN.findall(new)) > MAX_WORK:
        runs = tuple((kind, text) for kind, text in (("removed", old), ("added", new)) if text)
        return PartDiff(key, title, runs, whole=True)
    return PartDiff(key, title, diff_words(old, new))


def compare(old: dict, new: dict, lang: str, titles: dict[str, str]) -> list[PartDiff]:
    """Every part that has text in either version, with its word-level changes."""
    before, after = _parts(old, lang), _parts(new, lang)
    return [_part(key, titles.get(key, key), before[key], after[key])
            for key in before if before[key] or after[key]]


_remembered: OrderedDict[tuple, tuple[PartDiff, ...]] = OrderedDict()
_lock = threading.Lock()


def cached_compare(old_digest: str, old: dict, new_digest: str, new: dict, lang: str,
                   titles: dict[str, str]) -> tuple[PartDiff, ...]:
    """``compare``, remembered per pair of content digests (a version never changes) and
    language, the least recently asked pair forgotten first."""
    key = (old_digest, new_digest, lang, tuple(sorted(titles.items())))
    with _lock:
        if key in _remembered:
            _remembered.move_to_end(key)
            return _remembered[key]
    parts = tuple(compare(old, new, lang, titles))
    with _lock:
        _remembered[key] = parts
        while len(_remembered) > CACHED_PAIRS:
            _remembered.popitem(last=False)
    return parts
