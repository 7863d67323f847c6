"""Placing and lifting a legal hold on a request, with the reason on record.

While a complaint to the Ombudsman, an appeal or a claim is pending, the controller must be able
to show how the request was handled (GDPR Art. 5(2)), so retention leaves the case alone until a
handler lifts the hold (:mod:`.rules`). Both steps are on the case's timeline (staff only) and in
the audit trail with the handler's note.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from .. import audit
from ..dsr.models import DataRequest, RequestEvent
from . import rules


def _state(request: DataRequest) -> dict:
    return {"legal_hold": request.legal_hold, "note": request.legal_hold_note}


def place(session: Session, request: DataRequest, staff_id: int, *, reason: str, note: str,
          now: datetime) -> None:
    """Hold the case; raises a :class:`rules.RetentionError`."""
    rules.check_hold(reason, note, held=request.legal_hold is not None)
    before = _state(request)
    request.legal_hold, request.legal_hold_note = reason, note.strip()
    request.events.append(RequestEvent(kind="legal_hold", created_at=now, public=False,
                                       text=note.strip(), codes=[reason]))
    audit.record(session, "request.legal_hold", actor_id=staff_id,
                 target=f"request:{request.id}", controller_id=request.controller_id,
                 before=before, after=_state(request))


def release(session: Session, request: DataRequest, staff_id: int, *, note: str,
            now: datetime) -> None:
    """Lift the hold; the note says why (the proceeding ended, and how)."""
    rules.check_release(note, held=request.legal_hold is not None)
    before = _state(request)
    request.legal_hold, request.legal_hold_note = None, ""
    request.events.append(RequestEvent(kind="hold_released", created_at=now, public=False,
                                       text=note.strip()))
    audit.record(session, "request.hold_released", actor_id=staff_id,
                 target=f"request:{request.id}", controller_id=request.controller_id,
                 before=before, after={**_state(request), "note": note.strip()})
