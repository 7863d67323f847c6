"""The notice file: one human-editable TOML file per register, its languages all in it.

The format is documented in ``docs/notice-files.md``. Reading a file either yields the complete,
normalised content of a notice or raises :class:`NoticeFileError` listing every problem with the
field and the reason, so an editor can fix a file in one pass. Nothing here touches the database.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..law.remedies import ROUTES, Remedy, RemedyError, check_remedy
from ..text import raw_html_lines, unsafe_links
from . import languages as notice_languages
from .dpvterms import countries
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
LANGUAGES = ("fi", "sv", "en")
LANGUAGE_NAMES = {"fi": "Finnish", "sv": "Swedish", "en": "English"}
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_TEXT = 20_000
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
HTTPS_URL = re.compile(r"https://[^\s/]+\.[^\s/]+")
CONTROLLER_KEYS = {
    "slug", "name", "address", "email", "phone", "website", "dpo_email", "dpo_phone",
    "public_authority", "remedy", "business_id",
}
BUSINESS_ID = re.compile(r"\d{7}-\d")
BUSINESS_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)
REMEDY_KEYS = {"route", "body", "address", "email"}
RECIPIENT_KEYS = {"name", "role", "description"}


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


def _controller(check: _Checker, data: Any) -> dict:
    if not isinstance(data, dict):
        check.fail("controller", "is required: a table with the controller's details")
        return {}
    check.unknown(data, CONTROLLER_KEYS, "controller.")
    slug = check.text(data, "slug", "controller.slug")
    if slug and not SLUG_RE.match(slug):
        check.fail("controller.slug", "use lower-case letters, digits and hyphens", "slug")
    result = {
        "slug": slug,
        "name": check.translations(data, "name", "controller.name", name=True),
        "address": check.translations(data, "address", "controller.address", required=False),
    }
    for key in ("email", "phone", "website", "dpo_email", "dpo_phone"):
        result[key] = check.text(data, key, f"controller.{key}", required=False)
    for key in ("email", "dpo_email"):
        if result[key] and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", result[key]):
            check.fail(f"controller.{key}", "is not an e-mail address", "email")
    for key in ("email", "phone", "website", "dpo_email", "dpo_phone"):
        if len(result[key]) > (500 if key == "website" else 254):
            check.fail(f"controller.{key}", "is too long", "too_long")
    if result["website"] and not HTTPS_URL.match(result["website"]):
        check.fail("controller.website", "must start with https://", "website")
    if check.complete and not (result["email"] or result["phone"]):
        check.fail("controller", "give an e-mail address or a phone number (GDPR Art. 13(1)(a))",
                   "contact")
    if check.complete and not (result["dpo_email"] or result["dpo_phone"]):
        check.fail("controller", "give the data protection officer's contact (Art. 13(1)(b))",
                   "contact")
    # Optional, so that files without them keep their content (and their versions) unchanged.
    business_id = check.text(data, "business_id", "controller.business_id", required=False)
    if business_id and not valid_business_id(business_id):
        check.fail("controller.business_id", "is not a business ID (Y-tunnus) such as 0101263-6",
                   "business_id")
    if business_id:
        result["business_id"] = business_id
    if "public_authority" in data:
        result["public_authority"] = check.flag(data, "public_authority")
    if "remedy" in data:
        result["remedy"] = _remedy(check, data["remedy"], result.get("public_authority", False))
    return result


def valid_business_id(value: str) -> bool:
    """A Finnish business ID (Y-tunnus): seven digits, a hyphen and the check digit of the
    Finnish Patent and Registration Office's weights 7, 9, 10, 5, 8, 4, 2 modulo 11."""
    if not BUSINESS_ID.fullmatch(value):
        return False
    remainder = sum(int(d) * w for d, w in zip(value[:7], BUSINESS_ID_WEIGHTS, strict=True)) % 11
    return remainder != 1 and int(value[8]) == (0 if remainder == 0 else 11 - remainder)


def _remedy(check: _Checker, data: Any, public_authority: bool) -> dict:
    """The remedy route of the controller's decisions (legal rules §5)."""
    if not isinstance(data, dict):
        check.fail("controller.remedy", "must be a table (route, body, address, email)")
        return {}
    check.unknown(data, REMEDY_KEYS, "controller.remedy.")
    remedy = Remedy(
        route=check.text(data, "route", "controller.remedy.route"),
        body=check.translations(data, "body", "controller.remedy.body", name=True),
        address=check.translations(data, "address", "controller.remedy.address",
                                   required=False),
        email=check.text(data, "email", "controller.remedy.email", required=False))
    try:
        check_remedy(remedy, public_authority=public_authority)
    except RemedyError as exc:
        check.fail(f"controller.remedy.{exc.field.replace('-', '.')}",
                   f"is missing or does not fit; routes: {', '.join(ROUTES)} (a public "
                   "authority: appeal or rectification; a private body: district_court)")
    return remedy.as_dict()


