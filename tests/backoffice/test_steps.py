"""Each right's steps on a stored request: restriction and its lifting, transmission."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
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


ERASED = {"erased-1-what": "Uutiskirjeen osoite", "erased-1-system": "Postitusjärjestelmä"}
CORRECTED = {"corrected-1-what": "Osoite: Kauppakatu 1 -> Kauppakatu 2",
             "corrected-1-system": "Asiakasrekisteri"}


def told_all_but(number: int, reason: str) -> dict:
    fields = dict(ERASED)
    for n in range(1, 5):
        fields[f"recipient-{n}"] = "impossible" if n == number else "notified"
        fields[f"recipient-{n}-date"] = "2026-03-09"
        fields[f"recipient-{n}-reason"] = reason if n == number else ""
    return fields


def test_every_recipient_is_answered_and_the_letter_lists_them_when_asked(
        client, session, monkeypatch):
    signed_in_staff(client, session, email="dpo@espoo.example", orgs=("espoo",))
    request = make_request(session, register="kamu-asiakasrekisteri", right="erasure")
    request.wants_recipients = True
    session.commit()
    on(monkeypatch, "2026-03-10")
    page = client.get(f"/admin/requests/{request.id}?outcome=granted").get_data(as_text=True)
    assert "The requester asked to be told the recipients" in page
    half = {k: v for k, v in told_all_but(2, "").items() if not k.startswith("recipient-3")}
    refused = decide(client, request, "granted", text="Poistettu.", **half)
    assert refused.status_code == 400 and 'href="#recipients"' in refused.get_data(as_text=True)
    no_reason = decide(client, request, "granted", text="Poistettu.", **told_all_but(2, " "))
    assert no_reason.status_code == 400
    ahead = {**told_all_but(2, "Yhtiö on lopettanut."), "recipient-1-date": "2026-03-11"}
    assert decide(client, request, "granted", text="Poistettu.", **ahead).status_code == 400
    assert decide(client, request, "granted", text="Poistettu.",
                  **told_all_but(2, "Yhtiö on lopettanut.")).status_code == 302
    letter = newest_mail(session).attachments[0].data
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(letter)).pages)
                    .split())
    assert "Ketkä ovat saaneet tietojasi" in text
    assert "ilmoitettu muutoksesta 9. maaliskuuta 2026" in text
    assert "Yhtiö on lopettanut." in text


def test_the_letter_names_no_recipients_unless_asked(client, session, monkeypatch):
    signed_in_staff(client, session, email="dpo@espoo.example", orgs=("espoo",))
    request = make_request(session, register="kamu-asiakasrekisteri", right="rectification")
    on(monkeypatch, "2026-03-10")
    assert decide(client, request, "granted", text="Korjattu.", **CORRECTED,
                  **told_all_but(1, "Ei yhteystietoja.")).status_code == 302
    letter = newest_mail(session).attachments[0].data
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(letter)).pages)
    assert "Ei yhteystietoja." not in text


def test_the_form_asks_whether_to_be_told_the_recipients(client, session):
    from tests.dsr.helpers import post_request
    assert post_request(client, right="erasure", wants_recipients="y").status_code == 302
    assert session.scalar(select(DataRequest.wants_recipients)) is True


def test_the_pages_of_each_rights_steps_are_valid_html(client, session, tmp_path,
                                                       monkeypatch):
    from tests.htmlcheck import html_problems

    signed_in_staff(client, session, email="dpo@museot.example",
                    orgs=("museokortti", "espoo"))
    on(monkeypatch, "2026-03-04")
    restriction = make_request(session, right="restriction")
    objection = make_request(session, right="objection", key="objection")
    portability = make_request(session, right="portability", key="portability")
    erasure = make_request(session, register="kamu-asiakasrekisteri", right="erasure",
                           key="erasure")
    erasure.wants_recipients = True
    session.commit()
    pages = {"objection": client.get(f"/admin/requests/{objection.id}").data}
    step(client, restriction, "restriction", step="restrict")
    pages["restricted"] = client.get(f"/admin/requests/{restriction.id}").data
    pages["lifting refused"] = step(client, restriction, "restriction", step="announce",
                                    text="").data
    step(client, restriction, "restriction", step="announce", text="Tarkistettu.")
    pages["told"] = client.get(f"/admin/requests/{restriction.id}").data
    pages["queue"] = client.get("/admin/requests").data
    decide(client, portability, "granted", files=[(io.BytesIO(CSV), "tiedot.csv")])
    pages["transmission"] = client.get(f"/admin/requests/{portability.id}").data
    pages["transmission refused"] = step(client, portability, "transmit", address="x").data
    pages["recipients"] = client.get(f"/admin/requests/{erasure.id}?outcome=granted").data
    pages["recipients refused"] = decide(client, erasure, "granted", send=False).data
    pages["form"] = client.get("/sv/requests/new").data
    pages["form refused"] = client.post("/fi/requests/new", data={"right": "consent"}).data
    assert html_problems(pages, tmp_path) == []


def test_a_rectification_records_what_was_corrected_and_where(client, session, monkeypatch):
    signed_in_staff(client, session, email="dpo@museot.example", orgs=("museokortti",))
    request = make_request(session, right="rectification")
    on(monkeypatch, "2026-03-10")
    empty = decide(client, request, "granted", text="Korjattu.",
                   **{"corrected-1-what": "Osoite"})
    assert empty.status_code == 400 and 'href="#records"' in empty.get_data(as_text=True)
    assert decide(client, request, "granted", text="Korjattu.", **CORRECTED).status_code == 302
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(
        newest_mail(session).attachments[0].data)).pages).split())
    assert "Mitä korjattiin" in text
    assert "Osoite: Kauppakatu 1 -> Kauppakatu 2 Asiakasrekisteri" in text


def test_an_erasure_records_what_was_kept_and_the_steps_for_data_made_public(
        client, session, monkeypatch):
    signed_in_staff(client, session, email="dpo@museot.example", orgs=("museokortti",))
    request = make_request(session, right="erasure")
    on(monkeypatch, "2026-03-10")
    kept = {"kept-1-what": "Laskut", "kept-1-point": "b",
            "kept-1-why": "Kirjanpitolaki velvoittaa säilyttämään ne."}
    no_why = decide(client, request, "partly_granted", text="Osin.", grounds=[
        "erasure_exception_b"], reasons="Kirjanpitolaki.", withheld="Laskut.", **ERASED,
        **{**kept, "kept-1-why": ""})
    assert no_why.status_code == 400 and 'href="#records"' in no_why.get_data(as_text=True)
    public = decide(client, request, "partly_granted", text="Osin.", grounds=[
        "erasure_exception_b"], reasons="Kirjanpitolaki.", withheld="Laskut.", **ERASED,
        **kept, made_public="1")
    assert public.status_code == 400 and 'href="#public-steps"' in public.get_data(as_text=True)
    assert decide(client, request, "partly_granted", text="Osin.", grounds=[
        "erasure_exception_b"], reasons="Kirjanpitolaki.", withheld="Laskut.", **ERASED, **kept,
        made_public="1", public_steps="Pyysimme hakukoneita poistamaan välimuistin.").status_code \
        == 302
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(
        newest_mail(session).attachments[0].data)).pages).split())
    assert "Uutiskirjeen osoite Postitusjärjestelmä" in text
    assert ("Laskut: Kirjanpitolaki velvoittaa säilyttämään ne. (tietosuoja-asetuksen 17 "
            "artiklan 3 kohdan b alakohta)") in text
    assert "Pyysimme hakukoneita poistamaan välimuistin." in text
