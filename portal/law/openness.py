"""Deciding a document request under the Act on the Openness of Government Activities 621/1999.

Legal rules §9. A request is answered by disclosing the documents in full, in part (§10: the
public part is given and each secret part is withheld under its point of §24(1)), or by a
refusal. The requester asks either as anyone (§9) or as a party to the case the documents
belong to (§11, a wider right); the handler chooses the basis and the letter cites it.

A refusal by an official, in full or in part, is first an answer in which the requester is told
the reasons and asked whether the matter should go to the authority for a written decision
(§14(3)). If they say yes, a decision maker makes the written decision, which can be appealed
(§33); if they say no, or do not answer within the authority's time, the case closes. No Flask
and no database here: the rules are plain functions.
"""

from __future__ import annotations

from datetime import date, timedelta

from .citations import Provision, openness

#: The basis of the requester's right: anyone's right to a public document (§9), or a party's
#: right to the documents of their own case (§11).
BASES: dict[str, Provision] = {"public": openness(9), "party": openness(11)}
PARTIAL_DISCLOSURE = openness(10)

#: A party's right (§11(1)) reaches secret documents too, so §24(1) is no reason to refuse a
#: party: only the exceptions of §11(2) are (or another Act). Point 1 is the general one; the
#: other points are specific (pending investigations, preparatory memos ...) and are cited with
#: the ground "another Act" in the handler's own words until counsel gives their texts.
PARTY_POINTS: dict[int, dict[str, str]] = {
    1: {"fi": "salassa pidettävä asiakirja, josta tiedon antaminen olisi vastoin erittäin "
              "tärkeää yleistä etua, alaikäisen etua tai muuta erittäin tärkeää yksityistä etua",
        "sv": "en sekretessbelagd handling som det skulle strida mot ett synnerligen viktigt "
              "allmänt intresse, en minderårigs intresse eller något annat synnerligen viktigt "
              "enskilt intresse att lämna ut",
        "en": "a secret document whose disclosure would be contrary to a very important public "
              "interest, the interest of a minor or another very important private interest"},
}

#: Points of §24(1) an authority commonly relies on, each with a short description per language.
#: A point not listed here is cited with the ground "another Act" in the handler's own words.
SECRECY_POINTS: dict[int, dict[str, str]] = {
    1: {"fi": "Suomen suhteet toiseen valtioon tai kansainväliseen järjestöön",
        "sv": "Finlands förbindelser med en annan stat eller en internationell organisation",
        "en": "Finland's relations with another state or an international organisation"},
    3: {"fi": "rikosilmoitus sekä esitutkinnan ja syyteharkinnan asiakirjat",
        "sv": "brottsanmälan samt handlingar i förundersökning och åtalsprövning",
        "en": "a report of an offence, and documents of a criminal investigation or of the "
              "consideration of charges"},
    5: {"fi": "poliisin tai muun viranomaisen taktiset ja tekniset menetelmät",
        "sv": "polisens eller en annan myndighets taktiska och tekniska metoder",
        "en": "tactical and technical methods of the police or another authority"},
    7: {"fi": "henkilöiden, rakennusten, laitosten, rakennelmien sekä tieto- ja "
              "viestintäjärjestelmien turvallisuusjärjestelyt",
        "sv": "säkerhetsarrangemang för personer, byggnader, anläggningar, konstruktioner samt "
              "informations- och kommunikationssystem",
        "en": "security arrangements of persons, buildings, facilities, structures and "
              "information and communication systems"},
    9: {"fi": "valtion turvallisuus", "sv": "statens säkerhet", "en": "national security"},
    10: {"fi": "maanpuolustus", "sv": "landets försvar", "en": "national defence"},
    15: {"fi": "viranomaisen valvonta- tai tarkastustehtävä",
         "sv": "en myndighets tillsyns- eller inspektionsuppgift",
         "en": "an authority's supervision or inspection task"},
    17: {"fi": "julkisyhteisön taloudelliset edut tai neuvotteluasema",
         "sv": "ett offentligt samfunds ekonomiska intressen eller förhandlingsposition",
         "en": "the economic interests or negotiating position of a public body"},
    20: {"fi": "liike- tai ammattisalaisuus", "sv": "affärs- eller yrkeshemlighet",
         "en": "a business or professional secret"},
    23: {"fi": "yksityisen henkilön taloudellinen asema", "sv": "en privatpersons ekonomiska "
         "ställning", "en": "a private person's financial situation"},
    25: {"fi": "sosiaalihuollon asiakkaan tiedot",
         "sv": "uppgifter om en klient inom socialvården",
         "en": "information on a client of social welfare services"},
    32: {"fi": "henkilön poliittinen vakaumus tai yksityiselämää koskevat mielipiteet, "
               "harrastukset, perhe-elämä tai muut vastaavat henkilökohtaiset olot",
         "sv": "en persons politiska övertygelse eller åsikter, fritidsintressen, familjeliv "
               "eller andra motsvarande personliga förhållanden som hör till privatlivet",
         "en": "a person's political beliefs, or opinions, hobbies, family life or other "
               "comparable personal circumstances of their private life"},
}


