"""Deciding a document request under the Openness Act (621/1999, legal rules §9): disclosure in
part with §24(1) grounds, the official's answer with the §14(3) question, the requester's choice
on the status page, the written decision with §33 appeal instructions, and §11."""

from __future__ import annotations

import io
import re

import pytest
from sqlalchemy import select

from portal.audit import AuditEntry
from portal.dsr import views as dsr_views
from portal.dsr import written_decision, written_decision_views
from portal.dsr.models import DataRequest
from tests.backoffice.factories import (
    csrf_of,
    decide,
    make_staff,
    send_prepared,
    sign_in,
    signed_in_staff,
)
from tests.backoffice.test_actions import at, newest_mail, pdf_text
from tests.backoffice.test_decisions import a_pdf
from tests.backoffice.test_document_clock import document_request
from tests.dsr.helpers import at_helsinki, csrf

PART = {"basis": "public", "secret-1-what": "Sivu 2: asiakkaan nimi ja tilanne",
        "secret-1-point": "25", "reasons": "Sivulla 2 on sosiaalihuollon asiakkaan tietoja."}


def words(pdf: bytes) -> str:
    return " ".join(pdf_text(pdf).split())


@pytest.fixture
def staff(app, session):
    handler = make_staff(session, email="kasittelija@espoo.example", orgs=("espoo",),
                         role="handler")
    dpo = make_staff(session, email="tsv@espoo.example", orgs=("espoo",))
    as_handler, as_dpo = app.test_client(), app.test_client()
    sign_in(as_handler, handler)
    sign_in(as_dpo, dpo)
    return as_handler, as_dpo


def reread(session, request) -> DataRequest:
    session.expire_all()
    return session.get(DataRequest, request.id)


def status_path(body: str) -> str:
    return re.search(r"http://localhost(/fi/requests/status/\S+)", body).group(1)


def official_answer(session, as_handler, monkeypatch, **fields):
    """A handler (not a decision maker) discloses in part: the official's answer."""
    request = document_request(session, "2026-03-02")
    at(monkeypatch, "2026-03-06")
    response = decide(as_handler, request, "partly_granted",
                      files=[(io.BytesIO(a_pdf()), "poistettu.pdf")],
                      text="Tässä pyytämäsi päätökset.", **{**PART, **fields})
    assert response.status_code == 302, response.get_data(as_text=True)
    return request


def choose(client, monkeypatch, path: str, day: str, choice: str | None, token: str = ""):
    for module in (dsr_views, written_decision_views):
        monkeypatch.setattr(module, "utcnow", lambda: at_helsinki(day))
    data = {"csrf_token": token or csrf(client, path)}
    if choice:
        data["written_decision"] = choice
    return client.post(path + "/written-decision", data=data)


