"""A form kept across an idle sign-out: encrypted, for its sender, on its page, for 30 minutes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from portal.backoffice import stash
from portal.backoffice.models import FormStash
from tests.backoffice.factories import make_staff
from tests.dsr.helpers import at_helsinki

SECRET = "test-only-secret-key-0123456789abcdef"
FORM = stash.KeptForm("/admin/requests/1/act", (
    ("csrf_token", "abc"), ("action", "note"), ("text", "Soitettu Ainolle, hän tarkentaa."),
    ("notified", "Webropol Oy"), ("notified", "STT Info"), ("ground", "")))


@pytest.fixture
def staff(session):
    return make_staff(session, orgs=("museokortti",))


def test_a_kept_form_comes_back_once_to_its_sender_on_its_page(session, staff):
    now = at_helsinki("2026-03-10")
    assert stash.keep(session, staff.id, page="/admin/requests/1", form=FORM,
                      secret_key=SECRET, now=now)
    stored = session.scalar(select(FormStash))
    assert b"Ainolle" not in stored.data and b"Webropol" not in stored.data  # encrypted
    other = make_staff(session, email="other@museot.example", orgs=("museokortti",))
    assert stash.take(session, other.id, page="/admin/requests/1", secret_key=SECRET,
                      now=now) is None
    assert stash.take(session, staff.id, page="/admin/requests", secret_key=SECRET,
                      now=now) is None
    kept = stash.take(session, staff.id, page="/admin/requests/1", secret_key=SECRET,
                      now=now + timedelta(minutes=5))
    assert kept.action == "/admin/requests/1/act"
    assert kept.fields == (("action", "note"), ("text", "Soitettu Ainolle, hän tarkentaa."),
                           ("notified", "Webropol Oy"), ("notified", "STT Info"))
    assert stash.take(session, staff.id, page="/admin/requests/1", secret_key=SECRET,
                      now=now) is None  # taken once


def test_a_kept_form_expires_and_needs_the_same_key(session, staff):
    now = at_helsinki("2026-03-10")
    for key, later in ((SECRET, timedelta(minutes=31)), ("another-secret-key", timedelta())):
        stash.keep(session, staff.id, page="/admin/requests/1", form=FORM, secret_key=SECRET,
                   now=now)
        assert stash.take(session, staff.id, page="/admin/requests/1", secret_key=key,
                          now=now + later) is None


def test_only_a_same_site_staff_page_is_a_place_to_return_to():
    host = "portal.example"
    assert stash.page_of("http://portal.example/admin/requests/4?x=1", host) == \
        "/admin/requests/4?x=1"
    assert stash.page_of("http://evil.example/admin/requests/4", host) == ""
    assert stash.page_of("http://portal.example/fi/", host) == ""
    assert stash.page_of(None, host) == ""
