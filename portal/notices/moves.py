"""Moving a register to another controller: an explicit act with its own audit entry.

The controller that keeps a register answers for it (GDPR Art. 5(2)) and its staff see the
requests about it, so a notice naming another keeper never moves the register silently: the
import says why (``notices import --move "reason"``), and the audit trail keeps who kept it
before and after, seen by both organisations' admins.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from .. import audit
from .models import Controller, Register


class MoveRefused(ValueError):
    """A notice names another controller as the register's keeper and no reason was given."""

    def __init__(self, slug: str, before: str, after: str) -> None:
        self.slug, self.before, self.after = slug, before, after
        super().__init__(
            f"{slug}: the register is kept by {before!r} and the notice names {after!r}; "
            f'moving a register to another controller needs --move "the reason"')


def upsert_others(session: Session, content: dict, upsert) -> None:
    """Create or update the other controllers a notice lists (``[[controllers]]``), so that
    each can receive requests and list the register."""
    for other in content.get("controllers", [])[1:]:
        upsert(session, {key: value for key, value in other.items() if key != "role"})


def move(session: Session, register: Register, controller: Controller, reason: str,
         actor_id: int | None = None) -> None:
    """Give ``register`` to ``controller``; refused without a reason."""
    before = register.controller
    if not reason.strip():
        raise MoveRefused(register.slug, before.slug, controller.slug)
    register.controller = controller
    session.flush()
    audit.record(session, "register.move", actor_id=actor_id, target=f"register:{register.slug}",
                 controller_id=controller.id, organisations=[before, controller],
                 before={"controller": before.slug},
                 after={"controller": controller.slug, "reason": reason.strip()})
