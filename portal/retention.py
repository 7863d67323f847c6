"""Deleting requests the controller no longer needs (GDPR Art. 5(1)(e)), keeping the counts.

Each controller keeps its closed requests, decision letters and audit entries as long as its
own settings say (:mod:`portal.cases.rules`; ``PORTAL_RETENTION_DAYS`` where unset). A closed
request goes, with its events, letters, links and mail, once its period has passed, or at once
when an archive package holds all of it (``cases export``); never while a legal hold is on it.
An anonymous fact stays for the statistics, and the audit trail records how many were deleted.
Counts of failed staff sign-ins go once no lock depends on them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, exists, func, or_, select
from sqlalchemy.orm import Session, selectinload

from . import audit
from .audit import AuditEntry, audit_entry_controllers
from .backoffice.accounts import forget_throttles
from .backoffice.stats import remember
from .cases import rules
from .dsr.models import DataRequest, RequestEvent, ResponseDocument
from .dsr.service import purge_unconfirmed
from .dsr.workflow import CLOSED, CLOSING_EVENTS
from .notices.models import Controller

#: When a request closed: its latest closing event (answered, refused, withdrawn).
_closed_at = (select(func.max(RequestEvent.created_at))
             .where(RequestEvent.request_id == DataRequest.id,
                    RequestEvent.kind.in_(CLOSING_EVENTS))
             .correlate(DataRequest).scalar_subquery())
#: When anything last happened to it (an export older than this misses part of the case).
last_change = (select(func.max(RequestEvent.created_at))
                .where(RequestEvent.request_id == DataRequest.id)
                .correlate(DataRequest).scalar_subquery())
_has_letters = exists(select(ResponseDocument.id).where(
    ResponseDocument.request_id == DataRequest.id))


@dataclass
class Purged:
    """What one run deleted, or would with ``dry_run``."""

    unconfirmed: int = 0
    closed: int = 0
    #: Closed requests past their period that a legal hold keeps.
    held: int = 0
    audit: int = 0


def purge(session: Session, *, now: datetime, default_days: int, dry_run: bool = False
          ) -> Purged:
    result = Purged(unconfirmed=purge_unconfirmed(session, before=now, dry_run=dry_run))
    if not dry_run:
        forget_throttles(session, now=now)
    for controller in session.scalars(select(Controller).order_by(Controller.id)):
        retention = rules.retention_of(controller.retention or {}, default_days)
        _purge_closed(session, controller, retention, now, dry_run, result)
        if retention.audit:
            result.audit += _purge_audit(session, controller, now - timedelta(
                days=retention.audit), dry_run)
    if not dry_run and (result.unconfirmed or result.closed or result.audit):
        audit.record(session, "retention.purge",
                     after={"unconfirmed": result.unconfirmed, "closed": result.closed,
                            "audit": result.audit})
    return result


def _purge_closed(session, controller, retention, now, dry_run, result: Purged) -> None:
    """Only plausible candidates are loaded: past the shorter period, or exported."""
    shortest = now - timedelta(days=min(retention.requests, retention.decisions))
    rows = session.execute(
        select(DataRequest, _closed_at, last_change, _has_letters)
        .where(DataRequest.controller_id == controller.id, DataRequest.state.in_(CLOSED),
               or_(_closed_at < shortest, DataRequest.exported_at.is_not(None)))
        .options(selectinload(DataRequest.events))).all()
    for request, closed_at, changed_at, has_letters in rows:
        if closed_at is None:
            continue
        if request.legal_hold:
            result.held += closed_at < shortest
            continue
        if rules.may_purge(closed_at=closed_at, last_change=changed_at, now=now,
                           retention=retention, has_letters=has_letters, held=False,
                           exported_at=request.exported_at):
            result.closed += 1
            if not dry_run:
                remember(session, request, now)
                session.delete(request)


def _purge_audit(session, controller, before: datetime, dry_run: bool) -> int:
    """The controller's audit entries older than its period, except those of held cases.

    The ORM refuses to delete audit entries (:mod:`portal.audit`); retention is the one writer
    that removes them, in bulk, and records that it did.
    """
    held = [f"request:{i}" for i in session.scalars(select(DataRequest.id).where(
        DataRequest.controller_id == controller.id, DataRequest.legal_hold.is_not(None)))]
    old = select(AuditEntry.id).where(AuditEntry.controller_id == controller.id,
                                      AuditEntry.created_at < before,
                                      AuditEntry.target.not_in(held))
    ids = list(session.scalars(old))
    if ids and not dry_run:
        session.execute(delete(audit_entry_controllers).where(
            audit_entry_controllers.c.entry_id.in_(ids)))
        session.execute(delete(AuditEntry).where(AuditEntry.id.in_(ids)),
                        execution_options={"synchronize_session": False})
    return len(ids)
