"""The time limit of a document request under the Openness Act: pure rules, no Flask, no database.

Act on the Openness of Government Activities 621/1999 §14(4): the matter is decided "as soon as
possible, at the latest within two weeks" of receipt; "within one month" when the number of
documents is large or for a comparable reason. Shared docs/legal-rules.md §9 says how:

1. The receipt date is the Helsinki calendar date, as for a GDPR request (§1 step 1).
2. Two weeks end on the same weekday two weeks later (Act 150/1930; Reg. 1182/71 Art. 3(2)(b)).
3. One month is counted as in §1 step 2. It needs a reason the handler records and the requester is
   told; the portal reads "told" as told while the two weeks still run (a notice after the
   two-week date comes too late to change it, as Art. 12(3) GDPR is read in §1 step 4). There is no
   extension beyond one month and no pause.
4. The one exception: a request that does not identify the documents is specified by the requester,
   and the time then runs from the day the specification arrived, not from the receipt.
5. A Saturday, Sunday or Finnish public holiday rolls to the next working day, once, at the end,
   by the same rules as §1 step 5.
6. After an official's answer that withholds documents, the requester may ask for the matter to
   go to the authority for a written decision (§14(3)). The Act sets no separate time for that
   decision; the Deputy Chancellor of Justice held that the §14(4) time limits apply to it too
   (OKV/1099/10/2023). The portal counts them from the day the request for a decision arrived,
   by the same rules: two weeks, or one month when a reason for it was recorded and told in
   time. (From when they run is not settled in practice; counsel should confirm this reading.)

The result is a :class:`portal.deadlines.Deadline`, so the queue, reminders and explanations read
it as they read a GDPR deadline; its ``extension_notice_by`` is the two-week date.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from .deadlines import (
    HELSINKI,
    Deadline,
    DeadlineError,
    Step,
    add_months,
    is_holiday,
    receipt_date,
    roll_forward,
)

TWO_WEEKS = timedelta(weeks=2)


def _start(received: date, specified_on: date | None, decision_requested_on: date | None) -> date:
    """The day the time runs from: the latest of receipt, specification and the request for a
    written decision (a request may be specified again after a written decision was asked)."""
    days = [received]
    for day, what in ((specified_on, "specified"), (decision_requested_on,
                                                    "taken to the authority for a decision")):
        if day is not None and day < received:
            raise DeadlineError(f"a request cannot be {what} ({day}) before it was received "
                                f"({received})")
        days.append(day or received)
    return max(days)


def compute(
    received_at: datetime,
    *,
    specified_on: date | None = None,
    extended: bool = False,
    extension_notified_on: date | None = None,
    decision_requested_on: date | None = None,
) -> Deadline:
    """The due date of a document request with every step that led to it.

    ``specified_on`` is the Helsinki date on which the requester's specification arrived;
    ``extended`` means the handler recorded a reason for one month, and ``extension_notified_on``
    the day the requester was told (None: told at once); ``decision_requested_on`` the Helsinki
    date on which the requester asked for a written decision (§14(3); rule 6 above).
    """
    received = receipt_date(received_at)
    start = _start(received, specified_on, decision_requested_on)
    two_weeks, _ = roll_forward(start + TWO_WEEKS)
    late = extended and extension_notified_on is not None and extension_notified_on > two_weeks
    steps = [Step("received", received, {"at": received_at.astimezone(HELSINKI)})]
    # In the order they happened: each says the time runs from its day, so the last is the start.
    restarts = (("specified", specified_on), ("decision_requested", decision_requested_on))
    steps += [Step(code, day) for code, day in sorted(
        ((code, day) for code, day in restarts if day is not None), key=lambda step: step[1])]
    if extended and not late:
        end, clamped = add_months(start, 1)
        steps.append(Step("openness_month", end))
        if clamped:
            steps.append(Step("month_end", end))
    else:
        end = start + TWO_WEEKS
        steps.append(Step("two_weeks", end))
    if late:
        steps.append(Step("month_late", two_weeks, {"notified": extension_notified_on}))
    due, skipped = roll_forward(end)
    for day in skipped:
        steps.append(Step("non_working", day, {"holiday": is_holiday(day)}))
    steps.append(Step("due", due))
    return Deadline(received, due, two_weeks, extended and not late, tuple(steps))


def due_date(
    received_at: datetime,
    *,
    specified_on: date | None = None,
    extended: bool = False,
) -> date:
    """The contract: the last day, in Helsinki, on which the decision is on time."""
    return compute(received_at, specified_on=specified_on, extended=extended).due
