"""The controllers' part of a notice file: one ``[controller]``, or several in
``[[controllers]]`` with their roles and the joint controllers' ``[joint_arrangement]``
(issue 15; GDPR Arts. 4(7), 13(1)(a)-(b) and 26).

The several-controller fields are optional and kept apart from the single ``[controller]`` so
that files with one controller keep their content (and their versions) unchanged. The editor's
organisation form reads a controller's details alone with :func:`parse_controller`.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from ..law.remedies import ROUTES, Remedy, RemedyError, check_remedy
from .filecheck import HTTPS_URL, SLUG_RE, FieldError, NoticeFileError, _Checker

CONTROLLER_KEYS = {
    "slug", "name", "address", "email", "phone", "website", "dpo_email", "dpo_phone",
    "public_authority", "remedy", "business_id",
}
BUSINESS_ID = re.compile(r"\d{7}-\d")
BUSINESS_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)
REMEDY_KEYS = {"route", "body", "address", "email", "court"}
COURT_KEYS = {"body", "address", "email"}
#: A controller alone (Art. 4(7)) or one of two or more that decide jointly (Art. 26).
CONTROLLER_ROLES = ("controller", "joint_controller")
MAX_CONTROLLERS = 20
ARRANGEMENT_KEYS = {"contact_point", "essence"}


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
        email=check.text(data, "email", "controller.remedy.email", required=False),
        **_court(check, data.get("court", {})))
    try:
        check_remedy(remedy, public_authority=public_authority)
    except RemedyError as exc:
        check.fail(f"controller.remedy.{exc.field.replace('-', '.')}",
                   f"is missing or does not fit; routes: {', '.join(ROUTES)} (a public "
                   "authority: appeal or rectification; a private body: district_court)")
    return remedy.as_dict()


def _court(check: _Checker, data: Any) -> dict:
    """The administrative court of decisions on document requests (Openness Act §33), which
    a public authority whose route is a request for administrative review names apart."""
    if not isinstance(data, dict):
        check.fail("controller.remedy.court", "must be a table (body, address, email)")
        return {}
    check.unknown(data, COURT_KEYS, "controller.remedy.court.")
    where = "controller.remedy.court"
    return {"court": check.translations(data, "body", f"{where}.body", required=False),
            "court_address": check.translations(data, "address", f"{where}.address",
                                                required=False),
            "court_email": check.text(data, "email", f"{where}.email", required=False)}


def parse_controller(data: dict, *, complete: bool = True) -> dict:
    """Validate a controller's details alone (the editor's organisation form)."""
    check = _Checker(complete)
    result = _controller(check, data)
    if check.errors:
        raise NoticeFileError("<controller>", check.errors)
    return result


def controllers_part(check: _Checker, data: dict) -> dict:
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
    if isinstance(entries, list) and len(entries) > MAX_CONTROLLERS:
        check.fail("controllers", f"lists more than {MAX_CONTROLLERS} controllers")
        entries = entries[:MAX_CONTROLLERS]
    controllers = []
    for field, entry in check.tables(entries, "controllers", "controllers", at_least_one=True):
        role = entry.get("role")
        if role not in CONTROLLER_ROLES:
            check.fail(f"{field}.role", f"must be one of {', '.join(CONTROLLER_ROLES)}")
        details = _entry_details(check, {k: v for k, v in entry.items() if k != "role"}, field)
        controllers.append({**details, "role": role if role in CONTROLLER_ROLES else ""})
    if not controllers:  # nothing readable: no arrangement can be judged either
        return {"controller": {}, "controllers": []}
    slugs = [c.get("slug") for c in controllers]
    if len(set(slugs)) != len(slugs):
        check.fail("controllers", "lists the same controller (slug) twice")
    joint = [c["slug"] for c in controllers if c["role"] == "joint_controller"]
    if len(joint) == 1:
        check.fail("controllers", "a joint controller decides together with at least one other "
                   "joint controller (GDPR Art. 26(1))")
    result = {"controller": dict(controllers[0]), "controllers": controllers}
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
    check.markdown(essence, "joint_arrangement.essence")
    if essence:
        result["essence"] = essence
    return result
