"""Per-purpose processing and transfers of a format-2 notice file (issue 15, legal rules §3).

A real register processes data for several purposes, each on its own legal basis (GDPR Art.
6(1), with the national law that lays down a 6(1)(c)/(e) task, Art. 6(3)), its own Art. 9(2)
condition for special categories, its own data, data subjects and retention (Art. 13(1)(c),
13(2)(a)). Each ``[[purposes]]`` table of a file becomes one dict here; the whole register's
``legal_bases``, ``personal_data`` and ``special_category_conditions`` are derived from them, so
the request form, the identification rules and the rights list keep reading one list.

The readers take the notice file's checker (``filecheck._Checker``) so that every problem is
reported together with the rest of the file's.
"""

from __future__ import annotations

import re
from typing import Any

from flask_babel import lazy_gettext as _l

from .sections import LEGAL_BASES, PERSONAL_DATA, SPECIAL_CONDITIONS

#: Data-subject groups with their DPV 2.3 concepts.
DATA_SUBJECTS = {
    "customers": ("dpv:Customer", _l("Customers")),
    "pupils": ("dpv:Student", _l("Pupils and students")),
    "guardians": ("dpv:GuardianOfDataSubject", _l("Guardians")),
    "staff": ("dpv:Employee", _l("Staff")),
    "children": ("dpv:Child", _l("Children")),
}

#: DPV 2.3 purpose concepts a purpose may be coded with (``dpv:hasPurpose``).
DPV_PURPOSES = (
    "CommunicationManagement", "CustomerManagement", "EnforceSecurity",
    "HumanResourceManagement", "IdentityVerification", "LegalCompliance", "PublicBenefit",
    "RecordManagement", "ResearchAndDevelopment", "ServiceProvision",
)

#: Safeguards of a transfer to a third country (GDPR Arts. 45, 46 and 49), DPV ``eu-gdpr``.
SAFEGUARDS = {
    "A45-3": _l("Adequacy decision of the European Commission (GDPR Art. 45(3))"),
    "A46-2-b": _l("Binding corporate rules (GDPR Art. 46(2)(b))"),
    "A46-2-c": _l("Standard data protection clauses of the Commission (GDPR Art. 46(2)(c))"),
    "A46-2-d": _l("Standard data protection clauses of a supervisory authority "
                  "(GDPR Art. 46(2)(d))"),
    "A49-1-a": _l("Your explicit consent (GDPR Art. 49(1)(a))"),
}

#: Countries of the EU and EEA: a transfer there is no transfer to a third country.
EEA = frozenset({
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
    "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK",
})
#: A retention period as an ISO 8601 duration of one unit: ``P10Y``, ``P6M``, ``P30D``.
PERIOD = re.compile(r"P([1-9][0-9]{0,2})([YMD])")
PERIOD_UNITS = {"Y": "duration-year", "M": "duration-month", "D": "duration-day"}
KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
PURPOSE_KEYS = {
    "key", "name", "description", "dpv_purpose", "legal_bases", "legitimate_interests",
    "special_category_conditions", "laws", "personal_data", "data_subjects", "retention",
}
LAW_KEYS = {"name", "number", "section", "url"}
RETENTION_KEYS = {"period", "criterion"}
TRANSFER_KEYS = {"country", "safeguard"}
#: A statute's number in the Finnish Statute Book: ``628/1998``.
STATUTE_NUMBER = re.compile(r"\d{1,4}/\d{4}")
#: Top-level codes that format 2 derives from ``[[purposes]]``.
DERIVED = ("legal_bases", "personal_data", "special_category_conditions")


def _union(lists) -> list[str]:
    result: list[str] = []
    for values in lists:
        result += [v for v in values if v not in result]
    return result


def read_purposes(check: Any, data: Any) -> list[dict]:
    """The ``[[purposes]]`` tables, normalised, with every problem reported to ``check``."""
    result, keys = [], set()
    for field, item in check.tables(data, "purposes", "purposes", at_least_one=True):
        purpose = _purpose(check, item, field)
        if purpose["key"] in keys:
            check.fail(f"{field}.key", "is used by another purpose")
        keys.add(purpose["key"])
        result.append(purpose)
    return result