def test_the_official_discloses_in_part_and_the_requester_asks_for_a_written_decision(
        app, client, session, staff, monkeypatch):
    as_handler, as_dpo = staff
    request = official_answer(session, as_handler, monkeypatch)
    stored = reread(session, request)
    assert (stored.state, stored.outcome, stored.openness_step) == (
        "completed", "partly_granted", "asked")
    mail = newest_mail(session)
    assert mail.subject.startswith("Vastaus asiakirjapyyntöösi")
    assert [a.filename for a in mail.attachments][1:] == ["poistettu.pdf"]
    letter = words(mail.attachments[0].data)
    assert "julkisuuslain (621/1999) 24 §:n 1 momentin 25 kohta" in letter
    assert "Julkisuuslain (621/1999) 10 §" in letter and "Julkisuuslain (621/1999) 9 §" in letter
    assert "Sivu 2: asiakkaan nimi ja tilanne" in letter
    assert "kirjallisella päätöksellä" in letter and "20. maaliskuuta 2026" in letter
    # §14(3) as the review reads it: what silence means, and the requester can still ask later.
    assert "katsomme, ettet halua kirjallista päätöstä, ja asian käsittely päättyy" in letter
    assert "14 §:n 3 momentti ja 33 §" in letter and "viranhaltija" in letter
    assert "Valitusosoitus" not in letter and "tietosuojavaltuutetu" not in letter.lower()
    assert "20. maaliskuuta 2026" in mail.body
    assert "Vastaa tilasivullasi olevaan kysymykseen" in mail.body

    path = status_path(mail.body)
    monkeypatch.setattr(dsr_views, "utcnow", lambda: at_helsinki("2026-03-09"))
    page = client.get(path).get_data(as_text=True)
    assert "Haluatko kirjallisen päätöksen?" in page
    # An official's answer is not yet a decision: no "decision sent", no "refused".
    assert "Viranhaltijan vastaus lähetetty: kaikkia asiakirjoja ei annettu" in page
    assert "Päätös lähetetty" not in page and "osittain hyväksytty" not in page.lower()
    assert "Laki viranomaisten toiminnan julkisuudesta (621/1999)" in page
    assert "tietoja sosiaalihuollon asiakkaasta" in page  # the ground on the history
    missing = choose(client, monkeypatch, path, "2026-03-09", None)
    assert missing.status_code == 400 and "Valitse, haluatko" in missing.get_data(as_text=True)
    assert choose(client, monkeypatch, path, "2026-03-09", "yes").status_code == 302
    stored = reread(session, request)
    assert (stored.state, stored.outcome, stored.openness_step) == ("received", None,
                                                                   "requested")
    assert "Kirjallista päätöstä pyydetty" in as_dpo.get("/admin/requests").get_data(
        as_text=True) or "Written decision requested" in as_dpo.get(
        "/admin/requests").get_data(as_text=True)

    # The written decision is the authority's: only a decision maker sends it, with §33.
    at(monkeypatch, "2026-03-11")
    assert decide(as_handler, request, "partly_granted", send=False,
                  files=[(io.BytesIO(a_pdf()), "poistettu.pdf")],
                  text="Kirjallinen päätös.", **PART).status_code == 302
    assert send_prepared(as_handler, request).status_code == 400
    assert send_prepared(as_dpo, request, late_confirmed=True).status_code == 302
    stored = reread(session, request)
    assert (stored.state, stored.openness_step) == ("completed", "decided")
    mail = newest_mail(session)
    letter = words(mail.attachments[0].data)
    assert "Valitusosoitus" in letter and "Helsingin hallinto-oikeus" in letter
    assert "julkisuuslain (621/1999) 33 §" in letter or "33 §:n" in letter
    assert "808/2019" in letter
    assert mail.body.startswith("Hei,") and "hakea muutosta valittamalla" in mail.body

    page = client.get(path).get_data(as_text=True)
    for step in ("Sinulta kysyttiin, haluatko kirjallisen päätöksen",
                 "Pyysit kirjallista päätöstä"):
        assert step in page
    assert "Haluatko kirjallisen päätöksen?" not in page


def test_the_written_decision_has_its_own_time_from_the_request_for_it(
        client, session, staff, monkeypatch):
    """N6: a yes that comes after the first due date is not late from the start: the written
    decision is due two weeks from the request for it (621/1999 §14(3)-(4))."""
    as_handler, as_dpo = staff
    request = official_answer(session, as_handler, monkeypatch)
    assert reread(session, request).due_on.isoformat() == "2026-03-16"
    path = status_path(newest_mail(session).body)
    assert choose(client, monkeypatch, path, "2026-03-18", "yes").status_code == 302
    assert reread(session, request).due_on.isoformat() == "2026-04-01"
    page = client.get(path).get_data(as_text=True)
    assert "1.4.2026" in page or "1. huhtikuuta 2026" in page
    assert "Määräaika alkaa kulua uudelleen siitä päivästä" in page

    at(monkeypatch, "2026-03-25")
    assert decide(as_dpo, request, "partly_granted", files=[(io.BytesIO(a_pdf()), "p.pdf")],
                  text="Kirjallinen päätös.", **PART).status_code == 302
    stored = reread(session, request)
    assert (stored.openness_step, stored.decided_late) == ("decided", False)


def test_a_yes_after_the_answer_time_is_not_recorded(client, session, staff, monkeypatch):
    """The question closes when its days run out, even before the daily job closes it."""
    as_handler, _as_dpo = staff
    request = official_answer(session, as_handler, monkeypatch)  # asked 6.3., answer by 20.3.
    path = status_path(newest_mail(session).body)
    response = choose(client, monkeypatch, path, "2026-03-23", "yes")
    assert response.status_code == 302
    stored = reread(session, request)
    assert (stored.state, stored.openness_step) == ("completed", "asked")
    page = client.get(path).get_data(as_text=True)
    assert "Vastaustasi ei tallennettu" in page


def test_no_written_decision_closes_the_case_on_record(client, session, staff, monkeypatch):
    as_handler, _as_dpo = staff
    request = official_answer(session, as_handler, monkeypatch)
    path = status_path(newest_mail(session).body)
    monkeypatch.setattr(dsr_views, "utcnow", lambda: at_helsinki("2026-03-09"))
    forged = client.post(path + "/written-decision", data={"written_decision": "no"})
    assert forged.status_code == 400 and reread(session, request).openness_step == "asked"
    token = csrf(client, path)
    assert choose(client, monkeypatch, path, "2026-03-09", "no", token).status_code == 302
    stored = reread(session, request)
    assert (stored.state, stored.openness_step) == ("completed", "declined")
    page = client.get(path).get_data(as_text=True)
    assert "Et halunnut kirjallista päätöstä" in page
    assert "Haluatko kirjallisen päätöksen?" not in page
    # A second answer changes nothing.
    assert choose(client, monkeypatch, path, "2026-03-10", "yes", token).status_code == 302
    assert reread(session, request).openness_step == "declined"


