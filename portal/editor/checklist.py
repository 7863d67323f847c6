"""The completeness findings as the editor shows them: what, why, and a link to the field."""

from __future__ import annotations

from dataclasses import dataclass

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..i18n import gdpr_cited
from ..notices.completeness import PUBLIC_AUTHORITY_F, Finding
from ..notices.models import Register
from ..notices.sections import SECTIONS

#: What a finding on one purpose of a format-2 notice is about.
PURPOSE_PARTS = {
    "legal_bases": _l("Legal basis"),
    "legitimate_interests": _l("Legitimate interests"),
    "special_category_conditions": _l("Conditions for special categories of personal data"),
    "retention": _l("How long the data is kept"),
}


@dataclass(frozen=True)
class Item:
    href: str
    label: str
    why: str


def _item(finding: Finding, register: Register) -> Item:
    titles = {section.key: str(section.title) for section in SECTIONS}
    organisation = url_for("backoffice.editor.organisation", slug=register.controller.slug)
    edit = url_for("backoffice.editor.edit", slug=register.slug)
    lang = f"-{finding.lang}" if finding.lang else ""
    if finding.field == "controller":
        href, label = f"{organisation}#email", _("The controller's e-mail address or telephone")
    elif finding.field == "controller.name":
        href, label = f"{organisation}#name{lang}", _("Name of the organisation")
    elif finding.field == "dpo":
        href, label = f"{organisation}#dpo_email", _("The data protection officer's contact")
    elif finding.field == "legal_bases":
        href, label = f"{edit}#legal_bases", _("Legal basis")
    elif finding.field.startswith("purposes["):  # "purposes[2].retention", format 2
        number, part = finding.field.removeprefix("purposes[").split("].", 1)
        field = {"legitimate_interests": f"legitimate_interests{lang}",
                 "retention": "retention-period"}.get(part, part)
        href = url_for("backoffice.editor.purposes", slug=register.slug,
                       _anchor=f"purpose-{number}-{field}")
        label = _("Purpose %(number)s: %(part)s", number=number, part=PURPOSE_PARTS[part])
    elif finding.field == "special_category_conditions":
        href = f"{edit}#special_category_conditions"
        label = _("Conditions for special categories of personal data")
    elif finding.field == "joint_arrangement":
        href, label = f"{edit}#arrangement-essence{lang}", _("The essence of the arrangement")
    else:
        href, label = f"{edit}#section-{finding.field}{lang}", titles[finding.field]
    if finding.item == PUBLIC_AUTHORITY_F:
        why = _("A public authority cannot rely on legitimate interests for its public tasks "
                "(GDPR Art. 6(1), last subparagraph). Choose the basis of the task, or publish "
                "with a reason why this processing is not one of them.")
    elif finding.item == "translation":
        why = _("Not translated. Everyone the notice serves must be able to read it "
                "(%(provision)s).", provision=gdpr_cited(finding.article))
    else:
        why = _("Missing. Required by %(provision)s.", provision=gdpr_cited(finding.article))
    return Item(href, label, why)


def grouped(findings: list[Finding], register: Register) -> dict[str | None, list[Item]]:
    """Findings by language (None: facts missing in every language), in the form's order."""
    groups: dict[str | None, list[Item]] = {}
    for finding in findings:
        groups.setdefault(finding.lang, []).append(_item(finding, register))
    return dict(sorted(groups.items(), key=lambda kv: ("", "fi", "sv", "en").index(kv[0] or "")))
