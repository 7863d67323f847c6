"""What a decision on a data-subject request is, and when it may be sent (legal rules §5).

Outcomes: granted; partly granted (a decision: what is given, what is withheld and why);
refused; and for access, "we hold no personal data about you", which is a granted answer, not a
refusal. A refusal or partial decision of a public authority is an administrative decision
(Administrative Procedure Act 434/2003 §§44-45): only a decision maker may send it, it rests on
grounds cited exactly, and sent after the due date it is recorded as late (GDPR Art. 12(3)-(4)).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

from .citations import Provision, dpa, gdpr
from .grounds import GROUNDS, OTHER_ACT, RIGHT_ARTICLES, check_grounds, uses_section_34
from .identification import GATED_RIGHTS, meets
from .openness import check_openness
from .openness import provisions as openness_provisions
from .representation import discloses

GRANTED, PARTLY, REFUSED, NO_DATA = "granted", "partly_granted", "refused", "no_data"
OUTCOMES = (GRANTED, PARTLY, REFUSED, NO_DATA)
#: Outcomes that limit the right: grounds, reasons, a decision maker and remedy instructions.
ADVERSE = frozenset({PARTLY, REFUSED})
#: A document is disclosed in full, in part (§10) or not at all; "no data" is a GDPR answer.
DOCUMENT_OUTCOMES = (GRANTED, PARTLY, REFUSED)
MAX_TEXT = 20_000
#: The parts of an access answer owed under GDPR Art. 15(1)(a)-(h) and 15(2).
ACCESS_FACTS = ("purposes", "categories", "recipients", "retention", "rights", "source",
                "transfers", "automated_decisions")


class DecisionError(ValueError):
    """Base of the reasons a decision cannot be prepared or sent."""


class OutcomeNotForRight(DecisionError):
    """The outcome does not exist for the right ("no data" is an access answer only)."""


class GroundRequired(DecisionError):
    """A refusal or partial decision must rest on at least one ground."""


class ReasonsRequired(DecisionError):
    """A refusal or partial decision states its reasons (APA 434/2003 §45)."""


class WithheldRequired(DecisionError):
    """A partial decision says what is withheld and why."""


class LetterTextRequired(DecisionError):
    """Every decision letter has the handler's text, at most ``MAX_TEXT`` characters."""


class NotDecisionMaker(DecisionError):
    """Only a decision maker may send a refusal or a partial decision."""


class LateNotConfirmed(DecisionError):
    """An adverse decision after the due date is sent only when the sender confirms it."""


class IdentityTooWeak(DecisionError):
    """A granted access, portability or erasure answer needs the requester identified at the
    level the register requires (legal rules §8)."""


class AuthorityNotVerified(DecisionError):
    """A request made for someone else is answered, other than by a refusal, only once the
    representative's authority was verified (:mod:`.representation`)."""


@dataclass(frozen=True)
class Decision:
    """A decision as prepared by a handler, before a decision maker sends it."""

    outcome: str
    text: str = ""
    grounds: tuple[str, ...] = ()
    reasons: str = ""
    withheld: str = ""
    #: The provision of another Act, per language, when ``other_act`` is a ground.
    other_act: dict[str, str] = field(default_factory=dict)
    #: Art. 15(1) facts of an access answer, per part of ``ACCESS_FACTS``.
    facts: dict[str, str] = field(default_factory=dict)
    #: Art. 19 after a rectification, erasure or restriction: per recipient of the register,
    #: ``{"recipient", "notified_on" (ISO date or None), "impossible_because"}``
    #: (:class:`portal.law.steps.RecipientRecord`).
    notified: tuple[dict, ...] = ()
    #: Rectification (Art. 16): ``{"what", "system"}`` per correction (:mod:`.steps`).
    corrections: tuple[dict, ...] = ()
    #: Erasure (Art. 17): what was erased where, and what was kept under which point of
    #: Art. 17(3) and why; when the data was made public, the steps of Art. 17(2).
    erased: tuple[dict, ...] = ()
    kept: tuple[dict, ...] = ()
    made_public: bool = False
    public_steps: str = ""
    #: A document request (legal rules §9): the basis of the right (``openness.BASES``), and
    #: per withheld part ``{"what", "point"}`` with its point of §24(1). Empty for the GDPR.
    basis: str = ""
    secret_parts: tuple[dict, ...] = ()

    def as_dict(self) -> dict:
        return {**asdict(self), **{key: list(getattr(self, key)) for key in SEQUENCES}}

    @classmethod
    def from_dict(cls, data: dict) -> Decision:
        decision = cls(**{**data, **{key: tuple(data.get(key, ())) for key in SEQUENCES}})
        # Prepared before the per-recipient record: a name only, its answer still to be given.
        legacy = tuple({"recipient": r, "notified_on": None, "impossible_because": ""}
                       if isinstance(r, str) else r for r in decision.notified)
        return replace(decision, notified=legacy)


