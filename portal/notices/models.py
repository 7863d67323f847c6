"""Controllers, their registers, and the published versions of each register description.

A published version is a record of what the public was told on a date, so it never changes:
editing a notice makes a new version (GDPR Art. 5(2) accountability). Rendered HTML and PDF of a
version are stored beside it, keyed by the build of templates and catalogs that produced them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Base, UTCDateTime, refuse_changes, utcnow


class PublishedVersionImmutable(RuntimeError):
    """Raised when code tries to change or delete a published notice version."""


class Controller(Base):
    """An organisation that decides why and how personal data is processed (GDPR Art. 4(7))."""

    __tablename__ = "controllers"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    #: ``{"fi": ..., "sv": ..., "en": ...}``
    name: Mapped[dict] = mapped_column(JSON)
    #: Postal address per language (Finnish and Swedish place names differ).
    address: Mapped[dict] = mapped_column(JSON, default=dict)
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    website: Mapped[str] = mapped_column(String(500), default="")
    dpo_email: Mapped[str] = mapped_column(String(254), default="")
    dpo_phone: Mapped[str] = mapped_column(String(64), default="")
    #: The business ID (Y-tunnus, FO-nummer), ``0101263-6``; empty when not given.
    business_id: Mapped[str] = mapped_column(String(9), default="")
    #: A public authority makes administrative decisions (APA 434/2003); a private body does not.
    public_authority: Mapped[bool] = mapped_column(Boolean, default=False)
    #: The remedy route of its decisions (``portal.law.remedies.Remedy.as_dict``).
    remedy: Mapped[dict] = mapped_column(JSON, default=dict)
    #: Counsel's own remedy instructions per language; empty uses the route's default text.
    remedy_texts: Mapped[dict] = mapped_column(JSON, default=dict)
    #: The request form's sentence on fees, per language; empty uses the portal's default.
    fee_texts: Mapped[dict] = mapped_column(JSON, default=dict)
    #: Days each record type is kept (``cases.rules.RECORD_TYPES``); unset ones use the default.
    retention: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    registers: Mapped[list[Register]] = relationship(
        back_populates="controller", order_by="Register.slug"
    )


class Register(Base):
    """A register (filing system) that a controller keeps and describes to the public."""

    __tablename__ = "registers"

    id: Mapped[int] = mapped_column(primary_key=True)
    controller_id: Mapped[int] = mapped_column(ForeignKey("controllers.id"), index=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    #: False when withdrawn from the public index; its versions stay readable by URL.
    listed: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    controller: Mapped[Controller] = relationship(back_populates="registers")
    versions: Mapped[list[NoticeVersion]] = relationship(
        back_populates="register", order_by="NoticeVersion.number"
    )


class NoticeVersion(Base):
    """One published register description: the structured content, frozen at publication."""

    __tablename__ = "notice_versions"
    __table_args__ = (UniqueConstraint("register_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    register_id: Mapped[int] = mapped_column(ForeignKey("registers.id"), index=True)
    #: 1, 2, 3 ... within the register.
    number: Mapped[int] = mapped_column(Integer)
    #: The notice in the structure of ``notices.fileformat`` (title, sections, codes, controller).
    content: Mapped[dict] = mapped_column(JSON)
    #: SHA-256 of the canonical content; an import of unchanged text makes no new version.
    content_sha256: Mapped[str] = mapped_column(String(64))
    published_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: The staff member who published it in the editor; None for an imported file.
    published_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))

    register: Mapped[Register] = relationship(back_populates="versions")
    publisher = relationship("StaffUser")


class SearchText(Base):
    """A published version's words in one language, folded for search, written at publication.

    The public search reads these instead of rendering every notice's Markdown per query.
    """

    __tablename__ = "notice_search_texts"

    version_id: Mapped[int] = mapped_column(
        ForeignKey("notice_versions.id", ondelete="CASCADE"), primary_key=True
    )
    locale: Mapped[str] = mapped_column(String(8), primary_key=True)
    text: Mapped[str] = mapped_column(Text)


class Rendition(Base):
    """A version rendered once for one language and format, reused until the build changes."""

    __tablename__ = "notice_renditions"

    version_id: Mapped[int] = mapped_column(
        ForeignKey("notice_versions.id", ondelete="CASCADE"), primary_key=True
    )
    locale: Mapped[str] = mapped_column(String(8), primary_key=True)
    #: ``html`` (the notice article) or ``pdf``.
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)
    #: Hash of the templates, catalogs and code that rendered it.
    build: Mapped[str] = mapped_column(String(16), primary_key=True)
    body: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


refuse_changes(NoticeVersion, PublishedVersionImmutable, "published notice version")
