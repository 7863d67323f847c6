"""The notice file: one human-editable TOML file per register, its languages all in it.

The format is documented in ``docs/notice-files.md``. Reading a file either yields the complete,
normalised content of a notice or raises :class:`NoticeFileError` listing every problem with the
field and the reason, so an editor can fix a file in one pass. Nothing here touches the database.

Reading is split by part: this module reads the notice as a whole, ``filecheck`` holds the
checker that collects the problems, ``filecontrollers`` reads the controllers' part and
``processing`` the purposes of format 2; ``export`` writes a file back and upgrades format 1.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from datetime import date, datetime
from pathlib import Path
from typing import Any

from . import languages as notice_languages
from .dpvterms import countries
from .filecheck import HTTPS_URL, LANGUAGES, SLUG_RE, FieldError, NoticeFileError, _Checker
from .filecontrollers import (  # noqa: F401 (public: the editor's organisation form, the tests)
    CONTROLLER_KEYS,
    controllers_part,
    parse_controller,
    valid_business_id,
)
from .processing import DERIVED, derived_codes, read_purposes, read_transfers
from .sections import (
    COLLECTION,
    LEGAL_BASES,
    PERSONAL_DATA,
    RECIPIENT_ROLES,
    REQUIRED_TEXT,
    SECTION_KEYS,
    SPECIAL_CONDITIONS,
)

#: The format files are written in; format 1 files keep importing unchanged.
FORMAT_VERSION = 2
FORMATS = (1, 2)
MAX_FILE_BYTES = 1_000_000
TOP_LEVEL = {
    "format", "slug", "title", "summary", "collection", "legal_bases", "personal_data",
    "transfers_outside_eea", "automated_decisions", "controller", "sections", "recipients",
    "drawn_up", "reviewed", "source_url", "special_category_conditions",
    "languages",
    "controllers", "joint_arrangement",
}
#: What format 2 adds: per-purpose processing and transfers with their country and safeguard.
TOP_LEVEL_2 = {"purposes", "transfers"}
#: The notice's own dates: when the organisation drew it up and last reviewed it.
NOTICE_DATES = ("drawn_up", "reviewed")
RECIPIENT_KEYS = {"name", "role", "description"}


#: Parts whose text ``[[purposes]]`` gives in structure (each purpose's name, basis, retention).
PER_PURPOSE_TEXT = frozenset({"purposes", "legal_basis", "retention"})


def _sections(check: _Checker, data: Any, required: tuple[str, ...] = REQUIRED_TEXT) -> dict:
    if not isinstance(data, dict):
        check.fail("sections", "is required: a table of notice sections")
        return {}
    check.unknown(data, set(SECTION_KEYS), "sections.")
    result = {}
    for key in SECTION_KEYS:
        if key in data or (check.complete and key in required):
            texts = check.translations(data, key, f"sections.{key}")
            check.markdown(texts, f"sections.{key}")
            if texts:
                result[key] = texts
    return result


def _recipients(check: _Checker, data: Any) -> list[dict]:
    result = []
    for field, item in check.tables(data, "recipients", "recipients"):
        check.unknown(item, RECIPIENT_KEYS, f"{field}.")
        role = check.text(item, "role", f"{field}.role")
        name = _recipient_name(check, item, f"{field}.name")
        if role and role not in RECIPIENT_ROLES:
            check.fail(f"{field}.role", f"must be one of {', '.join(RECIPIENT_ROLES)}")
        result.append({
            "name": name,
            "role": role,
            "description": check.translations(item, "description", f"{field}.description",
                                              required=False),
        })
    return result


def _recipient_name(check: _Checker, item: dict, field: str) -> str | dict:
    """A recipient's or processor's name: one text for every language, or a table of names per
    declared language (issue 15). A table whose names are all the same is kept as one text, so
    that an unchanged editor form gives unchanged content."""
    if not isinstance(item.get("name"), dict):
        name = check.text(item, "name", field)
        names = {lang: name for lang in check.languages}
    else:
        names = check.translations(item, "name", field, name=True)
    for lang, text in names.items():
        if len(text) > 200:
            check.fail(f"{field}.{lang}" if isinstance(item["name"], dict) else field,
                       "is longer than 200 characters", "too_long")
    if len(set(names.values())) <= 1:
        return next(iter(names.values()), "")
    return names


def parse_notice(data: dict, path: str = "<notice>", *, complete: bool = True) -> dict:
    """Validate parsed TOML and return the normalised notice content.

    ``complete`` False reads an editor's draft (see :class:`_Checker`).
    """
    check = _Checker(complete)
    version = data.get("format")
    if version not in FORMATS or isinstance(version, bool):
        check.fail("format", f"must be {' or '.join(map(str, FORMATS))}")
        version = FORMAT_VERSION
    check.unknown(data, TOP_LEVEL | (TOP_LEVEL_2 if version >= 2 else set()))
    declared = _declared_languages(check, data)
    slug = check.text(data, "slug", "slug")
    if slug and (not SLUG_RE.match(slug) or len(slug) > 64):
        check.fail("slug", "use at most 64 lower-case letters, digits and hyphens", "slug")
    collection = data.get("collection", "direct")
    if collection not in COLLECTION:
        check.fail("collection", f"must be one of {', '.join(COLLECTION)}")
    content = {
        "format": version,
        "slug": slug,
        "title": check.translations(data, "title", "title", name=True),
        "summary": check.translations(data, "summary", "summary", required=False),
        "collection": collection,
        "legal_bases": check.codes(data, "legal_bases", LEGAL_BASES,
                                   required=version < 2 or "purposes" not in data),
        "personal_data": check.codes(data, "personal_data", PERSONAL_DATA, required=False),
        "transfers_outside_eea": check.flag(data, "transfers_outside_eea"),
        # Format 2 reads it in ``_format_2``: there, absent is "not stated".
        "automated_decisions": check.flag(data, "automated_decisions") if version < 2 else None,
        **controllers_part(check, data),
        "sections": _sections(check, data.get("sections"), tuple(
            key for key in REQUIRED_TEXT
            if not (version >= 2 and "purposes" in data and key in PER_PURPOSE_TEXT))),
        "recipients": _recipients(check, data.get("recipients", [])),
    }
    conditions = check.codes(data, "special_category_conditions", SPECIAL_CONDITIONS,
                             required=False)
    if conditions:  # kept only when given, so that older notices' content stays the same
        content["special_category_conditions"] = conditions
    if version >= 2:
        content.update(_format_2(check, data))
    content.update(_own_facts(check, data))
    if declared is not None:
        content["languages"] = declared
    if check.errors:
        raise NoticeFileError(path, check.errors)
    return content


def _declared_languages(check: _Checker, data: dict) -> list[str] | None:
    """The languages the notice is published in (``languages = ["fi"]``, issue 15).

    Optional: without it a notice is published in fi, sv and en, as every notice was before
    the field existed, and the content keeps no such key, so those notices' content and
    versions stay as they were (see ``notices.languages``). Sets ``check.languages`` for the
    texts read after it.
    """
    if "languages" not in data:
        return None
    value = data["languages"]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        check.fail("languages", "must be a list of language codes: fi, sv, en")
        return None
    unknown = [v for v in value if v not in LANGUAGES]
    if unknown or len(set(value)) != len(value) or not value:
        check.fail("languages", "give one or more of fi, sv and en, each once", "languages")
        return None
    check.languages = tuple(lang for lang in LANGUAGES if lang in value)
    return notice_languages.canonical(value)


def _format_2(check: _Checker, data: dict) -> dict:
    """What format 2 adds or reads differently (docs/notice-files.md, "Format 2").

    ``automated_decisions`` absent is "not stated" (None), so that ``false`` can say there is
    none (Art. 13(2)(f)); format 1 cannot tell the two apart and keeps reading as it did.
    """
    facts: dict[str, Any] = {  # None (stored content read again) is not stated either
        "automated_decisions": (check.flag(data, "automated_decisions")
                                if data.get("automated_decisions") is not None else None)}
    if "purposes" in data:
        purposes = read_purposes(check, data["purposes"])
        facts["purposes"] = purposes
        facts |= derived_codes(purposes)
        # The register's codes are its purposes', given once. Stored content read again (the
        # editor publishing a draft) carries them as derived, which says nothing new.
        for key in DERIVED:
            if key in data and data[key] != facts[key]:
                check.fail(key, "is given per purpose in [[purposes]] in format 2")
        if not facts["special_category_conditions"]:
            del facts["special_category_conditions"]
    if "transfers" in data:
        facts["transfers"] = read_transfers(check, data["transfers"], countries())
        if facts["transfers"] and data.get("transfers_outside_eea") is not True:
            check.fail("transfers_outside_eea", "must be true when [[transfers]] are listed")
    return facts


def _own_facts(check: _Checker, data: dict) -> dict:
    """The notice's own dates and the address of its source, as ISO dates and a URL.

    Optional and kept only when given, so that files without them keep their content (and
    their versions) unchanged. A TOML date or the text ``2025-01-31`` (the editor's form).
    """
    facts: dict[str, str] = {}
    for key in NOTICE_DATES:
        value = data.get(key, "")
        if isinstance(value, date) and not isinstance(value, datetime):
            facts[key] = value.isoformat()
        elif isinstance(value, str) and value.strip():
            try:
                facts[key] = date.fromisoformat(value.strip()).isoformat()
            except ValueError:
                check.fail(key, "is not a date (2025-01-31)", "date")
        elif value != "":
            check.fail(key, "is not a date (2025-01-31)", "date")
    if facts.get("reviewed", "9") < facts.get("drawn_up", ""):
        check.fail("reviewed", "is before the date the notice was drawn up", "date_order")
    source = check.text(data, "source_url", "source_url", required=False)
    if source and (len(source) > 500 or not HTTPS_URL.match(source)):
        check.fail("source_url", "must be an address that starts with https://", "website")
    if source:
        facts["source_url"] = source
    return facts


def read_notice_file(path: Path) -> dict:
    """Read and validate one notice file."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise NoticeFileError(name, [FieldError("file", exc.strerror or str(exc))]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise NoticeFileError(name, [FieldError("file", "is larger than 1 MB")])
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise NoticeFileError(name, [FieldError("file", "is not UTF-8 text")]) from None
    except tomllib.TOMLDecodeError as exc:
        raise NoticeFileError(name, [FieldError("file", f"is not valid TOML: {exc}")]) from None
    return parse_notice(data, name)


def content_digest(content: dict) -> str:
    """SHA-256 of the canonical JSON form: equal notices have equal digests."""
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
