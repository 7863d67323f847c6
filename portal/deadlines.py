"""The response deadline of a data-subject request: pure rules, no Flask, no database.

GDPR Art. 12(3): answer "without undue delay and in any event within one month of receipt".
Months are counted as EU law counts them (Council Regulation 1182/71 Art. 3; the Finnish Act on
the computation of statutory time limits 150/1930 gives the same result). The rules, step by
step, as ``docs/legal-rules.md`` §1 of the shared folder states them:

1. The receipt date is the calendar date in Europe/Helsinki when the request reached the portal
   (Act 13/2003 §10); nights, weekends and holidays count. Never the UTC date.
2. One month is the same day-number in the next month, or that month's last day if it has no
   such day (Reg. 1182/71 Art. 3(2)(c)).
3. Pauses (Art. 12(6) identity doubts, or a justified request to specify): the days from the
   question to the answer are added to the unrolled end date.
4. An extension (Art. 12(3), complexity or number of requests) makes it three months from receipt,
   plus pauses, but only if the requester is told no later than the one-month due date.
5. If the result is a Saturday, Sunday or Finnish public holiday, the due date is the next
   working day (Reg. 1182/71 Art. 3(4)); the roll is applied once, at the very end.
6. The due date ends at 23:59:59 Helsinki time.
"""

from __future__ import annotations

import calendar
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import holidays

HELSINKI = ZoneInfo("Europe/Helsinki")
#: The portal's locales mapped to the ``holidays`` package's language codes.
HOLIDAY_LANGUAGES = {"fi": "fi", "sv": "sv_FI", "en": "en_US"}


class DeadlineError(ValueError):
    """The input cannot give a lawful deadline (naive time, a pause that ends before it starts)."""


@dataclass(frozen=True)
class Step:
    """One step of the computation, for the explanation shown in the UI, mails and the CLI.

    ``code`` is one of ``received``, ``one_month``, ``three_months``, ``month_end``, ``paused``,
    ``extension_late``, ``non_working`` and ``due``; ``day`` is the date the step arrives at.
    """

    code: str
    day: date
    details: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Deadline:
    received: date
    due: date
    #: The one-month due date (with pauses): the last day to tell the requester of an extension.
    extension_notice_by: date
    extended: bool
    steps: tuple[Step, ...]

    @property
    def ends_at(self) -> datetime:
        """The last moment of the due date, 23:59:59 in Helsinki."""
        return datetime.combine(self.due, datetime.max.time().replace(microsecond=0), HELSINKI)

    def overdue_on(self, today: date) -> bool:
        return today > self.due


@functools.cache
def _holidays(year: int) -> holidays.HolidayBase:
    # The default (public) category: never "workday", which holds flag days (legal rules §1).
    return holidays.country_holidays("FI", years=year, language="en_US")


def is_holiday(day: date) -> bool:
    """A Finnish public holiday (legal rules §1), whatever the weekday."""
    return day in _holidays(day.year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def holiday_name(day: date, lang: str) -> str | None:
    """The holiday's name in ``lang`` (fi, sv, en), or None if ``day`` is not a holiday."""
    names = holidays.country_holidays("FI", years=day.year,
                                      language=HOLIDAY_LANGUAGES.get(lang, "en_US"))
    return names.get(day)


def receipt_date(received_at: datetime) -> date:
    """The Helsinki calendar date of receipt; a naive datetime is refused."""
    if received_at.tzinfo is None or received_at.utcoffset() is None:
        raise DeadlineError("received_at must be timezone-aware")
    return received_at.astimezone(HELSINKI).date()


def add_months(day: date, months: int) -> tuple[date, bool]:
    """Same day-number ``months`` later, clamped to the month's end; says whether it clamped."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last)), day.day > last


def _pause_days(pauses: Iterable[tuple[date, date]]) -> list[tuple[date, date, int]]:
    result = []
    for question, answer in pauses:
        if answer < question:
            raise DeadlineError(f"a pause cannot end ({answer}) before it starts ({question})")
        result.append((question, answer, (answer - question).days))
    return result


def roll_forward(day: date) -> tuple[date, list[date]]:
    """The first working day on or after ``day`` and the days skipped (legal rules §1 step 5)."""
    skipped = []
    while not is_working_day(day):
        skipped.append(day)
        day += timedelta(days=1)
    return day, skipped


def _end(received: date, months: int, pauses: list[tuple[date, date, int]],
         steps: list[Step] | None) -> date:
    end, clamped = add_months(received, months)
    if steps is not None:
        steps.append(Step("one_month" if months == 1 else "three_months", end))
        if clamped:
            steps.append(Step("month_end", end))
    for question, answer, days in pauses:
        end += timedelta(days=days)
        if steps is not None:
            steps.append(Step("paused", end, {"from": question, "to": answer, "days": days}))
    return end


def compute(
    received_at: datetime,
    *,
    pauses: Iterable[tuple[date, date]] = (),
    extended: bool = False,
    extension_notified_on: date | None = None,
) -> Deadline:
    """The due date with every step that led to it.

    ``extension_notified_on`` is the day the requester was told of the extension; when it is
    later than the one-month due date the extension is void and that date stays in force.
    """
    received = receipt_date(received_at)
    pause_list = _pause_days(pauses)
    one_month, _ = roll_forward(_end(received, 1, pause_list, None))
    late = extended and extension_notified_on is not None and extension_notified_on > one_month
    steps = [Step("received", received, {"at": received_at.astimezone(HELSINKI)})]
    end = _end(received, 3 if extended and not late else 1, pause_list, steps)
    if late:
        steps.append(Step("extension_late", one_month, {"notified": extension_notified_on}))
    due, skipped = roll_forward(end)
    for day in skipped:
        steps.append(Step("non_working", day, {"holiday": day in _holidays(day.year)}))
    steps.append(Step("due", due))
    return Deadline(received, due, one_month, extended and not late, tuple(steps))


def due_date(
    received_at: datetime,
    *,
    pauses: Iterable[tuple[date, date]] = (),
    extended: bool = False,
) -> date:
    """The contract: the last day, in Helsinki, on which the answer is on time."""
    return compute(received_at, pauses=pauses, extended=extended).due
