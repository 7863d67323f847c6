"""Joint controllers in the editor (issue 15): which other organisations hold the register with
this one, in which role, and the essence of their arrangement (GDPR Art. 26).

Other organisations are chosen from those the portal knows, with the details their own pages
keep: an editor says who holds the register, never what another organisation's contacts are.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..i18n import LOCALES
from ..notices.joint import JOINT
from ..notices.models import Controller, Register


def organisations(session: Session, register: Register) -> list[Controller]:
    """Every other organisation, by name, that could hold the register with its keeper."""
    others = session.scalars(select(Controller).where(Controller.id != register.controller_id))
    return sorted(others, key=lambda c: (c.name.get("fi", ""), c.slug))


def roles_from_form(form) -> dict[str, str]:
    """The role chosen for each organisation (``controller-<slug>``), as the form sent them."""
    return {key.removeprefix("controller-"): form.get(key) for key in form
            if key.startswith("controller-") and form.get(key)}


def shown_from_form(form) -> dict:
    """What the form said, to show it again with its errors: roles and the arrangement."""
    controllers = [{"slug": slug, "role": role} for slug, role in roles_from_form(form).items()]
    return {"controllers": controllers, "joint_arrangement": _arrangement(form)}


def _arrangement(form) -> dict:
    essence = {lang: form.get(f"arrangement-essence-{lang}", "").replace("\r\n", "\n")
               for lang in LOCALES}
    return {"contact_point": form.get("contact_point", ""), "essence": essence}


def controllers_from_form(form, keeper: dict, others: dict[str, dict],
                          previous: dict | None = None) -> dict:
    """``controllers`` and ``joint_arrangement`` as notice-file data; empty when the keeper
    holds the register alone. ``others`` maps each other organisation's slug to its details;
    controllers keep the order they had in ``previous``, so an unchanged form changes nothing."""
    roles = roles_from_form(form)
    order = [c["slug"] for c in (previous or {}).get("controllers", [])]
    chosen = sorted(({**details, "role": roles[slug]} for slug, details in others.items()
                     if slug in roles),
                    key=lambda c: order.index(c["slug"]) if c["slug"] in order else len(order))
    if not chosen:
        return {}
    joint = any(c["role"] == JOINT for c in chosen)
    data: dict = {"controllers": [{**keeper, "role": JOINT if joint else "controller"},
                                  *chosen]}
    arrangement = _arrangement(form)
    if joint and (arrangement["contact_point"]
                  or any(text.strip() for text in arrangement["essence"].values())):
        data["joint_arrangement"] = arrangement
    return data


def current_details(session: Session, content: dict, details_of) -> dict:
    """The draft's controllers with each organisation's details as its page keeps them now."""
    if not content.get("controllers"):
        return content
    rows = {c.slug: c for c in session.scalars(select(Controller).where(
        Controller.slug.in_([c["slug"] for c in content["controllers"]])))}
    controllers = [{**(details_of(rows[c["slug"]]) if c["slug"] in rows else c),
                    "role": c["role"]} for c in content["controllers"]]
    return {**content, "controllers": controllers}


def anchor(field: str) -> str | None:
    """The form field of a notice-file problem about the controllers or the arrangement."""
    if field.startswith("joint_arrangement.essence."):
        return "arrangement-essence-" + field.rsplit(".", 1)[-1]
    if field.startswith("joint_arrangement"):
        return "contact_point"
    if field.startswith("controllers"):
        return "controllers"
    return None
