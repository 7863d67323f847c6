"""``flask --app portal check`` (systemd ExecStartPre) and ``flask --app portal db backup``."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from ..db import get_session, utcnow
from ..deadlines import HELSINKI
from .backup import BackupError, backup, remove_old
from .health import inspect, privacy_notice_published


@click.command("check")
@with_appcontext
def check() -> None:
    """Check the database and content an instance needs; exit 1 naming what is wrong.

    The settings themselves (https base URL, a strong secret) are checked whenever the app is
    built, so a bad one stops this command too.
    """
    settings = current_app.config["PORTAL"]
    health = inspect(current_app.extensions["db_engine"], utcnow())
    if not health.database:
        raise click.ClickException("the database cannot be reached (PORTAL_DATABASE_URL)")
    if not health.schema_ready:
        raise click.ClickException("the database schema is older than this version needs: "
                                   "run `flask --app portal db upgrade`")
    if not privacy_notice_published(get_session(), settings.privacy_register):
        raise click.ClickException(
            f"the portal's own privacy notice {settings.privacy_register!r} "
            "(PORTAL_PRIVACY_REGISTER) is not published: import or publish it first")
    click.echo("ready to serve")


@click.command("backup")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--key", "key_file", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The backup key's public half (gpg --export --armor).")
@click.option("--keep-days", default=35, show_default=True,
              help="Delete backups in FOLDER older than this.")
@with_appcontext
def backup_command(folder: Path, key_file: Path, keep_days: int) -> None:
    """Dump the database into FOLDER, encrypted to KEY, readable by its owner only."""
    today = utcnow().astimezone(HELSINKI).date()
    try:
        written = backup(current_app.config["PORTAL"].database_url, folder, key_file, today)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"written {written}")
    for path in remove_old(folder, today, keep_days):
        click.echo(f"deleted {path}")
