"""Data-subject requests, their registers, their public history and reference numbering."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Base, UTCDateTime, utcnow
from ..notices.models import Controller, Register

RIGHT_CODES = ("access", "rectification", "erasure", "restriction", "objection", "portability",
               "consent")
#: "transferred": sent on to the competent authority (APA 434/2003 §21), so closed unanswered.
STATES = ("unconfirmed", "received", "info_requested", "completed", "refused", "withdrawn",
          "transferred")
OPEN_STATES = ("received", "info_requested")
#: How a request reached the controller: the portal's form, or entered by staff (legal rules §1.1).
CHANNELS = ("form", "letter", "email", "phone", "desk")
#: The law a request is made under (legal rules §9): the GDPR, or the Openness Act 621/1999 for
#: documents of a public authority. A document request is a request for access to documents, so
#: its right stays "access" and reclassifying it changes only the law.
LAWS = ("gdpr", "openness")

request_registers = Table(
    "request_registers",
    Base.metadata,
    Column("request_id", ForeignKey("data_requests.id", ondelete="CASCADE"), primary_key=True),
    Column("register_id", ForeignKey("registers.id"), primary_key=True),
)


class DataRequest(Base):
    """A request by a data subject to one controller, from submission to its answer."""

    __tablename__ = "data_requests"
    __table_args__ = (
        CheckConstraint(f"state IN {STATES!r}", name="state"),
        CheckConstraint(f"right_code IN {RIGHT_CODES!r}", name="right_code"),
        CheckConstraint(f"law IN {LAWS!r}", name="law"),
        Index("ix_data_requests_queue", "controller_id", "state", "due_on", "id"),
        # The queue filtered by right (docs/benchmarks.md: flat from 1k to 1M requests).
        Index("ix_data_requests_queue_right", "controller_id", "state", "right_code", "due_on",
              "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    controller_id: Mapped[int] = mapped_column(ForeignKey("controllers.id"), index=True)
    #: ``ESPOO-2026-0042``: given on confirmation, per controller and year.
    reference: Mapped[str | None] = mapped_column(String(80), unique=True)
    right_code: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16), default="unconfirmed", index=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254))
    phone: Mapped[str] = mapped_column(String(40), default="")
    details: Mapped[str] = mapped_column(Text, default="")
    #: A postal address, for a request entered by staff with no e-mail address.
    postal_address: Mapped[str] = mapped_column(Text, default="", server_default="")
    #: The requester's language: mails and PDFs go out in it.
    locale: Mapped[str] = mapped_column(String(8))
    #: Submission time: the legal clock starts here (its Helsinki date, Act 13/2003 §10).
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: SHA-256 of the single-use confirmation token; cleared when used.
    confirm_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    confirm_expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: The staff member handling the request.
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"), index=True)
    #: Hash of the form's one-time key: sending the same form twice makes one request.
    submission_key: Mapped[str] = mapped_column(String(64), unique=True)
    #: The legal due date, kept current by the service, for the queue's order and filters.
    due_on: Mapped[date | None] = mapped_column(Date)
    #: The day the requester was told of an extension (Art. 12(3)); None when not extended.
    extension_notified_on: Mapped[date | None] = mapped_column(Date)
    #: The outcome once decided: granted, partly_granted, refused or no_data.
    outcome: Mapped[str | None] = mapped_column(String(16))
    #: How the request arrived; all but "form" were entered by staff with the real receipt time.
    channel: Mapped[str] = mapped_column(String(16), default="form", server_default="form")
    #: The controller's own case number (asianumero / diaarinumero), shown on letters.
    diary_number: Mapped[str] = mapped_column(String(64), default="")
    #: A decision prepared by a handler and not yet sent (``law.decisions.Decision``).
    prepared_decision: Mapped[dict | None] = mapped_column(JSON)
    prepared_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    #: The decision was sent after the due date in force (GDPR Art. 12(3)).
    decided_late: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Made for someone else: whose data it concerns, and on what authority
    #: (``law.representation.AUTHORITIES``); None when it is the requester's own.
    represented_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    authority: Mapped[str | None] = mapped_column(String(24))
    #: When and by whom the representative's authority was verified, and what was checked.
    authority_verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    authority_verified_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    authority_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    #: A fee proposed to the requester (``law.fees``): its ground, amount and reasons.
    fee_ground: Mapped[str | None] = mapped_column(String(24))
    fee_cents: Mapped[int | None] = mapped_column(Integer)
    fee_reasons: Mapped[str] = mapped_column(Text, default="", server_default="")
    #: A legal hold (``cases.rules.HOLD_REASONS``) keeps the case from retention until lifted.
    legal_hold: Mapped[str | None] = mapped_column(String(16))
    legal_hold_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    #: When the closed case was last written as an archive package (``cases export``).
    exported_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: gdpr or openness (``LAWS``): which clock, procedure and wording apply.
    law: Mapped[str] = mapped_column(String(16), default="gdpr", server_default="gdpr")
    #: The requester asked on the form to be told the recipients (GDPR Art. 19, last sentence).
    wants_recipients: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    #: Restriction of processing (Art. 18): from this day the data is only stored.
    restricted_since: Mapped[date | None] = mapped_column(Date)
    #: The day the requester was told the restriction will be lifted (Art. 18(3)).
    restriction_told_on: Mapped[date | None] = mapped_column(Date)
    restriction_lifted_on: Mapped[date | None] = mapped_column(Date)
    #: A document request withheld by an official (Openness Act §14(3)): the step of the
    #: question "written decision?" (``law.openness.ASKED`` and after) and the day it was asked.
    openness_step: Mapped[str | None] = mapped_column(String(16))
    openness_asked_on: Mapped[date | None] = mapped_column(Date)
    #: Optimistic lock: two handlers saving at once cannot overwrite each other.
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}

    controller: Mapped[Controller] = relationship()
    links: Mapped[list[StatusLink]] = relationship(cascade="all, delete-orphan")
    documents: Mapped[list[ResponseDocument]] = relationship(
        cascade="all, delete-orphan", order_by="ResponseDocument.id")
    registers: Mapped[list[Register]] = relationship(secondary=request_registers,
                                                     order_by=Register.slug)
    decision_files: Mapped[list[DecisionFile]] = relationship(
        cascade="all, delete-orphan", order_by="DecisionFile.id")
    attachments: Mapped[list[RequestAttachment]] = relationship(
        cascade="all, delete-orphan", order_by="RequestAttachment.id")
    events: Mapped[list[RequestEvent]] = relationship(
        back_populates="request", cascade="all, delete-orphan",
        order_by="(RequestEvent.created_at, RequestEvent.id)",
    )


class RequestEvent(Base):
    """Something that happened to a request; public events appear on the status page."""

    __tablename__ = "request_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("data_requests.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: submitted, confirmed, info_requested, info_answered, extended, completed, refused, withdrawn
    kind: Mapped[str] = mapped_column(String(24))
    public: Mapped[bool] = mapped_column(Boolean, default=True)
    #: What the requester or the handler wrote (the question, the answer, the reasons).
    text: Mapped[str] = mapped_column(Text, default="")
    #: Codes rendered in the reader's language when shown: the outcome's grounds.
    codes: Mapped[list] = mapped_column(JSON, default=list)

    request: Mapped[DataRequest] = relationship(back_populates="events")


class StatusLink(Base):
    """A secret link to the status page; every mail to the requester carries a fresh one.

    Only the SHA-256 of each token is kept, so a link cannot be re-sent, only newly made.
    """

    __tablename__ = "status_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("data_requests.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: A link to an answer left for collection: it works until the case is deleted under the
    #: retention rules, not only for the grace period after closing (issue 14, part 5).
    lasting: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class _RequestFile:
    """The columns every file kept with a request shares: whose it is, its name, type and bytes."""

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("data_requests.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(200))
    mimetype: Mapped[str] = mapped_column(String(100))
    data: Mapped[bytes] = mapped_column(LargeBinary)


class ResponseDocument(_RequestFile, Base):
    """A letter or data file sent to the requester, archived with its SHA-256 (Art. 5(2))."""

    __tablename__ = "response_documents"

    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sha256: Mapped[str] = mapped_column(String(64))


class RequestAttachment(_RequestFile, Base):
    """A scan of a request that came on paper, or another file the requester handed in."""

    __tablename__ = "request_attachments"

    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class DecisionFile(_RequestFile, Base):
    """A file attached to a prepared decision, kept until the decision is sent or discarded."""

    __tablename__ = "decision_files"


class ReferenceCounter(Base):
    """The last reference number given per controller and year (locked while incremented)."""

    __tablename__ = "reference_counters"

    controller_id: Mapped[int] = mapped_column(ForeignKey("controllers.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)
