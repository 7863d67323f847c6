"""What the law requires of a notice that a draft still lacks, per language (pure rules).

The items and articles are the table of shared legal rules §3 (GDPR Arts. 13 and 14). A draft
with a finding can be published only with the DPO's explicit override.
"""

from __future__ import annotations

from dataclasses import dataclass

from .languages import declared
from .sections import SPECIAL_CATEGORIES

#: The item of a public authority relying on legitimate interests.
PUBLIC_AUTHORITY_F = "public_authority_legitimate_interests"


@dataclass(frozen=True)
class Finding:
    #: The item of the legal rules' table, e.g. ``retention``.
    item: str
    article: str
    #: The notice part (or controller field) to fix.
    field: str
    #: The language the text is missing in; None for a missing fact (a code, a contact).
    lang: str | None = None


#: (item, article, section, condition on the notice) for the parts that need text.
TEXT_ITEMS = (
    ("purposes", "13(1)(c)", "purposes", lambda c: not c.get("purposes")),
    ("legal_basis", "13(1)(c)", "legal_basis", lambda c: not c.get("purposes")),
    ("legitimate_interests", "13(1)(d)", "legitimate_interests",
     lambda c: "A6-1-f" in c["legal_bases"] and not c.get("purposes")),
    ("data_categories", "14(1)(d)", "data_content",
     lambda c: c["collection"] in ("indirect", "both")),
    ("recipients", "13(1)(e)", "recipients", lambda c: True),
    ("transfers", "13(1)(f)", "transfers", lambda c: c["transfers_outside_eea"]),
    ("retention", "13(2)(a)", "retention", lambda c: not c.get("purposes")),
    ("rights", "13(2)(b)", "rights", lambda c: True),
    ("consent_withdrawal", "13(2)(c)", "consent_withdrawal",
     lambda c: "A6-1-a" in c["legal_bases"]),
    ("complaint", "13(2)(d)", "complaint", lambda c: True),
    ("requirement", "13(2)(e)", "requirement", lambda c: c["collection"] in ("direct", "both")),
    ("source", "14(2)(f)", "sources", lambda c: c["collection"] in ("indirect", "both")),
    # Format 2 can say there is none (``false``), which the page then states in words.
    ("automated_decisions", "13(2)(f)", "automated_decisions",
     lambda c: c.get("format", 1) < 2 or c.get("automated_decisions") is not False),
)


def describe(finding: Finding) -> str:
    """The finding as the audit trail keeps it when a publisher passes over it."""
    where = f" ({finding.lang})" if finding.lang else ""
    return f"{finding.item}: Art. {finding.article}, {finding.field}{where}"


def _text(value: dict | None, lang: str) -> bool:
    return bool(value and (value.get(lang) or "").strip())


def check(content: dict) -> list[Finding]:
    """Every required item the notice lacks, in every declared language it lacks it (a
    language the notice is not published in is never asked for, ``notices.languages``)."""
    findings: list[Finding] = []
    langs = declared(content)
    controller = content.get("controller", {})
    if not (controller.get("email") or controller.get("phone")):
        findings.append(Finding("controller", "13(1)(a)", "controller"))
    findings += [Finding("controller", "13(1)(a)", "controller.name", lang)
                 for lang in langs if not _text(controller.get("name"), lang)]
    if not (controller.get("dpo_email") or controller.get("dpo_phone")):
        findings.append(Finding("dpo", "13(1)(b)", "dpo"))
    if not content.get("legal_bases"):
        findings.append(Finding("legal_basis", "13(1)(c)", "legal_bases"))
    if content.get("purposes"):
        findings += purpose_findings(content)
    elif (set(content.get("personal_data", ())) & set(SPECIAL_CATEGORIES)
            and not content.get("special_category_conditions")):
        # Special categories may be processed only under an Art. 9(2) condition.
        findings.append(Finding("special_category_condition", "9(2)",
                                "special_category_conditions"))
    if (controller.get("public_authority") and "A6-1-f" in content.get("legal_bases", ())
            and not content.get("purposes")):
        # "Point (f) ... shall not apply to processing carried out by public authorities in the
        # performance of their tasks" (Art. 6(1) last subparagraph): the DPO must say why not.
        findings.append(Finding(PUBLIC_AUTHORITY_F, "6(1)", "legal_bases"))
    sections = content.get("sections", {})
    for item, article, key, required in TEXT_ITEMS:
        if required(content):
            findings += [Finding(item, article, key, lang) for lang in langs
                         if not _text(sections.get(key), lang)]
    findings += [Finding("translation", "12(1)", key, lang)
                 for key, texts in sections.items()
                 if any(_text(texts, lang) for lang in langs)
                 for lang in langs if not _text(texts, lang)
                 and not any(f.field == key and f.lang == lang for f in findings)]
    return findings + joint_findings(content)


def joint_findings(content: dict) -> list[Finding]:
    """Joint controllers make the essence of their arrangement available to the data subject
    (GDPR Art. 26(2)): a finding in each language it is missing in."""
    if not any(c.get("role") == "joint_controller" for c in content.get("controllers", ())):
        return []
    essence = content.get("joint_arrangement", {}).get("essence")
    return [Finding("joint_arrangement", "26(2)", "joint_arrangement", lang)
            for lang in declared(content) if not _text(essence, lang)]


def purpose_findings(content: dict) -> list[Finding]:
    """What each purpose of a format-2 notice lacks (Arts. 6(1), 9(2), 13(1)(c)-(d), 13(2)(a)).

    A purpose is judged on its own: its special categories need its own Art. 9(2) condition,
    its 6(1)(f) basis its own legitimate interests (or the notice's text on them), and it needs
    a retention period or a criterion in words in every language.
    """
    findings: list[Finding] = []
    langs = declared(content)
    public_authority = content.get("controller", {}).get("public_authority")
    shared_interests = content.get("sections", {}).get("legitimate_interests")
    for index, purpose in enumerate(content["purposes"], start=1):
        field = f"purposes[{index}]"
        if not purpose["legal_bases"]:
            findings.append(Finding("legal_basis", "13(1)(c)", f"{field}.legal_bases"))
        if (set(purpose["personal_data"]) & set(SPECIAL_CATEGORIES)
                and not purpose["special_category_conditions"]):
            findings.append(Finding("special_category_condition", "9(2)",
                                    f"{field}.special_category_conditions"))
        if "A6-1-f" in purpose["legal_bases"]:
            if public_authority:  # Art. 6(1) last subparagraph, as for the whole register
                findings.append(Finding(PUBLIC_AUTHORITY_F, "6(1)", f"{field}.legal_bases"))
            findings += [Finding("legitimate_interests", "13(1)(d)",
                                 f"{field}.legitimate_interests", lang) for lang in langs
                         if not (_text(purpose["legitimate_interests"], lang)
                                 or _text(shared_interests, lang))]
        retention = purpose["retention"]
        if not retention["period"]:
            findings += [Finding("retention", "13(2)(a)", f"{field}.retention", lang)
                         for lang in langs if not _text(retention["criterion"], lang)]
    return findings
