"""How strongly the person behind a request was identified (legal rules §8)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String
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
    #: ``strong``: strong electronic identification (Act 617/2009).
    level: Mapped[str] = mapped_column(String(16))
    #: The eIDAS level the provider stated: ``substantial`` or ``high``.
    eidas_level: Mapped[str] = mapped_column(String(16))
    issuer: Mapped[str] = mapped_column(String(200))
    identified_name: Mapped[str] = mapped_column(String(200))
    birthdate: Mapped[str] = mapped_column(String(10), default="")
    code_encrypted: Mapped[bytes | None] = mapped_column(LargeBinary)
    identified_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
