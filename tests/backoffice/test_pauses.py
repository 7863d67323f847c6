"""Questions with a reason: what pauses the clock, what the requester and the staff are told."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import select

from portal.backoffice import reminders
from portal.dsr import views
from portal.dsr.models import DataRequest
from portal.mail.models import OutboxMail
from tests.backoffice.factories import make_request, signed_in_staff
from tests.backoffice.test_actions import act, at, newest_mail
from tests.dsr.helpers import at_helsinki, csrf


@pytest.fixture
def handler(client, session):
    return signed_in_staff(client, session, email="handler@museot.example", orgs=("museokortti",))


STATUS = re.compile(r"http://localhost(/fi/requests/status/\S+)")


def answer(client, monkeypatch, mail, day: str) -> str:
    status_path = STATUS.search(mail.body).group(1)
    monkeypatch.setattr(views, "utcnow", lambda: at_helsinki(day))
    client.post(status_path + "/answer", data={"csrf_token": csrf(client, status_path),
                                               "answer": "Tarkennus"})
    return status_path


def due_on(session, request) -> str:
    session.expire_all()
    return session.get(DataRequest, request.id).due_on.isoformat()


def test_a_clarifying_question_cites_recital_63_and_pauses(client, session, handler,
                                                           monkeypatch):
    request = make_request(session, received="2026-03-02")  # due Thu 2 Apr
    at(monkeypatch, "2026-03-03")
    act(client, request, "ask_information", text="Mitä tietoja tarkoitat?", reason="clarify")
    mail = newest_mail(session)
    assert "tietosuoja-asetuksen johdanto-osan 63 perustelukappale" in mail.body
    assert "määräaika ei kulu tästä päivästä" in mail.body
    status = client.get(STATUS.search(mail.body).group(1)).get_data(as_text=True)
    assert "(määräaika ei kulu, ennen kuin vastaat)" in status
    answer(client, monkeypatch, mail, "2026-03-13")
    assert due_on(session, request) == "2026-04-13"


def test_a_question_for_another_reason_never_moves_the_due_date(client, session, handler,
                                                                 monkeypatch):
    request = make_request(session, received="2026-03-02")
    at(monkeypatch, "2026-03-03")
    act(client, request, "ask_information", text="Haluatko vastauksen postitse?",
        reason="other")
    mail = newest_mail(session)
    assert "artikla" not in mail.body and "määräaika kuluu normaalisti" in mail.body
    status_path = answer(client, monkeypatch, mail, "2026-03-13")
    assert due_on(session, request) == "2026-04-02"
    assert "määräaika ei kulu" not in client.get(status_path).get_data(as_text=True)


def test_an_identity_question_after_the_due_date_leaves_it_in_force(client, session, handler,
                                                                     monkeypatch):
    request = make_request(session, received="2026-03-02")
    at(monkeypatch, "2026-04-03")
    act(client, request, "ask_information", text="Henkilöllisyys?", reason="identity")
    mail = newest_mail(session)
    assert "tietosuoja-asetuksen 12 artiklan 6 kohta" in mail.body
    assert "määräaika kuluu normaalisti" in mail.body
    answer(client, monkeypatch, mail, "2026-04-20")
    assert due_on(session, request) == "2026-04-02"


def test_the_digest_lists_a_paused_request_as_waiting_not_overdue(app, client, session, handler,
                                                                  monkeypatch):
    paused = make_request(session, received="2026-03-02", name="Paused")
    other = make_request(session, received="2026-03-02", name="Other")
    at(monkeypatch, "2026-03-03")
    act(client, paused, "ask_information", text="Kuka olet?", reason="identity")
    act(client, other, "ask_information", text="Postitse?", reason="other")
    session.expire_all()
    with app.test_request_context():
        digest = reminders.digest_for(session, handler, date(2026, 4, 10))
        assert [r.name for r in digest.overdue] == ["Other"]
        assert [r.name for r in digest.waiting] == ["Paused"]
        reminders.send_reminders(session, date(2026, 4, 10))
        session.commit()
    [mail] = session.scalars(select(OutboxMail).where(OutboxMail.recipient == handler.email))
    overdue, waiting = mail.body.split("Waiting for the requester's answer")
    assert "MUSEOKORTTI-2026-0002" in overdue and "MUSEOKORTTI-2026-0001" not in overdue
    assert "MUSEOKORTTI-2026-0001" in waiting


def test_the_requester_is_reminded_once_after_the_configured_days(app, client, session, handler,
                                                                  monkeypatch, runner):
    request = make_request(session, received="2026-03-02")
    at(monkeypatch, "2026-03-03")
    act(client, request, "ask_information", text="Kuka olet?", reason="identity")
    session.expire_all()
    with app.test_request_context():
        assert reminders.remind_requesters(session, at_helsinki("2026-03-16"),
                                           after_days=14) == 0
        assert reminders.remind_requesters(session, at_helsinki("2026-03-17"),
                                           after_days=14) == 1
        session.commit()
        assert reminders.remind_requesters(session, at_helsinki("2026-03-30"),
                                           after_days=14) == 0
    mail = newest_mail(session)
    assert mail.recipient == "aino@example.fi" and "MUSEOKORTTI-2026-0001" in mail.subject
    assert "3. maaliskuuta 2026" in mail.body and "/fi/requests/status/" in mail.body
    status = client.get(STATUS.search(mail.body).group(1)).get_data(as_text=True)
    assert "Sinua muistutettiin kysymyksestä" in status
    assert [e.kind for e in session.get(DataRequest, request.id).events][-1] == "info_reminded"


def test_the_daily_job_reminds_requesters(app, client, session, handler, monkeypatch, runner):
    request = make_request(session, received="2026-03-02")
    at(monkeypatch, "2026-03-03")
    act(client, request, "ask_information", text="Kuka olet?", reason="clarify")
    from portal.backoffice import cli
    monkeypatch.setattr(cli, "utcnow", lambda: at_helsinki("2026-03-30"))
    result = runner.invoke(args=["deadlines", "remind"])
    assert "digests queued: 1\nrequesters reminded: 1" in result.output
    session.expire_all()
    mails = session.scalars(select(OutboxMail).order_by(OutboxMail.id)).all()
    assert {m.recipient for m in mails[-2:]} == {"aino@example.fi", handler.email}
