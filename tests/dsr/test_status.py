"""The requester's status page: withdrawing, and answering a question that paused the clock."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from portal.dsr import views
from portal.dsr.models import DataRequest, RequestEvent
from portal.mail.models import OutboxMail
from tests.dsr.helpers import at_helsinki, csrf, post_request


@pytest.fixture
def confirmed(app, session, monkeypatch):
    """A request received Mon 2 Mar 2026 and confirmed; returns its status page path."""
    monkeypatch.setattr(views, "utcnow", lambda: at_helsinki("2026-03-02"))
    client = app.test_client()
    post_request(client, "en")
    mail = session.scalar(select(OutboxMail))
    confirm_path = re.search(r"http://localhost(\S+)", mail.body).group(1)
    response = client.post(confirm_path, data={"csrf_token": csrf(client, confirm_path)})
    return client, response.headers["Location"]


def ask_for_information(session, asked_on: str) -> None:
    """What a handler's "ask for more information" does (the staff side comes later)."""
    request = session.scalar(select(DataRequest))
    request.state = "info_requested"
    request.events.append(RequestEvent(kind="info_requested", created_at=at_helsinki(asked_on),
                                       text="Which membership number do you mean?"))
    session.commit()


def test_answering_resumes_the_clock_and_moves_the_due_date(confirmed, session, monkeypatch):
    client, status_path = confirmed
    assert "Monday, April 13, 2026" not in client.get(status_path).get_data(as_text=True)
    ask_for_information(session, "2026-03-03")
    html = client.get(status_path).get_data(as_text=True)
    assert "More information is needed from you" in html
    assert "Which membership number do you mean?" in html
    assert "the time limit is paused until you answer" in html

    monkeypatch.setattr(views, "utcnow", lambda: at_helsinki("2026-03-13"))
    response = client.post(status_path + "/answer", data={
        "csrf_token": csrf(client, status_path), "answer": "Number 12345."})
    assert response.status_code == 302
    html = client.get(status_path).get_data(as_text=True)
    assert "Received and being handled" in html and "Number 12345." in html
    # Legal rules worked example: 2 Apr + 10 paused days = Sun 12 Apr -> Mon 13 Apr.
    assert "Monday, April 13, 2026" in html
    assert "10 days are added" in html


def test_an_empty_answer_is_a_400_with_the_error_at_the_field(confirmed, session):
    client, status_path = confirmed
    ask_for_information(session, "2026-03-03")
    response = client.post(status_path + "/answer",
                           data={"csrf_token": csrf(client, status_path), "answer": "  "})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert 'aria-invalid="true"' in html and "Write your answer" in html
    session.expire_all()
    assert session.scalar(select(DataRequest)).state == "info_requested"


def test_withdrawing_closes_the_request_once(confirmed, session):
    client, status_path = confirmed
    token = csrf(client, status_path + "/withdraw")
    client.post(status_path + "/withdraw", data={"csrf_token": token})
    html = client.get(status_path).get_data(as_text=True)
    assert "Your request has been withdrawn." in html and "Request withdrawn" in html
    assert "/withdraw" not in html
    client.post(status_path + "/withdraw", data={"csrf_token": token})
    assert "can no longer be withdrawn" in client.get(status_path).get_data(as_text=True)
    session.expire_all()
    request = session.scalar(select(DataRequest))
    assert request.state == "withdrawn"
    assert [e.kind for e in request.events].count("withdrawn") == 1


def test_an_answer_when_none_was_asked_changes_nothing(confirmed, session):
    client, status_path = confirmed
    client.post(status_path + "/answer",
                data={"csrf_token": csrf(client, status_path + "/withdraw"), "answer": "Hello"})
    assert "No answer is needed at the moment." in client.get(status_path).get_data(as_text=True)
    session.expire_all()
    assert "info_answered" not in [e.kind for e in session.scalar(select(DataRequest)).events]


def test_withdrawing_asks_for_confirmation_and_says_what_it_means(confirmed, session):
    client, status_path = confirmed
    status = client.get(status_path).get_data(as_text=True)
    assert f'<a href="{status_path}/withdraw">Withdraw the request</a>' in status
    assert "Withdraw the request</button>" not in status  # no one-press withdrawal
    page = client.get(status_path + "/withdraw")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    assert "will not send you an answer" in html and "undo the withdrawal" in html
    assert "Yes, withdraw the request</button>" in html
    session.expire_all()
    assert session.scalar(select(DataRequest)).state == "received"  # looking changes nothing


def test_a_withdrawal_can_be_undone_until_staff_close_the_case(confirmed, session):
    client, status_path = confirmed
    ask_for_information(session, "2026-03-02")  # the day the fixture acts on
    client.post(status_path + "/withdraw",
                data={"csrf_token": csrf(client, status_path + "/withdraw")})
    html = client.get(status_path).get_data(as_text=True)
    assert "Undo the withdrawal</button>" in html
    client.post(status_path + "/restore", data={"csrf_token": csrf(client, status_path)})
    html = client.get(status_path).get_data(as_text=True)
    assert "The withdrawal has been undone." in html and "Withdrawal undone" in html
    session.expire_all()
    request = session.scalar(select(DataRequest))
    assert request.state == "info_requested"  # as it was: still waiting for the answer
    token = csrf(client, status_path + "/withdraw")
    client.post(status_path + "/withdraw", data={"csrf_token": token})
    session.expire_all()
    request = session.scalar(select(DataRequest))
    request.events.append(RequestEvent(kind="closed", created_at=at_helsinki("2026-03-06")))
    session.commit()
    html = client.get(status_path).get_data(as_text=True)
    assert "Undo the withdrawal</button>" not in html and "Case closed" in html
    client.post(status_path + "/restore", data={"csrf_token": token})
    assert "can no longer be undone" in client.get(status_path).get_data(as_text=True)
    session.expire_all()
    assert session.scalar(select(DataRequest)).state == "withdrawn"
