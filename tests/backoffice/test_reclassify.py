"""Reclassifying a request between the GDPR and the Openness Act (legal rules §9): the receipt
date stays, the due date is counted again under the new law, and the requester is told."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from portal.audit import AuditEntry
from portal.backoffice import reclassify_views
from portal.dsr.models import DataRequest
from tests.backoffice.factories import csrf_of, current_version, make_request, signed_in_staff
from tests.backoffice.test_actions import newest_mail
from tests.dsr.helpers import at_helsinki


@pytest.fixture
def dpo(client, session):
    return signed_in_staff(client, session)  # a DPO of Espoo, a public authority


def move(client, request, law, monkeypatch, day, text=""):
    monkeypatch.setattr(reclassify_views, "utcnow", lambda: at_helsinki(day))
    return client.post(f"/admin/requests/{request.id}/reclassify", data={
        "csrf_token": csrf_of(client, f"/admin/requests/{request.id}"), "law": law,
        "version": current_version(client, request), "text": text})


def reread(session, request) -> DataRequest:
    session.expire_all()
    return session.get(DataRequest, request.id)


def test_both_ways_recount_from_the_original_receipt(client, session, dpo, monkeypatch):
    request = make_request(session, register="kamu-asiakasrekisteri", received="2026-03-02")
    assert request.due_on == date(2026, 4, 2)  # one month; Maundy Thursday is a working day
    page = client.get(f"/admin/requests/{request.id}").get_data(as_text=True)
    assert "Handle as a document request (Openness Act)" in page

    response = move(client, request, "openness", monkeypatch, "2026-03-05",
                    text="Pyydätte kaupungin asiakirjoja.")
    assert response.status_code == 302
    moved = reread(session, request)
    assert (moved.law, moved.due_on) == ("openness", date(2026, 3, 16))  # two weeks from 2 Mar
    mail = newest_mail(session)
    assert "julkisuuslain" not in mail.subject and "käsitellään" in mail.subject
    assert "asiakirjapyyntönä" in mail.body and "2. maaliskuuta 2026" in mail.body
    assert "maanantai 16. maaliskuuta 2026" in mail.body
    status_path = "/fi/requests/status/" + mail.body.split("/fi/requests/status/")[1].split()[0]
    status = client.get(status_path).get_data(as_text=True)
    assert "Käsitellään nyt julkisuuslain mukaisena asiakirjapyyntönä" in status
    assert "Pyydätte kaupungin asiakirjoja." in status

    assert move(client, request, "gdpr", monkeypatch, "2026-03-06").status_code == 302
    back = reread(session, request)
    assert (back.law, back.due_on) == ("gdpr", date(2026, 4, 2))
    assert "tietosuojapyyntönä" in newest_mail(session).body
    audit = session.scalars(select(AuditEntry).where(
        AuditEntry.action == "request.reclassify")).all()
    assert [(e.before["law"], e.after["law"]) for e in audit] == [
        ("gdpr", "openness"), ("openness", "gdpr")]


def test_an_extension_does_not_carry_over(client, session, dpo, monkeypatch):
    request = make_request(session, register="kamu-asiakasrekisteri", received="2026-03-02")
    request.extension_notified_on = date(2026, 3, 3)
    session.commit()
    move(client, request, "openness", monkeypatch, "2026-03-05")
    moved = reread(session, request)
    assert moved.extension_notified_on is None and moved.due_on == date(2026, 3, 16)


@pytest.mark.parametrize("register, right", [("museokortti", "access"),
                                             ("kamu-asiakasrekisteri", "erasure")])
def test_only_access_requests_to_an_authority_can_move(client, session, monkeypatch, register,
                                                      right):
    signed_in_staff(client, session, orgs=("espoo", "museokortti"))
    request = make_request(session, register=register, right=right)
    page = client.get(f"/admin/requests/{request.id}").get_data(as_text=True)
    assert "Handle as a document request" not in page
    response = move(client, request, "openness", monkeypatch, "2026-03-05")
    assert response.status_code == 400
    assert "Only an open request for access to a public authority" in response.text
    assert reread(session, request).law == "gdpr"


def test_the_pages_of_a_document_request_are_valid_html(client, session, dpo, monkeypatch,
                                                         tmp_path):
    from tests.htmlcheck import html_problems

    request = make_request(session, register="kamu-asiakasrekisteri", received="2026-03-02")
    before = client.get(f"/admin/requests/{request.id}").data
    move(client, request, "openness", monkeypatch, "2026-03-05", text="Asiakirjoja.")
    after = client.get(f"/admin/requests/{request.id}").data
    mail = newest_mail(session)
    status_path = "/fi/requests/status/" + mail.body.split("/fi/requests/status/")[1].split()[0]
    assert html_problems({"gdpr": before, "openness": after,
                          "status": client.get(status_path).data}, tmp_path) == []
