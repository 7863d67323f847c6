"""Which questions to the requester pause the clock: plain rules, no Flask, no database.

Shared legal rules §1.3 and §7: only a question about the requester's identity (GDPR Art.
12(6)) or one that asks them to specify what they ask for (Recital 63) suspends the time limit,
and only when it is sent on or before the due date in force that day; a question asked later
cannot revive a time limit that has already run out. Any other question ("other") never moves
the due date. The days from the question to the answer are then added as
:func:`portal.deadlines.compute` adds every pause, so its contract is unchanged: these rules
only choose which (question, answer) pairs it is given.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from .. import deadlines
from ..law.citations import Provision, gdpr, recital

IDENTITY, CLARIFY, OTHER = "identity", "clarify", "other"
REASONS = (IDENTITY, CLARIFY, OTHER)
PAUSING = frozenset({IDENTITY, CLARIFY})
#: The provision a question of each reason cites in its mail; "other" cites none.
PROVISIONS: dict[str, Provision] = {IDENTITY: gdpr(12, 6), CLARIFY: recital(63)}
#: Outcome ground for closing a request whose question stayed unanswered, per reason.
UNANSWERED_GROUNDS = {IDENTITY: "identity_not_established", CLARIFY: "not_specified"}


@dataclass(frozen=True)
class Question:
    """A question sent to the requester: its Helsinki date, reason, and answer date if any."""

    asked: date
    reason: str
    answered: date | None = None


def _due(received_at: datetime, pauses: Sequence[tuple[date, date]], asked: date,
         extension_notified_on: date | None) -> date:
    """The due date in force on the day ``asked``: an extension counts once it was notified."""
    notified = extension_notified_on is not None and extension_notified_on <= asked
    return deadlines.compute(received_at, pauses=pauses, extended=notified,
                             extension_notified_on=extension_notified_on if notified else None
                             ).due


def pauses_the_clock(received_at: datetime, earlier: Sequence[tuple[date, date]],
                     question: Question, *, extension_notified_on: date | None = None) -> bool:
    """Whether ``question`` suspends the time limit, given the pauses counted before it."""
    return question.reason in PAUSING and question.asked <= _due(
        received_at, earlier, question.asked, extension_notified_on)


def counted_pauses(received_at: datetime, questions: Iterable[Question], *,
                   extension_notified_on: date | None = None) -> list[tuple[date, date]]:
    """The (question, answer) pairs that :func:`portal.deadlines.compute` adds, in order.

    A question still unanswered adds nothing yet; its pause is counted once the answer comes.
    """
    counted: list[tuple[date, date]] = []
    for question in sorted(questions, key=lambda q: q.asked):
        if question.answered is not None and pauses_the_clock(
                received_at, counted, question, extension_notified_on=extension_notified_on):
            counted.append((question.asked, question.answered))
    return counted


def reminder_due(question: Question, today: date, *, after_days: int) -> bool:
    """Whether the requester should be reminded of an unanswered question today."""
    return question.answered is None and (today - question.asked).days >= after_days