def _purpose(check: Any, item: dict, field: str) -> dict:
    check.unknown(item, PURPOSE_KEYS, f"{field}.")
    key = check.text(item, "key", f"{field}.key")
    if key and (len(key) > 40 or not KEY.fullmatch(key)):
        check.fail(f"{field}.key", "use at most 40 lower-case letters, digits and hyphens",
                   "slug")
    dpv_purpose = check.text(item, "dpv_purpose", f"{field}.dpv_purpose", required=False)
    if dpv_purpose and dpv_purpose not in DPV_PURPOSES:
        check.fail(f"{field}.dpv_purpose",
                   f"unknown code {dpv_purpose!r}; allowed: {', '.join(DPV_PURPOSES)}")
    bases = check.codes(item, "legal_bases", LEGAL_BASES, required=True, field=field)
    return {
        "key": key,
        "name": check.translations(item, "name", f"{field}.name", name=True),
        "description": check.translations(item, "description", f"{field}.description",
                                          required=False),
        "dpv_purpose": dpv_purpose,
        "legal_bases": bases,
        "legitimate_interests": check.translations(
            item, "legitimate_interests", f"{field}.legitimate_interests", required=False),
        "special_category_conditions": check.codes(
            item, "special_category_conditions", SPECIAL_CONDITIONS, required=False,
            field=field),
        "laws": _laws(check, item.get("laws", []), f"{field}.laws"),
        "personal_data": check.codes(item, "personal_data", PERSONAL_DATA, required=False,
                                     field=field),
        "data_subjects": check.codes(item, "data_subjects", DATA_SUBJECTS, required=False,
                                     field=field),
        "retention": _retention(check, item.get("retention", {}), f"{field}.retention"),
    }


def _laws(check: Any, data: Any, field: str) -> list[dict]:
    """National law references: the Act's name, its number, the section, a Finlex link."""
    result = []
    for where, item in check.tables(data, field, "purposes.laws"):
        check.unknown(item, LAW_KEYS, f"{where}.")
        number = check.text(item, "number", f"{where}.number", required=False)
        if number and not STATUTE_NUMBER.fullmatch(number):
            check.fail(f"{where}.number", "is not a statute number such as 628/1998")
        url = check.text(item, "url", f"{where}.url", required=False)
        if url and (len(url) > 500 or not url.startswith("https://")):
            check.fail(f"{where}.url", "must be an address that starts with https://",
                       "website")
        section = check.text(item, "section", f"{where}.section", required=False)
        if len(section) > 100:
            check.fail(f"{where}.section", "is longer than 100 characters", "too_long")
        result.append({"name": check.translations(item, "name", f"{where}.name", name=True),
                       "number": number, "section": section, "url": url})
    return result


def _retention(check: Any, data: Any, field: str) -> dict:
    """A period (``P10Y``) or a criterion in words, or both (Art. 13(2)(a))."""
    if not isinstance(data, dict):
        check.fail(field, "must be a table with a period, a criterion or both")
        return {"period": "", "criterion": {}}
    check.unknown(data, RETENTION_KEYS, f"{field}.")
    period = check.text(data, "period", f"{field}.period", required=False)
    if period and not PERIOD.fullmatch(period):
        check.fail(f"{field}.period", "is not a period such as P10Y, P6M or P30D")
    return {"period": period,
            "criterion": check.translations(data, "criterion", f"{field}.criterion",
                                            required=False)}


def read_transfers(check: Any, data: Any, countries: frozenset[str]) -> list[dict]:
    """``[[transfers]]``: each third country (ISO 3166 code) with its safeguard."""
    result = []
    for field, item in check.tables(data, "transfers", "transfers"):
        check.unknown(item, TRANSFER_KEYS, f"{field}.")
        country = check.text(item, "country", f"{field}.country")
        if country and (country not in countries or country in EEA):
            check.fail(f"{field}.country", "is not a country code outside the EU and EEA "
                       "(ISO 3166, such as US)")
        safeguard = check.text(item, "safeguard", f"{field}.safeguard")
        if safeguard and safeguard not in SAFEGUARDS:
            check.fail(f"{field}.safeguard",
                       f"must be one of {', '.join(SAFEGUARDS)}")
        result.append({"country": country, "safeguard": safeguard})
    return result


def derived_codes(purposes: list[dict]) -> dict[str, list[str]]:
    """The register's bases, data and conditions: the union over its purposes, in order."""
    return {key: _union(p[key] for p in purposes) for key in DERIVED}


def period_parts(period: str) -> tuple[int, str] | None:
    """``P10Y`` as ``(10, "duration-year")``, the CLDR unit Babel formats it with."""
    match = PERIOD.fullmatch(period)
    return (int(match[1]), PERIOD_UNITS[match[2]]) if match else None


def purpose_texts(content: dict, lang: str) -> list[str]:
    """The words of each purpose in ``lang``, for the search index and version comparisons."""
    texts: list[str] = []
    for p in content.get("purposes", []):
        codes = p["legal_bases"] + p["special_category_conditions"] + p["personal_data"]
        texts += [p["name"].get(lang, ""), p["description"].get(lang, ""),
                  p["legitimate_interests"].get(lang, ""), " ".join(codes + p["data_subjects"]),
                  p["retention"]["period"], p["retention"]["criterion"].get(lang, ""),
                  *(" ".join((law["name"].get(lang, ""), law["number"], law["section"]))
                    for law in p["laws"])]
    return [text for text in texts if text.strip()]
