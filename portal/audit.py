"""The append-only audit trail: who did what, when, with the record before and after.

GDPR Art. 5(2) (accountability) and Art. 30: the controller must be able to show how each
request was handled. Nothing in the application can change or delete an entry; the ORM refuses.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import JSON, Column, ForeignKey, String, Table, exists, or_, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from .db import Base, UTCDateTime, refuse_changes, utcnow


class AuditImmutable(RuntimeError):
    """Raised when code tries to change or delete an audit entry."""


#: The organisations an entry about a staff member belongs to: every organisation the staff
#: member served when it was written (an account can serve several).
audit_entry_controllers = Table(
    "audit_entry_controllers",
    Base.metadata,
    Column("entry_id", ForeignKey("audit_entries.id"), primary_key=True),
    Column("controller_id", ForeignKey("controllers.id"), primary_key=True, index=True),
)


class AuditEntry(Base):
    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    #: The staff member's id, or None for the system and the public side.
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"), index=True)
    #: ``staff.sign_in``, ``request.extend``, ``notice.publish`` ...
    action: Mapped[str] = mapped_column(String(64))
    #: What was acted on: ``request:42``, ``staff:3``.
    target: Mapped[str] = mapped_column(String(64), default="", index=True)
    #: The controller whose data it concerns, so staff see only their own organisations' trail.
    controller_id: Mapped[int | None] = mapped_column(ForeignKey("controllers.id"), index=True)
    before: Mapped[dict] = mapped_column(JSON, default=dict)

    actor = relationship("StaffUser", lazy="selectin")
    organisations = relationship("Controller", secondary=audit_entry_controllers)
    after: Mapped[dict] = mapped_column(JSON, default=dict)


def record(session: Session, action: str, *, actor_id: int | None = None, target: str = "",
           controller_id: int | None = None, organisations: Iterable = (),
           before: dict | None = None, after: dict | None = None) -> AuditEntry:
    """Append an entry in the caller's transaction.

    ``organisations`` (controllers) are those of an entry about a staff member (sign-in,
    reset, account created): each of their admins sees it, and no other organisation's.
    """
    entry = AuditEntry(action=action, actor_id=actor_id, target=target,
                       controller_id=controller_id, before=before or {}, after=after or {},
                       organisations=list(organisations))
    session.add(entry)
    return entry


def visible_to(controller_ids: Iterable[int]):
    """The SQL condition for entries of these organisations (ASVS 4.2.1): an entry with no
    organisation at all (a retention run, a failed sign-in for an unknown address) is the
    portal operator's, seen by none of the organisations' admins."""
    ids = list(controller_ids)
    linked = exists(select(audit_entry_controllers.c.entry_id).where(
        audit_entry_controllers.c.entry_id == AuditEntry.id,
        audit_entry_controllers.c.controller_id.in_(ids)))
    return or_(AuditEntry.controller_id.in_(ids), linked)


refuse_changes(AuditEntry, AuditImmutable, "audit entry")
