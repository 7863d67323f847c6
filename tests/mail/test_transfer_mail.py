"""A transfer to the competent authority (APA 434/2003 §21) over a real SMTP server: the
requester is told in their language where the request went, and the receiving authority's
registry gets the matter, with the request's files only when the handler chose so."""

from __future__ import annotations

import pytest

from portal.dsr.models import RequestAttachment
from tests.backoffice.factories import csrf_of, current_version, make_request, signed_in_staff
from tests.dsr.test_journey import deliver
from tests.i18n.written_forms import problems

EXPECTED = {
    "fi": {"subject": "on siirretty toiselle viranomaiselle",
           "told": ["siirtänyt asian toimivaltaiselle viranomaiselle (hallintolain 21 §)",
                    "Verohallinto", "kirjaamo@vero.example"],
           "forward_subject": "Siirretty asia: ESPOO-2026-0001",
           "forward": ["katsoo teidät toimivaltaiseksi viranomaiseksi (hallintolain 21 §)",
                       "Viitteemme: ESPOO-2026-0001", "aino@example.fi"]},
    "sv": {"subject": "har överförts till en annan myndighet",
           "told": ["överfört ärendet till behörig myndighet (21 § i förvaltningslagen)",
                    "Verohallinto", "kirjaamo@vero.example"],
           "forward_subject": "Överfört ärende: ESPOO-2026-0001",
           "forward": ["överför därför ärendet nedan till er (21 § i förvaltningslagen)",
                       "Vår referens: ESPOO-2026-0001", "aino@example.fi"]},
}


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_requester_and_the_receiving_authority_get_their_mails(mail_app, smtp, session,
                                                                    lang):
    client = mail_app.test_client()
    signed_in_staff(client, session)
    request = make_request(session, register="kamu-asiakasrekisteri")
    request.locale = lang
    request.attachments.append(RequestAttachment(filename="valtakirja.pdf",
                                                 mimetype="application/pdf", data=b"%PDF-1.4"))
    session.commit()
    deliver(mail_app)
    smtp.messages.clear()  # the acknowledgement of receipt

    response = client.post(f"/admin/requests/{request.id}/transfer", data={
        "csrf_token": csrf_of(client, f"/admin/requests/{request.id}"),
        "version": current_version(client, request), "authority_name": "Verohallinto",
        "authority_email": "kirjaamo@vero.example", "with_files": "y",
        "reason": "Verotiedot ovat Verohallinnon rekisterissä."})
    assert response.status_code == 302
    deliver(mail_app)
    told, forwarded = smtp.messages
    expected = EXPECTED[lang]
    assert str(told["To"]) == "aino@example.fi" and expected["subject"] in str(told["Subject"])
    body = told.get_body(("plain",)).get_content()
    for words in [*expected["told"], "Verotiedot ovat Verohallinnon rekisterissä."]:
        assert words in body
    assert list(told.iter_attachments()) == []

    assert str(forwarded["To"]) == "kirjaamo@vero.example"
    assert str(forwarded["Subject"]) == expected["forward_subject"]
    body = forwarded.get_body(("plain",)).get_content()
    for words in expected["forward"]:
        assert words in body
    with mail_app.test_request_context():
        assert problems(told.get_body(("plain",)).get_content(), lang) == []
        assert problems(body, lang) == []
    [scan] = list(forwarded.iter_attachments())
    assert scan.get_filename() == "valtakirja.pdf" and scan.get_content() == b"%PDF-1.4"
