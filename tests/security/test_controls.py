"""Security controls of docs/security.md that no other module shows: tokens, mail headers,
logs, error pages, NUL bytes."""

from __future__ import annotations

import hashlib
import logging
import re

from sqlalchemy import select, text

from portal.db import utcnow
from portal.mail.models import OutboxMail
from portal.mail.sender import deliver_pending
from portal.mail.transport import SmtpTransport
from tests.dsr.helpers import csrf, post_request

NAME, EMAIL = "Salla Salainen", "salla.salainen@example.fi"


def _confirm_path(session) -> str:
    mail = session.scalar(select(OutboxMail).order_by(OutboxMail.id.desc()))
    return re.search(r"http://localhost(/fi/requests/confirm/(\S+))", mail.body).group(1)


def _stored(session) -> str:
    return " ".join(str(row) for table in ("data_requests", "status_links")
                    for row in session.execute(text(f"SELECT * FROM {table}")))


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def test_link_tokens_have_256_bits_and_only_their_hashes_are_stored(client, session):
    post_request(client, "fi", name=NAME, email=EMAIL)
    path = _confirm_path(session)
    token = path.rsplit("/", 1)[1]
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", token)  # secrets.token_urlsafe(32): 256 bits
    stored = _stored(session)
    assert token not in stored and _digest(token) in stored
    session.commit()  # end the read, so the app may write
    response = client.post(path, data={"csrf_token": csrf(client, path)})
    status_token = response.headers["Location"].rsplit("/", 1)[1]
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", status_token) and status_token != token
    stored = _stored(session)
    assert status_token not in stored and _digest(status_token) in stored
    assert _digest(token) not in stored  # single use: spent at confirmation


def test_line_breaks_cannot_add_mail_headers(mail_app, smtp):
    client = mail_app.test_client()
    refused = post_request(client, "fi", email="aino@example.fi\r\nBcc: evil@example.org")
    assert refused.status_code == 400
    # A name is one line (security review finding 4), so this never reaches a mail at all.
    assert post_request(client, "fi", name="Aino\r\nBcc: evil@example.org").status_code == 400
    assert post_request(client, "fi").status_code == 302
    with mail_app.app_context():
        deliver_pending(mail_app.extensions["db_sessionmaker"],
                        SmtpTransport(mail_app.extensions["mail"]), "tietosuoja@portal.example",
                        utcnow)
    (message,) = smtp.messages
    assert message["Bcc"] is None and message["To"] == "aino@example.fi"
    assert "evil@example.org" not in str(message["To"]) + str(message["Subject"])


def test_no_personal_data_reaches_the_logs(mail_app, smtp, caplog):
    caplog.set_level(logging.DEBUG)
    client = mail_app.test_client()
    post_request(client, "fi", name=NAME, email=EMAIL, details="Henkilötunnukseni on 010101-123N")
    with mail_app.extensions["db_sessionmaker"]() as session:
        path = _confirm_path(session)
    client.post(path, data={"csrf_token": csrf(client, path)})
    with mail_app.app_context():
        from portal.mail.cli import send_once

        send_once()
    assert len(smtp.messages) == 2
    logged = "\n".join(record.getMessage() for record in caplog.records
                       if record.name != "mail.log")  # the test's SMTP server, not ours
    for personal in (NAME, EMAIL, "010101-123N", path.rsplit("/", 1)[1]):
        assert personal not in logged


def test_error_pages_show_no_internals(app):
    app.testing = False  # as in production: the error is handled, not raised to the test

    @app.get("/fi/boom")
    def _boom():
        raise RuntimeError("secret internals at /srv/portal/app.py line 42")

    response = app.test_client().get("/fi/boom")
    page = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Jokin meni vikaan" in page  # translated, in the page's language
    for internal in ("secret internals", "Traceback", "RuntimeError", "/srv/portal"):
        assert internal not in page


def test_nul_bytes_are_refused_everywhere(client):
    assert client.get("/fi/", query_string={"q": "a\x00b"}).status_code == 400
    assert post_request(client, "fi", name="A\x00").status_code == 400


def test_staff_passwords_are_stored_as_argon2id_hashes_only(session):
    from tests.backoffice.factories import PASSWORD, make_staff

    user = make_staff(session)
    assert user.password_hash.startswith("$argon2id$")
    row = " ".join(str(r) for r in session.execute(text("SELECT * FROM staff_users")))
    assert PASSWORD not in row


def test_pdf_rendering_reads_only_the_static_folder(tmp_path):
    import pytest

    from portal.pdf import StaticOnlyFetcher
    from portal.settings import PROJECT_ROOT

    fetcher = StaticOnlyFetcher(PROJECT_ROOT / "static")
    assert b"@page" in fetcher.fetch((PROJECT_ROOT / "static/css/pdf.css").as_uri()).read()
    (tmp_path / "secret.txt").write_text("secret")
    for url in ((tmp_path / "secret.txt").as_uri(), "file:///etc/passwd",
                (PROJECT_ROOT / "static/../pyproject.toml").as_uri(),
                "http://127.0.0.1:9/x.png", "https://example.org/x.css"):
        with pytest.raises(ValueError, match="refused"):
            fetcher.fetch(url)
