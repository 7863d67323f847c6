"""Letters to post: what the portal tells a requester who has no e-mail address.

A request entered by staff (paper, phone, letter) may give only a postal address. Every message
to the requester (a question, an extension notice under GDPR Art. 12(3), a decision, the notice
before a restriction is lifted under Art. 18(3), a transfer under APA 434/2003 §21...) is then
kept with the request as a letter instead of an outbox mail: its text in the requester's
language, written from the same template as the mail, and its enclosures (a decision PDF).
Staff print it, post it and record the day it was posted; that day is audited and shown in the
request's history and on the requester's status page. No mail is ever queued to an empty
address. Time limits are not moved by this record (the clock rules are
:mod:`portal.deadlines`), but staff are told on the request's page that a notice counts only
once it is posted.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from flask import current_app, render_template
from flask_babel import force_locale
from sqlalchemy import Date, ForeignKey, LargeBinary, String, Text, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from .. import audit
from ..db import Base, UTCDateTime, utcnow
from ..deadlines import receipt_date
from ..dsr.models import DataRequest, RequestEvent
from ..law.postal import check_posted
from ..mail.compose import Attachment, render_mail
from ..pdf import render_pdf
from .models import StaffUser


class PostalLetter(Base):
    """A message to a requester without an e-mail address, waiting to be posted or posted."""

    __tablename__ = "postal_letters"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("data_requests.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: The mail template it was written from (``dsr_extended``, ``dsr_decision``...).
    template: Mapped[str] = mapped_column(String(32))
    #: The requester's language, which the subject and text are written in.
    locale: Mapped[str] = mapped_column(String(8))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    #: The day staff posted it; ``None`` while it waits.
    posted_on: Mapped[date | None] = mapped_column(Date)
    posted_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))

    enclosures: Mapped[list[PostalEnclosure]] = relationship(
        back_populates="letter", cascade="all, delete-orphan", order_by="PostalEnclosure.id")


class PostalEnclosure(Base):
    """A file that goes in the envelope with the letter (the decision PDF, say)."""

    __tablename__ = "postal_enclosures"

    id: Mapped[int] = mapped_column(primary_key=True)
    letter_id: Mapped[int] = mapped_column(
        ForeignKey("postal_letters.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(200))
    mimetype: Mapped[str] = mapped_column(String(100))
    data: Mapped[bytes] = mapped_column(LargeBinary)

    letter: Mapped[PostalLetter] = relationship(back_populates="enclosures")


def keep_letter(session: Session, request: DataRequest, *, subject, template: str,
                context: dict, attachments: Iterable[Attachment] = ()) -> PostalLetter:
    """Keep the message as a letter to post, written as the mail would be, in the requester's
    language; the request's history notes that a letter waits (staff only)."""
    subject_text, body = render_mail(request.locale, subject, template, context)
    letter = PostalLetter(
        request_id=request.id, template=template, locale=request.locale,
        subject=subject_text, body=body,
        enclosures=[PostalEnclosure(filename=a.filename, mimetype=a.mimetype, data=a.data)
                    for a in attachments])
    session.add(letter)
    request.events.append(RequestEvent(kind="letter_to_post", created_at=utcnow(),
                                       public=False, text=subject_text))
    return letter


def letters_of(session: Session, request: DataRequest) -> list[PostalLetter]:
    return list(session.scalars(select(PostalLetter).where(
        PostalLetter.request_id == request.id).order_by(PostalLetter.id)))


def waiting_requests():
    """The ids of requests with a letter waiting to be posted (for the queue's filter)."""
    return select(PostalLetter.request_id).where(PostalLetter.posted_on.is_(None))


def waiting(session: Session, request_ids: list[int]) -> set[int]:
    """Those of ``request_ids`` with a letter waiting (for the queue's mark)."""
    if not request_ids:
        return set()
    return set(session.scalars(waiting_requests().where(
        PostalLetter.request_id.in_(request_ids))))


def waiting_count(session: Session, controller_ids: set[int]) -> int:
    """How many of the controllers' requests have a letter waiting (for the queue's counts)."""
    return session.scalar(select(func.count(func.distinct(PostalLetter.request_id)))
                          .join(DataRequest, DataRequest.id == PostalLetter.request_id)
                          .where(DataRequest.controller_id.in_(controller_ids),
                                 PostalLetter.posted_on.is_(None))) or 0


def record_posted(session: Session, request: DataRequest, letter: PostalLetter,
                  staff: StaffUser, *, posted_on: date | None, now: datetime) -> None:
    """Record the day the letter was posted; raises a :mod:`portal.law.postal` error."""
    letter.posted_on = check_posted(written_on=receipt_date(letter.created_at),
                                    posted_on=posted_on, today=receipt_date(now),
                                    already_posted=letter.posted_on is not None)
    letter.posted_by = staff.id
    request.events.append(RequestEvent(kind="letter_posted", created_at=now, public=True,
                                       text=letter.subject))
    session.flush()
    audit.record(session, "request.letter_posted", actor_id=staff.id,
                 target=f"request:{request.id}", controller_id=request.controller_id,
                 before=None, after={"letter": letter.id, "template": letter.template,
                                     "posted_on": str(letter.posted_on)})


def _paragraphs(body: str) -> list[str]:
    """The mail's text as a letter's paragraphs, without the mail's ``--`` signature line."""
    lines = "\n".join(line for line in body.splitlines() if line.strip() != "--")
    return [part.strip() for part in lines.split("\n\n") if part.strip()]


def render_letter(request: DataRequest, letter: PostalLetter) -> bytes:
    """The printable letter (tagged PDF), in the requester's language, addressed for a
    window envelope, like the printed acknowledgement of receipt."""
    with force_locale(letter.locale):
        html = render_template("pdf/letter.html", data_request=request, letter=letter,
                               lang=letter.locale,
                               paragraphs=_paragraphs(letter.body))
    return render_pdf(html, Path(current_app.static_folder))
