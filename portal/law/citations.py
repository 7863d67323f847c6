"""Provisions of law, cited the way a lawyer of each language writes them.

Shared legal rules §6: fi "tietosuoja-asetuksen 17 artiklan 3 kohdan b alakohta", "tietosuojalain
(1050/2018) 34 §:n 1 momentin 2 kohta"; sv "artikel 17.3 b i dataskyddsförordningen", "34 § 1 mom.
2 punkten i dataskyddslagen (1050/2018)"; en "Article 17(3)(b) GDPR", "section 34(1)(2) of the
Data Protection Act (1050/2018)". The Openness Act (legal rules §9) is cited the same way: fi
"julkisuuslain (621/1999) 24 §:n 1 momentin 15 kohta", sv "24 § 1 mom. 15 punkten i
offentlighetslagen (621/1999)". These are grammar, not vocabulary, so they live here rather than
in the message catalogs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

GDPR, DPA, RECITAL, OPENNESS = "gdpr", "dpa", "recital", "openness"


@dataclass(frozen=True)
class Provision:
    """An article (GDPR) or section (a Finnish Act) with its paragraph and point, if any.

    For the GDPR: ``number`` is the article, ``paragraph`` the numbered paragraph and ``point``
    a letter. For a Finnish Act: ``number`` is the section (§), ``paragraph`` the subsection
    (momentti / moment) and ``point`` a numbered point (kohta / punkt).
    """

    act: str
    number: int
    paragraph: int | None = None
    point: str | None = None


def gdpr(article: int, paragraph: int | None = None, point: str | None = None) -> Provision:
    return Provision(GDPR, article, paragraph, point)


def dpa(section: int, subsection: int | None = None, point: int | None = None) -> Provision:
    return Provision(DPA, section, subsection, None if point is None else str(point))


def openness(section: int, subsection: int | None = None, point: int | str | None = None
             ) -> Provision:
    """A section of the Act on the Openness of Government Activities 621/1999 (legal rules §9).
    A point the Act added between two others is written as it numbers it, e.g. "31a"."""
    return Provision(OPENNESS, section, subsection, None if point is None else str(point))


def recital(number: int) -> Provision:
    """A recital of the GDPR's preamble (cited where a rule rests on one, e.g. Recital 63)."""
    return Provision(RECITAL, number)


def _recital(p: Provision, lang: str) -> str:
    return {"fi": f"tietosuoja-asetuksen johdanto-osan {p.number} perustelukappale",
            "sv": f"skäl {p.number} i dataskyddsförordningen"}.get(lang, f"Recital {p.number} GDPR")


def _gdpr_where(p: Provision, lang: str) -> str:
    """The article, paragraph and point without the act's name: "17 artiklan 3 kohdan b
    alakohta", "17.3 b", "17(3)(b)"."""
    if lang == "fi":
        if p.paragraph is None:
            return f"{p.number} artikla"
        if p.point is None:
            return f"{p.number} artiklan {p.paragraph} kohta"
        return f"{p.number} artiklan {p.paragraph} kohdan {p.point} alakohta"
    if lang == "sv":
        where = str(p.number) + (f".{p.paragraph}" if p.paragraph is not None else "")
        return where + (f" {p.point}" if p.point else "")
    where = str(p.number) + (f"({p.paragraph})" if p.paragraph is not None else "")
    return where + (f"({p.point})" if p.point else "")


def _gdpr(p: Provision, lang: str) -> str:
    return cite_gdpr_list([p], lang)


def _listed(items: list[str], lang: str) -> str:
    conjunction = {"fi": "ja", "sv": "och"}.get(lang, "and")
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def cite_gdpr_list(provisions: list[Provision], lang: str) -> str:
    """Several GDPR provisions as one citation, the regulation named once: "tietosuoja-asetuksen
    13 artiklan 1 kohdan a alakohta ja 14 artiklan 1 kohdan a alakohta", "artiklarna 13.1 a och
    14.1 a i dataskyddsförordningen", "Articles 13(1)(a) and 14(1)(a) GDPR"."""
    where = _listed([_gdpr_where(p, lang) for p in provisions], lang)
    if lang == "fi":
        return f"tietosuoja-asetuksen {where}"
    if lang == "sv":
        articles = "artikel" if len(provisions) == 1 else "artiklarna"
        return f"{articles} {where} i dataskyddsförordningen"
    return f"{'Article' if len(provisions) == 1 else 'Articles'} {where} GDPR"


_GDPR_NOTATION = re.compile(r"\s*(\d+)(?:\((\d+)\))?(?:\(([a-z])\))?\s*")


def parse_gdpr(notation: str) -> list[Provision]:
    """GDPR provisions from the notation the rules tables use: "13(1)(a), 14(1)(a)" or "32"."""
    provisions = []
    for part in notation.split(","):
        match = _GDPR_NOTATION.fullmatch(part)
        if match is None:
            raise ValueError(f"not a GDPR provision: {part!r}")
        article, paragraph, point = match.groups()
        provisions.append(gdpr(int(article), int(paragraph) if paragraph else None, point))
    return provisions


#: A Finnish Act as each language names it in a citation: fi genitive, sv and en nouns.
FINNISH_ACTS = {
    DPA: {"fi": "tietosuojalain (1050/2018)", "sv": "dataskyddslagen (1050/2018)",
          "en": "the Data Protection Act (1050/2018)"},
    OPENNESS: {"fi": "julkisuuslain (621/1999)", "sv": "offentlighetslagen (621/1999)",
               "en": "the Act on the Openness of Government Activities (621/1999)"},
}


def point_label(point: str, lang: str) -> str:
    """A point of a Finnish Act as ``lang`` writes it: fi and sv "31 a", en "31a"."""
    return re.sub(r"(\d)([a-z])", r"\1 \2", point) if lang in ("fi", "sv") else point


def _finnish_act(p: Provision, lang: str) -> str:
    """fi "24 §:n 1 momentin 31 a kohta", sv "24 § 1 mom. 31 a punkten", en "section 24(1)(31a)"."""
    name = FINNISH_ACTS[p.act]
    if p.point:
        p = replace(p, point=point_label(p.point, lang))
    if lang == "fi":
        if p.paragraph is None:
            return f"{name['fi']} {p.number} §"
        if p.point is None:
            return f"{name['fi']} {p.number} §:n {p.paragraph} momentti"
        return f"{name['fi']} {p.number} §:n {p.paragraph} momentin {p.point} kohta"
    if lang == "sv":
        where = f"{p.number} §" + (f" {p.paragraph} mom." if p.paragraph is not None else "")
        where += f" {p.point} punkten" if p.point else ""
        return f"{where} i {name['sv']}"
    where = str(p.number) + (f"({p.paragraph})" if p.paragraph is not None else "")
    where += f"({p.point})" if p.point else ""
    return f"section {where} of {name['en']}"


def cite(provision: Provision, lang: str) -> str:
    """``provision`` in the citation form of ``lang`` (fi, sv or en)."""
    return {GDPR: _gdpr, RECITAL: _recital}.get(provision.act, _finnish_act)(provision, lang)


def capitalised(text: str) -> str:
    """A citation at the start of a sentence or list item."""
    return text[:1].upper() + text[1:]
