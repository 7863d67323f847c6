"""Decisions a Finnish authority can sign: outcomes, grounds cited per language, remedies,
partial grants, complete access answers, who may send what, and late decisions."""

from __future__ import annotations

import html
import io
import re

import pytest
from babel.dates import format_date
from PIL import Image
from pypdf import PdfWriter
from sqlalchemy import select

from portal.audit import AuditEntry
from portal.backoffice.letters import render_decision
from portal.dsr import views as dsr_views
from portal.dsr.models import DataRequest
from portal.dsr.rights import RIGHTS
from portal.law.citations import capitalised, cite, gdpr
from portal.law.decisions import ADVERSE, Decision, outcomes_for
from portal.law.grounds import GROUNDS, RIGHT_ARTICLES
from portal.law.remedies import deemed_notified
from tests.backoffice.factories import (
    csrf_of,
    decide,
    make_request,
    make_staff,
    send_prepared,
    sign_in,
    signed_in_staff,
)
from tests.backoffice.test_actions import at, newest_mail, pdf_text
from tests.dsr.helpers import at_helsinki
from tests.i18n.written_forms import problems

#: A ground of each right's own, to show that its provision is cited.
OWN_GROUND = {"access": "dpa_34_2", "rectification": "accurate",
              "erasure": "erasure_exception_b", "restriction": "restriction_conditions",
              "objection": "compelling_grounds", "portability": "portability_not_applicable",
              "consent": "manifestly_unfounded"}
COURTS = {"fi": ("Helsingin hallinto-oikeus", "Radanrakentajantie 5"),
          "sv": ("Helsingfors förvaltningsdomstol", "Banbyggarvägen 5"),
          "en": ("Helsinki Administrative Court", "Radanrakentajantie 5")}
DISTRICT = {"fi": "Helsingin käräjäoikeus", "sv": "Helsingfors tingsrätt",
            "en": "Helsinki District Court"}
ADMINISTRATIVE = {"fi": "hallinto-oikeu", "sv": "förvaltningsdomstol",
                  "en": "dministrative court"}


def words(pdf: bytes) -> str:
    return " ".join(pdf_text(pdf).split())


def example(right: str, outcome: str) -> Decision:
    adverse = outcome in ADVERSE
    return Decision(outcome, text="Päätöksen teksti.",
                    grounds=(OWN_GROUND[right],) if adverse else (),
                    reasons="Perustelujen tosiasiat." if adverse else "",
                    withheld="Pidätetty osa ja syy." if outcome == "partly_granted" else "")


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_every_right_and_outcome_is_a_decision_in_the_requesters_language(app, session, lang):
    dpo = make_staff(session, email="dpo@espoo.example", orgs=("espoo", "museokortti"))
    day = at_helsinki("2026-03-10")
    notified_on = format_date(deemed_notified(day.date()), "long", locale=lang)
    cases = [("kamu-asiakasrekisteri", right, outcome) for right in RIGHTS
             for outcome in outcomes_for(right)]
    cases += [("museokortti", right, "refused") for right in ("access", "erasure")]
    for register, right, outcome in cases:
        request = make_request(session, register=register, right=right,
                               key=f"{lang}-{register}-{right}-{outcome}")
        request.locale = lang
        decision = example(right, outcome)
        with app.test_request_context():
            text = words(render_decision(request, decision, files=(), preparer=dpo,
                                         signer=dpo, now=day))
        case = f"{register} {right} {outcome} {lang}"
        if lang != "en":
            with app.test_request_context():
                assert problems(text, lang) == [], case
        assert capitalised(cite(gdpr(*RIGHT_ARTICLES[right]), lang)) in text, case
        for ground in decision.grounds:
            for provision in GROUNDS[ground].provisions_for(right):
                assert capitalised(cite(provision, lang)) in text, case
        assert "Päätöksen teksti." in text and "tietosuoja.fi" in text, case
        assert ("Pidätetty osa ja syy." in text) == (outcome == "partly_granted"), case
        court, address = COURTS[lang]
        if register == "museokortti":
            assert DISTRICT[lang] in text and ADMINISTRATIVE[lang] not in text, case
        elif outcome in ADVERSE:
            assert court in text and address in text and notified_on in text, case
            assert re.search(r"\b30\b", text), case
        else:
            assert court not in text and notified_on not in text, case