def test_an_unanswered_question_closes_after_the_configured_days(app, session, staff,
                                                                 monkeypatch):
    as_handler, _as_dpo = staff
    request = official_answer(session, as_handler, monkeypatch)  # asked on Fri 6 Mar
    session.expire_all()
    now = at_helsinki("2026-03-20")
    assert written_decision.close_unanswered(session, today=now.date(), days=14,
                                             now=now) == 0  # the last day to answer
    now = at_helsinki("2026-03-21")
    assert written_decision.close_unanswered(session, today=now.date(), days=14,
                                             now=now) == 1
    session.commit()
    stored = reread(session, request)
    assert stored.openness_step == "unanswered"
    assert stored.events[-1].kind == "written_unanswered"
    assert session.scalar(select(AuditEntry.action).where(
        AuditEntry.target == f"request:{request.id}").order_by(AuditEntry.id.desc())) == (
        "request.written_unanswered")


def test_an_officials_refusal_reads_as_refused_only_once_the_question_lapses(
        session, staff, monkeypatch):
    as_handler, _as_dpo = staff
    request = document_request(session, "2026-03-02")
    at(monkeypatch, "2026-03-06")
    assert decide(as_handler, request, "refused", **PART).status_code == 302
    stored = reread(session, request)
    assert (stored.state, stored.outcome) == ("completed", "refused")
    assert [e.kind for e in stored.events if e.public][-2:] == ["officials_answer",
                                                                "written_asked"]
    now = at_helsinki("2026-03-21")
    written_decision.close_unanswered(session, today=now.date(), days=14, now=now)
    session.commit()
    assert reread(session, request).state == "refused"


def test_a_party_and_a_full_disclosure(session, staff, monkeypatch):
    """§11 is cited instead of §9; a full disclosure asks nothing and cites no §24."""
    as_handler, _as_dpo = staff
    request = document_request(session, "2026-03-02")
    at(monkeypatch, "2026-03-04")
    assert decide(as_handler, request, "granted", text="Tässä asiakirjat.",
                  basis="party").status_code == 302
    stored = reread(session, request)
    assert (stored.state, stored.openness_step) == ("completed", None)
    letter = words(newest_mail(session).attachments[0].data)
    assert "Julkisuuslain (621/1999) 11 §" in letter and " 9 §" not in letter
    assert "24 §" not in letter and "Valitusosoitus" not in letter
    assert "tietosuoja" not in letter.lower()  # no GDPR complaint, no DPO: another law


def test_a_party_is_withheld_a_part_only_under_section_11_2(session, staff, monkeypatch):
    as_handler, _as_dpo = staff
    request = document_request(session, "2026-03-02")
    at(monkeypatch, "2026-03-04")
    form = as_handler.get(f"/admin/requests/{request.id}?outcome=partly_granted").get_data(
        as_text=True)
    assert '<optgroup label="A party, or a person about themselves: section 11(2)">' in form
    assert 'value="11-2-1"' in form and 'value="11-2-6a"' in form
    assert '<option value="31a">Point 31a: ' in form  # §24(1) has 35 points (622/2020)
    assert "why disclosure would cause that harm (Administrative Procedure Act, section 45)" in (
        " ".join(form.split()))
    refused = decide(as_handler, request, "partly_granted", send=False,
                     **{**PART, "basis": "party"})
    assert refused.status_code == 400  # §24(1) is no ground against a party
    request = official_answer(session, as_handler, monkeypatch, basis="party",
                              **{"secret-1-point": "11-2-1"})
    letter = words(newest_mail(session).attachments[0].data)
    assert "julkisuuslain (621/1999) 11 §:n 2 momentin 1 kohta" in letter
    assert "erittäin tärkeää yleistä etua taikka lapsen etua" in letter and "24 §" not in letter


