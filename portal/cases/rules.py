"""When a closed case may be purged: plain rules, no Flask, no database.

GDPR Art. 5(1)(e): personal data is kept no longer than needed. How long is each controller's
own decision, following its information management plan (Act 906/2019 §19, tiedonohjaus-
suunnitelma), set per record type:

- ``requests``: a closed request with no decision letter (withdrawn, or answered before letters);
- ``decisions``: a request answered by a decision letter is kept with its letters as long as the
  longer of the two periods, because the letter is the record of the decision;
- ``audit``: the controller's audit entries; none set keeps them.

A legal hold (a complaint to the Data Protection Ombudsman, an appeal, a claim in court) keeps the
case, whatever its age, until a handler lifts it: the controller must still be able to show how
the request was handled (Art. 5(2)). A case exported to the archive whole, with nothing added
since, may go at once: the archive's copy is then the record.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

RECORD_TYPES = ("requests", "decisions", "audit")
#: Why a case is held: a complaint to the Ombudsman (Art. 77), an appeal (Act 808/2019), a claim
#: in court (Art. 79), or another proceeding named in the note.
HOLD_REASONS = ("ombudsman", "appeal", "claim", "proceeding")
MAX_DAYS = 36_500
MAX_NOTE = 2_000


class RetentionError(ValueError):
    """Base of the reasons a retention setting or a hold is refused."""


class DaysOutOfRange(RetentionError):
    """A retention period is a whole number of days from 1 to ``MAX_DAYS``."""

    def __init__(self, record_type: str) -> None:
        super().__init__(record_type)
        self.field = record_type


class HoldReasonRequired(RetentionError):
    """A legal hold names its kind of proceeding and says what it is, in a note."""


class NotHeld(RetentionError):
    """Only a held case can be released."""


class AlreadyHeld(RetentionError):
    """A case has one hold at a time; release it before placing another."""


@dataclass(frozen=True)
class Retention:
    """A controller's periods in days; ``audit`` None keeps the audit trail."""

    requests: int
    decisions: int
    audit: int | None = None

    def days_for(self, *, has_letters: bool) -> int:
        return max(self.requests, self.decisions) if has_letters else self.requests


def retention_of(settings: Mapping[str, int], default_days: int) -> Retention:
    """The controller's periods; ``default_days`` (``PORTAL_RETENTION_DAYS``) where unset."""
    return Retention(requests=settings.get("requests") or default_days,
                     decisions=settings.get("decisions") or default_days,
                     audit=settings.get("audit") or None)


def parse_settings(form: Mapping[str, str]) -> dict[str, int]:
    """The periods typed on the organisation page; an empty field keeps the default.

    Raises :class:`DaysOutOfRange` naming the first wrong field.
    """
    settings = {}
    for record_type in RECORD_TYPES:
        value = form.get(record_type, "").strip()
        if not value:
            continue
        if not value.isdigit() or not 1 <= int(value) <= MAX_DAYS:
            raise DaysOutOfRange(record_type)
        settings[record_type] = int(value)
    return settings


def check_hold(reason: str, note: str, *, held: bool) -> None:
    """Raise unless a hold with ``reason`` and ``note`` may be placed now."""
    if held:
        raise AlreadyHeld()
    if reason not in HOLD_REASONS or not note.strip() or len(note) > MAX_NOTE:
        raise HoldReasonRequired()


def check_release(note: str, *, held: bool) -> None:
    """A hold is lifted with a note saying why (the proceeding ended, and how)."""
    if not held:
        raise NotHeld()
    if not note.strip() or len(note) > MAX_NOTE:
        raise HoldReasonRequired()


def export_current(exported_at: datetime | None, last_change: datetime) -> bool:
    """The archive holds the whole case: exported, and nothing happened to it afterwards."""
    return exported_at is not None and exported_at >= last_change


def may_purge(*, closed_at: datetime, last_change: datetime, now: datetime,
              retention: Retention, has_letters: bool, held: bool,
              exported_at: datetime | None) -> bool:
    """Whether a closed case may be deleted now: never while held; at once when the archive
    holds all of it; otherwise once its period has passed since it closed."""
    if held:
        return False
    if export_current(exported_at, last_change):
        return True
    return closed_at < now - timedelta(days=retention.days_for(has_letters=has_letters))
