"""Each right's steps in Chromium, with mail through the real SMTP server of the tests:
a restriction set, the requester told, then lifted; an objection restricted while assessed; a
portability answer transmitted to another organisation; consent withdrawn through the form."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from portal.backoffice import steps_views
from portal.dsr.models import DataRequest
from tests.backoffice.factories import make_request
from tests.browser.steps import body, click, deliver, status_path
from tests.browser.steps import on as on_day
from tests.dsr.helpers import at_helsinki

pytestmark = pytest.mark.browser


def on(monkeypatch, day: str) -> None:
    on_day(monkeypatch, day)
    monkeypatch.setattr(steps_views, "utcnow", lambda: at_helsinki(day))


def a_request(live, right: str, email: str, register="museokortti") -> int:
    with live.app.extensions["db_sessionmaker"]() as session, live.app.test_request_context():
        return make_request(session, register=register, right=right, received="2026-03-02",
                            email=email).id


def test_a_restriction_is_set_the_requester_told_and_then_lifted(
        mailing_live_server, monkeypatch, staff_page, new_tab, check_page):
    live = mailing_live_server
    request_id = a_request(live, "restriction", "rajoitus@example.fi")
    page = staff_page(live, orgs=("museokortti",))
    on(monkeypatch, "2026-03-03")
    page.goto(f"{live}/admin/requests/{request_id}")
    click(page, "form:has(input[value=restrict]) button")
    assert "The processing is restricted from March 3, 2026" in page.inner_text("main")
    check_page(page)
    mail = deliver(live)[-1]
    assert mail["To"] == "rajoitus@example.fi" and "rajoitettu 3. maaliskuuta 2026" in body(mail)
    page.goto(f"{live}/admin/requests")
    assert "Processing restricted since 3/3/26" in page.inner_text("main")

    on(monkeypatch, "2026-03-16")
    page.goto(f"{live}/admin/requests/{request_id}")
    assert page.locator("form:has(input[value=lift])").count() == 0  # not before telling
    click(page, "form:has(#lifting-text) button")  # no reasons: refused, linked to the field
    assert page.locator(".error-summary a[href='#lifting-text']").count() == 1
    check_page(page)
    page.fill("#lifting-text", "Tietojesi oikeellisuus on tarkistettu.")
    click(page, "form:has(#lifting-text) button")
    told = deliver(live)[-1]
    assert "poistetaan" in body(told) and "Tietojesi oikeellisuus on tarkistettu." in body(told)
    assert told["Subject"] in page.inner_text("main")  # the mail is on the record

    on(monkeypatch, "2026-03-18")
    page.goto(f"{live}/admin/requests/{request_id}")
    click(page, "form:has(input[value=lift]) button")
    main = page.inner_text("main")
    assert "restricted from March 3, 2026 to March 18, 2026" in main
    requester = new_tab()
    requester.goto(live + status_path(told, "fi"))
    history = requester.inner_text("main")
    assert "Tietojesi käsittelyä rajoitettiin" in history and "Rajoitus poistettiin" in history
    check_page(requester)


def test_an_objection_is_restricted_while_it_is_assessed(mailing_live_server, monkeypatch,
                                                         staff_page, check_page):
    live = mailing_live_server
    request_id = a_request(live, "objection", "vastustan@example.fi",
                           register="kamu-asiakasrekisteri")
    page = staff_page(live, orgs=("espoo",))
    on(monkeypatch, "2026-03-04")
    page.goto(f"{live}/admin/requests/{request_id}")
    assert "Restrict while the objection is assessed" in page.inner_text("main")
    click(page, "form:has(input[value=restrict]) button")
    mail = deliver(live)[-1]
    assert "tietosuoja-asetuksen 18 artiklan 1 kohdan d alakohta" in body(mail)
    check_page(page)
    # The assessment goes on: the decision form is still there, with the objection's grounds.
    page.check("#outcome-refused")
    click(page, "form:has(#outcome-refused) button[type=submit]")
    assert page.locator("#ground-compelling_grounds").count() == 1


def test_a_portability_answer_is_transmitted_to_another_organisation(
        mailing_live_server, monkeypatch, staff_page, check_page, tmp_path):
    live = mailing_live_server
    request_id = a_request(live, "portability", "siirto@example.fi")
    page = staff_page(live, orgs=("museokortti",))
    on(monkeypatch, "2026-03-05")
    page.goto(f"{live}/admin/requests/{request_id}?outcome=granted")
    data = tmp_path / "tiedot.json"
    data.write_text('[{"kortti": "12345", "voimassa": "2026-12-31"}]')
    page.fill("#decision-text", "Tietosi ovat liitteenä.")
    page.set_input_files("#decision-files", str(data))
    click(page, "form:has(#decision-text) button[type=submit]")
    click(page, "#send-decision")
    deliver(live)
    page.fill("#transmit-address", "ei osoite")
    click(page, "form:has(#transmit-address) button")
    assert page.locator(".error-summary a[href='#transmit-address']").count() == 1
    check_page(page)
    page.fill("#transmit-address", "vastaanotto@toinen.example")
    click(page, "form:has(#transmit-address) button")
    sent = deliver(live)[-1]
    assert sent["To"] == "vastaanotto@toinen.example"
    [attachment] = list(sent.iter_attachments())
    assert attachment.get_filename() == "tiedot.json"
    assert b"12345" in attachment.get_payload(decode=True)
    assert "vastaanotto@toinen.example" in page.inner_text("main")


def test_consent_is_withdrawn_through_the_form(mailing_live_server, new_tab, check_page):
    live = mailing_live_server
    page = new_tab()
    page.goto(f"{live}/sv/requests/new?register=museokortti")
    check_page(page)
    page.check("#right-consent")
    page.fill("#name", "Sara Samtycke")
    page.fill("#email", "sara.samtycke@example.fi")
    click(page, "button[type=submit]")
    assert page.url.endswith("/sv/requests/sent")
    confirm = re.search(r"http://localhost(/sv/requests/confirm/\S+)",
                        body(deliver(live)[-1])).group(1)
    page.goto(live + confirm)
    click(page, "main button[type=submit]")
    with live.app.extensions["db_sessionmaker"]() as session:
        stored = session.scalar(select(DataRequest).where(
            DataRequest.email == "sara.samtycke@example.fi"))
        assert (stored.right_code, stored.state) == ("consent", "received")
    ack = body(deliver(live)[-1])
    assert "Återkallande av samtycke" in ack or "återkalla" in ack.lower()
