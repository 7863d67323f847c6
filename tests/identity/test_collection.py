"""Answers by secure collection, status links revoked and reissued (issue 14 parts 5 and 6)."""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from portal.audit import AuditEntry
from portal.dsr import service
from portal.dsr.models import DataRequest
from portal.identity.models import CollectionCode
from portal.mail.models import OutboxMail
from tests.backoffice.factories import (
    csrf_of,
    current_version,
    decide,
    make_request,
    signed_in_staff,
)
from tests.dsr.helpers import form_fields
from tests.htmlcheck import html_problems
from tests.identity.test_request_identity import _identified_request
from tests.idp.provider import identify


def _send_for_collection(staff, data_request):
    assert decide(staff, data_request, "granted", send=False).status_code == 302
    page = f"/admin/requests/{data_request.id}"
    form = staff.get(page).get_data(as_text=True)
    assert 'id="delivery-attach" checked' in form  # the register's default
    return staff.post(f"{page}/decision/send", data={
        "csrf_token": csrf_of(staff, page), "version": current_version(staff, data_request),
        "delivery": "collect"})


def _link_in(mail: OutboxMail) -> str:
    return urlsplit(re.search(r"https?://\S+/requests/status/\S+", mail.body).group(0)).path


def _identify_on(client, status: str, person: str) -> object:
    start = client.get(f"{status}/identify")
    back = urlsplit(identify(start.headers["Location"], "http://localhost/identify/callback",
                             person=person))
    return client.get(f"{back.path}?{back.query}")


def test_an_answer_for_collection_is_downloaded_only_by_the_person_identified_again(
        identity_db_app, tmp_path):
    session = identity_db_app.extensions["db_sessionmaker"]()
    data_request = _identified_request(identity_db_app.test_client(), session)
    staff = identity_db_app.test_client()
    signed_in_staff(staff, session)
    assert _send_for_collection(staff, data_request).status_code == 302

    mail = session.scalar(select(OutboxMail).where(OutboxMail.template == "dsr_decision_collect"))
    assert mail.attachments == []
    assert "ei ole liitetty tähän sähköpostiin" in mail.body
    status = _link_in(mail)

    # Another browser with the link, not identified: no file.
    stranger = identity_db_app.test_client()
    page = stranger.get(status).get_data(as_text=True)
    assert "Tunnistaudu ladataksesi vastauksen" in page and "/answer/" not in page
    document = session.scalar(select(DataRequest).where(
        DataRequest.id == data_request.id)).documents[0]
    assert stranger.get(f"{status}/answer/{document.id}").status_code == 403
    # Identified strongly, but as someone else: refused, still no file.
    other = _identify_on(stranger, status, "tester-2")
    assert other.status_code == 403
    assert "olet eri henkilö" in other.get_data(as_text=True)
    assert stranger.get(f"{status}/answer/{document.id}").status_code == 403

    requester = identity_db_app.test_client()
    assert _identify_on(requester, status, "tester-1").status_code == 303
    page = requester.get(status)
    assert f"{status}/answer/{document.id}" in page.get_data(as_text=True)
    download = requester.get(f"{status}/answer/{document.id}")
    assert download.status_code == 200 and download.data.startswith(b"%PDF")
    assert download.headers["Cache-Control"] == "no-store"
    page = requester.get(status)
    assert "Latasit vastauksen" in page.get_data(as_text=True)
    assert html_problems({"collect": page.data}, tmp_path) == []
    session.expire_all()
    assert session.scalar(select(AuditEntry).where(
        AuditEntry.action == "request.answer_downloaded")) is not None

    # The collection link outlives the grace period after closing; it ends with retention.
    closed = service.closed_on(session.get(DataRequest, data_request.id))
    assert service.by_status_token(session, status.rsplit("/", 1)[1],
                                   now=closed + timedelta(days=400),
                                   valid_after_closing=timedelta(days=90)).id == data_request.id
    session.close()


