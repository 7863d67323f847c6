"""How strongly the person behind a request was identified (legal rules §8)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base, UTCDateTime, utcnow


class RequestIdentity(Base):
    """A strong electronic identification attached to a request when it was filed.

    No row means the request is at e-mail level (the address was confirmed). The row goes
    with the request (``ON DELETE CASCADE``), and the identity code only ever as ciphertext.
    """

    __tablename__ = "request_identities"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("data_requests.id", ondelete="CASCADE"), unique=True)
    #: ``strong``: strong electronic identification (Act 617/2009); ``in_person``: verified
    #: in person by staff from an identity document.
    level: Mapped[str] = mapped_column(String(16))
    #: The eIDAS level the provider stated: ``substantial`` or ``high``.
    eidas_level: Mapped[str] = mapped_column(String(16))
    issuer: Mapped[str] = mapped_column(String(200))
    identified_name: Mapped[str] = mapped_column(String(200))
    birthdate: Mapped[str] = mapped_column(String(10), default="")
    code_encrypted: Mapped[bytes | None] = mapped_column(LargeBinary)
    identified_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: In person: the staff member who saw the document, and its type (never its number).
    verified_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    document_type: Mapped[str] = mapped_column(String(32), default="", server_default="")


class RegisterIdentification(Base):
    """A register's own identity levels per right and how its answers are delivered.

    No row, or no level for a right, means the default rule of
    :func:`portal.law.identification.default_level`; set by the organisation's DPO or admin.
    """

    __tablename__ = "register_identification"

    register_id: Mapped[int] = mapped_column(
        ForeignKey("registers.id", ondelete="CASCADE"), primary_key=True)
    #: {right code: ``email`` or ``strong``}, only the rights that differ from the default.
    levels: Mapped[dict] = mapped_column(JSON, default=dict)
    #: The default delivery of answers: ``attach`` (PDF in the mail) or ``collect``.
    delivery: Mapped[str] = mapped_column(String(16), default="attach", server_default="attach")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class CollectionCode(Base):
    """A one-time code mailed to the requester to collect an answer at e-mail level.

    Only an HMAC of the code is kept; it expires soon and allows a few tries (issue 14 part 5).
    """

    __tablename__ = "collection_codes"

    request_id: Mapped[int] = mapped_column(
        ForeignKey("data_requests.id", ondelete="CASCADE"), primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(default=0)
