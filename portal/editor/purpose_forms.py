"""Reading the purposes-and-transfers form into notice content (issue 15, legal rules §3).

Each purpose has its own Art. 6 basis, Art. 9(2) condition, national law, data, data subjects
and retention (GDPR Arts. 6(3), 9(2), 13(1)(c), 13(2)(a)); each transfer its third country and
safeguard (Art. 13(1)(f)). Like the main form, validation is the notice file's own
(``fileformat.parse_notice`` with ``complete=False``) and each problem comes back tied to the
field that holds it. Adding the first purpose or transfer to a format-1 notice makes it format 2,
as ``notices upgrade`` would.
"""

from __future__ import annotations

import re
import unicodedata

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict

from ..i18n import LOCALES
from ..notices.export import upgraded
from ..notices.fileformat import FieldError, NoticeFileError
from ..notices.processing import DERIVED
from .forms import FormProblems, Problem
from .forms import _message as file_message

MAX_ROWS = 50
#: A retention period's units as the form offers them (ISO 8601 duration designators).
UNITS = {"Y": _l("years"), "M": _l("months"), "D": _l("days")}
#: The DPV 2.3 purpose concepts (``processing.DPV_PURPOSES``) in words.
DPV_PURPOSE_LABELS = {
    "CommunicationManagement": _l("Communication"),
    "CustomerManagement": _l("Customer management"),
    "EnforceSecurity": _l("Security"),
    "HumanResourceManagement": _l("Human resources"),
    "IdentityVerification": _l("Identity verification"),
    "LegalCompliance": _l("Compliance with a legal obligation"),
    "PublicBenefit": _l("Public benefit"),
    "RecordManagement": _l("Record management"),
    "ResearchAndDevelopment": _l("Research and development"),
    "ServiceProvision": _l("Providing a service"),
}
PARTS = {
    "key": _l("Identifier"),
    "name": _l("Name of the purpose"),
    "description": _l("Description"),
    "dpv_purpose": _l("Type of purpose (machine-readable version)"),
    "legal_bases": _l("Legal basis"),
    "legitimate_interests": _l("Legitimate interests"),
    "special_category_conditions": _l("Condition for special categories of personal data"),
    "personal_data": _l("Personal data processed"),
    "data_subjects": _l("Whose data"),
    "retention-period": _l("Retention period"),
    "retention-criterion": _l("How the retention period is determined"),
    "law-name": _l("Name of the Act"),
    "law-number": _l("Number of the Act"),
    "law-section": _l("Section"),
    "law-url": _l("Link to the Act"),
    "country": _l("Country"),
    "safeguard": _l("Safeguard"),
}


def _texts(form: MultiDict, prefix: str) -> dict[str, str]:
    return {lang: form.get(f"{prefix}-{lang}", "").replace("\r\n", "\n").strip()
            for lang in LOCALES}


def _rows(form: MultiDict, name: str) -> list[int]:
    return list(range(1, min(max(form.get(name, 0, type=int), 0), MAX_ROWS) + 1))


def _key_from(name: dict[str, str], taken: set[str]) -> str:
    """An identifier made from the purpose's name (``Oppilashuolto`` -> ``oppilashuolto``)."""
    first = next((text for text in name.values() if text), "")
    ascii_name = unicodedata.normalize("NFKD", first).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:36].strip("-")
    base, key, number = base or "purpose", base or "purpose", 2
    while key in taken:
        key, number = f"{base}-{number}", number + 1
    return key


def _laws(form: MultiDict, prefix: str) -> list[dict]:
    laws = []
    for row in _rows(form, f"{prefix}-laws"):
        at = f"{prefix}-law-{row}"
        law = {"name": _texts(form, f"{at}-name"),
               **{key: form.get(f"{at}-{key}", "").strip() for key in ("number", "section",
                                                                         "url")}}
        if form.get(f"{at}-remove") or not (any(law["name"].values()) or law["number"]
                                           or law["section"] or law["url"]):
            continue
        laws.append(law)
    return laws


def _purpose(form: MultiDict, prefix: str) -> dict:
    amount = form.get(f"{prefix}-retention-period", "").strip()
    return {
        "key": form.get(f"{prefix}-key", "").strip(),
        "name": _texts(form, f"{prefix}-name"),
        "description": _texts(form, f"{prefix}-description"),
        "dpv_purpose": form.get(f"{prefix}-dpv_purpose", ""),
        "legitimate_interests": _texts(form, f"{prefix}-legitimate_interests"),
        "laws": _laws(form, prefix),
        "retention": {"period": f"P{amount}{form.get(f'{prefix}-retention-unit', 'Y')}"
                      if amount else "",
                      "criterion": _texts(form, f"{prefix}-retention-criterion")},
        **{key: form.getlist(f"{prefix}-{key}") for key in (*DERIVED, "data_subjects")},
    }


def _blank(purpose: dict) -> bool:
    """Nothing written in the row (its codes may be ticked: a new row offers the register's)."""
    texts = [purpose[key] for key in ("name", "description", "legitimate_interests")]
    return not (purpose["key"] or purpose["dpv_purpose"] or purpose["laws"]
                or purpose["retention"]["period"] or any(purpose["retention"]["criterion"].values())
                or any(text for values in texts for text in values.values()))


