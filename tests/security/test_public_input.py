"""Review findings 4 and 15 (issue 10): no phishing through the confirmation mail, no
look-alike or invisible identities passed to staff."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from portal.dsr.models import DataRequest
from portal.mail.models import OutboxMail
from tests.backoffice.factories import make_request, signed_in_staff
from tests.dsr.helpers import post_request


@pytest.mark.parametrize("name, message", [
    ("Aino\nYour account is closed. Log in at https://evil.example", "on one line"),
    ("Voitit 1000 €, lunasta: voitto.example", "without web or e-mail addresses"),
    ("Aino www.evil.example", "without web or e-mail addresses"),
    ("\u200b\u200b\u200b", "invisible or control characters"),
    ("Aino \u202eesuoja", "invisible or control characters"),
    ("... !!! ...", "using letters"),
])
def test_a_name_that_is_not_just_a_name_is_refused(client, session, name, message):
    response = post_request(client, "en", name=name)
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert session.scalar(select(func.count(DataRequest.id))) == 0
    assert session.scalar(select(func.count(OutboxMail.id))) == 0


def test_the_mail_to_an_unconfirmed_address_quotes_only_the_name(client, session):
    response = post_request(client, "en", name="Anna-Liisa O'Brien-Mäkelä",
                            details="Urgent: confirm at https://evil.example/login")
    assert response.status_code == 302
    body = session.scalar(select(OutboxMail.body))
    assert "Anna-Liisa O'Brien-Mäkelä" in body
    assert "evil.example" not in body and "Urgent" not in body


def test_staff_see_the_ascii_form_of_a_look_alike_domain(client, session):
    signed_in_staff(client, session, email="dpo@museot.example", orgs=("museokortti",))
    look_alike = make_request(session, email="aino@p\u0430ypal.fi")  # a Cyrillic а
    plain = make_request(session, email="eino@example.fi", name="Eino")
    html = client.get(f"/admin/requests/{look_alike.id}").get_data(as_text=True)
    assert "aino@p\u0430ypal.fi (domain in ASCII: xn--pypal-4ve.fi)" in html
    assert "domain in ASCII" not in client.get(f"/admin/requests/{plain.id}").get_data(
        as_text=True)
