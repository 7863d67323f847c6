"""The request workflow as a state machine: plain rules, no Flask, no database.

What a handler may do to a request in each state, and what each action needs:
- ask for information (Art. 12(6), or to specify the request): a question; pauses the clock;
- extend (Art. 12(3)): reasons, at most once, and only up to the one-month due date, because a
  late notice leaves the original due date in force (shared legal rules §1.4);
- refuse (Art. 12(4), 12(5)): a ground and the reasons or evidence; the letter names the right
  to complain to the Data Protection Ombudsman and to a court;
- complete: the response;
- mark withdrawn, confirm identity, assign, add an internal note;
- close a withdrawn case.

A withdrawal, by the requester on the status page or marked by a handler, can be undone by the
requester until a handler closes the case (WCAG 2.1 3.3.4, error prevention: a submission
that changes data can be reversed): the request returns to the state it had, with the due
date it had, since the clock ran on from receipt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

OPEN = frozenset({"received", "info_requested"})
CLOSED = frozenset({"completed", "refused", "withdrawn"})
REFUSAL_GROUNDS = ("manifestly_unfounded", "excessive", "identity_not_established",
                   "national_exemption")
#: Rights after which each recipient of the register is told (Art. 19).
ARTICLE_19_RIGHTS = frozenset({"rectification", "erasure", "restriction"})
MAX_TEXT = 20_000


class WorkflowError(Exception):
    """Base of the reasons an action cannot be taken."""


class NotAllowed(WorkflowError):
    """The action does not fit the request's state."""


class TextRequired(WorkflowError):
    """The action needs the handler's text (question, reasons, response)."""


class GroundRequired(WorkflowError):
    """A refusal needs one of ``REFUSAL_GROUNDS``."""


class ExtensionTooLate(WorkflowError):
    """The one-month due date has passed: an extension can no longer be notified."""


class AlreadyExtended(WorkflowError):
    """Art. 12(3) allows one extension of at most two further months."""


@dataclass(frozen=True)
class Rule:
    allowed_from: frozenset[str]
    #: The state after the action; None keeps the state.
    to: str | None
    needs_text: bool = False


RULES: dict[str, Rule] = {
    "confirm_identity": Rule(OPEN, None),
    "ask_information": Rule(frozenset({"received"}), "info_requested", needs_text=True),
    "extend": Rule(OPEN, None, needs_text=True),
    "refuse": Rule(OPEN, "refused", needs_text=True),
    "complete": Rule(OPEN, "completed", needs_text=True),
    "withdraw": Rule(OPEN, "withdrawn"),
    "close": Rule(frozenset({"withdrawn"}), None),
    "assign": Rule(OPEN, None),
    "note": Rule(OPEN | CLOSED, None, needs_text=True),
}


def next_state(action: str, state: str, *, text: str = "", ground: str = "",
               today: date | None = None, extension_notice_by: date | None = None,
               extended: bool = False, closed: bool = False) -> str:
    """The state after ``action``, or a named error saying why it cannot be done.

    ``closed``: a handler has already closed the withdrawn case.
    """
    rule = RULES.get(action)
    if rule is None or state not in rule.allowed_from or (action == "close" and closed):
        raise NotAllowed(action)
    if rule.needs_text and not text.strip():
        raise TextRequired(action)
    if len(text) > MAX_TEXT:
        raise TextRequired(action)
    if action == "refuse" and ground not in REFUSAL_GROUNDS:
        raise GroundRequired()
    if action == "extend":
        if extended:
            raise AlreadyExtended()
        if today is None or extension_notice_by is None or today > extension_notice_by:
            raise ExtensionTooLate()
    return rule.to or state


def available(state: str, *, extended: bool, closed: bool = False) -> list[str]:
    """Actions to offer in ``state`` (the rules still decide when one is taken)."""
    return [action for action, rule in RULES.items()
            if state in rule.allowed_from and not (action == "extend" and extended)
            and not (action == "close" and closed)]


def withdrawal_undoable(state: str, event_kinds: Sequence[str]) -> bool:
    """Whether the requester may still undo the withdrawal: withdrawn and not yet closed."""
    return state == "withdrawn" and "closed" not in event_kinds


def state_before_withdrawal(event_kinds: Sequence[str]) -> str:
    """The open state the request had when it was last withdrawn, from its history."""
    last = len(event_kinds) - 1 - list(reversed(event_kinds)).index("withdrawn")
    state = "received"
    for kind in event_kinds[:last]:
        if kind == "info_requested":
            state = "info_requested"
        elif kind == "info_answered":
            state = "received"
    return state
