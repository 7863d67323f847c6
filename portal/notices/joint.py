"""Several controllers of one register (GDPR Arts. 4(7) and 26): who they are, which of them a
request goes to, and what changed between two versions (plain rules, no Flask, no database).

A notice file with one ``[controller]`` has that controller alone; one with
``[[controllers]]`` lists each with its role, the first keeping the register (its staff edit
the notice), and joint controllers state the essence of their arrangement (Art. 26(2)), which
may name a contact point for data subjects (Art. 26(1)).
"""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import lazy_gettext as _l

JOINT = "joint_controller"
ROLE_LABELS = {"controller": _l("Controller"), JOINT: _l("Joint controller")}


class NoCommonController(ValueError):
    """The chosen registers share no controller, so no one controller can answer them all."""


def controllers_of(content: dict) -> list[dict]:
    """Every controller of the notice with its ``role``, the register's keeper first."""
    if content.get("controllers"):
        return content["controllers"]
    return [{**content["controller"], "role": "controller"}]


def is_joint(content: dict) -> bool:
    return any(c["role"] == JOINT for c in controllers_of(content))


def contact_point(content: dict) -> str:
    """The slug of the controller a request goes to when the requester names none: the contact
    point the arrangement designates (Art. 26(1)), else the register's keeper."""
    named = content.get("joint_arrangement", {}).get("contact_point")
    return named or content["controller"]["slug"]


def common_controllers(contents: list[dict]) -> list[str]:
    """The slugs of the controllers of every one of these registers, in the first's order."""
    common: list[str] | None = None
    for content in contents:
        slugs = [c["slug"] for c in controllers_of(content)]
        common = slugs if common is None else [s for s in common if s in slugs]
    return common or []


def request_controller(contents: Iterable[dict], chosen: str = "") -> str:
    """The controller a request about these registers goes to.

    A data subject may exercise their rights against each of the joint controllers (Art.
    26(3)), so the one they chose is taken when it is a controller of every register chosen;
    otherwise each register's contact point, when they agree. Raises
    :class:`NoCommonController` when the registers have no controller in common.
    """
    contents = list(contents)
    common = common_controllers(contents)
    if not common:
        raise NoCommonController()
    if chosen in common:
        return chosen
    defaults = {contact_point(content) for content in contents}
    if len(defaults) == 1 and defaults <= set(common):
        return defaults.pop()
    return common[0]


def entered_controller(contents: Iterable[dict], own: Iterable[str]) -> str:
    """The controller a request entered by staff goes to: routed as the public form routes it
    (:func:`request_controller`), with the staff member's own organisation as the one chosen,
    because the requester addressed it (Art. 26(3)); the contact point when that is theirs.

    Raises :class:`NoCommonController` when none of ``own`` is a controller of every register:
    staff enter requests only for their own organisations' registers.
    """
    contents, own = list(contents), set(own)
    mine = [slug for slug in common_controllers(contents) if slug in own]
    if not mine:
        raise NoCommonController()
    default = request_controller(contents)
    return default if default in own else request_controller(contents, mine[0])


def controls(content: dict, own: Iterable[str]) -> bool:
    """Whether one of ``own`` is a controller of this register (alone or jointly)."""
    return not set(own).isdisjoint(c["slug"] for c in controllers_of(content))


def choices(contents: Iterable[dict], lang: str) -> list[tuple[str, str]]:
    """(slug, name) of the controllers a requester may choose for these registers: those of
    every chosen register, when at least one of them is held jointly."""
    contents = list(contents)
    if not any(is_joint(content) for content in contents):
        return []
    common: list[tuple[str, str]] | None = None
    for content in contents:
        these = [(c["slug"], c["name"].get(lang, "")) for c in controllers_of(content)]
        common = these if common is None else [t for t in common if t in these]
    return common or []


def summary_lines(content: dict, lang: str) -> str:
    """The controllers, their roles and the arrangement as lines of text, for comparing two
    versions: a register moved to another controller, or a joint controller added or removed,
    shows as a change."""
    lines = [f"{c['name'].get(lang, '')} ({ROLE_LABELS.get(c['role'], c['role'])})"
             for c in controllers_of(content)]
    arrangement = content.get("joint_arrangement", {})
    lines.append(arrangement.get("essence", {}).get(lang, ""))
    return "\n".join(line for line in lines if line)
