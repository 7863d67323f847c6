"""When a letter to post counts as posted: the date staff record must be a real one.

A requester entered by staff with only a postal address is told by letter. The day it was
posted is on the record, because some time limits count from notifying the requester (an
extension must be notified within one month, GDPR Art. 12(3); the requester is told before a
restriction is lifted, Art. 18(3)). So the day can be neither before the letter was written nor
in the future.
"""

from __future__ import annotations

from datetime import date


class PostedDateInvalid(ValueError):
    """The posting date is missing, before the letter was written, or in the future."""


class AlreadyPosted(ValueError):
    """The letter was already recorded as posted."""


def check_posted(*, written_on: date, posted_on: date | None, today: date,
                 already_posted: bool) -> date:
    """Return ``posted_on`` if it can be recorded; raise otherwise."""
    if already_posted:
        raise AlreadyPosted()
    if posted_on is None or posted_on < written_on or posted_on > today:
        raise PostedDateInvalid()
    return posted_on
