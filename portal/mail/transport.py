"""How a mail leaves the portal: over SMTP (Flask-Mail), or as ``.eml`` files in development."""

from __future__ import annotations

import smtplib
import socket
from pathlib import Path
from typing import Protocol

from flask_mail import Mail, Message

from .models import OutboxMail

SMTP_TIMEOUT = 30.0


class TemporaryFailure(Exception):
    """The server could not take the mail now (down, busy, 4xx): try again later."""


class PermanentFailure(Exception):
    """The server refused the mail for good (5xx, address refused): do not retry."""


class Transport(Protocol):
    def send(self, mail: OutboxMail, sender: str) -> None: ...


def to_message(mail: OutboxMail, sender: str) -> Message:
    message = Message(subject=mail.subject, recipients=[mail.recipient], body=mail.body,
                      sender=sender, extra_headers={"Content-Language": mail.locale})
    for attachment in mail.attachments:
        message.attach(attachment.filename, attachment.mimetype, attachment.data)
    return message


class FileTransport:
    """Development delivery: each mail becomes ``instance/mail/<id>.eml``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def send(self, mail: OutboxMail, sender: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / f"{mail.id:06d}.eml"
        target.write_bytes(to_message(mail, sender).as_bytes())


class SmtpTransport:
    """Delivery over SMTP; classifies every error as temporary or permanent."""

    def __init__(self, mail: Mail) -> None:
        self.mail = mail

    def send(self, mail: OutboxMail, sender: str) -> None:
        previous = socket.getdefaulttimeout()
        socket.setdefaulttimeout(SMTP_TIMEOUT)  # Flask-Mail opens smtplib without a timeout
        try:
            self.mail.send(to_message(mail, sender))
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            raise (PermanentFailure if all(c >= 500 for c in codes) else TemporaryFailure)(
                f"recipient refused ({', '.join(map(str, codes))})") from None
        except smtplib.SMTPResponseException as exc:
            error = PermanentFailure if exc.smtp_code >= 500 else TemporaryFailure
            raise error(f"server answered {exc.smtp_code}") from None
        except (smtplib.SMTPException, OSError) as exc:
            raise TemporaryFailure(type(exc).__name__) from None
        finally:
            socket.setdefaulttimeout(previous)
