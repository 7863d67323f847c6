"""The back office runs a document request on the Openness Act clock (621/1999 §13-14, legal
rules §9): one month only for a reason told within the two weeks, no pause for identity, and a
specification that restarts the time."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from portal.dsr import service, views
from portal.dsr.models import DataRequest
from tests.backoffice.factories import signed_in_staff
from tests.backoffice.test_actions import act, at, newest_mail
from tests.dsr.helpers import at_helsinki, csrf


@pytest.fixture
def handler(client, session):
    return signed_in_staff(client, session)  # a DPO of Espoo, a public authority


def document_request(session, received: str) -> DataRequest:
    submission = service.Submission(
        right="access", register_slugs=(), name="", email="aino@example.fi", phone="",
        details="Rakennuslupapäätökset 2025.", locale="fi", submission_key=f"doc-{received}",
        law="openness", authority_slug="espoo")
    request, _token = service.submit(session, submission, now=at_helsinki(received),
                                     valid_for=timedelta(days=7),
                                     operator_register="tietosuojaportaali")
    service.confirm(session, request, now=at_helsinki(received))
    session.commit()
    return request


def answer(client, monkeypatch, mail_body: str, day: str, text: str) -> str:
    status_path = re.search(r"http://localhost(/fi/requests/status/\S+)", mail_body).group(1)
    monkeypatch.setattr(views, "utcnow", lambda: at_helsinki(day))
    client.post(status_path + "/answer", data={"csrf_token": csrf(client, status_path),
                                               "answer": text})
    return status_path


def due_on(session, request) -> date:
    session.expire_all()
    return session.get(DataRequest, request.id).due_on


def test_a_specification_restarts_the_two_weeks_and_one_month_is_told(client, session, handler,
                                                                       monkeypatch):
    request = document_request(session, "2026-03-02")
    assert request.due_on == date(2026, 3, 16)  # two weeks, Monday to Monday
    at(monkeypatch, "2026-03-03")
    assert act(client, request, "ask_information", text="Minkä kaupunginosan päätökset?",
               reason="clarify").status_code == 302
    mail = newest_mail(session)
    assert "julkisuuslain (621/1999) 13 §:n 1 momentti" in mail.body
    assert "alkaa kulua uudelleen siitä päivästä, jona vastauksesi saapuu" in mail.body
    status_path = answer(client, monkeypatch, mail.body, "2026-03-10", "Tapiolan.")
    assert due_on(session, request) == date(2026, 3, 24)  # two weeks from the specification
    status = client.get(status_path).get_data(as_text=True)
    assert "Pyyntöä täsmennettiin 10. maaliskuuta 2026" in status

    at(monkeypatch, "2026-03-24")  # the last day of the two weeks
    assert act(client, request, "extend", text="Päätöksiä on yli 300.").status_code == 302
    assert due_on(session, request) == date(2026, 4, 10)  # one month from the specification
    mail = newest_mail(session)
    assert "kuukauden kuluessa kahden viikon sijaan" in mail.body
    assert "perjantai 10. huhtikuuta 2026" in mail.body and "Päätöksiä on yli 300." in mail.body
    assert "julkisuuslain (621/1999) 14 §:n 4 momentti" in mail.body


def test_asking_for_identity_does_not_stop_the_clock(client, session, handler, monkeypatch):
    request = document_request(session, "2026-03-02")
    at(monkeypatch, "2026-03-03")
    act(client, request, "ask_information", text="Mihin tarkoitukseen?", reason="identity")
    mail = newest_mail(session)
    assert "julkisuuslain (621/1999) 13 §:n 2 momentti" in mail.body
    answer(client, monkeypatch, mail.body, "2026-03-10", "Tutkimukseen.")
    assert due_on(session, request) == date(2026, 3, 16)


def test_one_month_cannot_be_taken_after_the_two_weeks(client, session, handler, monkeypatch):
    request = document_request(session, "2026-03-02")
    page = client.get(f"/admin/requests/{request.id}").get_data(as_text=True)
    assert "Decide within one month instead of two weeks" in page
    assert "Extend the time limit by two months" not in page
    at(monkeypatch, "2026-03-17")
    response = act(client, request, "extend", text="Liian myöhään.")
    assert response.status_code == 400
    assert "The two weeks have passed" in response.get_data(as_text=True)
    assert due_on(session, request) == date(2026, 3, 16)
