"""Staff and identity: levels per register, verification in person, asking the requester to
identify, and what the requester writes about their identity (issue 14, legal rules §8)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from sqlalchemy import select

from portal.audit import AuditEntry
from portal.backoffice.postal import PostalLetter
from portal.db import utcnow
from portal.dsr import service
from portal.identity import service as identity_service
from portal.mail.models import OutboxMail
from tests.backoffice.factories import (
    csrf_of,
    current_version,
    decide,
    make_request,
    make_staff,
    sign_in,
    signed_in_staff,
)
from tests.htmlcheck import html_problems
from tests.idp.provider import identify


def test_a_verification_in_person_lets_a_granted_answer_go_and_keeps_no_document_number(
        identity_db_app, tmp_path):
    session = identity_db_app.extensions["db_sessionmaker"]()
    staff = identity_db_app.test_client()
    signed_in_staff(staff, session)
    data_request = make_request(session, register="kamu-asiakasrekisteri")
    assert decide(staff, data_request, "granted").status_code == 400

    page = f"/admin/requests/{data_request.id}"
    refused = staff.post(f"{page}/identity/in-person", data={
        "csrf_token": csrf_of(staff, page), "document_type": "AB1234567"})
    assert refused.status_code == 400 and 'href="#document-type"' in refused.get_data(
        as_text=True)
    staff.post(f"{page}/identity/in-person", data={
        "csrf_token": csrf_of(staff, page), "document_type": "passport"})
    shown = staff.get(page)
    assert "verified in person from a document: Passport" in shown.get_data(as_text=True)
    assert html_problems({"in_person": shown.data}, tmp_path) == []
    entry = session.scalar(select(AuditEntry).where(
        AuditEntry.action == "request.verify_in_person"))
    assert entry.after == {"document_type": "passport"}
    assert decide(staff, data_request, "granted").status_code == 302
    session.close()


def test_asking_to_identify_pauses_and_offers_strong_identification_and_the_proof_stays_private(
        identity_db_app, tmp_path):
    """Museum Card needs only e-mail by default; the handler still asks. What the requester
    then writes to prove who they are is for staff only, never on the status page."""
    session = identity_db_app.extensions["db_sessionmaker"]()
    staff = identity_db_app.test_client()
    signed_in_staff(staff, session, orgs=("museokortti",))
    data_request = make_request(session, register="museokortti",
                                received=utcnow().date().isoformat())
    token = service.new_status_link(data_request)
    session.commit()
    status = f"/fi/requests/status/{token}"
    requester = identity_db_app.test_client()
    assert "Tunnistaudu" not in requester.get(status).get_data(as_text=True)

    page = f"/admin/requests/{data_request.id}"
    assert staff.post(f"{page}/identity/ask", data={
        "csrf_token": csrf_of(staff, page),
        "version": current_version(staff, data_request)}).status_code == 302
    mail = session.scalar(select(OutboxMail).where(OutboxMail.template == "dsr_info_request"))
    assert "Tunnistaudu vahvasti" in mail.body
    shown = requester.get(status)
    text = shown.get_data(as_text=True)
    assert "määräaika ei kulu, ennen kuin vastaat" in text
    assert f"{status}/identify" in text
    assert html_problems({"asked": shown.data}, tmp_path) == []

    requester.post(f"{status}/answer", data={"csrf_token": csrf_of(requester, status),
                                             "answer": "Passini numero on XP1234567."})
    assert "XP1234567" not in requester.get(status).get_data(as_text=True)
    assert "XP1234567" in staff.get(page).get_data(as_text=True)

    # Identifying strongly from the status page raises the request's level.
    start = requester.get(f"{status}/identify")
    back = urlsplit(identify(start.headers["Location"], "http://localhost/identify/callback"))
    requester.get(f"{back.path}?{back.query}")
    assert "strong (substantial)" in staff.get(page).get_data(as_text=True)
    session.close()


def test_a_dpo_sets_a_register_s_levels_and_delivery_and_a_handler_cannot(identity_db_app,
                                                                          tmp_path):
    session = identity_db_app.extensions["db_sessionmaker"]()
    dpo = identity_db_app.test_client()
    signed_in_staff(dpo, session, orgs=("espoo", "museokortti"))
    settings = "/admin/organisations/museokortti/identification"
    page = dpo.get(settings)
    assert page.status_code == 200
    assert html_problems({"settings": page.data}, tmp_path) == []
    assert "Default: confirmed e-mail address" in page.get_data(as_text=True)
    assert "Default: strong identification" in dpo.get(
        "/admin/organisations/espoo/identification").get_data(as_text=True)
    response = dpo.post(settings, data={"csrf_token": csrf_of(dpo, settings),
                                        "museokortti-access": "strong",
                                        "museokortti-delivery": "collect"})
    assert response.status_code == 302

    data_request = make_request(session, register="museokortti")
    detail = dpo.get(f"/admin/requests/{data_request.id}").get_data(as_text=True)
    assert "strong identification or verification in person" in detail
    assert decide(dpo, data_request, "granted", send=False).status_code == 302
    assert re.search(r'id="delivery-collect"[^>]* checked', dpo.get(
        f"/admin/requests/{data_request.id}").get_data(as_text=True))
    assert decide(dpo, data_request, "granted").status_code == 400
    assert session.scalar(select(AuditEntry).where(
        AuditEntry.action == "register.identification")).after == {
            "levels": {"access": "strong"}, "delivery": "collect"}

    handler = identity_db_app.test_client()
    sign_in(handler, make_staff(session, email="kasittelija@espoo.example", role="handler",
                                     orgs=("museokortti",)))
    assert handler.get(settings).status_code == 403
    session.close()


def test_a_requester_without_e_mail_gets_the_answer_by_post_unless_staff_choose_collection(
        identity_db_app):
    """A paper requester's answer is enclosed with the posted letter by default, even where the
    register collects; if staff choose collection, the letter says so, not "this e-mail"."""
    session = identity_db_app.extensions["db_sessionmaker"]()
    dpo = identity_db_app.test_client()
    staff = signed_in_staff(dpo, session, orgs=("museokortti",))
    settings = "/admin/organisations/museokortti/identification"
    assert dpo.post(settings, data={"csrf_token": csrf_of(dpo, settings),
                                    "museokortti-access": "strong",
                                    "museokortti-delivery": "collect"}).status_code == 302
    data_request = make_request(session, register="museokortti", email="")
    identity_service.verify_in_person(session, data_request, staff_id=staff.id,
                                      document_type="passport")
    session.commit()
    assert decide(dpo, data_request, "granted", send=False).status_code == 302
    page = f"/admin/requests/{data_request.id}"
    form = dpo.get(page).get_data(as_text=True)
    assert re.search(r'id="delivery-attach"[^>]* checked', form)
    assert "Printed and enclosed with the letter posted to the requester" in form
    assert "choose this only if they can use the web" in form
    assert dpo.post(f"{page}/decision/send", data={
        "csrf_token": csrf_of(dpo, page), "version": current_version(dpo, data_request),
        "delivery": "collect"}).status_code == 302
    [letter] = session.scalars(select(PostalLetter).where(
        PostalLetter.request_id == data_request.id)).all()
    assert "ei liitetä tähän kirjeeseen" in letter.body and "sähköpostiin" not in letter.body
    assert letter.enclosures == []
    session.close()
