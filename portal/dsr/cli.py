"""``flask --app portal retention ...``: delete data no longer needed (GDPR Art. 5(1)(e))."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from .. import retention
from ..db import get_session, utcnow

retention_cli = AppGroup("retention", help="Deleting personal data that is no longer needed.")


@retention_cli.command("purge")
@click.option("--dry-run", is_flag=True, help="Count what would be deleted; delete nothing.")
def purge(dry_run: bool) -> None:
    """Delete expired unconfirmed requests, and closed ones after the retention period."""
    session = get_session()
    keep = current_app.config["PORTAL"].retention_days
    unconfirmed, closed = retention.purge(session, now=utcnow(), keep_days=keep,
                                          dry_run=dry_run)
    session.commit()
    verb = "would delete" if dry_run else "deleted"
    click.echo(f"unconfirmed requests: {verb} {unconfirmed}")
    click.echo(f"requests closed over {keep} days ago: {verb} {closed}")
