"""Deleting requests the controller no longer needs (GDPR Art. 5(1)(e)), keeping the counts.

Closed requests are deleted, with their events, letters, links and mail, once
``PORTAL_RETENTION_DAYS`` have passed since they closed; an anonymous fact stays for the
statistics, and the audit trail records how many were deleted. Counts of failed staff sign-ins
go once no lock depends on them.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from . import audit
from .backoffice.accounts import forget_throttles
from .backoffice.stats import remember
from .dsr.models import DataRequest, RequestEvent
from .dsr.service import purge_unconfirmed
from .dsr.workflow import CLOSED, CLOSING_EVENTS

#: When a request closed: its latest closing event (answered, refused, withdrawn).
_closed_at = (select(func.max(RequestEvent.created_at))
             .where(RequestEvent.request_id == DataRequest.id,
                    RequestEvent.kind.in_(CLOSING_EVENTS))
             .correlate(DataRequest).scalar_subquery())


def purge(session: Session, *, now: datetime, keep_days: int, dry_run: bool = False
          ) -> tuple[int, int]:
    """(unconfirmed, closed) requests deleted, or that would be with ``dry_run``."""
    unconfirmed = purge_unconfirmed(session, before=now, dry_run=dry_run)
    limit = now - timedelta(days=keep_days)
    old = list(session.scalars(
        select(DataRequest).where(DataRequest.state.in_(CLOSED), _closed_at < limit)
        .options(selectinload(DataRequest.events))))  # only the expired ones are loaded
    if not dry_run:
        forget_throttles(session, now=now)
        for request in old:
            remember(session, request, now)
            session.delete(request)
        if unconfirmed or old:
            audit.record(session, "retention.purge",
                         after={"unconfirmed": unconfirmed, "closed": len(old)})
    return unconfirmed, len(old)
