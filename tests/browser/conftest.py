"""Shared set-up of the browser tests."""

from __future__ import annotations

import uuid

import pytest

from portal.extensions import limiter
from tests.backoffice.factories import make_request
from tests.browser.steps import PageCheck, new_staff, sign_in
from tests.conftest import BACKENDS, serve, served_database


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


@pytest.fixture(params=BACKENDS)
def own_server(tmp_path, request):
    """A served app of the test's own, on each database: for tests that publish a notice,
    which would change what the other tests read on the shared one."""
    with serve(tmp_path, served_database(request.param, tmp_path, request)) as live:
        yield live


@pytest.fixture
def new_tab(browser):
    """``new_tab(**options)``: a tab in a browser context of its own (a person of their own),
    in which axe-core may add its script despite the portal's CSP; closed after the test."""
    contexts = []

    def open_tab(**options):
        contexts.append(browser.new_context(**{"bypass_csp": True, **options}))
        return contexts[-1].new_page()

    yield open_tab
    for context in contexts:
        context.close()


@pytest.fixture
def staff_page(new_tab):
    """``staff_page(live, orgs=…, role=…, locale=…, email=…)``: a tab in which a new staff
    member of those organisations, in that role and language, has signed in (password and
    one-time code) on the served app ``live``; the arguments are ``make_staff``'s."""

    def signed_in(live, **staff):
        tab = new_tab()
        sign_in(tab, live, new_staff(live, **staff))
        return tab

    return signed_in


@pytest.fixture
def check_page(axe_source, tmp_path):
    """``check_page(tab)``: axe finds nothing; ``html=True`` also keeps the page for one run of
    the Nu checker, ``check_page.html_problems()`` (see ``steps.PageCheck``)."""
    return PageCheck(axe_source, tmp_path / "html")


@pytest.fixture
def staff(live_server):
    """A Swedish-speaking DPO of their own on the shared server (one-time codes are per
    account), of Espoo and the Museum Card, and a request of the Museum Card's."""
    user = new_staff(live_server, orgs=("espoo", "museokortti"), locale="sv")
    with (live_server.app.extensions["db_sessionmaker"]() as session,
          live_server.app.test_request_context()):
        make_request(session, name="Sara Svensson", key=uuid.uuid4().hex)
    return user