def test_section_34_adds_its_own_sentences_and_subsection_2_in_a_partial_decision(app, session):
    dpo = make_staff(session, email="dpo@espoo.example", orgs=("espoo",))
    request = make_request(session, register="kamu-asiakasrekisteri")
    with app.test_request_context():
        text = words(render_decision(request, example("access", "partly_granted"), files=(),
                                     preparer=dpo, signer=dpo, now=at_helsinki("2026-03-10")))
    assert "Tietosuojalain (1050/2018) 34 §:n 2 momentti" in text
    assert "Tietosuojalain (1050/2018) 34 §:n 3 momentti" in text
    assert "tietosuojavaltuutetu" in text.lower()


@pytest.fixture
def espoo_staff(app, session):
    handler = make_staff(session, email="kasittelija@espoo.example", orgs=("espoo",),
                         role="handler")
    dpo = make_staff(session, email="tsv@espoo.example", orgs=("espoo",))
    return handler, dpo


def test_a_handler_prepares_a_partial_decision_and_the_decision_maker_sends_it(
        app, session, espoo_staff, monkeypatch):
    handler, dpo = espoo_staff
    request = make_request(session, register="kamu-asiakasrekisteri")
    request.locale = "sv"
    dpo.name, dpo.title = "Tove Sund", {"sv": "dataskyddsombud för Esbo stad"}
    session.commit()
    at(monkeypatch, "2026-03-10")
    as_handler, as_dpo = app.test_client(), app.test_client()
    sign_in(as_handler, handler)
    form = decide(as_handler, request, "partly_granted", send=False, grounds=["dpa_34_2"],
                  text="Här är en del av dina uppgifter.", reasons="Vårdplanen kan skada dig.",
                  withheld="Anteckningarna om vården.", diary_number="ESP/123/2026")
    assert form.status_code == 302
    page = as_handler.get(f"/admin/requests/{request.id}").get_data(as_text=True)
    assert "Only a decision maker can send" in page
    refused = send_prepared(as_handler, request)
    assert refused.status_code == 400 and "Only a decision maker" in refused.get_data(
        as_text=True)
    session.expire_all()
    assert session.get(DataRequest, request.id).state == "received"

    sign_in(as_dpo, dpo)
    review = as_dpo.get(f"/admin/requests/{request.id}/decision.pdf")
    assert review.status_code == 200 and review.headers["Cache-Control"] == "no-store"
    assert send_prepared(as_dpo, request).status_code == 302
    session.expire_all()
    stored = session.get(DataRequest, request.id)
    assert (stored.state, stored.outcome, stored.decided_late) == ("completed",
                                                                   "partly_granted", False)
    mail = newest_mail(session)
    assert mail.locale == "sv" and mail.attachments[0].filename.endswith("-decision.pdf")
    text = words(mail.attachments[0].data)
    for expected in ("Anteckningarna om vården.", "ESP/123/2026",
                     "34 § 1 mom. 2 punkten i dataskyddslagen (1050/2018)",
                     "Helsingfors förvaltningsdomstol", "Tove Sund",
                     "dataskyddsombud för Esbo stad",
                     "kasittelija@espoo.example"):
        assert expected in text
    entries = session.scalars(select(AuditEntry).where(
        AuditEntry.target == f"request:{request.id}").order_by(AuditEntry.id)).all()
    assert [(e.action, e.actor_id) for e in entries] == [
        ("request.prepare_decision", handler.id), ("request.decide", dpo.id)]
    assert entries[1].after["prepared_by"] == handler.id
    assert entries[1].after["grounds"] == ["dpa_34_2"]

    status = re.search(r"http://localhost(/sv/requests/status/\S+)", mail.body).group(1)
    # Read within the grace period after closing, when the link still works (issue 14).
    monkeypatch.setattr(dsr_views, "utcnow", lambda: at_helsinki("2026-03-10"))
    page = app.test_client().get(status).get_data(as_text=True)
    assert "Anteckningarna" not in page  # the letter says what is withheld; the page does not
    assert "Vårdplanen kan skada dig." in page


