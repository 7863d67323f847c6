"""Each right's own steps after a request (legal rules §2 and §7): plain rules, no Flask or DB.

- Rectification (Art. 16): what was corrected, and in which system.
- Erasure (Art. 17): what was erased where; what was kept, under which point of Art. 17(3), and
  why; when the controller made the data public, the steps taken to tell the others who process
  it (Art. 17(2)).
- Restriction (Art. 18): active from a date until lifted; the requester is told before it is
  lifted (Art. 18(3)). An objection may be met with a restriction while it is assessed (Art.
  18(1)(d)).
- Art. 19: after a rectification, erasure or restriction each recipient of the register is told,
  unless that proves impossible or disproportionate; the record says which, per recipient, and
  the requester is told who the recipients are when they ask.
- Portability (Art. 20(2)): the files sent directly to another controller, at the address the
  requester gives.
- Withdrawal of consent (Art. 7(3)): only for registers that rely on consent; it applies from the
  day it was received, and processing before it stays lawful.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .citations import Provision, gdpr

CONSENT = "A6-1-a"
#: Rights after which each recipient of the register is told (Art. 19).
ARTICLE_19_RIGHTS = frozenset({"rectification", "erasure", "restriction"})
#: Rights whose requests may be met with a restriction while they are looked into: Art.
#: 18(1)(a) while accuracy is checked, 18(1)(d) while an objection is assessed.
RESTRICTABLE = {"restriction": gdpr(18, 1), "rectification": gdpr(18, 1, "a"),
                "objection": gdpr(18, 1, "d")}
MAX_ITEM = 2_000


class StepError(ValueError):
    """Base of the reasons a step cannot be recorded."""


class ItemRequired(StepError):
    """The record needs what was done and where (each part at most ``MAX_ITEM``)."""


class KeptWithoutGround(StepError):
    """Data kept after an erasure needs its point of Art. 17(3) and the reasons."""


class PublicStepsRequired(StepError):
    """Data the controller made public: Art. 17(2) asks what was done to tell the others."""


class NotRestrictable(StepError):
    """The request's right cannot be met with a restriction, or one is already active."""


class NotRestricted(StepError):
    """There is no active restriction to announce or lift."""


class NotToldBeforeLifting(StepError):
    """Art. 18(3): the requester is told before the restriction is lifted."""


class RecipientRecordIncomplete(StepError):
    """Art. 19: each recipient is either notified on a date or named with why it is impossible
    or disproportionate."""


class NotConsentBased(StepError):
    """Consent can be withdrawn only from registers whose processing relies on it."""


@dataclass(frozen=True)
class Correction:
    """Rectification: what was corrected (old to new, in words) and in which system."""

    what: str
    system: str


@dataclass(frozen=True)
class Erased:
    what: str
    system: str


@dataclass(frozen=True)
class Kept:
    """Data kept after an erasure: ``point`` is the letter of Art. 17(3)."""

    what: str
    point: str
    why: str

    @property
    def provision(self) -> Provision:
        return gdpr(17, 3, self.point)


def _filled(*texts: str) -> bool:
    return all(t.strip() and len(t) <= MAX_ITEM for t in texts)


def check_records(right: str, granted: bool, decision) -> None:
    """What a granted (or partly granted) rectification or erasure decision must record."""
    if not granted:
        return
    if right == "rectification":
        check_corrections([Correction(c["what"], c["system"]) for c in decision.corrections])
    elif right == "erasure":
        check_erasure([Erased(e["what"], e["system"]) for e in decision.erased],
                      [Kept(k["what"], k["point"], k["why"]) for k in decision.kept],
                      made_public=decision.made_public, public_steps=decision.public_steps)


def check_corrections(corrections: list[Correction]) -> None:
    if not corrections or not all(_filled(c.what, c.system) for c in corrections):
        raise ItemRequired()


