"""The append-only audit trail: who did what, when, with the record before and after.

GDPR Art. 5(2) (accountability) and Art. 30: the controller must be able to show how each
request was handled. Nothing in the application can change or delete an entry; the ORM refuses.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from .db import Base, UTCDateTime, refuse_changes, utcnow


class AuditImmutable(RuntimeError):
    """Raised when code tries to change or delete an audit entry."""


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
    after: Mapped[dict] = mapped_column(JSON, default=dict)


def record(session: Session, action: str, *, actor_id: int | None = None, target: str = "",
           controller_id: int | None = None, before: dict | None = None,
           after: dict | None = None) -> AuditEntry:
    """Append an entry in the caller's transaction."""
    entry = AuditEntry(action=action, actor_id=actor_id, target=target,
                       controller_id=controller_id, before=before or {}, after=after or {})
    session.add(entry)
    return entry


refuse_changes(AuditEntry, AuditImmutable, "audit entry")
