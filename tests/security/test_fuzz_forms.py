"""Arbitrary data posted to every public form: never a 500, never a partial record.

Hypothesis sends any text (control characters, NUL, other scripts, very long values), any field
names, and list values where one value is expected. A request is either stored whole with its
confirmation mail, or not at all.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from portal.dsr.models import DataRequest, RequestEvent
from portal.extensions import limiter
from portal.mail.models import OutboxMail
from tests.dsr.helpers import csrf, form_fields
from tests.dsr.test_status import ask_for_information, confirmed  # noqa: F401 (fixture)

TEXT = st.one_of(st.text(max_size=80), st.text(min_size=2000, max_size=3000).map(lambda t: t * 8),
                 st.sampled_from(["", " ", "\x00", "a@b.fi\r\nBcc: x@evil.example",
                                  "museokortti", "access", "<script>x</script>"]))
VALUE = st.one_of(TEXT, st.lists(TEXT, max_size=4))
FIELDS = ("right", "registers", "name", "email", "phone", "details", "website", "submission")
FORM = st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=20)), VALUE,
                       max_size=10)
FUZZ = settings(max_examples=25, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


@pytest.fixture
def unlimited():
    """Rate limits off, so that every example reaches the form's own checks."""
    limiter.enabled = False
    yield
    limiter.enabled = True


def _counts(app) -> tuple[int, int, int]:
    with app.extensions["db_sessionmaker"]() as session:
        return tuple(session.scalar(select(func.count()).select_from(model))
                     for model in (DataRequest, OutboxMail, RequestEvent))


@FUZZ
@given(form=FORM, lang=st.sampled_from(["fi", "sv", "en"]))
def test_the_request_form_takes_anything_without_a_500(app, unlimited, form, lang):
    client = app.test_client()
    before = _counts(app)
    data = {**form_fields(client, lang), **form}
    response = client.post(f"/{lang}/requests/new", data=data)
    assert response.status_code < 500
    after = _counts(app)
    if response.status_code == 302:
        assert after[0] == before[0] + 1 and after[1] == before[1] + 1
    else:
        assert response.status_code in (400, 413)
        assert after == before


@FUZZ
@given(token=st.text(min_size=1, max_size=100).filter(lambda t: "/" not in t), form=FORM)
def test_confirmation_links_take_anything_without_a_500(app, unlimited, token, form):
    client = app.test_client()
    before = _counts(app)
    path = "/fi/requests/confirm/" + token
    response = client.post(path, data={**form, "csrf_token": form_fields(client)["csrf_token"]})
    assert response.status_code < 500 and _counts(app) == before
    assert client.get(path).status_code < 500


@FUZZ
@given(answer=VALUE, extra=FORM)
def test_the_status_page_forms_take_anything_without_a_500(
        app, session, unlimited, confirmed, answer, extra):  # noqa: F811 (fixture)
    client, status_path = confirmed
    if session.scalar(select(DataRequest.state)) != "info_requested":
        ask_for_information(session, "2026-03-02")  # the day the fixture answers on
    token = csrf(client, status_path + "/withdraw")  # a page that always has a form
    response = client.post(status_path + "/answer",
                           data={**extra, "answer": answer, "csrf_token": token})
    assert response.status_code in (302, 400)
    assert client.post(status_path + "x/withdraw", data={"csrf_token": token}).status_code == 404


@FUZZ
@given(query=TEXT, lang=st.sampled_from(["fi", "sv", "en"]))
def test_search_takes_anything_without_a_500(client, query, lang):
    expected = 400 if "\x00" in query else 200  # NUL is refused everywhere
    assert client.get(f"/{lang}/", query_string={"q": query}).status_code == expected