#: The fields of a decision stored as lists.
SEQUENCES = ("grounds", "notified", "corrections", "erased", "kept", "secret_parts")


def outcomes_for(right: str, law: str = "gdpr") -> tuple[str, ...]:
    if law == "openness":
        return DOCUMENT_OUTCOMES
    return OUTCOMES if right == "access" else (GRANTED, PARTLY, REFUSED)


def check_decision(right: str, decision: Decision, *, law: str = "gdpr") -> None:
    """Raise the first reason ``decision`` cannot be prepared for a request of ``right``
    under ``law`` (a document request under the Openness Act: :func:`_check_documents`)."""
    if decision.outcome not in outcomes_for(right, law):
        raise OutcomeNotForRight(decision.outcome)
    texts = (decision.text, decision.reasons, decision.withheld, *decision.facts.values(),
             *decision.other_act.values(), decision.public_steps)
    if not decision.text.strip() or any(len(t) > MAX_TEXT for t in texts):
        raise LetterTextRequired()
    if law == "openness":
        _check_documents(decision)
        return
    if decision.outcome in ADVERSE:
        if not decision.grounds:
            raise GroundRequired()
        check_grounds(right, decision.grounds, decision.other_act)
        if not decision.reasons.strip():
            raise ReasonsRequired()
        if decision.outcome == PARTLY and not decision.withheld.strip():
            raise WithheldRequired()
    elif decision.grounds:
        check_grounds(right, decision.grounds, decision.other_act)


def _check_documents(decision: Decision) -> None:
    """A document decision: its basis, each withheld part with its §24(1) point, and for a
    refusal or partial disclosure the reasons (APA 434/2003 §45)."""
    adverse = decision.outcome in ADVERSE
    check_openness(adverse, decision.basis, decision.secret_parts,
                   other_act=bool(decision.grounds))
    check_grounds("access", decision.grounds, decision.other_act, law="openness")
    if adverse and not decision.reasons.strip():
        raise ReasonsRequired()


def check_sending(outcome: str, *, decision_maker: bool, late: bool, late_confirmed: bool,
                  right: str, identity_level: str, required_level: str,
                  represented: bool = False, authority_verified: bool = False,
                  fee: bool = False) -> None:
    """Raise unless the sender may send a decision with ``outcome`` now.

    ``identity_level`` is how the requester was identified, ``required_level`` what the
    registers need for ``right`` (:mod:`.identification`); a refusal discloses nothing.
    ``represented``: made for someone else, whose representative's authority may have been
    ``authority_verified`` (:mod:`.representation`). ``fee``: the decision charges a fee
    (:mod:`.fees`), which only a decision maker decides.
    """
    if represented and not authority_verified and discloses(outcome):
        raise AuthorityNotVerified()
    if (outcome in (GRANTED, PARTLY) and right in GATED_RIGHTS
            and not meets(identity_level, required_level)):
        raise IdentityTooWeak()
    if (outcome in ADVERSE or fee) and not decision_maker:
        raise NotDecisionMaker()
    if outcome in ADVERSE and late and not late_confirmed:
        raise LateNotConfirmed()


def state_after(outcome: str) -> str:
    """The request's state once the decision is sent."""
    return "refused" if outcome == REFUSED else "completed"


def provisions_applied(right: str, decision: Decision) -> list[Provision]:
    """The provisions the letter lists, in order: the right, then each ground's.

    Data Protection Act §34(2) is added to a partial decision under §34 (the rest of the data
    is given), and §34(3) whenever §34 is applied (reasons, and the Ombudsman's check).
    """
    if decision.basis:
        applied = openness_provisions(decision.basis, decision.secret_parts,
                                      partly=decision.outcome == PARTLY)
        for code in decision.grounds:
            if code != OTHER_ACT:
                applied += GROUNDS[code].provisions_for(right)
        return list(dict.fromkeys(applied))
    applied: list[Provision] = [gdpr(*RIGHT_ARTICLES[right])]
    for code in decision.grounds:
        if code != OTHER_ACT:
            applied += GROUNDS[code].provisions_for(right)
    if uses_section_34(decision.grounds):
        if decision.outcome == PARTLY:
            applied.append(dpa(34, 2))
        applied.append(dpa(34, 3))
    return list(dict.fromkeys(applied))


def is_late(today, due) -> bool:
    """Sent after the due date (the one in force, extended or not): GDPR Art. 12(3)."""
    return due is not None and today > due