def test_revoked_status_links_stop_working_and_a_new_one_is_mailed(identity_db_app):
    session = identity_db_app.extensions["db_sessionmaker"]()
    client = identity_db_app.test_client()
    data_request = _identified_request(client, session)
    old = f"/fi/requests/status/{service.new_status_link(data_request)}"  # as in a mail
    session.commit()
    assert client.get(old).status_code == 200
    staff = identity_db_app.test_client()
    signed_in_staff(staff, session)
    page = f"/admin/requests/{data_request.id}"
    response = staff.post(f"{page}/links/reissue", data={"csrf_token": csrf_of(staff, page)})
    assert response.status_code == 302
    assert client.get(old).status_code == 404
    new = session.scalar(select(OutboxMail).where(OutboxMail.template == "dsr_status_link"))
    assert new.recipient == data_request.email
    assert client.get(_link_in(new)).status_code == 200
    assert "Status links revoked and a new one sent" in staff.get(page).get_data(as_text=True)
    session.close()


@pytest.mark.parametrize("closed_days, works", [(89, True), (91, False)])
def test_a_status_link_ends_a_grace_period_after_the_case_is_closed(identity_db_app,
                                                                    closed_days, works):
    session = identity_db_app.extensions["db_sessionmaker"]()
    data_request = _identified_request(identity_db_app.test_client(), session)
    staff = identity_db_app.test_client()
    signed_in_staff(staff, session)
    assert decide(staff, data_request, "granted").status_code == 302
    mail = session.scalar(select(OutboxMail).where(OutboxMail.template == "dsr_decision"))
    assert mail.attachments  # attached as before when the handler keeps the default
    token = _link_in(mail).rsplit("/", 1)[1]
    session.expire_all()
    closed = service.closed_on(session.get(DataRequest, data_request.id))
    settings_days = identity_db_app.config["PORTAL"].status_link_days
    assert settings_days == 90
    try:
        found = service.by_status_token(session, token, now=closed + timedelta(days=closed_days),
                                        valid_after_closing=timedelta(days=settings_days))
        assert works and found.id == data_request.id
    except service.LinkInvalid:
        assert not works
    session.close()


def test_where_the_register_allows_e_mail_level_a_one_time_code_opens_the_answer(
        identity_db_app, tmp_path):
    session = identity_db_app.extensions["db_sessionmaker"]()
    staff = identity_db_app.test_client()
    signed_in_staff(staff, session, orgs=("museokortti",))
    data_request = make_request(session, register="museokortti")
    assert _send_for_collection(staff, data_request).status_code == 302
    status = _link_in(session.scalar(select(OutboxMail).where(
        OutboxMail.template == "dsr_decision_collect")))
    document = session.get(DataRequest, data_request.id).documents[0]

    requester = identity_db_app.test_client()
    assert requester.get(f"{status}/answer/{document.id}").status_code == 403
    requester.post(f"{status}/collect/code", data={"csrf_token": csrf_of(requester, status)})
    mail = session.scalar(select(OutboxMail).where(OutboxMail.template == "dsr_collection_code"))
    code = re.search(r"(?<![\w-])(\d{6})(?![\w-])", mail.body).group(1)
    stored = session.scalar(select(CollectionCode))
    assert code not in stored.code_hash

    wrong = requester.post(f"{status}/collect/check", data={
        "csrf_token": csrf_of(requester, status), "code": "abc"})
    assert wrong.status_code == 400
    assert 'aria-invalid="true"' in wrong.get_data(as_text=True)
    assert html_problems({"wrong_code": wrong.data}, tmp_path) == []
    assert requester.get(f"{status}/answer/{document.id}").status_code == 403
    assert requester.post(f"{status}/collect/check", data={
        "csrf_token": csrf_of(requester, status), "code": code}).status_code == 302
    assert requester.get(f"{status}/answer/{document.id}").status_code == 200
    # Used up: another browser with the same code gets nothing.
    other = identity_db_app.test_client()
    assert other.post(f"{status}/collect/check", data={
        "csrf_token": csrf_of(other, status), "code": code}).status_code == 400
    session.close()


def test_a_one_time_code_is_not_offered_where_the_register_needs_strong_identification(
        identity_db_app):
    session = identity_db_app.extensions["db_sessionmaker"]()
    data_request = _identified_request(identity_db_app.test_client(), session)
    staff = identity_db_app.test_client()
    signed_in_staff(staff, session)
    _send_for_collection(staff, data_request)
    status = _link_in(session.scalar(select(OutboxMail).where(
        OutboxMail.template == "dsr_decision_collect")))
    client = identity_db_app.test_client()
    assert "/collect/code" not in client.get(status).get_data(as_text=True)
    assert client.post(f"{status}/collect/code", data={
        "csrf_token": form_fields(client)["csrf_token"]}).status_code == 404
    session.close()