def purposes_from_form(form: MultiDict) -> list[dict]:
    """The purposes in the order their places give (a problem's ``purposes[2]`` is the second,
    as the form shown again numbers them). A row with nothing written is the blank row offered
    for a new purpose; removed rows and blank laws are left out the same way."""
    found = []
    for row in _rows(form, "purposes"):
        prefix = f"purpose-{row}"
        purpose = _purpose(form, prefix)
        if form.get(f"{prefix}-remove") or _blank(purpose):
            continue
        place = form.get(f"{prefix}-place", row, type=int)
        found.append((place, row, purpose))
    purposes = [purpose for _place, _row, purpose in sorted(found, key=lambda f: f[:2])]
    taken = {purpose["key"] for purpose in purposes}
    for purpose in purposes:
        if not purpose["key"]:
            purpose["key"] = _key_from(purpose["name"], taken)
            taken.add(purpose["key"])
    return purposes


def transfers_from_form(form: MultiDict) -> list[dict]:
    transfers = []
    for row in _rows(form, "transfers"):
        item = {key: form.get(f"transfer-{row}-{key}", "") for key in ("country", "safeguard")}
        if form.get(f"transfer-{row}-remove") or not (item["country"] or item["safeguard"]):
            continue
        transfers.append(item)
    return transfers


def with_processing(previous: dict, purposes: list[dict], transfers: list[dict]) -> dict:
    """``previous`` with these purposes and transfers; format 2 once there are any."""
    data = upgraded(previous) if purposes or transfers else dict(previous)
    data = {key: value for key, value in data.items() if key not in ("purposes", "transfers")}
    if purposes:
        data["purposes"] = purposes
    if transfers:
        data["transfers"], data["transfers_outside_eea"] = transfers, True
    return data


def _in_previous_order(purposes: list[dict], previous: list[dict]) -> list[dict]:
    """Each purpose's codes in the order the same purpose had them (checkboxes come in the
    form's order), so that an unchanged form gives unchanged content."""
    before = {purpose["key"]: purpose for purpose in previous}
    for purpose in purposes:
        for key in (*DERIVED, "data_subjects"):
            old = before.get(purpose["key"], {}).get(key, [])
            purpose[key] = [c for c in old if c in purpose[key]] + [
                c for c in purpose[key] if c not in old]
    return purposes


def read_processing(form: MultiDict, previous: dict, parse) -> dict:
    """The notice with the form's purposes and transfers, parsed as a draft by ``parse``
    (``service.draft_notice``, which adds the controller's details). Raises
    :class:`FormProblems`."""
    purposes = _in_previous_order(purposes_from_form(form), previous.get("purposes", []))
    data = with_processing(previous, purposes, transfers_from_form(form))
    try:
        return parse(data)
    except NoticeFileError as exc:
        raise FormProblems([_problem(error) for error in exc.errors]) from None


def _anchor(field: str) -> str:
    """``purposes[2].laws[1].number`` -> ``purpose-2-law-1-number``; other problems (none
    expected: the rest of the draft was valid when saved) point at the page's heading."""
    if not re.match(r"(purposes|transfers)\[", field):
        return "purposes"
    field = re.sub(r"^purposes\[(\d+)\]", r"purpose-\1", field)
    field = re.sub(r"^transfers\[(\d+)\]", r"transfer-\1", field)
    return re.sub(r"\.laws\[(\d+)\]", r"-law-\1", field).replace(".", "-")


def label(anchor: str) -> str:
    """The field's name as the form shows it: "Purpose 2: Name of the Act 1 (Suomi)"."""
    lang = anchor.rsplit("-", 1)[-1]
    language = f" ({LOCALES[lang]})" if lang in LOCALES else ""
    base = anchor.removesuffix(f"-{lang}") if language else anchor
    match = re.match(r"(purpose|transfer)-(\d+)-(?:law-(\d+)-)?(.+)", base)
    if not match:
        return _("Purposes of processing")
    kind, number, law, part = match.groups()
    name = str(PARTS.get(f"law-{part}" if law else part, part))
    if law:
        name = f"{name} {law}"
    if kind == "transfer":
        return _("Transfer %(number)s: %(part)s", number=number, part=name) + language
    return _("Purpose %(number)s: %(part)s", number=number, part=name) + language


def message(error: FieldError) -> str:
    """What to do, in the editor's language; the notice file's reasons are in English."""
    if error.kind != "invalid":
        return file_message(error)
    part = error.field.rsplit(".", 1)[-1]
    if "another purpose" in error.reason:
        return _("Another purpose already uses this identifier.")
    return {
        "number": _("Enter the number as the Statute Book gives it, such as 628/1998."),
        "period": _("Enter the period as a whole number from 1 to 999."),
        "country": _("Choose a country outside the EU and EEA."),
        "safeguard": _("Choose the safeguard of the transfer."),
    }.get(part, _("Check this field."))


def _problem(error: FieldError) -> Problem:
    anchor = _anchor(error.field)
    return Problem(anchor, label(anchor), message(error))
