"""How sure the controller must be of who asks, before disclosing or erasing (legal rules §8).

Recital 64 and Art. 12(6) GDPR: all reasonable means, proportionately. A confirmed e-mail
address is enough where a wrong disclosure harms little; where the register holds personal
identity codes (Data Protection Act §29) or special categories (GDPR Art. 9-10), a Finnish
public body expects strong electronic identification (Act 617/2009) before access,
portability or erasure. Plain rules, no Flask or database.
"""

from __future__ import annotations

#: The levels a register can require, weakest first: a confirmed e-mail address, strong
#: identification.
LEVELS = ("email", "strong")
#: How sure each way of identifying makes the controller: staff who saw an official identity
#: document in person are as sure as strong electronic identification.
RANKS = {"email": 0, "strong": 1, "in_person": 1}
#: The identity documents staff may verify a person from (the type only, never the number).
DOCUMENT_TYPES = ("identity_card", "passport", "driving_licence", "residence_permit")
#: How an answer reaches the requester: attached to the mail, or collected on the status page
#: after identification (issue 14 part 5; a wrong disclosure is a breach, Art. 33-34).
DELIVERIES = ("attach", "collect")
#: Rights whose granted answer discloses the data or destroys it.
GATED_RIGHTS = frozenset({"access", "portability", "erasure"})
#: W3C DPV personal-data terms that make a register need strong identification: the official
#: identifier (the personal identity code) and the special categories of Art. 9-10.
STRONG_DATA = frozenset({
    "OfficialID", "SpecialCategoryPersonalData", "Health", "MedicalHealth", "Genetic",
    "Biometric", "Racial", "Ethnicity", "Religion", "PhilosophicalBelief",
    "PoliticalAffiliation", "TradeUnionMembership", "SexualOrientation", "SexualHistory",
    "CriminalOffense", "CriminalConviction",
})


class CollectionUnavailable(Exception):
    """Secure collection needs strong identification to be configured (part 5 of issue 14)."""


def check_delivery(delivery: str, *, identification: bool) -> None:
    """An answer is attached, or collected where the requester can identify strongly."""
    if delivery not in DELIVERIES or (delivery == "collect" and not identification):
        raise CollectionUnavailable()


def required_level(right: str, personal_data: set[str] | frozenset[str]) -> str:
    """The default level a granted answer on ``right`` needs, given a register's data terms."""
    if right in GATED_RIGHTS and personal_data & STRONG_DATA:
        return "strong"
    return "email"


def register_level(right: str, personal_data: set[str] | frozenset[str],
                   chosen: dict[str, str]) -> str:
    """The level one register needs for ``right``: its own choice, else the default rule."""
    level = chosen.get(right)
    return level if level in LEVELS else required_level(right, personal_data)


def strictest(levels) -> str:
    """A request to several registers needs the strictest of their levels."""
    return max(levels, key=RANKS.__getitem__, default="email")


def meets(level: str, required: str) -> bool:
    return RANKS[level] >= RANKS[required]
