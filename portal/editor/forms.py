"""Reading the editor's forms into notice content, with messages in the editor's language.

The forms are built from the notice structure (every part, fi, sv and en side by side), so
they are read by hand rather than declared field by field. Validation is the notice file's
own (``fileformat.parse_notice`` with ``complete=False``): a draft and a file obey the same
rules, and each problem comes back tied to the form field that holds it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from ..i18n import LOCALES
from ..notices.fileformat import FORMAT_VERSION, FieldError, NoticeFileError, parse_controller
from ..notices.fileformat import parse_notice as parse
from ..notices.processing import DERIVED
from ..notices.sections import SECTION_KEYS, SECTIONS
from . import joint

MAX_RECIPIENTS = 100
CONTACT_KEYS = ("email", "phone", "website", "dpo_email", "dpo_phone", "business_id")
#: The notice's own facts, optional (issue 15).
OWN_FACTS = ("drawn_up", "reviewed", "source_url")


@dataclass(frozen=True)
class Problem:
    """One problem for the error summary and the field: where, what field, what to do."""

    anchor: str
    label: str
    message: str


class FormProblems(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problems")

    @property
    def by_field(self) -> dict[str, str]:
        return {problem.anchor: problem.message for problem in self.problems}


def _texts(form: MultiDict, prefix: str) -> dict[str, str]:
    return {lang: form.get(f"{prefix}-{lang}", "").replace("\r\n", "\n") for lang in LOCALES}


def recipient_rows(form: MultiDict) -> list[int]:
    """The numbers of the recipient rows the form sent (a blank row is always offered)."""
    count = form.get("recipients", 0, type=int)
    return list(range(1, min(max(count, 0), MAX_RECIPIENTS) + 1))


def notice_from_form(form: MultiDict, slug: str,
                     version: int | None = None) -> tuple[dict, list[int]]:
    """The form as notice-file data, and which form row each recipient came from.

    ``version`` is the format of the notice edited (the form's own hidden field if not given):
    a format-2 notice says "yes", "no" or nothing on automated decisions, format 1 yes or no.
    """
    version = version or form.get("format", FORMAT_VERSION, type=int)
    recipients, rows = [], []
    for row in recipient_rows(form):
        prefix = f"recipient-{row}"
        # A name per language (issue 15); the same name in each is kept as one text.
        item = {"name": {lang: text.strip() for lang, text in
                         _texts(form, f"{prefix}-name").items()},
                "role": form.get(f"{prefix}-role", ""),
                "description": _texts(form, f"{prefix}-description")}
        blank = not any(item["name"].values()) and not any(
            t.strip() for t in item["description"].values())
        if form.get(f"{prefix}-remove") or blank:
            continue
        recipients.append(item)
        rows.append(row)
    data = {
        "format": version,
        "slug": slug,
        "title": _texts(form, "title"),
        "summary": _texts(form, "summary"),
        "collection": form.get("collection", "direct"),
        "legal_bases": form.getlist("legal_bases"),
        "personal_data": form.getlist("personal_data"),
        "special_category_conditions": form.getlist("special_category_conditions"),
        "transfers_outside_eea": form.get("transfers_outside_eea") == "1",
        "automated_decisions": form.get("automated_decisions") == "1",
        "sections": {key: _texts(form, f"section-{key}") for key in SECTION_KEYS},
        "recipients": recipients,
        **{key: form.get(key, "").strip() for key in OWN_FACTS},
        **declared_languages(form),
    }
    if version >= 2:
        stated = {"1": True, "0": False}.get(form.get("automated_decisions", ""))
        if stated is None:
            del data["automated_decisions"]  # not stated
        else:
            data["automated_decisions"] = stated
    return data, rows


def declared_languages(form: MultiDict) -> dict:
    """The languages the notice is published in, as the form's checkboxes give them (issue
    15); the hidden ``languages-given`` tells "none ticked" from a form without the choice."""
    if "languages-given" not in form:
        return {}
    return {"languages": form.getlist("languages")}


def read_notice(form: MultiDict, slug: str, controller: dict,
                previous: dict | None = None, several: dict | None = None) -> dict:
    """Parse the editor's form as a draft; raises :class:`FormProblems`.

    Codes keep the order they had in ``previous`` (checkboxes come in the form's order), so
    an unchanged form gives unchanged content. ``several`` holds the register's controllers
    and arrangement when it has more than one (``editor.joint.controllers_from_form``).
    """
    version = (previous or {}).get("format", FORMAT_VERSION)
    data, rows = notice_from_form(form, slug, version)
    # Per-purpose processing and transfers are edited in the notice file (docs/notice-files.md)
    # and kept as they are; the register's codes are then the purposes' own.
    for key in ("purposes", "transfers"):
        if (previous or {}).get(key):
            data[key] = previous[key]
    if data.get("purposes"):
        for key in DERIVED:
            data.pop(key, None)
    for key in (key for key in DERIVED if key in data):
        before = (previous or {}).get(key, [])
        data[key] = [c for c in before if c in data[key]] + [
            c for c in data[key] if c not in before]
    try:
        return parse({**data, **(several or {"controller": controller})}, slug, complete=False)
    except NoticeFileError as exc:
        raise FormProblems([_problem(error, rows) for error in exc.errors]) from None


def controller_from_form(form: MultiDict, slug: str) -> dict:
    return {"slug": slug, "name": _texts(form, "name"), "address": _texts(form, "address"),
            **{key: form.get(key, "").strip() for key in CONTACT_KEYS}}


def read_controller(form: MultiDict, slug: str) -> dict:
    """Parse the organisation form; raises :class:`FormProblems`."""
    try:
        return parse_controller(controller_from_form(form, slug), complete=False)
    except NoticeFileError as exc:
        raise FormProblems([_problem(error, []) for error in exc.errors]) from None


def _problem(error: FieldError, rows: list[int]) -> Problem:
    joint_field = joint.anchor(error.field)
    if joint_field:
        return Problem(joint_field, field_label(joint_field), _message(error))
    field = error.field.removeprefix("controller.")
    match = re.match(r"recipients\[(\d+)\](.*)", field)
    if match:
        field = f"recipient-{rows[int(match.group(1)) - 1]}{match.group(2)}"
    if field.startswith("sections."):
        field = "section-" + field.removeprefix("sections.")
    anchor = field.replace(".", "-") if field != "controller" else "email"
    return Problem(anchor, field_label(anchor), _message(error))


def field_label(anchor: str) -> str:
    """The field's name as the form shows it, e.g. "How long the data is kept (Svenska)"."""
    lang = anchor.rsplit("-", 1)[-1]
    language = f" ({LOCALES[lang]})" if lang in LOCALES else ""
    base = anchor.removesuffix(f"-{lang}") if language else anchor
    titles = {section.key: section.title for section in SECTIONS}
    names = {
        "title": _("Name of the register"), "summary": _("Summary"),
        "name": _("Name of the organisation"), "address": _("Postal address"),
        "email": _("E-mail address"), "phone": _("Telephone"), "website": _("Website"),
        "dpo_email": _("Data protection officer's e-mail address"),
        "dpo_phone": _("Data protection officer's telephone"), "slug": _("Address of the page"),
        "collection": _("Where the data comes from"), "legal_bases": _("Legal basis"),
        "special_category_conditions": _("Conditions for special categories of personal data"),
        "drawn_up": _("Date the notice was drawn up"),
        "reviewed": _("Date the notice was last reviewed"),
        "source_url": _("Address where the notice is also published"),
        "business_id": _("Business ID"),
        "transfers_outside_eea": _("Data is transferred outside the EU and EEA"),
        "languages": _("Languages of the notice"),
        "controllers": _("Controllers"),
        "contact_point": _("Contact point for data subjects"),
        "arrangement-essence": _("The essence of the arrangement"),
    }
    if base.startswith("section-"):
        return f"{titles[base.removeprefix('section-')]}{language}"
    match = re.match(r"recipient-(\d+)-name", base)
    if match:
        return _("Name of recipient %(number)s", number=match.group(1)) + language
    match = re.match(r"recipient-(\d+)", base)
    if match:
        return _("Recipient %(number)s", number=match.group(1)) + language
    return f"{names.get(base, base)}{language}"


def _message(error: FieldError) -> str:
    lang = error.field.rsplit(".", 1)[-1]
    if error.kind == "html":
        return _("Line %(line)s contains HTML, which would be shown as text. Write it in "
                 "Markdown instead.", line=error.line)
    if error.field == "transfers_outside_eea" and error.kind == "invalid":
        return _("The notice lists transfers to countries outside the EU and EEA. Remove them "
                 "on the page of purposes and transfers first, or keep this ticked.")
    if error.kind == "missing":
        return {"fi": _("Write the Finnish text."), "sv": _("Write the Swedish text."),
                "en": _("Write the English text.")}.get(lang, _("Fill in this field."))
    return {
        "too_long": _("The text is too long."),
        "slug": _("Use only lower-case letters a to z, digits and hyphens."),
        "email": _("Enter an e-mail address in the form name@example.fi."),
        "website": _("Enter an address that begins with https://."),
        "date": _("Enter a date in the form 2025-01-31."),
        "languages": _("Choose at least one language the notice is published in."),
        "business_id": _("Enter the business ID in the form 0101263-6; check the digits."),
        "date_order": _("The notice cannot have been reviewed before it was drawn up."),
        "link": _("Every link must be a full address that begins with https:// (or mailto: "
                  "or tel:). Addresses such as /page or //example.fi do not work in the PDF."),
    }.get(error.kind, _("Check this field."))
