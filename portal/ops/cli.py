"""``flask --app portal check``: refuse to start a misconfigured portal (systemd ExecStartPre)."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from ..db import get_session, utcnow
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
    if not health.schema_current:
        raise click.ClickException("the database schema is not the one this version needs: "
                                   "run `flask --app portal db upgrade`")
    if not privacy_notice_published(get_session(), settings.privacy_register):
        raise click.ClickException(
            f"the portal's own privacy notice {settings.privacy_register!r} "
            "(PORTAL_PRIVACY_REGISTER) is not published: import or publish it first")
    click.echo("ready to serve")
