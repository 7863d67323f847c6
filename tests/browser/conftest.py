"""Shared set-up of the browser tests."""

from __future__ import annotations

import pytest

from portal.extensions import limiter


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Each browser test starts with the rate limits unspent.

    The served app is shared by the whole session and every request comes from 127.0.0.1, while
    the request form allows ten posts an hour from one address (as it should for the public):
    without this, whichever test happens to post the eleventh form meets a 429 page. Before the
    first app of the session is made, nothing has been spent and there is nothing to reset.
    """
    if limiter.initialized:
        limiter.reset()
    yield
