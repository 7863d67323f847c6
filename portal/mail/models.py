"""The outbox: every mail the portal sends, its attachments and its delivery state."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Base, UTCDateTime, utcnow

MAIL_STATES = ("pending", "sent", "failed")


class OutboxMail(Base):
    __tablename__ = "outbox"
    __table_args__ = (CheckConstraint(f"state IN {MAIL_STATES!r}", name="state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    #: The template it was written from (``staff_reset``, ``dsr_confirm``...): reset mails are
    #: deleted soon after they go out.
    template: Mapped[str] = mapped_column(String(32), default="", index=True)
    #: The language the mail was written in (the recipient's).
    locale: Mapped[str] = mapped_column(String(8))
    #: ``pending`` until the server accepts it (``sent``) or refuses it for good (``failed``).
    state: Mapped[str] = mapped_column(String(8), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: The server's last answer, without addresses: shown to staff for failed mail.
    last_error: Mapped[str] = mapped_column(String(500), default="")
    #: The data-subject request the mail belongs to, for its timeline.
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("data_requests.id", ondelete="CASCADE"), index=True)

    attachments: Mapped[list[OutboxAttachment]] = relationship(
        back_populates="mail", cascade="all, delete-orphan", order_by="OutboxAttachment.id"
    )


class OutboxAttachment(Base):
    __tablename__ = "outbox_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    mail_id: Mapped[int] = mapped_column(ForeignKey("outbox.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(200))
    mimetype: Mapped[str] = mapped_column(String(100))
    data: Mapped[bytes] = mapped_column(LargeBinary)

    mail: Mapped[OutboxMail] = relationship(back_populates="attachments")
