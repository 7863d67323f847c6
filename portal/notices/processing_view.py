"""Per-purpose processing and transfers as the public reads them (format 2, issue 15).

Each purpose is a heading and a label/value table (row headers pair each value with its label
in the page and in the PDF's structure tree, WCAG 1.3.1). The rights of a purpose follow from its
own legal basis through ``dsr.applicability`` (legal rules §2), so the text cannot contradict the
notice's codes.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale
from babel.units import format_unit
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from ..dsr.applicability import NOT_APPLICABLE, applicability
from ..dsr.rights import RIGHTS
from ..text import render_markdown
from .processing import DATA_SUBJECTS, SAFEGUARDS, period_parts
from .sections import LEGAL_BASES, PERSONAL_DATA, SPECIAL_CONDITIONS

LABELS = {
    "legal_bases": _l("Legal basis"),
    "legitimate_interests": _l("Legitimate interests"),
    "special_category_conditions": _l("Condition for special categories of personal data"),
    "laws": _l("Provisions of law"),
    "personal_data": _l("Personal data processed"),
    "data_subjects": _l("Whose data"),
    "retention": _l("How long the data is kept"),
    "rights": _l("Your rights in this processing"),
}


@dataclass(frozen=True)
class PurposeView:
    key: str
    name: str
    description: Markup
    rows: list[tuple[str, Markup]]


def _lines(items) -> Markup:
    return Markup("<br>").join(escape(str(item)) for item in items)


def _law(law: dict, lang: str) -> Markup:
    name = law["name"][lang] + (f" ({law['number']})" if law["number"] else "")
    cited = Markup('<a href="{}">{}</a>').format(law["url"], name) if law["url"] else escape(name)
    return cited + (f" {law['section']}" if law["section"] else "")


def _retention(retention: dict, lang: str) -> Markup:
    parts = []
    period = period_parts(retention["period"])
    if period:
        parts.append(escape(format_unit(period[0], period[1], length="long", locale=lang)))
    if retention["criterion"].get(lang):
        parts.append(render_markdown(retention["criterion"][lang]))
    return Markup("").join(parts)


def _rights(bases: list[str]) -> list[str]:
    return [str(RIGHTS[code].title) for code, status in applicability(bases).items()
            if status != NOT_APPLICABLE]


def purposes(content: dict, lang: str) -> list[PurposeView]:
    """The notice's purposes in ``lang``, each with the rows that have something to say."""
    views = []
    for purpose in content.get("purposes", []):
        values = {
            "legal_bases": _lines(LEGAL_BASES[c] for c in purpose["legal_bases"]),
            "legitimate_interests": render_markdown(
                purpose["legitimate_interests"].get(lang, "")),
            "special_category_conditions": _lines(
                SPECIAL_CONDITIONS[c] for c in purpose["special_category_conditions"]),
            "laws": Markup("<br>").join(_law(law, lang) for law in purpose["laws"]),
            "personal_data": escape(", ".join(str(PERSONAL_DATA[c])
                                              for c in purpose["personal_data"])),
            "data_subjects": escape(", ".join(str(DATA_SUBJECTS[c][1])
                                              for c in purpose["data_subjects"])),
            "retention": _retention(purpose["retention"], lang),
            "rights": _lines(_rights(purpose["legal_bases"])),
        }
        views.append(PurposeView(
            purpose["key"], purpose["name"][lang],
            render_markdown(purpose["description"].get(lang, ""), top=4),
            [(str(LABELS[key]), value) for key, value in values.items() if value]))
    return views


def transfers(content: dict, lang: str) -> list[tuple[str, str]]:
    """Each transfer as (the country's name in ``lang``, its safeguard)."""
    names = Locale.parse(lang).territories
    return [(names.get(t["country"], t["country"]), str(SAFEGUARDS[t["safeguard"]]))
            for t in content.get("transfers", [])]


def _period_words(retention: dict, lang: str) -> str:
    period = period_parts(retention["period"])
    words = [format_unit(period[0], period[1], length="long", locale=lang)] if period else []
    return "; ".join([*words, *filter(None, [retention["criterion"].get(lang, "").strip()])])


def purposes_markdown(content: dict, lang: str) -> str:
    """Each purpose and its legal bases as a Markdown list (an access answer, Art. 15(1)(a))."""
    return "\n".join(
        f"- {p['name'][lang]}: " + ", ".join(str(LEGAL_BASES[c]) for c in p["legal_bases"])
        for p in content.get("purposes", []))


def retention_markdown(content: dict, lang: str) -> str:
    """Each purpose's retention as a Markdown list (an access answer, Art. 15(1)(d))."""
    return "\n".join(f"- {p['name'][lang]}: {_period_words(p['retention'], lang)}"
                     for p in content.get("purposes", []))
