"""Files no mail carries (``PORTAL_MAIL_MAX_MB``) are refused when staff act, before anything is
saved; a letter to post and an answer for secure collection are not limited."""

from __future__ import annotations

import html
import io
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from portal.backoffice.postal import PostalLetter
from portal.dsr.models import DataRequest, RequestAttachment
from portal.mail.models import OutboxMail
from tests.backoffice.factories import decide, make_request, send_prepared, signed_in_staff
from tests.backoffice.test_entry import enter, entered
from tests.backoffice.test_steps import CSV, on, step
from tests.backoffice.test_transfer import send as transfer
from tests.backoffice.test_upload_limits import MB, redacted_pdf
from tests.htmlcheck import html_problems

#: The 9 MB redacted copy's mail, as the message gives it with the default 10 MB limit.
TOO_LARGE = "about 13 MB, but the organisation's mail server accepts at most 10 MB"


@pytest.fixture(scope="module")
def nine_megabytes() -> bytes:
    return redacted_pdf(9)


@pytest.fixture
def handler(client, session):
    return signed_in_staff(client, session, email="handler@museot.example",
                           orgs=("museokortti",))


def mails(session) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(OutboxMail))


def reread(session, request) -> DataRequest:
    session.expire_all()
    return session.get(DataRequest, request.id)


def with_mail_limit(app, megabytes: int) -> None:
    app.config["PORTAL"] = replace(app.config["PORTAL"], mail_max_mb=megabytes)


def test_without_collection_a_decision_with_nine_megabytes_is_refused_when_prepared(
        client, session, handler, nine_megabytes):
    request = make_request(session)
    before = mails(session)
    response = decide(client, request, "granted", send=False,
                      files=[(io.BytesIO(nine_megabytes), "kopio.pdf")])
    assert response.status_code == 400
    page = html.unescape(response.get_data(as_text=True))
    assert 'href="#decision-files"' in page and TOO_LARGE in page
    assert "split the answer into parts" in page and "say so in the letter" in page
    assert "secure collection" not in page  # not set up here
    stored = reread(session, request)
    assert stored.prepared_decision is None and stored.decision_files == []
    assert mails(session) == before


def test_a_prepared_decision_that_no_longer_fits_is_not_sent_and_stays(
        app, client, session, handler, nine_megabytes):
    request = make_request(session)
    with_mail_limit(app, 20)
    assert decide(client, request, "granted", send=False,
                  files=[(io.BytesIO(nine_megabytes), "kopio.pdf")]).status_code == 302
    with_mail_limit(app, 10)  # the server's limit was lowered meanwhile
    before, state = mails(session), reread(session, request).state
    response = send_prepared(client, request)
    assert response.status_code == 400
    page = html.unescape(response.get_data(as_text=True))
    # the letter's own PDF goes with the files: a little more than when it was prepared
    assert 'href="#prepared-files"' in page and TOO_LARGE.replace("13", "13.1") in page
    stored = reread(session, request)
    assert stored.state == state and stored.outcome is None and stored.documents == []
    assert stored.prepared_decision is not None
    assert [f.filename for f in stored.decision_files] == ["kopio.pdf"]
    assert mails(session) == before


def test_a_small_file_goes_with_the_mail(client, session, handler):
    request = make_request(session)
    copy = redacted_pdf(1)
    assert decide(client, request, "granted",
                  files=[(io.BytesIO(copy), "kopio.pdf")]).status_code == 302
    mail = session.scalar(select(OutboxMail).where(OutboxMail.template == "dsr_decision"))
    assert [a.data for a in mail.attachments][1:] == [copy]
    assert reread(session, request).state == "completed"


def test_a_letter_to_post_carries_nine_megabytes(client, session, handler, nine_megabytes):
    assert enter(client, postal_address="Brevgatan 1\n00100 Helsingfors",
                 locale="sv").status_code == 302
    request = entered(session)
    assert decide(client, request, "granted",
                  files=[(io.BytesIO(nine_megabytes), "kopia.pdf")]).status_code == 302
    [letter] = session.scalars(select(PostalLetter).where(
        PostalLetter.request_id == request.id,
        PostalLetter.template == "dsr_decision")).all()
    assert nine_megabytes in [a.data for a in letter.enclosures]
    assert reread(session, request).state == "completed"


