"""Deciding a document request under the Act on the Openness of Government Activities 621/1999.

Legal rules §9. A request is answered by disclosing the documents in full, in part (§10: the
public part is given and each secret part is withheld under its point of §24(1)), or by a
refusal. The requester asks as anyone (§9), as a party to the case the documents belong to (§11, a
wider right) or for the information about themselves (§12); the handler chooses the basis and
the letter cites it. The points a withheld part cites are in :mod:`.openness_points`.

A refusal by an official, in full or in part, is first an answer in which the requester is told
the reasons and asked whether the matter should go to the authority for a written decision
(§14(3)). If they say yes, a decision maker makes the written decision, which can be appealed
(§33); if they say no, or do not answer within the authority's time, the case closes. No Flask
and no database here: the rules are plain functions.
"""

from __future__ import annotations

from datetime import date, timedelta

from .citations import Provision, openness
from .openness_points import PARTY_POINTS, SECRECY_POINTS

#: The basis of the requester's right: anyone's right to a public document (§9), a party's
#: right to the documents of their own case (§11), or a person's right to the information
#: about themselves in an authority's document (§12).
BASES: dict[str, Provision] = {"public": openness(9), "party": openness(11), "own": openness(12)}
PARTIAL_DISCLOSURE = openness(10)


class OpennessDecisionError(ValueError):
    """Base of the reasons a decision on a document request cannot be prepared."""


class BasisRequired(OpennessDecisionError):
    """The decision says whether the documents are given to anyone (§9), to a party (§11) or
    to the person they are about (§12)."""


class SecretPartRequired(OpennessDecisionError):
    """Each withheld part is described and has its point of §24(1) (§10), and a decision that
    withholds anything lists at least one such part."""


#: The grounds a withheld part may cite, by key: a §24(1) point is its number ("25", as
#: drafts have always stored it; "31a"), a §11(2) point is "11-2-" and its number.
GROUNDS: dict[str, dict[str, tuple[Provision, dict[str, str]]]] = {
    "24-1": {n: (openness(24, 1, n), texts) for n, texts in SECRECY_POINTS.items()},
    "11-2": {f"11-2-{n}": (openness(11, 2, n), texts) for n, texts in PARTY_POINTS.items()},
}
#: Anyone is refused a secret document under §24(1). A party's right (§11(1)) reaches secret
#: documents too, so only the exceptions of §11(2) limit it; §12 gives a person the
#: information about themselves "with the limits of §11(2) and (3)".
BASIS_GROUNDS = {"public": "24-1", "party": "11-2", "own": "11-2"}
WITHHOLDING = {basis: GROUNDS[group] for basis, group in BASIS_GROUNDS.items()}
ALL_POINTS = {**GROUNDS["24-1"], **GROUNDS["11-2"]}


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
    for a party or for a person asking about themselves. ``other_act``: the decision also
    rests on a ground of its own (the Openness Act's §16(3) or §§4-5, or another Act), so
    nothing need be listed as withheld."""
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
