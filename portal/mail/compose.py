"""Writing a mail into the outbox, in the recipient's language, inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from flask import current_app, render_template
from flask_babel import force_locale
from sqlalchemy.orm import Session

from .models import OutboxAttachment, OutboxMail


def absolute_link(endpoint: str, **values) -> str:
    """A link for a mail, from the configured base URL, never from the request's Host header.

    Built with the URL map bound to ``PORTAL_BASE_URL``, so it works the same inside a request
    and in the daily jobs that run outside one (``deadlines remind`` from a timer).
    Public pages need ``lang_code`` (their ``/<lang>`` prefix) among ``values``.
    """
    base = urlsplit(current_app.config["PORTAL"].base_url)
    adapter = current_app.url_map.bind(base.netloc, script_name=base.path or "/",
                                       url_scheme=base.scheme)
    current_app.inject_url_defaults(endpoint, values)
    return adapter.build(endpoint, values, force_external=True)


@dataclass(frozen=True)
class Attachment:
    filename: str
    mimetype: str
    data: bytes


def render_mail(lang: str, subject, template: str, context: dict) -> tuple[str, str]:
    """The subject and text of ``templates/mail/<template>.txt`` in ``lang``; a letter to post
    (:mod:`portal.backoffice.postal`) is written from the same templates."""
    with force_locale(lang):
        body = render_template(f"mail/{template}.txt", lang=lang, **context)
        subject_text = " ".join(str(subject).split())  # no line breaks in a header
    return subject_text, body


def queue_mail(
    session: Session, *, recipient: str, lang: str, subject, template: str,
    context: dict, attachments: Iterable[Attachment] = (), request_id: int | None = None,
) -> OutboxMail:
    """Add a mail to the outbox; it is sent after the caller commits.

    ``subject`` is a lazy string; it and ``templates/mail/<template>.txt`` are rendered in
    ``lang``, the recipient's language, whatever language the current request is in.
    """
    subject_text, body = render_mail(lang, subject, template, context)
    mail = OutboxMail(
        recipient=recipient, subject=subject_text, body=body, locale=lang, request_id=request_id,
        template=template,
        attachments=[OutboxAttachment(filename=a.filename, mimetype=a.mimetype, data=a.data)
                     for a in attachments],
    )
    session.add(mail)
    return mail
