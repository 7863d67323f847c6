"""Deliver pending outbox rows: each one at most once per attempt, retried with backoff.

Each mail is claimed, sent and marked in its own transaction. On PostgreSQL the claim uses
``FOR UPDATE SKIP LOCKED`` so several senders never pick the same row.

No usable link stays in the outbox: once a mail is sent or given up, the secret part of each
link in its body is replaced by ``[token]`` (the database and its backups then hold only the
tokens' hashes), and password-reset mails are deleted an hour after they were written, when
their link has expired anyway.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from ..logs import redact_tokens
from .models import OutboxMail
from .transport import PermanentFailure, TemporaryFailure, Transport

log = logging.getLogger(__name__)

FIRST_RETRY = timedelta(seconds=30)
LONGEST_WAIT = timedelta(hours=6)
#: About two days of retries before a mail is given up and shown to staff as failed.
MAX_ATTEMPTS = 16
#: Reset mails are deleted this long after they were written (their link is valid one hour).
RESET_MAIL_KEPT = timedelta(hours=1)


@dataclass
class SendReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0


def retry_delay(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min, ... doubling up to 6 hours."""
    return min(FIRST_RETRY * (2 ** max(attempts - 1, 0)), LONGEST_WAIT)


def _due_ids(session: Session, now: datetime, limit: int) -> list[int]:
    return list(session.scalars(
        select(OutboxMail.id)
        .where(OutboxMail.state == "pending", OutboxMail.next_attempt_at <= now)
        .order_by(OutboxMail.id)
        .limit(limit)
    ))


def _claim(session: Session, mail_id: int) -> OutboxMail | None:
    return session.scalar(
        select(OutboxMail)
        .where(OutboxMail.id == mail_id, OutboxMail.state == "pending")
        .with_for_update(skip_locked=True)
    )


def deliver_pending(
    sessions: sessionmaker, transport: Transport, sender: str,
    now: Callable[[], datetime], limit: int = 100,
) -> SendReport:
    """Try every pending mail whose time has come; return what happened."""
    report = SendReport()
    with sessions() as session:
        ids = _due_ids(session, now(), limit)
    for mail_id in ids:
        with sessions() as session, session.begin():
            mail = _claim(session, mail_id)
            if mail is None:
                continue  # another sender has it, or it was sent meanwhile
            mail.attempts += 1
            try:
                transport.send(mail, sender)
            except PermanentFailure as exc:
                mail.state, mail.last_error = "failed", str(exc)[:500]
                report.failed += 1
            except TemporaryFailure as exc:
                mail.last_error = str(exc)[:500]
                if mail.attempts >= MAX_ATTEMPTS:
                    mail.state = "failed"
                    report.failed += 1
                else:
                    mail.next_attempt_at = now() + retry_delay(mail.attempts)
                    report.retried += 1
            else:
                mail.state, mail.sent_at, mail.last_error = "sent", now(), ""
                report.sent += 1
            if mail.state != "pending":
                mail.body = redact_tokens(mail.body)
            log.info("mail %s: %s after %s attempts", mail.id, mail.state, mail.attempts)
    with sessions() as session, session.begin():
        purge_reset_mails(session, now())
    return report


def purge_reset_mails(session: Session, now: datetime) -> int:
    """Delete password-reset mails once their link can no longer be used."""
    return session.execute(delete(OutboxMail).where(
        OutboxMail.template == "staff_reset",
        OutboxMail.created_at < now - RESET_MAIL_KEPT)).rowcount
