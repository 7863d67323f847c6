"""Which rights a register's legal bases let a data subject use (pure rules).

Shared legal rules §2: erasure does not reach processing required by law or for a public task
(GDPR Art. 17(3)(b)); portability covers only consent or contract (Art. 20(1)(a)) and never a
public task (Art. 20(3)); objection covers only Art. 6(1)(e) and (f) (Art. 21(1)). Access,
rectification and restriction always apply (with the limits of Arts. 15(4), 18(1)).
"""

from __future__ import annotations

APPLIES, LIMITED, NOT_APPLICABLE = "applies", "limited", "not_applicable"

PUBLIC_DUTY = {"A6-1-c", "A6-1-e"}
CONSENT_OR_CONTRACT = {"A6-1-a", "A6-1-b"}
OBJECTABLE = {"A6-1-e", "A6-1-f"}


def _partial(covered: set[str], bases: set[str]) -> str:
    if not covered & bases:
        return NOT_APPLICABLE
    return APPLIES if bases <= covered else LIMITED


def applicability(legal_bases: list[str]) -> dict[str, str]:
    """Right code -> ``applies``, ``limited`` (only for part of the processing) or
    ``not_applicable``."""
    bases = set(legal_bases)
    erasure = APPLIES if not bases & PUBLIC_DUTY else (LIMITED if bases - PUBLIC_DUTY
                                                        else NOT_APPLICABLE)
    return {
        "access": APPLIES,
        "rectification": APPLIES,
        "erasure": erasure,
        "restriction": APPLIES,
        "objection": _partial(OBJECTABLE, bases),
        "portability": _partial(CONSENT_OR_CONTRACT, bases),
    }
