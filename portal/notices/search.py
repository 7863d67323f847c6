"""The public search's index: each version's words per language, written once at publication.

Searching then reads one text column per notice instead of rendering every notice's Markdown
for every query (the review found the search cost grew with the notices' length per request).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_

from ..text import plain_text
from .fileformat import LANGUAGES
from .languages import recipient_name, shown_language
from .models import SearchText
from .processing import purpose_texts


def search_texts(content: dict) -> dict[str, str]:
    """What a reader can find a notice by, per language: title, summary, organisation,
    section texts without markup, recipients; case-folded."""
    return {lang: _words(content, lang, shown_language(content, lang)).casefold()
            for lang in LANGUAGES}


def _words(content: dict, lang: str, shown: str) -> str:
    """A reader of ``lang`` finds a notice by its words in ``shown``, the language they see it
    in (``notices.languages``), and by the organisation's name in their own."""
    return " ".join([
        content["title"].get(shown, ""),
        content["summary"].get(shown, ""),
        content["controller"]["name"].get(lang, ""),
        *(plain_text(texts.get(shown, "")) for texts in content["sections"].values()),
        *(recipient_name(r, shown) for r in content["recipients"]),
        *(plain_text(text) for text in purpose_texts(content, shown)),
    ])


def rows_for(version_id: int, content: dict) -> list[SearchText]:
    return [SearchText(version_id=version_id, locale=lang, text=text)
            for lang, text in search_texts(content).items()]


def matches(words: list[str]) -> ColumnElement[bool]:
    """Every word somewhere in the text (LIKE with its wildcards escaped)."""
    return and_(*(SearchText.text.contains(word, autoescape=True) for word in words))
