"""In Chromium: staff of an authority enter a document request that came on paper, then
transfer it to the competent authority (APA 434/2003 §21); the requester's status page shows
where it went. Mail goes through the real SMTP server of the tests."""

from __future__ import annotations

import pytest

from tests.browser.steps import body, click, deliver, fill_paper_request, status_path

pytestmark = pytest.mark.browser


def test_a_paper_document_request_is_entered_and_transferred(mailing_live_server, staff_page,
                                                            new_tab, check_page):
    live = mailing_live_server
    page = staff_page(live, orgs=("espoo",))
    fill_paper_request(page, live, days_ago=2, law="openness",
                       documents="Rakennuslupapäätös, Kirkkokatu 1.", email="paperi@example.fi",
                       locale="fi")
    assert page.is_checked("#organisation-espoo")  # the staff member's only authority
    check_page(page)
    click(page, "main form button[type=submit]")
    main = page.inner_text("main")
    assert "The request was entered." in main
    assert "Request for documents under the Act on the Openness" in main
    acknowledgement = deliver(live)[-1]
    assert acknowledgement["To"] == "paperi@example.fi"
    assert "julkisuuslain mukaisen asiakirjapyyntösi" in body(acknowledgement)

    click(page, "text=Transfer to the competent authority")
    click(page, "main form button[type=submit]")  # nothing filled: refused, linked to fields
    assert page.locator(".error-summary a[href='#authority_name']").count() == 1
    check_page(page)
    page.fill("#authority_name", "Rakennusvalvonta, Vantaan kaupunki")
    page.fill("#authority_email", "kirjaamo@vantaa.example")
    page.fill("#reason", "Kirkkokatu 1 on Vantaalla; asiakirjat ovat Vantaan rakennusvalvonnalla.")
    click(page, "main form button[type=submit]")
    main = page.inner_text("main")
    assert "The request was transferred and the requester was told." in main
    assert "Transferred to another authority" in main and "kirjaamo@vantaa.example" in main

    told, forwarded = deliver(live)[-2:]
    assert told["To"] == "paperi@example.fi" and "hallintolain 21 §" in body(told)
    assert forwarded["To"] == "kirjaamo@vantaa.example"
    assert "Rakennuslupapäätös, Kirkkokatu 1." in body(forwarded)

    public = new_tab()
    public.goto(live + status_path(told, "fi"))
    status = public.inner_text("main")
    assert "Siirretty toiselle viranomaiselle" in status
    assert "Rakennusvalvonta, Vantaan kaupunki" in status
    assert "asiakirjat ovat Vantaan rakennusvalvonnalla" in status
    check_page(public)