def test_a_person_asking_about_themselves_is_answered_under_section_12(
        session, staff, monkeypatch):
    """§12: the information about oneself, "with the limits of section 11(2) and (3)"."""
    as_handler, _as_dpo = staff
    request = official_answer(session, as_handler, monkeypatch, basis="own",
                              **{"secret-1-point": "11-2-3"})
    assert reread(session, request).openness_step == "asked"
    letter = words(newest_mail(session).attachments[0].data)
    assert "Julkisuuslain (621/1999) 12 §" in letter
    assert "julkisuuslain (621/1999) 11 §:n 2 momentin 3 kohta" in letter
    assert "esittelymuistio" in letter and "24 §" not in letter


@pytest.mark.parametrize(("fields", "message"), [
    ({"basis": ""}, "Choose whether the documents are given"),
    ({"secret-1-point": ""}, "For each part that is withheld"),
    ({"secret-1-what": ""}, "For each part that is withheld"),
    ({"secret-1-point": "33"}, "For each part that is withheld"),  # not a point of §24(1)
    ({"secret-1-point": "11-2-1"}, "For each part that is withheld"),  # a party's ground
])
def test_a_withheld_part_needs_its_ground_and_the_basis(client, session, monkeypatch, fields,
                                                        message):
    signed_in_staff(client, session)
    request = document_request(session, "2026-03-02")
    at(monkeypatch, "2026-03-04")
    response = decide(client, request, "refused", send=False, **{**PART, **fields})
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert reread(session, request).prepared_decision is None


def test_a_fee_for_copies_follows_section_34_and_the_decision_charges_it(
        session, staff, monkeypatch):
    _as_handler, as_dpo = staff
    request = document_request(session, "2026-03-02")
    at(monkeypatch, "2026-03-03")
    page = f"/admin/requests/{request.id}"
    form = as_dpo.get(page).get_data(as_text=True)
    assert 'value="document_copies"' in form and 'value="excessive"' not in form
    # §34: seeing a document and receiving it electronically are free by law.
    assert "unless finding the information requires special measures" in " ".join(form.split())
    response = as_dpo.post(f"{page}/fee", data={
        "csrf_token": csrf_of(as_dpo, page), "ground": "document_copies", "amount": "12",
        "reasons": "40 sivua paperikopioina."})
    assert response.status_code == 302
    assert "julkisuuslain (621/1999) 34 §" in newest_mail(session).body
    assert decide(as_dpo, request, "granted", text="Kopiot liitteenä.",
                  basis="public").status_code == 302
    letter = words(newest_mail(session).attachments[0].data)
    assert "julkisuuslain (621/1999) 34 §" in letter and "12,00" in letter


def test_a_document_that_is_not_an_official_document_is_refused_on_the_acts_own_ground(
        session, staff, monkeypatch):
    as_handler, _as_dpo = staff
    request = document_request(session, "2026-03-02")
    at(monkeypatch, "2026-03-04")
    form = as_handler.get(f"/admin/requests/{request.id}?outcome=refused").get_data(
        as_text=True)
    assert 'value="not_official_document"' in form and 'value="openness_16_3"' in form
    assert decide(as_handler, request, "refused", basis="public",
                  grounds=["not_official_document"],
                  reasons="Muistio on viranhaltijan oma luonnos.").status_code == 302
    letter = words(newest_mail(session).attachments[0].data)
    assert "Asiakirja ei ole viranomaisen asiakirja (4–5 §)" in letter
    assert "Julkisuuslain (621/1999) 4 §" in letter
    stored = reread(session, request)
    assert stored.openness_step == "asked"  # the §14(3) question, then a written decision


def test_a_written_decision_is_not_sent_while_the_settings_name_no_court(
        client, session, staff, monkeypatch):
    """Settings saved before the court fields existed: a review route and no court named."""
    from portal.notices.models import Controller

    as_handler, as_dpo = staff
    request = official_answer(session, as_handler, monkeypatch)
    path = status_path(newest_mail(session).body)
    assert choose(client, monkeypatch, path, "2026-03-09", "yes").status_code == 302
    espoo = session.scalar(select(Controller).where(Controller.slug == "espoo"))
    named = dict(espoo.remedy)
    espoo.remedy = {**named, "route": "rectification"}
    session.commit()
    at(monkeypatch, "2026-03-11")
    assert decide(as_dpo, request, "refused", send=False, text="Kirjallinen päätös.",
                  **PART).status_code == 302
    refused = send_prepared(as_dpo, request, late_confirmed=True)
    assert refused.status_code == 400
    assert "would name no administrative court" in refused.get_data(as_text=True)
    assert reread(session, request).openness_step == "requested"
    espoo.remedy = {**named, "route": "rectification", "court": {
        "body": named["body"], "address": named["address"], "email": ""}}
    session.commit()
    assert send_prepared(as_dpo, request, late_confirmed=True).status_code == 302
    assert reread(session, request).openness_step == "decided"
