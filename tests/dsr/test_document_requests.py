"""Document requests under the Openness Act (621/1999; legal rules §9): the form, the mails, the
receipt and the status page, in each language, against a real SMTP server on both databases."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from portal.dsr import document_views, views
from portal.dsr.models import DataRequest
from portal.notices.models import Controller
from tests.dsr.helpers import CSRF_RE, SUBMISSION_RE, at_helsinki, csrf, link_in
from tests.dsr.test_journey import deliver

EXPECTED = {
    "fi": {"confirm_subject": "Vahvista asiakirjapyyntösi",
           "ack": ["on vastaanottanut julkisuuslain mukaisen asiakirjapyyntösi",
                   "tiistai 17. maaliskuuta 2026"],
           "pdf": ["Kuitti asiakirjapyynnöstäsi",
                   "Julkisuuslain mukainen asiakirjapyyntö",
                   "julkisuuslain (621/1999) 14 §:n 4 momentti", "Pyytämäsi asiakirjat"],
           "status": ["Kaksi viikkoa vastaanottamisesta on tiistai 17. maaliskuuta 2026"]},
    "sv": {"confirm_subject": "Bekräfta din begäran om att få ta del av handlingar",
           "ack": ["har tagit emot din begäran om att få ta del av handlingar enligt "
                   "offentlighetslagen", "tisdag 17 mars 2026"],
           "pdf": ["Kvitto på din begäran om att få ta del av handlingar",
                   "14 § 4 mom. i offentlighetslagen (621/1999)", "De handlingar du begärt"],
           "status": ["Två veckor från mottagandet är den tisdag 17 mars 2026"]},
    "en": {"confirm_subject": "Confirm your document request",
           "ack": ["has received your document request under the Act on the Openness",
                   "Tuesday, March 17, 2026"],
           "pdf": ["Receipt of your document request", "Openness Act 621/1999 §14(4)",
                   "The documents you asked for"],
           "status": ["Two weeks is Tuesday, March 17, 2026"]},
}
DOCUMENTS = "Kaupunginhallituksen pöytäkirja 2.3.2026 liitteineen."


@pytest.fixture
def frozen(monkeypatch):
    """Received on Tuesday 3 March 2026: two weeks end on Tuesday 17 March."""
    moment = at_helsinki("2026-03-03")
    monkeypatch.setattr(views, "utcnow", lambda: moment)
    monkeypatch.setattr(document_views, "utcnow", lambda: moment)
    return moment


def post_documents(client, lang: str = "fi", **overrides):
    html = client.get(f"/{lang}/requests/documents").get_data(as_text=True)
    data = {"csrf_token": CSRF_RE.search(html).group(1),
            "submission": SUBMISSION_RE.search(html).group(1),
            "authority": "espoo", "documents": DOCUMENTS, "name": "",
            "email": "aino@example.fi", **overrides}
    return client.post(f"/{lang}/requests/documents", data=data)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_document_request_runs_on_two_weeks_and_names_its_law(mail_app, smtp, frozen,
                                                                 session, lang):
    client = mail_app.test_client()
    expected = EXPECTED[lang]
    response = post_documents(client, lang)
    assert response.status_code == 302 and response.headers["Location"] == f"/{lang}/requests/sent"
    deliver(mail_app)
    [confirmation] = smtp.messages
    assert confirmation["Subject"] == expected["confirm_subject"]
    confirm_path = link_in(confirmation, "confirm")
    response = client.post(confirm_path, data={"csrf_token": csrf(client, confirm_path)})
    status_path = response.headers["Location"]

    deliver(mail_app)
    acknowledgement = smtp.messages[1]
    body = acknowledgement.get_body(("plain",)).get_content()
    for words in expected["ack"]:
        assert words in body
    [receipt] = list(acknowledgement.iter_attachments())
    pdf = PdfReader(io.BytesIO(receipt.get_content()))
    text = " ".join(page.extract_text() for page in pdf.pages)
    for words in [*expected["pdf"], "ESPOO-2026-0001", DOCUMENTS]:
        assert words in re.sub(r"\s+", " ", text)

    html = client.get(status_path).get_data(as_text=True)
    for words in expected["status"]:
        assert words in html
    request = session.scalar(select(DataRequest))
    assert (request.law, request.due_on, request.registers) == ("openness", date(2026, 3, 17), [])


def test_only_public_authorities_are_offered_and_asked_first(client):
    authority_form = client.get("/fi/requests/new?register=kamu-asiakasrekisteri")
    private_form = client.get("/fi/requests/new?register=museokortti")
    assert "/fi/requests/documents" in authority_form.get_data(as_text=True)
    assert "/fi/requests/documents" not in private_form.get_data(as_text=True)
    html = client.get("/fi/requests/documents").get_data(as_text=True)
    assert 'value="espoo"' in html and 'value="museokortti"' not in html
    assert "13 §:n 2 momentti" in html and "Sinun ei tarvitse kertoa, kuka olet" in html


def test_a_private_body_cannot_be_asked_for_documents(client, session):
    response = post_documents(client, "en", authority="museokortti")
    assert response.status_code == 400 and "Choose one of the options shown." in response.text
    assert session.scalar(select(DataRequest)) is None


def test_the_documents_must_be_named_and_the_name_may_be_left_out(client, session):
    response = post_documents(client, "en", documents="  ")
    assert response.status_code == 400
    assert 'href="#documents">Name or describe the documents you want.' in response.text
    assert post_documents(client, "en").status_code == 302
    request = session.scalar(select(DataRequest))
    assert request.name == "" and request.details == DOCUMENTS


def test_the_form_with_errors_is_valid_html(client, tmp_path):
    from tests.htmlcheck import html_problems

    response = post_documents(client, "sv", authority="", documents="", email="x")
    assert response.status_code == 400
    assert html_problems({"errors": response.data}, tmp_path) == []
    assert 'href="#authority-group">Välj myndighet.' in response.text


def test_each_authority_says_what_copies_cost_as_its_fee_settings_say(client, session):
    """Documents given electronically are free unless the authority wrote its own sentence on
    /admin/organisations/<slug>/fees (Openness Act §34)."""
    page = client.get("/fi/requests/documents").get_data(as_text=True)
    assert "Sähköisesti annettavat asiakirjat ovat maksuttomia." in page
    espoo = session.scalar(select(Controller).where(Controller.slug == "espoo"))
    espoo.fee_texts = {"fi": "Paperikopio maksaa 0,50 euroa sivulta."}
    session.commit()
    page = client.get("/fi/requests/documents").get_data(as_text=True)
    assert ('<p class="hint" id="authority-espoo-fee">Paperikopio maksaa 0,50 euroa sivulta.</p>'
            in page)
    assert 'aria-describedby="authority-espoo-fee"' in page