@pytest.mark.parametrize("lang, words", [
    ("fi", "enintään 7,2 Mt, koska organisaation sähköpostipalvelin ottaa vastaan enintään 10 Mt"),
    ("sv", "högst 7,2 MB, eftersom organisationens e-postserver tar emot meddelanden på högst "
           "10 MB"),
    ("en", "at most 7.2 MB of files, because the organisation's mail server accepts mails of "
           "at most 10 MB"),
])
def test_the_files_hint_states_the_mail_limit_below_the_upload_limit(
        app, client, session, lang, words):
    signed_in_staff(client, session, email="handler@museot.example", orgs=("museokortti",),
                    locale=lang)
    request = make_request(session)
    form = f"/admin/requests/{request.id}?outcome=granted&edit=1"
    assert words in html.unescape(client.get(form).get_data(as_text=True))
    with_mail_limit(app, 30)
    assert "mail server" not in client.get(form).get_data(as_text=True)


def test_a_transfer_with_files_no_mail_carries_is_refused(client, session, monkeypatch,
                                                          nine_megabytes):
    signed_in_staff(client, session)
    request = make_request(session, register="kamu-asiakasrekisteri")
    request.attachments.append(RequestAttachment(filename="valtakirja.pdf",
                                                 mimetype="application/pdf",
                                                 data=nine_megabytes))
    session.commit()
    before = mails(session)
    refused = transfer(client, request, monkeypatch, with_files="y")
    assert refused.status_code == 400
    page = html.unescape(refused.get_data(as_text=True))
    assert ("mail to the authority would be about 13 MB, but the organisation's mail server "
            "accepts at most 10 MB") in page
    assert 'href="#with_files"' in page and "Transfer the request without its files" in page
    assert reread(session, request).state == "received" and mails(session) == before
    assert transfer(client, request, monkeypatch).status_code == 302
    assert reread(session, request).state == "transferred"


def test_a_transmission_no_mail_carries_is_refused(app, client, session, handler, monkeypatch):
    request = make_request(session, right="portability")
    on(monkeypatch, "2026-03-04")
    assert decide(client, request, "granted", text="Tiedot liitteenä.",
                  files=[(io.BytesIO(CSV), "tiedot.csv")]).status_code == 302
    with_mail_limit(app, 1)
    stored = reread(session, request)
    [data] = [d for d in stored.documents if d.filename == "tiedot.csv"]
    data.data = CSV + b"x" * MB  # as a large extract would be
    session.commit()
    before = mails(session)
    refused = step(client, request, "transmit", address="tiedot@uusi.example")
    assert refused.status_code == 400
    page = html.unescape(refused.get_data(as_text=True))
    assert "about 1.6 MB, but the organisation's mail server accepts at most 1 MB" in page
    assert 'href="#transmit-address"' in page
    assert mails(session) == before
    assert reread(session, request).events[-1].kind != "transmitted"


def test_the_refusals_are_valid_html(app, client, session, handler, monkeypatch, tmp_path,
                                     nine_megabytes):
    request = make_request(session)
    prepared = decide(client, request, "granted", send=False,
                      files=[(io.BytesIO(nine_megabytes), "kopio.pdf")])
    with_mail_limit(app, 20)
    assert decide(client, request, "granted", send=False,
                  files=[(io.BytesIO(nine_megabytes), "kopio.pdf")]).status_code == 302
    with_mail_limit(app, 10)
    sent = send_prepared(client, request)
    signed_in_staff(client, session)
    other = make_request(session, register="kamu-asiakasrekisteri", email="eino@example.fi")
    other.attachments.append(RequestAttachment(filename="liite.pdf", mimetype="application/pdf",
                                               data=nine_megabytes))
    session.commit()
    transferred = transfer(client, other, monkeypatch, with_files="y")
    assert {prepared.status_code, sent.status_code, transferred.status_code} == {400}
    assert html_problems({"prepare": prepared.data, "send": sent.data,
                          "transfer": transferred.data}, tmp_path) == []
