"""The day a letter to a requester without e-mail was posted (portal.law.postal)."""

from __future__ import annotations

from datetime import date

import pytest

from portal.law.postal import AlreadyPosted, PostedDateInvalid, check_posted

WRITTEN, TODAY = date(2026, 3, 2), date(2026, 3, 5)


@pytest.mark.parametrize("posted", [WRITTEN, date(2026, 3, 4), TODAY])
def test_a_day_from_writing_to_today_is_recorded(posted):
    assert check_posted(written_on=WRITTEN, posted_on=posted, today=TODAY,
                        already_posted=False) == posted


@pytest.mark.parametrize("posted", [None, date(2026, 3, 1), date(2026, 3, 6)])
def test_no_day_a_day_before_writing_or_a_future_day_is_refused(posted):
    with pytest.raises(PostedDateInvalid):
        check_posted(written_on=WRITTEN, posted_on=posted, today=TODAY, already_posted=False)


def test_a_letter_is_recorded_as_posted_once():
    with pytest.raises(AlreadyPosted):
        check_posted(written_on=WRITTEN, posted_on=TODAY, today=TODAY, already_posted=True)
