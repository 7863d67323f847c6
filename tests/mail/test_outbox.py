"""The outbox against a real SMTP server: delivered once, retried while the server is down."""

from __future__ import annotations

from datetime import timedelta

from jinja2 import ChoiceLoader, DictLoader
from sqlalchemy import select

from portal.db import utcnow
from portal.mail.compose import Attachment, queue_mail
from portal.mail.models import OutboxMail
from portal.mail.sender import MAX_ATTEMPTS, deliver_pending, retry_delay
from portal.mail.transport import FileTransport, SmtpTransport


class Clock:
    def __init__(self):
        self.now = utcnow()

    def __call__(self):
        return self.now

    def advance(self, **kwargs):
        self.now += timedelta(**kwargs)


def queue(app, recipient="liisa@example.fi", lang="fi", attachments=()):
    if not isinstance(app.jinja_env.loader, ChoiceLoader):
        test_templates = DictLoader({"mail/test.txt": "Hei {{ name }}"})
        app.jinja_env.loader = ChoiceLoader([test_templates, app.jinja_env.loader])
    with app.test_request_context():
        sessions = app.extensions["db_sessionmaker"]
        with sessions() as session:
            mail = queue_mail(session, recipient=recipient, lang=lang, subject="Testi",
                              template="test", context={"name": "Liisa"},
                              attachments=attachments)
            session.commit()
            return mail.id


def send(app, clock):
    with app.app_context():
        return deliver_pending(app.extensions["db_sessionmaker"],
                               SmtpTransport(app.extensions["mail"]),
                               "tietosuoja@portal.example", clock)


def states(app):
    with app.extensions["db_sessionmaker"]() as session:
        return [(m.state, m.attempts) for m in session.scalars(select(OutboxMail).order_by(
            OutboxMail.id))]


def test_a_queued_mail_is_delivered_with_its_attachment(mail_app, smtp):
    queue(mail_app, attachments=[Attachment("kuitti.pdf", "application/pdf", b"%PDF-1.7 x")])
    report = send(mail_app, Clock())
    assert (report.sent, report.retried, report.failed) == (1, 0, 0)
    [message] = smtp.messages
    assert message["To"] == "liisa@example.fi" and message["Subject"] == "Testi"
    assert message["Content-Language"] == "fi"
    assert "Hei Liisa" in message.get_body(("plain",)).get_content()
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "kuitti.pdf"
    assert attachment.get_content() == b"%PDF-1.7 x"
    assert states(mail_app) == [("sent", 1)]


def test_smtp_down_then_up_delivers_every_mail_exactly_once(mail_app, smtp):
    smtp.stop()
    for n in range(3):
        queue(mail_app, recipient=f"henkilo{n}@example.fi")
    clock = Clock()
    report = send(mail_app, clock)
    assert (report.sent, report.retried) == (0, 3)
    assert send(mail_app, clock).retried == 0  # not yet time to retry
    smtp.start()
    clock.advance(seconds=31)
    assert send(mail_app, clock).sent == 3
    clock.advance(days=3)
    assert send(mail_app, clock).sent == 0
    assert sorted(m["To"] for m in smtp.messages) == [f"henkilo{n}@example.fi" for n in range(3)]
    assert states(mail_app) == [("sent", 2)] * 3


def test_a_refused_address_fails_for_good_and_stays_visible(mail_app, smtp):
    smtp.refuse.add("ei-ole@example.fi")
    queue(mail_app, recipient="ei-ole@example.fi")
    queue(mail_app, recipient="on@example.fi")
    report = send(mail_app, Clock())
    assert (report.sent, report.failed) == (1, 1)
    with mail_app.extensions["db_sessionmaker"]() as session:
        failed = session.scalar(select(OutboxMail).where(OutboxMail.state == "failed"))
        assert "550" in failed.last_error and "ei-ole" not in failed.last_error


def test_retries_back_off_and_finally_give_up(mail_app, smtp):
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3)] == [30, 60, 120]
    assert retry_delay(40) == timedelta(hours=6)
    smtp.stop()
    queue(mail_app)
    clock = Clock()
    for _ in range(MAX_ATTEMPTS):
        send(mail_app, clock)
        clock.advance(hours=7)
    assert states(mail_app) == [("failed", MAX_ATTEMPTS)]


def test_development_delivery_writes_eml_files(app, tmp_path):
    queue(app, lang="sv")
    folder = tmp_path / "mail"
    with app.app_context():
        report = deliver_pending(app.extensions["db_sessionmaker"], FileTransport(folder),
                                 "portal@localhost", Clock())
    assert report.sent == 1
    [eml] = folder.glob("*.eml")
    assert b"Subject: Testi" in eml.read_bytes()


def test_mail_send_command_uses_eml_files_without_a_server(app, runner):
    queue(app)
    result = runner.invoke(args=["mail", "send"])
    assert result.exit_code == 0 and "sent 1" in result.output
    assert len(list((app.config["PORTAL"].mail_dir).glob("*.eml"))) == 1


def test_mail_status_shows_failures_without_addresses(mail_app, smtp):
    smtp.refuse.add("ei-ole@example.fi")
    queue(mail_app, recipient="ei-ole@example.fi")
    queue(mail_app, recipient="on@example.fi")
    send(mail_app, Clock())
    output = mail_app.test_cli_runner().invoke(args=["mail", "status"]).output
    assert output.splitlines()[0] == "pending 0, sent 1, failed 1"
    assert "failed mail 1" in output and "550" in output and "example.fi" not in output


def test_failed_mail_makes_status_fail_until_retried_and_delivered(mail_app, smtp):
    cli = mail_app.test_cli_runner()
    queue(mail_app, recipient="ei-ole@example.fi")
    assert cli.invoke(args=["mail", "status"]).exit_code == 0
    smtp.refuse.add("ei-ole@example.fi")
    send(mail_app, Clock())
    assert cli.invoke(args=["mail", "status"]).exit_code == 1  # monitoring sees the failure
    smtp.refuse.clear()  # the recipient's mailbox was fixed
    assert "failed mail queued again: 1" in cli.invoke(args=["mail", "retry"]).output
    assert send(mail_app, Clock()).sent == 1
    assert [m["To"] for m in smtp.messages] == ["ei-ole@example.fi"]
    assert cli.invoke(args=["mail", "status"]).exit_code == 0
    assert "queued again: 0" in cli.invoke(args=["mail", "retry", "1"]).output