def test_only_a_rights_own_grounds_are_offered_and_accepted(client, session, monkeypatch):
    signed_in_staff(client, session, email="dpo@espoo.example", orgs=("espoo",))
    request = make_request(session, register="kamu-asiakasrekisteri", right="erasure")
    page = client.get(f"/admin/requests/{request.id}?outcome=refused").get_data(as_text=True)
    assert 'value="erasure_exception_b"' in page and 'value="dpa_34_1"' not in page
    at(monkeypatch, "2026-03-10")
    response = decide(client, request, "refused", grounds=["dpa_34_1"], reasons="x")
    assert response.status_code == 400
    assert 'href="#grounds"' in response.get_data(as_text=True)
    response = decide(client, request, "no_data")
    assert response.status_code == 400
    session.expire_all()
    assert session.get(DataRequest, request.id).prepared_decision is None


def test_a_late_refusal_is_sent_only_when_confirmed_and_counted(client, session,
                                                                monkeypatch):
    signed_in_staff(client, session, email="dpo@espoo.example", orgs=("espoo",))
    request = make_request(session, register="kamu-asiakasrekisteri", received="2026-03-02")
    at(monkeypatch, "2026-04-10")  # due Thu 2 Apr
    response = decide(client, request, "refused", grounds=["excessive"], reasons="Toistuva.")
    assert response.status_code == 400
    assert 'href="#late-confirmed"' in response.get_data(as_text=True)
    assert send_prepared(client, request, late_confirmed=True).status_code == 302
    session.expire_all()
    assert session.get(DataRequest, request.id).decided_late is True
    page = client.get("/admin/stats").get_data(as_text=True)
    assert "Decided late" in page
    row = re.search(r"<th scope=\"row\"><time datetime=\"2026-03\">[^<]*</time></th>(.*?)</tr>",
                    page, re.S).group(1)
    assert re.findall(r"<td>([^<]*)</td>", row)[6] == "1"


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(out, "PNG")
    return out.getvalue()


def a_pdf() -> bytes:
    writer, out = PdfWriter(), io.BytesIO()
    writer.add_blank_page(100, 100)
    writer.write(out)
    return out.getvalue()


def test_an_access_answer_holds_the_article_15_facts_and_its_attachments(client, session,
                                                                        monkeypatch):
    signed_in_staff(client, session, email="dpo@museot.example", orgs=("museokortti",))
    request = make_request(session)
    request.locale = "sv"
    session.commit()
    at(monkeypatch, "2026-03-10")
    form = client.get(f"/admin/requests/{request.id}?outcome=granted").get_data(as_text=True)
    assert 'id="fact-recipients"' in form and "Museikortet" in form
    files = [(io.BytesIO(b"museum;date\nAteneum;2026-01-04\n"), "besok.csv"),
             (io.BytesIO(a_pdf()), "avtal.pdf"), (io.BytesIO(png()), "kort.png")]
    prefilled = {name: html.unescape(value) for name, value in re.findall(
        r'<textarea id="[^"]+" name="(fact-\w+)"[^>]*>([^<]*)</textarea>', form)}
    assert len(prefilled) == 8
    assert decide(client, request, "granted", text="Här är dina uppgifter.", files=files,
                  **prefilled).status_code == 302
    mail = newest_mail(session)
    assert [a.filename for a in mail.attachments][1:] == ["besok.csv", "avtal.pdf", "kort.png"]
    text = words(mail.attachments[0].data)
    for expected in ("Ateneum", "besok.csv", "avtal.pdf", "kort.png",
                     "artikel 15 i dataskyddsförordningen"):
        assert expected in text
    for fact in ("Kunduppgifterna sparas så länge kunden använder Museikortet.",
                 "Hur länge uppgifterna bevaras", "Mottagare av uppgifterna"):
        assert fact in text


