"""Each right's steps on a stored request: restriction and its lifting, transmission."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import select

from portal.backoffice import steps_views
from portal.dsr.models import DataRequest
from portal.mail.models import OutboxMail
from tests.backoffice.factories import (
    csrf_of,
    current_version,
    decide,
    make_request,
    signed_in_staff,
)
from tests.backoffice.test_actions import at, newest_mail
from tests.dsr.helpers import at_helsinki


@pytest.fixture
def handler(client, session):
    return signed_in_staff(client, session, email="handler@museot.example", orgs=("museokortti",))


def on(monkeypatch, day: str) -> None:
    at(monkeypatch, day)
    monkeypatch.setattr(steps_views, "utcnow", lambda: at_helsinki(day))


def step(client, request, path, **fields):
    page = f"/admin/requests/{request.id}"
    return client.post(f"{page}/{path}", data={
        "csrf_token": csrf_of(client, page), "version": current_version(client, request),
        **fields})


def fresh(session, request) -> DataRequest:
    session.expire_all()
    return session.get(DataRequest, request.id)


def test_a_restriction_is_set_the_requester_told_and_then_lifted(client, session, handler,
                                                                 monkeypatch):
    request = make_request(session, right="restriction", received="2026-03-02")
    on(monkeypatch, "2026-03-03")
    assert step(client, request, "restriction", step="restrict").status_code == 302
    mail = newest_mail(session)
    assert "3. maaliskuuta 2026" in mail.body and "tietosuoja-asetuksen 18 artiklan 1 kohta" \
        in mail.body
    queue = client.get("/admin/requests").get_data(as_text=True)
    assert "Processing restricted since 3/3/26" in queue

    on(monkeypatch, "2026-03-20")
    refused = step(client, request, "restriction", step="lift")
    assert refused.status_code == 400
    assert fresh(session, request).restriction_lifted_on is None

    assert step(client, request, "restriction", step="announce",
                text="Tietojen oikeellisuus on tarkistettu.").status_code == 302
    told = newest_mail(session)
    assert "poistetaan" in told.body and "Tietojen oikeellisuus on tarkistettu." in told.body
    assert "told that the restriction will be lifted" in client.get(
        f"/admin/requests/{request.id}").get_data(as_text=True)
    on(monkeypatch, "2026-03-23")
    assert step(client, request, "restriction", step="lift").status_code == 302
    stored = fresh(session, request)
    assert (str(stored.restricted_since), str(stored.restriction_told_on),
            str(stored.restriction_lifted_on)) == ("2026-03-03", "2026-03-20", "2026-03-23")
    assert "Processing restricted since" not in client.get("/admin/requests").get_data(
        as_text=True)
    kinds = [e.kind for e in stored.events]
    assert kinds[-3:] == ["restricted", "restriction_lifting_told", "restriction_lifted"]


def test_lifting_needs_reasons_for_the_requester(client, session, handler, monkeypatch):
    request = make_request(session, right="restriction")
    on(monkeypatch, "2026-03-04")
    step(client, request, "restriction", step="restrict")
    page = step(client, request, "restriction", step="announce", text=" ")
    assert page.status_code == 400
    assert 'href="#lifting-text"' in page.get_data(as_text=True)


def test_an_objection_is_restricted_while_assessed_in_one_click(client, session, handler,
                                                                monkeypatch):
    request = make_request(session, right="objection")
    on(monkeypatch, "2026-03-04")
    page = client.get(f"/admin/requests/{request.id}").get_data(as_text=True)
    assert "Restrict while the objection is assessed" in page
    assert step(client, request, "restriction", step="restrict").status_code == 302
    assert "tietosuoja-asetuksen 18 artiklan 1 kohdan d alakohta" in newest_mail(session).body
    again = step(client, request, "restriction", step="restrict")
    assert again.status_code == 400


def test_an_access_request_is_not_restricted(client, session, handler, monkeypatch):
    request = make_request(session, right="access")
    on(monkeypatch, "2026-03-04")
    assert "Restriction of processing" not in client.get(
        f"/admin/requests/{request.id}").get_data(as_text=True)
    assert step(client, request, "restriction", step="restrict").status_code == 400
    assert fresh(session, request).restricted_since is None


CSV = b"nimi,kortti\r\nAino Asiakas,12345\r\n"


def test_a_portability_answer_is_transmitted_to_the_address_the_requester_gave(
        client, session, handler, monkeypatch):
    request = make_request(session, right="portability")
    on(monkeypatch, "2026-03-04")
    assert decide(client, request, "granted", text="Tiedot liitteenä.",
                  files=[(io.BytesIO(CSV), "tiedot.csv")]).status_code == 302
    assert "Transmission to another organisation" in client.get(
        f"/admin/requests/{request.id}").get_data(as_text=True)
    bad = step(client, request, "transmit", address="not an address")
    assert bad.status_code == 400 and 'href="#transmit-address"' in bad.get_data(as_text=True)
    assert step(client, request, "transmit", address="tiedot@uusi.example").status_code == 302
    mail = newest_mail(session)
    assert mail.recipient == "tiedot@uusi.example"
    assert [a.filename for a in mail.attachments] == ["tiedot.csv"]
    assert "Aino Asiakas" in mail.body and "20 artiklan 2 kohta" in mail.body
    assert "status" not in mail.body  # the other controller gets no link to the case
    assert fresh(session, request).events[-1].text == "tiedot@uusi.example"


def test_a_refused_portability_answer_is_not_transmitted(client, session, handler, monkeypatch):
    request = make_request(session, right="portability")
    on(monkeypatch, "2026-03-04")
    decide(client, request, "refused", grounds="portability_not_applicable", reasons="Julkinen "
           "tehtävä.")
    before = session.scalar(select(OutboxMail.id).order_by(OutboxMail.id.desc()))
    assert step(client, request, "transmit", address="tiedot@uusi.example").status_code == 400
    assert session.scalar(select(OutboxMail.id).order_by(OutboxMail.id.desc())) == before
