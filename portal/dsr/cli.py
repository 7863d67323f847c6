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
    """Delete expired unconfirmed requests; closed ones exported to the archive or past each
    organisation's retention period, unless on legal hold; and audit entries past theirs."""
    session = get_session()
    result = retention.purge(session, now=utcnow(),
                             default_days=current_app.config["PORTAL"].retention_days,
                             dry_run=dry_run)
    session.commit()
    verb = "would delete" if dry_run else "deleted"
    click.echo(f"unconfirmed requests: {verb} {result.unconfirmed}")
    click.echo(f"closed requests, exported or past retention: {verb} {result.closed}")
    click.echo(f"closed requests past retention kept on legal hold: {result.held}")
    click.echo(f"audit entries past retention: {verb} {result.audit}")
