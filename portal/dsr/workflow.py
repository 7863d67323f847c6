"""The request workflow as a state machine: plain rules, no Flask, no database.

What a handler may do to a request in each state, and what each action needs:
- ask for information: a question with its reason, identity (Art. 12(6)), specifying the request
  (Recital 63) or other; only the first two pause the clock, by the rules of
  :mod:`portal.dsr.pauses`;
- extend (Art. 12(3)): reasons, at most once, and only up to the one-month due date, because a
  late notice leaves the original due date in force (shared legal rules §1.4);
- decide: a handler prepares a decision (granted, partly granted, refused, or for access "no
  data"), and it is sent as a letter; what a decision must hold and who may send it are the
  rules of :mod:`portal.law.decisions` (Art. 12(4), APA 434/2003 §§44-45);
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

from ..law.decisions import state_after
from .pauses import REASONS

OPEN = frozenset({"received", "info_requested"})
CLOSED = frozenset({"completed", "refused", "withdrawn", "transferred"})
#: Events that answer a request: a decision (each outcome), an official's answer to a document
#: request (Openness Act §14(3)), or "completed" from before decisions had outcomes.
DECIDED_EVENTS = frozenset({"completed", "refused", "granted", "partly_granted", "no_data",
                            "officials_answer"})
#: Events that close a request (for retention, counted from the latest).
CLOSING_EVENTS = DECIDED_EVENTS | {"withdrawn", "transferred"}
MAX_TEXT = 20_000


class WorkflowError(Exception):
    """Base of the reasons an action cannot be taken."""


class NotAllowed(WorkflowError):
    """The action does not fit the request's state."""


class TextRequired(WorkflowError):
    """The action needs the handler's text (question, reasons, response)."""


class ReasonRequired(WorkflowError):
    """A question to the requester needs its reason (identity, specifying, other)."""


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
    "prepare_decision": Rule(OPEN, None),
    "discard_decision": Rule(OPEN, None),
    #: The state after sending follows the outcome (``law.decisions.state_after``).
    "send_decision": Rule(OPEN, None),
    "withdraw": Rule(OPEN, "withdrawn"),
    "close": Rule(frozenset({"withdrawn"}), None),
    "assign": Rule(OPEN, None),
    "note": Rule(OPEN | CLOSED, None, needs_text=True),
}


def next_state(action: str, state: str, *, text: str = "", outcome: str = "", reason: str = "",
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
    if action == "ask_information" and reason not in REASONS:
        raise ReasonRequired()
    if action == "extend":
        if extended:
            raise AlreadyExtended()
        if today is None or extension_notice_by is None or today > extension_notice_by:
            raise ExtensionTooLate()
    if action == "send_decision":
        return state_after(outcome)
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
