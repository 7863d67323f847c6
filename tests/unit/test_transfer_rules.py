"""Which requests may be transferred to the competent authority (APA 434/2003 §21)."""

from __future__ import annotations

import pytest

from portal.law.transfer import NotTransferable, check_transferable


@pytest.mark.parametrize("state", ["received", "info_requested"])
def test_a_pending_request_may_be_transferred(state):
    check_transferable(state, legal_hold=None, prepared=False)


@pytest.mark.parametrize("state, hold, prepared, reason", [
    ("completed", None, False, "decided"), ("refused", None, False, "decided"),
    ("withdrawn", None, False, "decided"), ("transferred", None, False, "decided"),
    ("received", "appeal", False, "hold"), ("info_requested", None, True, "prepared"),
])
def test_a_decided_held_or_prepared_request_stays(state, hold, prepared, reason):
    with pytest.raises(NotTransferable) as refused:
        check_transferable(state, legal_hold=hold, prepared=prepared)
    assert refused.value.reason == reason