class OpennessDecisionError(ValueError):
    """Base of the reasons a decision on a document request cannot be prepared."""


class BasisRequired(OpennessDecisionError):
    """The decision says whether the documents are given to anyone (§9) or to a party (§11)."""


class SecretPartRequired(OpennessDecisionError):
    """Each withheld part is described and has its point of §24(1) (§10), and a decision that
    withholds anything lists at least one such part."""


#: The grounds a withheld part may cite, per basis, by key: a §24(1) point is its number
#: ("25", as drafts have always stored it), a §11(2) point is "11-2-" and its number.
WITHHOLDING: dict[str, dict[str, tuple[Provision, dict[str, str]]]] = {
    "public": {str(n): (openness(24, 1, n), texts) for n, texts in SECRECY_POINTS.items()},
    "party": {f"11-2-{n}": (openness(11, 2, n), texts) for n, texts in PARTY_POINTS.items()},
}
ALL_POINTS = {**WITHHOLDING["public"], **WITHHOLDING["party"]}


def secrecy_provision(key: str) -> Provision:
    return ALL_POINTS[key][0]


def description(key: str, lang: str) -> str:
    return ALL_POINTS[key][1][lang]


def parse_point(value, basis: str | None = None) -> str | None:
    """The key of a withholding ground from a form value, or None: one of ``basis``'s
    grounds, or (to show a stored decision) any."""
    key = str(value or "").strip()
    return key if key in (WITHHOLDING.get(basis, {}) if basis else ALL_POINTS) else None


def check_openness(adverse: bool, basis: str, secret_parts, *,
                   other_act: bool = False, max_text: int = 2_000) -> None:
    """Raise unless the basis is chosen and, when anything is withheld, every withheld part
    names what it is and its ground of the basis: a §24(1) point for anyone, a §11(2) point
    for a party. ``other_act``: the decision also rests on a ground of its own (the Openness
    Act's §16(3) or §§4-5, or another Act), so nothing need be listed as withheld."""
    if basis not in BASES:
        raise BasisRequired()
    for part in secret_parts:
        what = str(part.get("what", "")).strip()
        if not what or len(what) > max_text or parse_point(part.get("point"), basis) is None:
            raise SecretPartRequired()
    if adverse and not secret_parts and not other_act:
        raise SecretPartRequired()


def provisions(basis: str, secret_parts, *, partly: bool) -> list[Provision]:
    """The provisions a letter lists: the basis, §10 for a partial disclosure, each point of
    §24(1) or §11(2) once in order."""
    applied = [BASES[basis]] + ([PARTIAL_DISCLOSURE] if partly else [])
    keys = {parse_point(p["point"], basis) for p in secret_parts} - {None}
    return applied + [secrecy_provision(key) for key in WITHHOLDING[basis] if key in keys]


#: The steps of §14(3) after an official's answer that withholds documents (stored on the
#: request): asked, and then requested and decided, or declined, or unanswered.
ASKED, REQUESTED, DECLINED, UNANSWERED, DECIDED = ("asked", "requested", "declined",
                                                   "unanswered", "decided")


#: The public event of an official's answer: not the authority's decision, which comes only as
#: the written decision (§14(3)), so the requester does not take the appeal period to run.
OFFICIALS_ANSWER = "officials_answer"


def official_answer(adverse: bool, step: str | None) -> bool:
    """Whether sending this answer is the official's answer of §14(3): it withholds something
    and the requester has not yet asked for a written decision."""
    return adverse and step is None


def answer_by(asked_on: date, days: int) -> date:
    """The last day to answer the question of §14(3): ``days`` after it was asked."""
    return asked_on + timedelta(days=days)


def unanswered(step: str | None, asked_on: date | None, today: date, days: int) -> bool:
    """Whether the question is left unanswered: the case then closes with that on record."""
    return step == ASKED and asked_on is not None and today > answer_by(asked_on, days)
