"""Staff accounts: who may sign in to the back office, with which role, for which controllers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Base, UTCDateTime, utcnow
from ..notices.models import Controller

ROLES = ("dpo", "handler", "editor", "admin")

staff_controllers = Table(
    "staff_controllers",
    Base.metadata,
    Column("staff_id", ForeignKey("staff_users.id", ondelete="CASCADE"), primary_key=True),
    Column("controller_id", ForeignKey("controllers.id"), primary_key=True),
)


class StaffUser(Base):
    __tablename__ = "staff_users"
    __table_args__ = (CheckConstraint(f"role IN {ROLES!r}", name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(16))
    #: May sign and send a refusal or a partial decision (APA 434/2003 §44: who decided).
    decision_maker: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Job title per language, shown under the signature (e.g. "tietosuojavastaava").
    title: Mapped[dict] = mapped_column(JSON, default=dict)
    #: The staff member's language for the back office and their mail.
    locale: Mapped[str] = mapped_column(String(8), default="fi")
    #: argon2id hash (argon2-cffi's PasswordHasher).
    password_hash: Mapped[str] = mapped_column(String(200))
    #: Base32 TOTP secret (RFC 6238).
    totp_secret: Mapped[str] = mapped_column(String(64))
    #: The last TOTP time step accepted: a code is never accepted twice.
    totp_last_step: Mapped[int] = mapped_column(Integer, default=0)
    #: A new authenticator's secret, waiting for its first code before it replaces the old one.
    totp_pending_secret: Mapped[str | None] = mapped_column(String(64))
    #: Changed at every sign-in and sign-out: older session cookies stop working.
    session_token: Mapped[str] = mapped_column(String(64), default="")
    reset_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    reset_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    controllers: Mapped[list[Controller]] = relationship(secondary=staff_controllers,
                                                         order_by=Controller.slug)

    # Flask-Login's user protocol.
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        """An alternative token (id and session token), so a new sign-in revokes old cookies."""
        return f"{self.id}:{self.session_token}"

    @property
    def controller_ids(self) -> set[int]:
        return {controller.id for controller in self.controllers}


class SignInThrottle(Base):
    """Failed sign-ins for one typed e-mail address from one client address (hashed together).

    Kept whether or not the address has an account, so that a lock tells nothing.
    """

    __tablename__ = "sign_in_throttles"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    #: How often the pair has been locked: each lock lasts twice as long as the one before.
    lockouts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class LetterTemplate(Base):
    """A controller's own letter text for one right and outcome, in one language."""

    __tablename__ = "letter_templates"
    __table_args__ = (UniqueConstraint("controller_id", "right_code", "outcome", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    controller_id: Mapped[int] = mapped_column(ForeignKey("controllers.id"))
    right_code: Mapped[str] = mapped_column(String(16))
    #: ``portal.law.decisions.OUTCOMES``
    outcome: Mapped[str] = mapped_column(String(16), default="granted")
    locale: Mapped[str] = mapped_column(String(8))
    #: Plain text; $name, $reference, $received and $organisation are filled in.
    body: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class FormStash(Base):
    """A form a staff member sent after their session had run out (see :mod:`.stash`)."""

    __tablename__ = "form_stashes"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(
        ForeignKey("staff_users.id", ondelete="CASCADE"), index=True)
    #: The staff page (path and query) the form was on.
    page: Mapped[str] = mapped_column(String(500))
    #: The fields as JSON, encrypted (Fernet) with a key derived from the secret key.
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