def parse_controller(data: dict, *, complete: bool = True) -> dict:
    """Validate a controller's details alone (the editor's organisation form)."""
    check = _Checker(complete)
    result = _controller(check, data)
    if check.errors:
        raise NoticeFileError("<controller>", check.errors)
    return result


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
            for lang, text in texts.items():
                for link in unsafe_links(text):
                    check.fail(f"sections.{key}.{lang}",
                               f"link {link!r} is not a full address (https://...)", "link")
                for line in raw_html_lines(text):
                    check.fail(f"sections.{key}.{lang}",
                               f"line {line} holds HTML, which is shown as text; write it "
                               "in Markdown", "html", line)
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
    if version >= 2 and "purposes" in data:
        # The register's codes are its purposes' (``processing.derived_codes``), given once.
        for key in DERIVED:
            if key in data:
                check.fail(key, "is given per purpose in [[purposes]] in format 2")
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
        **_controllers_part(check, data),
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


# --- Several controllers (issue 15): ``[[controllers]]`` and ``[joint_arrangement]``. ---------
# Optional fields, kept apart from the single ``[controller]`` so that files with one
# controller keep their content (and their versions) unchanged.

#: A controller alone (Art. 4(7)) or one of two or more that decide jointly (Art. 26).
CONTROLLER_ROLES = ("controller", "joint_controller")
MAX_CONTROLLERS = 20
ARRANGEMENT_KEYS = {"contact_point", "essence"}


def _controllers_part(check: _Checker, data: dict) -> dict:
    """The single ``[controller]`` as before, or several from ``[[controllers]]``."""
    if "controllers" in data:
        return _several_controllers(check, data)
    if "joint_arrangement" in data:
        check.fail("joint_arrangement", "is given only with [[controllers]]")
    return {"controller": _controller(check, data.get("controller"))}


def _several_controllers(check: _Checker, data: dict) -> dict:
    """``controller``, ``controllers`` and ``joint_arrangement`` of a file with
    ``[[controllers]]``: the first listed keeps the register (its staff edit the notice) and is
    also ``controller``, so that everything that reads one controller keeps working."""
    if "controller" in data:
        check.fail("controllers", "give either [controller] or [[controllers]], not both")
    entries = data["controllers"]
    if not isinstance(entries, list) or not entries:
        check.fail("controllers", "must be a list of one or more [[controllers]] tables")
        return {"controller": {}, "controllers": []}
    if len(entries) > MAX_CONTROLLERS:
        check.fail("controllers", f"lists more than {MAX_CONTROLLERS} controllers")
        entries = entries[:MAX_CONTROLLERS]
    controllers = []
    for index, entry in enumerate(entries, start=1):
        field = f"controllers[{index}]"
        if not isinstance(entry, dict):
            check.fail(field, "must be a table")
            continue
        role = entry.get("role")
        if role not in CONTROLLER_ROLES:
            check.fail(f"{field}.role", f"must be one of {', '.join(CONTROLLER_ROLES)}")
        details = _entry_details(check, {k: v for k, v in entry.items() if k != "role"}, field)
        controllers.append({**details, "role": role if role in CONTROLLER_ROLES else ""})
    slugs = [c.get("slug") for c in controllers]
    if len(set(slugs)) != len(slugs):
        check.fail("controllers", "lists the same controller (slug) twice")
    joint = [c["slug"] for c in controllers if c["role"] == "joint_controller"]
    if len(joint) == 1:
        check.fail("controllers", "a joint controller decides together with at least one other "
                   "joint controller (GDPR Art. 26(1))")
    result = {"controller": dict(controllers[0]) if controllers else {},
              "controllers": controllers}
    result["controller"].pop("role", None)
    if "joint_arrangement" in data:
        result["joint_arrangement"] = _arrangement(check, data["joint_arrangement"], joint)
    return result


def _entry_details(check: _Checker, entry: dict, field: str) -> dict:
    """One controller's details, read as ``[controller]`` is, its problems named by entry."""
    entry_check = copy.copy(check)
    entry_check.errors = []
    details = _controller(entry_check, entry)
    for error in entry_check.errors:
        check.errors.append(FieldError(
            error.field.replace("controller", field, 1), error.reason, error.kind, error.line))
    return details


def _arrangement(check: _Checker, data: Any, joint: list[str]) -> dict:
    """The essence of the joint controllers' arrangement (Art. 26(2)) and its contact point
    (Art. 26(1): the arrangement may designate one for data subjects)."""
    if not isinstance(data, dict):
        check.fail("joint_arrangement", "must be a table (contact_point, essence)")
        return {}
    check.unknown(data, ARRANGEMENT_KEYS, "joint_arrangement.")
    if not joint:
        check.fail("joint_arrangement", "is given only when [[controllers]] lists joint "
                   "controllers (role = \"joint_controller\")")
    result = {}
    contact = data.get("contact_point", "")
    if contact != "":
        if contact not in joint:
            check.fail("joint_arrangement.contact_point",
                       "must be the slug of one of the joint controllers")
        else:
            result["contact_point"] = contact
    essence = check.translations(data, "essence", "joint_arrangement.essence")
    for lang, text in essence.items():
        for link in unsafe_links(text):
            check.fail(f"joint_arrangement.essence.{lang}",
                       f"link {link!r} is not a full address (https://...)", "link")
        for line in raw_html_lines(text):
            check.fail(f"joint_arrangement.essence.{lang}",
                       f"line {line} holds HTML, which is shown as text; write it in Markdown",
                       "html", line)
    if essence:
        result["essence"] = essence
    return result
