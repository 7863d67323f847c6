"""Bad input of every kind: a clear 4xx page in the user's language, and nothing stored."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from portal.dsr.models import DataRequest
from portal.mail.models import OutboxMail
from tests.dsr.helpers import form_fields, post_request, valid_request


def stored(session) -> tuple[int, int]:
    session.expire_all()
    return (session.scalar(select(func.count()).select_from(DataRequest)),
            session.scalar(select(func.count()).select_from(OutboxMail)))


@pytest.mark.parametrize("lang, overrides, field, message", [
    ("fi", {"name": ""}, "name", "Kirjoita nimesi."),
    ("sv", {"email": ""}, "email", "Skriv din e-postadress."),
    ("en", {"email": "not-an-address"}, "email", "name@example.fi"),
    ("fi", {"email": "a@b"}, "email", "nimi@esimerkki.fi"),
    ("fi", {"right": "revenge"}, "right", "Valitse jokin näytetyistä vaihtoehdoista."),
    ("sv", {"right": ""}, "right", "Välj vad du vill göra."),
    ("en", {"registers": ["no-such-register"]}, "registers", "Choose registers from the list"),
    ("sv", {"registers": ["no-such-register"]}, "registers", "Välj register i listan"),
    ("fi", {"right": "rectification", "details": "  "}, "details",
     "Kerro, mikä on väärin ja miten sen pitäisi olla."),
    ("en", {"right": "objection", "details": ""}, "details", "grounds for your objection"),
    ("sv", {"details": "x" * 200_000}, "details", "högst 10000 tecken"),
    ("en", {"phone": "call me maybe"}, "phone", "using digits"),
    ("fi", {"name": "n" * 101}, "name", "enintään 100 merkkiä"),
    ("en", {"registers": ["museokortti", "kamu-asiakasrekisteri"]}, "registers",
     "one organisation only"),
])
def test_invalid_fields_are_explained_and_nothing_is_saved(client, session, lang, overrides,
                                                           field, message):
    response = post_request(client, lang, **overrides)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'class="error-summary" role="alert"' in html
    assert message.lower() in html.lower()
    anchor = {"right": "right-group", "registers": "registers-group"}.get(field, field)
    assert f'<li><a href="#{anchor}' in html
    assert stored(session) == (0, 0)


def test_the_form_keeps_what_was_typed_after_an_error(client):
    html = post_request(client, "en", email="bad", name="Aino <b>Asiakas</b>").get_data(
        as_text=True)
    assert 'value="Aino &lt;b&gt;Asiakas&lt;/b&gt;"' in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="email-hint email-error"' in html


@pytest.mark.parametrize("token", [None, "forged-token"])
def test_missing_or_forged_csrf_token_is_refused(client, session, token):
    fields = form_fields(client, "sv")
    data = valid_request(submission=fields["submission"])
    if token:
        data["csrf_token"] = token
    response = client.post("/sv/requests/new", data=data)
    assert response.status_code == 400
    assert "Formuläret hade gått ut" in response.get_data(as_text=True)
    assert stored(session) == (0, 0)


def test_a_body_over_two_megabytes_is_refused(client, session):
    fields = form_fields(client, "en")
    response = client.post("/en/requests/new",
                           data={**fields, **valid_request(details="x" * 2_100_000)})
    assert response.status_code == 413
    assert "larger than the 2 MB" in response.get_data(as_text=True)
    assert stored(session) == (0, 0)


def test_sending_the_same_form_twice_makes_one_request_and_one_mail(client, session):
    fields = form_fields(client)
    for _ in range(2):
        response = client.post("/fi/requests/new", data={**fields, **valid_request()})
        assert response.headers["Location"] == "/fi/requests/sent"
    assert stored(session) == (1, 1)


def test_the_answer_is_the_same_whatever_the_address(client, session):
    first = post_request(client, email="known@example.fi")
    second = post_request(client, email="someone-else@example.fi")
    assert first.headers["Location"] == second.headers["Location"]
    sent = client.get(first.headers["Location"]).get_data(as_text=True)
    assert "known@" not in sent and "Tarkista sähköpostisi" in sent


def test_the_honeypot_pretends_success_and_keeps_nothing(client, session):
    response = post_request(client, website="http://spam.example")
    assert response.status_code == 302 and response.headers["Location"] == "/fi/requests/sent"
    assert stored(session) == (0, 0)


@pytest.mark.parametrize("path", [
    "/fi/requests/confirm/not-a-real-token",
    "/sv/requests/status/not-a-real-token",
    "/en/requests/status/" + "x" * 500,
])
def test_wrong_links_are_a_translated_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert {"fi": "Linkki ei ole voimassa", "sv": "Länken är inte giltig",
            "en": "This link is not valid"}[path[1:3]] in html


def test_script_in_requester_fields_is_shown_escaped(client, session):
    post_request(client, name="<script>alert(1)</script>", details="<img src=x onerror=1>")
    request = session.scalar(select(DataRequest))
    assert request.name == "<script>alert(1)</script>"
    mail = session.scalar(select(OutboxMail))
    path = mail.body.split("http://localhost", 1)[1].split()[0]
    html = client.get(path).get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "<img src=x" not in html
