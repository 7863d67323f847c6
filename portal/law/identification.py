"""How sure the controller must be of who asks, before disclosing or erasing (legal rules §8).

Recital 64 and Art. 12(6) GDPR: all reasonable means, proportionately. A confirmed e-mail
address is enough where a wrong disclosure harms little; where the register holds personal
identity codes (Data Protection Act §29) or special categories (GDPR Art. 9-10), a Finnish
public body expects strong electronic identification (Act 617/2009) before access,
portability or erasure. Plain rules, no Flask or database.
"""

from __future__ import annotations

#: From weakest to strongest: a confirmed e-mail address, strong electronic identification.
LEVELS = ("email", "strong")
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


def required_level(right: str, personal_data: set[str] | frozenset[str]) -> str:
    """The level a granted answer on ``right`` needs, given the registers' data terms."""
    if right in GATED_RIGHTS and personal_data & STRONG_DATA:
        return "strong"
    return "email"


def meets(level: str, required: str) -> bool:
    return LEVELS.index(level) >= LEVELS.index(required)
