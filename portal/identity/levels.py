"""Identity levels as plain rules (legal rules §8; Act 617/2009 on strong e-identification).

An OpenID provider states how strongly it identified the person in the ``acr`` claim. Suomi.fi
uses the eIDAS URIs, the Finnish Trust Network (FTN) brokers the Traficom ``loa`` URIs; both
mean the eIDAS levels *substantial* and *high* (Regulation 910/2014 Art. 8).
"""

from __future__ import annotations

#: Levels from weakest to strongest; a higher level satisfies every lower one.
LEVELS = ("substantial", "high")

ACR_LEVELS = {
    "http://eidas.europa.eu/LoA/substantial": "substantial",
    "http://eidas.europa.eu/LoA/high": "high",
    "http://ftn.ficora.fi/2017/loa2": "substantial",
    "http://ftn.ficora.fi/2017/loa3": "high",
}


def level_of(acr: str | None) -> str | None:
    """The eIDAS level an ``acr`` value means; None for anything else (it identifies nobody)."""
    return ACR_LEVELS.get(acr or "")


def meets(level: str | None, required: str) -> bool:
    """Whether ``level`` is at least ``required``."""
    return level in LEVELS and LEVELS.index(level) >= LEVELS.index(required)


def acr_values(required: str) -> list[str]:
    """The ``acr`` values to ask for: every value that reaches ``required``."""
    return [acr for acr, level in ACR_LEVELS.items() if meets(level, required)]
