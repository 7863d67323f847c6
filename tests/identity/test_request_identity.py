"""A request filed after strong identification carries it; the identity code stays secret."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from sqlalchemy import inspect, select, text

from portal.dsr import service
from portal.dsr.models import DataRequest
from portal.identity.models import RequestIdentity
from tests.backoffice.factories import csrf_of, decide, make_request, signed_in_staff
from tests.dsr.helpers import form_fields, valid_request
from tests.htmlcheck import html_problems
from tests.idp.provider import identify

CODE = "010180-9026"


def _identified_request(client, session, name="Matti Meikäläinen"):
    start = client.get("/fi/identify/start")
    back = urlsplit(identify(start.headers["Location"], "http://localhost/identify/callback"))
    assert client.get(f"{back.path}?{back.query}").status_code == 303
    form = client.get("/fi/requests/new").get_data(as_text=True)
    assert "Olet tunnistautunut nimellä Matti Meikäläinen" in form
    response = client.post("/fi/requests/new", data={
        **form_fields(client), **valid_request(name=name, registers=["kamu-asiakasrekisteri"])})
    assert response.status_code == 302
    data_request = session.scalar(select(DataRequest).order_by(DataRequest.id.desc()))
    service.confirm(session, data_request, now=data_request.received_at)
    session.commit()
    return data_request


def _everything_stored(session) -> str:
    tables = inspect(session.get_bind()).get_table_names()
    rows = [repr(session.execute(text(f'SELECT * FROM "{table}"')).all()) for table in tables]
    return "\n".join(rows)


def test_staff_see_the_level_and_the_name_match_and_reveal_the_code_with_an_audit_entry(
        identity_db_app, caplog, tmp_path):
    caplog.set_level(logging.DEBUG)
    session = identity_db_app.extensions["db_sessionmaker"]()
    requester = identity_db_app.test_client()
    data_request = _identified_request(requester, session)

    staff = identity_db_app.test_client()
    signed_in_staff(staff, session)
    page = staff.get(f"/admin/requests/{data_request.id}").get_data(as_text=True)
    assert "strong (substantial)" in page and "matches the name given" in page
    assert CODE not in page and "010180-****" not in page

    path = f"/admin/requests/{data_request.id}"
    shown = staff.post(f"{path}/identity/code", data={"csrf_token": csrf_of(staff, path)})
    assert shown.status_code == 200 and CODE in shown.get_data(as_text=True)
    page = staff.get(path).get_data(as_text=True)
    assert "Personal identity code shown" in page
    assert html_problems({"request": page.encode(), "shown": shown.data,
                          "form": requester.get("/sv/requests/new").data}, tmp_path) == []

    # Nowhere in clear: not in any table (requests, events, outbox mail, audit), not in a log.
    session.expire_all()
    stored = _everything_stored(session)
    assert CODE not in stored and "9026" not in stored
    assert CODE not in caplog.text

    session.delete(session.get(DataRequest, data_request.id))
    session.commit()
    assert session.scalars(select(RequestIdentity)).all() == []
    session.close()


def test_a_different_name_is_pointed_out(identity_db_app):
    session = identity_db_app.extensions["db_sessionmaker"]()
    data_request = _identified_request(identity_db_app.test_client(), session,
                                       name="Aino Asiakas")
    staff = identity_db_app.test_client()
    signed_in_staff(staff, session)
    page = staff.get(f"/admin/requests/{data_request.id}").get_data(as_text=True)
    assert "differs from the name given" in page
    session.close()


def test_a_request_without_identification_is_at_email_level(identity_db_app):
    session = identity_db_app.extensions["db_sessionmaker"]()
    client = identity_db_app.test_client()
    client.post("/fi/requests/new", data={**form_fields(client),
                                          **valid_request(registers=["kamu-asiakasrekisteri"])})
    data_request = session.scalar(select(DataRequest))
    service.confirm(session, data_request, now=data_request.received_at)
    session.commit()
    staff = identity_db_app.test_client()
    signed_in_staff(staff, session)
    page = staff.get(f"/admin/requests/{data_request.id}").get_data(as_text=True)
    assert "e-mail address confirmed" in page
    assert "Show the personal identity code" not in page
    session.close()


def test_a_granted_access_decision_waits_for_strong_identification(identity_db_app, tmp_path):
    """KAMU holds personal identity codes: at e-mail level the answer cannot be sent; the
    error links to the identification on the page; identified strongly, it goes."""
    session = identity_db_app.extensions["db_sessionmaker"]()
    staff = identity_db_app.test_client()
    signed_in_staff(staff, session)
    weak = make_request(session, register="kamu-asiakasrekisteri")
    response = decide(staff, weak, "granted")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "only after strong electronic identification" in page
    assert 'href="#identification"' in page and 'id="identification"' in page
    assert html_problems({"refused": response.data}, tmp_path) == []
    session.expire_all()
    assert session.get(DataRequest, weak.id).state == "received"

    strong = _identified_request(identity_db_app.test_client(), session)
    assert decide(staff, strong, "granted").status_code == 302
    session.expire_all()
    assert session.get(DataRequest, strong.id).state == "completed"
    session.close()


def test_a_request_at_email_level_is_identified_later_from_its_status_page(identity_db_app):
    session = identity_db_app.extensions["db_sessionmaker"]()
    client = identity_db_app.test_client()
    client.post("/fi/requests/new", data={**form_fields(client), **valid_request(
        name="Matti Meikäläinen", registers=["kamu-asiakasrekisteri"])})
    data_request = session.scalar(select(DataRequest))
    token = service.confirm(session, data_request, now=data_request.received_at)
    session.commit()

    status = f"/fi/requests/status/{token}"
    page = client.get(status).get_data(as_text=True)
    assert "tietojasi luovutetaan tai ne poistetaan vasta, kun olet tunnistautunut" in page
    start = client.get(f"{status}/identify")
    assert start.status_code == 303
    back = urlsplit(identify(start.headers["Location"], "http://localhost/identify/callback"))
    response = client.get(f"{back.path}?{back.query}")
    assert response.headers["Location"].endswith(status)
    assert "Olet tunnistautunut vahvasti tätä pyyntöä varten." in client.get(
        status).get_data(as_text=True)

    staff = identity_db_app.test_client()
    signed_in_staff(staff, session)
    assert decide(staff, data_request, "granted").status_code == 302
    assert client.get("/fi/requests/status/not-a-link/identify").status_code == 404
    session.close()