def check_erasure(erased: list[Erased], kept: list[Kept], *, made_public: bool,
                  public_steps: str) -> None:
    """An erasure record: something erased or kept, each kept item on a 17(3) ground."""
    if not erased and not kept:
        raise ItemRequired()
    if not all(_filled(e.what, e.system) for e in erased):
        raise ItemRequired()
    if not all(k.point in "abcde" and len(k.point) == 1 and _filled(k.what, k.why)
               for k in kept):
        raise KeptWithoutGround()
    if made_public and not _filled(public_steps):
        raise PublicStepsRequired()


@dataclass(frozen=True)
class Restriction:
    """A restriction of processing: the data is only stored from ``since`` until lifted."""

    since: date
    #: The day the requester was told it will be lifted (Art. 18(3)).
    told_on: date | None = None
    lifted_on: date | None = None

    def active_on(self, day: date) -> bool:
        return self.since <= day and (self.lifted_on is None or day < self.lifted_on)


def restrict(right: str, current: Restriction | None, today: date) -> Restriction:
    """A new restriction from ``today`` for a request of ``right`` (none may be active)."""
    if right not in RESTRICTABLE or (current is not None and current.lifted_on is None):
        raise NotRestrictable(right)
    return Restriction(since=today)


def provision_for(right: str) -> Provision:
    """The provision a restriction on a request of ``right`` rests on."""
    return RESTRICTABLE[right]


def announce_lifting(current: Restriction | None, today: date) -> Restriction:
    """Record that the requester was told, today, that the restriction will be lifted."""
    if current is None or current.lifted_on is not None:
        raise NotRestricted()
    return Restriction(current.since, told_on=today)


def lift(current: Restriction | None, today: date) -> Restriction:
    """Lift the restriction; only after the requester was told (Art. 18(3))."""
    if current is None or current.lifted_on is not None:
        raise NotRestricted()
    if current.told_on is None or current.told_on > today:
        raise NotToldBeforeLifting()
    return Restriction(current.since, current.told_on, lifted_on=today)


@dataclass(frozen=True)
class RecipientRecord:
    """Art. 19 for one recipient: notified on a date, or why that is impossible or
    disproportionate."""

    recipient: str
    notified_on: date | None = None
    impossible_because: str = ""

    @property
    def notified(self) -> bool:
        return self.notified_on is not None


def recipient_records(stored) -> list[RecipientRecord]:
    """The records as a decision stores them (dicts with an ISO date)."""
    return [RecipientRecord(r["recipient"], date.fromisoformat(r["notified_on"])
                            if r.get("notified_on") else None, r.get("impossible_because", ""))
            for r in stored]


def check_recipients(right: str, recipients: list[str], records: list[RecipientRecord], *,
                     today: date) -> None:
    """Each of the register's recipients has exactly one answer, no notice dated ahead."""
    if right not in ARTICLE_19_RIGHTS:
        if records:
            raise RecipientRecordIncomplete()
        return
    by_name = {r.recipient: r for r in records}
    if set(by_name) != set(recipients) or len(by_name) != len(records):
        raise RecipientRecordIncomplete()
    for record in records:
        has_date = record.notified_on is not None
        has_reason = _filled(record.impossible_because)
        if has_date == has_reason or (has_date and record.notified_on > today):
            raise RecipientRecordIncomplete()


def consent_withdrawable(legal_bases) -> bool:
    """Whether a register's processing rests, at least in part, on consent (Art. 6(1)(a))."""
    return CONSENT in set(legal_bases)


def check_consent_registers(bases_by_register: dict[str, list[str]]) -> None:
    """A withdrawal names at least one register, and each relies on consent."""
    if not bases_by_register or not all(consent_withdrawable(b)
                                        for b in bases_by_register.values()):
        raise NotConsentBased()


def consent_ends_on(received: date) -> date:
    """Consent no longer applies from the day its withdrawal was received (Art. 7(3): the
    withdrawal does not affect the lawfulness of processing before it)."""
    return received


class NotTransmittable(StepError):
    """Art. 20(2): only a granted portability answer with its files can be sent on."""


def check_transmission(right: str, outcome: str | None, files: int) -> None:
    """Whether a portability answer may be sent directly to another controller."""
    if right != "portability" or outcome not in ("granted", "partly_granted") or not files:
        raise NotTransmittable()
