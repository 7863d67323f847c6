"""Reading a notice file's values with every problem collected: the checker the readers of
``fileformat``, ``filecontrollers`` and ``processing`` share.

A reader never stops at the first problem: each one is a :class:`FieldError` with the field's
path (``purposes[2].legal_bases``) and the reason, and :class:`NoticeFileError` lists them all,
so that an editor can fix a file in one pass. Nothing here touches the database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..text import raw_html_lines, unsafe_links

LANGUAGES = ("fi", "sv", "en")
LANGUAGE_NAMES = {"fi": "Finnish", "sv": "Swedish", "en": "English"}
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
HTTPS_URL = re.compile(r"https://[^\s/]+\.[^\s/]+")
MAX_TEXT = 20_000


@dataclass(frozen=True)
class FieldError:
    field: str
    reason: str
    #: What kind of problem, for messages in the editor's language: ``missing``, ``too_long``,
    #: ``slug``, ``email``, ``website``, ``link``, ``html``, ``contact`` or ``invalid``.
    kind: str = "invalid"
    #: The line of the text the problem is on, where it is on one (raw HTML).
    line: int | None = None


class NoticeFileError(ValueError):
    """A notice file cannot be imported; ``errors`` names each field and why."""

    def __init__(self, path: str, errors: list[FieldError]) -> None:
        self.path = path
        self.errors = errors
        lines = "\n".join(f"  {path}: {e.field}: {e.reason}" for e in errors)
        super().__init__(f"{path} was not imported:\n{lines}")


class _Checker:
    """Collects problems while reading so that all of them are reported together.

    ``complete`` False reads a draft: texts may be missing in some languages and the parts the
    law requires may be absent, because the completeness check reports those as findings
    (GDPR Arts. 13-14) and only the DPO may publish past them. Names stay required.
    """

    def __init__(self, complete: bool = True) -> None:
        self.errors: list[FieldError] = []
        self.complete = complete
        #: The notice's declared languages (``_declared_languages``): texts are required in
        #: these, and a notice's own texts in any other are refused (a draft drops them).
        self.languages: tuple[str, ...] = LANGUAGES

    def fail(self, field: str, reason: str, kind: str = "invalid",
             line: int | None = None) -> None:
        self.errors.append(FieldError(field, reason, kind, line))

    def text(self, data: dict, key: str, field: str, *, required: bool = True) -> str:
        value = data.get(key, "")
        if not isinstance(value, str):
            self.fail(field, "must be text")
            return ""
        value = value.strip()
        if required and not value:
            self.fail(field, "is required", "missing")
        return value

    def translations(self, data: dict, key: str, field: str, *, required: bool = True,
                     name: bool = False) -> dict:
        """Texts per declared language; a ``name`` is needed in each even in a draft. The
        controller's texts are the organisation's, kept in any language given."""
        every = self.complete or name
        required = required and every
        value = data.get(key)
        if value is None:
            if required:
                self.fail(field, "is required, with fi, sv and en texts", "missing")
            return {}
        if not isinstance(value, dict):
            self.fail(field, "must be a table with fi, sv and en texts")
            return {}
        for extra in sorted(set(value) - set(LANGUAGES)):
            self.fail(f"{field}.{extra}", "is not a language of the portal (fi, sv, en)")
        result = {}
        for lang in LANGUAGES:
            text = value.get(lang)
            if text is not None and not isinstance(text, str):
                self.fail(f"{field}.{lang}", "must be text")
            elif lang not in self.languages and not field.startswith("controller"):
                if (text or "").strip() and self.complete:
                    self.fail(f"{field}.{lang}", "is not one of the notice's languages "
                              f"({', '.join(self.languages)})", "language")
            elif not (text or "").strip():
                if every and lang in self.languages:
                    self.fail(f"{field}.{lang}", f"the {LANGUAGE_NAMES[lang]} text is missing",
                              "missing")
            elif len(text) > MAX_TEXT:
                self.fail(f"{field}.{lang}", f"is longer than {MAX_TEXT} characters", "too_long")
            else:
                result[lang] = text.strip()
        return result

    def flag(self, data: dict, key: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            self.fail(key, "must be true or false")
            return False
        return value

    def codes(self, data: dict, key: str, allowed, *, required: bool,
              field: str = "") -> list[str]:
        """A list of codes; ``field`` is the table it is in (``purposes[2]``), if not the top."""
        name = f"{field}.{key}" if field else key
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(name, "must be a list of codes")
            return []
        if required and self.complete and not value:
            self.fail(name, "needs at least one code", "missing")
        for code in value:
            if code not in allowed:
                self.fail(name, f"unknown code {code!r}; allowed: {', '.join(sorted(allowed))}")
        if len(set(value)) != len(value):
            self.fail(name, "lists a code twice")
        return list(value)

    def tables(self, data: Any, field: str, name: str, *, at_least_one: bool = False):
        """Each table of an array of tables (``[[name]]``) with its field path, reporting a
        value that is not such an array, or an entry that is not a table, instead."""
        if not isinstance(data, list) or (at_least_one and not data):
            self.fail(field, f"must be a list of {'one or more ' if at_least_one else ''}"
                             f"[[{name}]] tables")
            return
        for index, item in enumerate(data, start=1):
            where = f"{field}[{index}]"
            if isinstance(item, dict):
                yield where, item
            else:
                self.fail(where, "must be a table")

    def unknown(self, data: dict, allowed: set[str], prefix: str = "") -> None:
        for key in sorted(set(data) - allowed):
            self.fail(f"{prefix}{key}", "is not a field of the notice file format")

    def markdown(self, texts: dict[str, str], field: str) -> None:
        """Refuse relative links (``file://`` links in the PDF) and raw HTML (shown as text) in
        Markdown texts, naming the line of the HTML (issue 15 part 5)."""
        for lang, text in texts.items():
            for link in unsafe_links(text):
                self.fail(f"{field}.{lang}", f"link {link!r} is not a full address (https://...)",
                          "link")
            for line in raw_html_lines(text):
                self.fail(f"{field}.{lang}", f"line {line} holds HTML, which is shown as text; "
                          "write it in Markdown", "html", line)
