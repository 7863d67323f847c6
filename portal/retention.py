"""Deleting requests the controller no longer needs (GDPR Art. 5(1)(e)), keeping the counts.

Closed requests are deleted, with their events, letters, links and mail, once
``PORTAL_RETENTION_DAYS`` have passed since they closed; an anonymous fact stays for the
statistics, and the audit trail records how many were deleted.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from . import audit
from .backoffice.stats import remember
from .dsr.models import DataRequest
from .dsr.service import purge_unconfirmed
from .dsr.workflow import CLOSED


def _closed_at(request: DataRequest) -> datetime | None:
    closing = [e.created_at for e in request.events if e.kind in CLOSED]
    return max(closing) if closing else None


def purge(session: Session, *, now: datetime, keep_days: int, dry_run: bool = False
          ) -> tuple[int, int]:
    """(unconfirmed, closed) requests deleted, or that would be with ``dry_run``."""
    unconfirmed = purge_unconfirmed(session, before=now, dry_run=dry_run)
    limit = now - timedelta(days=keep_days)
    candidates = session.scalars(select(DataRequest).where(DataRequest.state.in_(CLOSED))
                                 .options(selectinload(DataRequest.events)))
    old = [r for r in candidates if (closed := _closed_at(r)) is not None and closed < limit]
    if not dry_run:
        for request in old:
            remember(session, request, now)
            session.delete(request)
        if unconfirmed or old:
            audit.record(session, "retention.purge",
                         after={"unconfirmed": unconfirmed, "closed": len(old)})
    return unconfirmed, len(old)
