"""Fees for manifestly unfounded, excessive or repeated requests, and for further copies.

Information and action under Arts. 15-22 are free of charge (GDPR Art. 12(5)). Only when a
request is manifestly unfounded or excessive, in particular because repeated, may the controller
charge a reasonable fee based on its administrative costs (Art. 12(5)(a)), and the controller
shows why; for further copies of the data beyond the first, a reasonable fee may be charged
(Art. 15(3)). The requester is told of the fee first, with its grounds and amount, and can
withdraw the request before it is charged (EDPB Guidelines 01/2022, section 6.3). The fee is
then part of the decision, sent by a decision maker with remedy instructions.
"""

from __future__ import annotations

import re

from .citations import Provision, gdpr, openness

MANIFESTLY_UNFOUNDED, EXCESSIVE, FURTHER_COPIES = ("manifestly_unfounded", "excessive",
                                                   "further_copies")
#: Copies of documents under the Openness Act (621/1999 §34): seeing a document at the authority
#: and receiving it electronically are free by law unless finding the information needs special
#: measures; paper copies, printouts and such measures may cost their cost-based value as the
#: authority's fee decision sets it. The fee is proposed case by case like the GDPR's.
DOCUMENT_COPIES = "document_copies"
FEE_GROUNDS: dict[str, Provision] = {
    MANIFESTLY_UNFOUNDED: gdpr(12, 5, "a"),
    EXCESSIVE: gdpr(12, 5, "a"),
    FURTHER_COPIES: gdpr(15, 3),
    DOCUMENT_COPIES: openness(34),
}


def fee_grounds(right: str, law: str = "gdpr") -> tuple[str, ...]:
    """The grounds a fee on a request of ``right`` under ``law`` may rest on."""
    if law == "openness":
        return (DOCUMENT_COPIES,)
    return (MANIFESTLY_UNFOUNDED, EXCESSIVE) + ((FURTHER_COPIES,) if right == "access" else ())
#: A fee above 1,000 euros is a typing error, not an administrative cost.
MAX_CENTS = 100_000
MAX_REASONS = 20_000
_AMOUNT = re.compile(r"^(\d{1,4})(?:[.,](\d{1,2}))?$")


class FeeError(ValueError):
    """Base of the reasons a fee cannot be proposed."""


class FeeGroundRequired(FeeError):
    """A fee rests on one of ``FEE_GROUNDS`` that fits the right (further copies: access)."""


class AmountInvalid(FeeError):
    """The amount is in euros and cents, more than zero and at most ``MAX_CENTS``."""


class FeeReasonsRequired(FeeError):
    """The controller shows why the request is manifestly unfounded or excessive (12(5))."""


class FeeAlreadyProposed(FeeError):
    """One fee per request: the requester has already been told of it."""


def parse_amount(text: str) -> int:
    """Cents of an amount typed as ``25``, ``25,50`` or ``25.5``; raises :class:`AmountInvalid`."""
    found = _AMOUNT.match(text.strip().removesuffix("€").strip())
    if found is None:
        raise AmountInvalid()
    cents = int(found.group(1)) * 100 + int((found.group(2) or "0").ljust(2, "0"))
    if not 0 < cents <= MAX_CENTS:
        raise AmountInvalid()
    return cents


def check_fee(right: str, ground: str, reasons: str, *, proposed: bool,
              law: str = "gdpr") -> None:
    """Raise unless a fee on ``ground`` with ``reasons`` may be proposed on a ``right`` request
    under ``law``."""
    if proposed:
        raise FeeAlreadyProposed()
    if ground not in fee_grounds(right, law):
        raise FeeGroundRequired()
    if not reasons.strip() or len(reasons) > MAX_REASONS:
        raise FeeReasonsRequired()


def charged(outcome: str, fee_cents: int | None) -> bool:
    """A proposed fee is charged by any decision but a refusal."""
    return bool(fee_cents) and outcome != "refused"
