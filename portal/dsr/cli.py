"""``flask --app portal retention ...``: delete data no longer needed (GDPR Art. 5(1)(e))."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from ..db import get_session, utcnow
from . import service

retention_cli = AppGroup("retention", help="Deleting personal data that is no longer needed.")


@retention_cli.command("purge")
@click.option("--dry-run", is_flag=True, help="Count what would be deleted; delete nothing.")
def purge(dry_run: bool) -> None:
    """Delete requests never confirmed whose confirmation link has expired, with their mail."""
    session = get_session()
    count = service.purge_unconfirmed(session, before=utcnow(), dry_run=dry_run)
    session.commit()
    verb = "would delete" if dry_run else "deleted"
    click.echo(f"unconfirmed requests: {verb} {count}")
