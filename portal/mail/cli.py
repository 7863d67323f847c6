"""``flask --app portal mail ...``: deliver the outbox once (cron) or continuously (a service)."""

from __future__ import annotations

import time

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import func, select, update

from ..db import get_session, utcnow
from ..dsr.models import DataRequest
from .models import OutboxMail
from .sender import deliver_pending
from .transport import FileTransport, SmtpTransport, Transport

mail_cli = AppGroup("mail", help="Outgoing mail (the outbox).")


def transport_for_app() -> Transport:
    """SMTP when ``PORTAL_MAIL_SERVER`` is set; otherwise ``.eml`` files under instance/mail."""
    settings = current_app.config["PORTAL"]
    if settings.mail_server:
        return SmtpTransport(current_app.extensions["mail"])
    return FileTransport(settings.mail_dir)


def send_once() -> None:
    settings = current_app.config["PORTAL"]
    report = deliver_pending(current_app.extensions["db_sessionmaker"], transport_for_app(),
                             settings.mail_sender, utcnow)
    if report.sent or report.retried or report.failed:
        click.echo(f"sent {report.sent}, to retry {report.retried}, failed {report.failed}")


@mail_cli.command("send")
@click.option("--loop", is_flag=True, help="Keep delivering until stopped (run as a service).")
@click.option("--interval", default=5.0, show_default=True, help="Seconds between rounds.")
def send(loop: bool, interval: float) -> None:
    """Deliver pending mail; failed attempts are retried later with growing intervals."""
    send_once()
    while loop:
        time.sleep(interval)
        send_once()


@mail_cli.command("status")
def status() -> None:
    """Count mail by state and list the mail that could not be delivered, for follow-up.

    Exits with status 1 when any mail has failed, so monitoring notices it.
    """
    session = get_session()
    counts = dict(session.execute(
        select(OutboxMail.state, func.count()).group_by(OutboxMail.state)).all())
    click.echo(", ".join(f"{state} {counts.get(state, 0)}" for state in ("pending", "sent",
                                                                          "failed")))
    failed = session.execute(
        select(OutboxMail.id, OutboxMail.created_at, OutboxMail.attempts, OutboxMail.last_error,
               DataRequest.reference)
        .outerjoin(DataRequest, OutboxMail.request_id == DataRequest.id)
        .where(OutboxMail.state == "failed").order_by(OutboxMail.id))
    for mail_id, created, attempts, error, reference in failed:
        click.echo(f"failed mail {mail_id} ({created:%Y-%m-%d %H:%M} UTC, request "
                   f"{reference or '-'}, {attempts} attempts): {error}")
    if counts.get("failed"):
        raise SystemExit(1)


@mail_cli.command("retry")
@click.argument("mail_ids", nargs=-1, type=int)
def retry(mail_ids: tuple[int, ...]) -> None:
    """Send failed mail again (all of it, or the MAIL_IDS that `mail status` lists), for
    example after the mail server's configuration or a recipient's address was fixed."""
    session = get_session()
    chosen = OutboxMail.state == "failed"
    if mail_ids:
        chosen &= OutboxMail.id.in_(mail_ids)
    requeued = session.execute(update(OutboxMail).where(chosen).values(
        state="pending", attempts=0, next_attempt_at=utcnow(), last_error="")).rowcount
    session.commit()
    click.echo(f"failed mail queued again: {requeued}")