def test_a_file_is_judged_by_its_content(client, session, monkeypatch):
    signed_in_staff(client, session, email="dpo@museot.example", orgs=("museokortti",))
    request = make_request(session)
    at(monkeypatch, "2026-03-10")
    for name, data in (("fake.pdf", b"%PDF-1.7 not really"), ("photo.png", a_pdf()),
                       ("photo.jpg", png())):
        response = decide(client, request, "granted", files=[(io.BytesIO(data), name)])
        assert response.status_code == 400 and name in response.get_data(as_text=True)


@pytest.mark.parametrize("lang, sentence", [
    ("fi", "emmekä löytäneet"), ("sv", "inte hittat några"), ("en", "found no personal data")])
def test_no_data_reads_as_an_answer(client, session, monkeypatch, lang, sentence):
    signed_in_staff(client, session, email="dpo@museot.example", orgs=("museokortti",))
    request = make_request(session)
    request.locale = lang
    session.commit()
    at(monkeypatch, "2026-03-10")
    text = client.get(f"/admin/requests/{request.id}?outcome=no_data").get_data(as_text=True)
    default = re.search(r'<textarea id="decision-text"[^>]*>([^<]*)</textarea>', text).group(1)
    assert sentence in default
    assert decide(client, request, "no_data", text=default).status_code == 302
    assert sentence in words(newest_mail(session).attachments[0].data)
    session.expire_all()
    assert session.get(DataRequest, request.id).outcome == "no_data"


def test_counsel_rewrites_the_remedy_text_and_private_bodies_cannot_appeal(client, session,
                                                                           monkeypatch):
    signed_in_staff(client, session, email="dpo@espoo.example", orgs=("espoo", "museokortti"))
    page = "/admin/organisations/espoo/decisions"
    form = client.get(page).get_data(as_text=True)
    fields = {name: value for name, value in re.findall(
        r'<input type="text" id="[^"]+" name="([^"]+)"[^>]*value="([^"]*)"', form)}
    texts = dict(re.findall(r'<textarea id="(text-\w+)"[^>]*>([^<]*)</textarea>', form))
    data = {"csrf_token": csrf_of(client, page), "kind": "public", "route": "appeal",
            "email": "helsinki.hao@oikeus.fi", **fields, **texts,
            "text-sv": "Ni kan söka ändring hos $body inom $days dagar. Egen mening."}
    assert client.post(page, data=data).status_code == 302
    request = make_request(session, register="kamu-asiakasrekisteri", right="erasure")
    request.locale = "sv"
    session.commit()
    at(monkeypatch, "2026-03-10")
    decide(client, request, "refused", grounds=["erasure_exception_b"], reasons="Arkivlagen.")
    text = words(newest_mail(session).attachments[0].data)
    assert "Ni kan söka ändring hos Helsingfors förvaltningsdomstol inom 30 dagar." in text
    private = client.post("/admin/organisations/museokortti/decisions", data={
        **data, "csrf_token": csrf_of(client, page), "kind": "private"})
    assert private.status_code == 400 and 'href="#route"' in private.get_data(as_text=True)
    assert session.scalar(select(AuditEntry).where(AuditEntry.action == "controller.decisions"))


def test_decision_makers_are_shown_and_set_by_the_dpo(app, client, session):
    dpo = signed_in_staff(client, session, email="dpo@espoo.example", orgs=("espoo",))
    handler = make_staff(session, email="h@espoo.example", orgs=("espoo",), role="handler")
    assert dpo.decision_maker and not handler.decision_maker
    page = client.get("/admin/staff").get_data(as_text=True)
    assert "h@espoo.example" in page
    response = client.post(f"/admin/staff/{handler.id}", data={
        "csrf_token": csrf_of(client, "/admin/staff"), "decision_maker": "1",
        "title-fi": "kulttuurijohtaja", "title-sv": "kulturdirektör"})
    assert response.status_code == 302
    session.expire_all()
    changed = session.get(type(handler), handler.id)
    assert changed.decision_maker and changed.title == {"fi": "kulttuurijohtaja",
                                                        "sv": "kulturdirektör"}
    other = app.test_client()
    sign_in(other, handler)
    assert other.get("/admin/staff").status_code == 403
    assert other.get(f"/admin/staff/{dpo.id}").status_code == 403
