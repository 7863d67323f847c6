"""A request about a register held jointly (GDPR Art. 26(3)): it goes to the joint controller
the requester chooses, or to the contact point the arrangement names; only that controller's
staff see it (issue 15)."""

from __future__ import annotations

import re

from sqlalchemy import select

from portal.dsr import service
from portal.dsr.models import DataRequest
from tests.backoffice.factories import make_staff, sign_in
from tests.dsr.helpers import at_helsinki, form_fields, valid_request

HELMET = "helmet-asiakasrekisteri"


def send(client, lang="fi", **overrides):
    fields = form_fields(client, lang, f"?register={HELMET}")
    data = {**fields, **valid_request(**{"registers": [HELMET], **overrides})}
    return client.post(f"/{lang}/requests/new", data=data)


def the_request(session) -> DataRequest:
    return session.scalars(select(DataRequest)).one()


def test_the_form_offers_the_cities_with_the_contact_point_chosen(client):
    html = client.get(f"/sv/requests/new?register={HELMET}").get_data(as_text=True)
    start = html.index('id="controller-group"')
    group = html[start:html.index("</fieldset>", start)]
    assert "Till vilken av de gemensamt personuppgiftsansvariga riktar du din begäran?" in group
    assert re.findall(r'<label for="controller-(\w+)">([^<]+)</label>', group) == [
        ("helsinki", "Helsingfors stad"), ("espoo", "Esbo stad"), ("vantaa", "Vanda stad"),
        ("kauniainen", "Grankulla stad")]
    assert re.findall(r'value="(\w+)" checked', group) == ["helsinki"]
    assert "utsett till kontaktpunkt: Helsingfors stad." in group
    # A register of one controller asks nothing more.
    single = client.get("/sv/requests/new?register=museokortti").get_data(as_text=True)
    assert 'id="controller-group"' not in single


def test_a_request_goes_to_the_city_chosen_and_only_its_staff_see_it(client, session):
    response = send(client, controller="vantaa")
    assert response.status_code == 302, response.get_data(as_text=True)
    request = the_request(session)
    assert request.controller.slug == "vantaa"
    assert [r.slug for r in request.registers] == [HELMET]
    service.confirm(session, request, now=at_helsinki("2026-03-03"))
    session.commit()
    assert request.reference.startswith("VANTAA-")

    client.get("/admin/logout")
    sign_in(client, make_staff(session, email="dpo@vantaa.example", orgs=("vantaa",)))
    assert request.reference in client.get("/admin/requests").get_data(as_text=True)
    assert client.get(f"/admin/requests/{request.id}").status_code == 200

    other = client.application.test_client()
    sign_in(other, make_staff(session, email="dpo@hel.example", orgs=("helsinki",)))
    assert request.reference not in other.get("/admin/requests").get_data(as_text=True)
    assert other.get(f"/admin/requests/{request.id}").status_code == 404


def test_without_a_choice_it_goes_to_the_contact_point(client, session):
    fields = form_fields(client, "en")  # the plain form offers no choice
    response = client.post("/en/requests/new",
                           data={**fields, **valid_request(registers=[HELMET])})
    assert response.status_code == 302
    assert the_request(session).controller.slug == "helsinki"


def test_with_an_espoo_register_it_goes_to_espoo(client, session):
    fields = form_fields(client, "en")
    response = client.post("/en/requests/new", data={
        **fields, **valid_request(registers=[HELMET, "kamu-asiakasrekisteri"])})
    assert response.status_code == 302
    assert the_request(session).controller.slug == "espoo"


def test_registers_with_no_controller_in_common_are_refused(client, session):
    response = send(client, "en", registers=[HELMET, "museokortti"])
    assert response.status_code == 400
    assert "Choose registers of one organisation only." in response.get_data(as_text=True)
    assert session.scalars(select(DataRequest)).all() == []


def test_an_organisation_not_offered_is_refused(client, session):
    response = send(client, "fi", controller="museokortti")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Valitse jokin näytetyistä organisaatioista." in html
    assert 'href="#controller-group"' in html  # the error summary leads to the question
    assert session.scalars(select(DataRequest)).all() == []
