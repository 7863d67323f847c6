"""``flask --app portal ...`` commands: every operation an operator runs by hand or from cron."""

from __future__ import annotations

from pathlib import Path

import click
from alembic import command
from flask import Flask, current_app
from flask.cli import AppGroup

from . import migrate
from .db import get_session
from .notices import service as notices

db_cli = AppGroup("db", help="Database schema migrations (Alembic).")
notices_cli = AppGroup("notices", help="Privacy notice files.")


def _url() -> str:
    return current_app.config["PORTAL"].database_url


@db_cli.command("upgrade")
@click.argument("revision", default="head")
def db_upgrade(revision: str) -> None:
    """Bring the database schema up to REVISION (default: the newest)."""
    migrate.upgrade(_url(), revision)
    click.echo(f"Database at revision {revision}.")


@db_cli.command("downgrade")
@click.argument("revision")
def db_downgrade(revision: str) -> None:
    """Step the schema back to REVISION (for example -1). Data in dropped columns is lost."""
    migrate.downgrade(_url(), revision)


@db_cli.command("current")
def db_current() -> None:
    """Show the schema revision the database is at."""
    command.current(migrate.alembic_config(_url()))


@db_cli.command("revision")
@click.option("-m", "--message", required=True)
def db_revision(message: str) -> None:
    """(Developers) write a new migration from the difference between models and database."""
    command.revision(migrate.alembic_config(_url()), message=message, autogenerate=True)


@notices_cli.command("import")
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, path_type=Path))
def notices_import(paths: tuple[Path, ...]) -> None:
    """Publish notice files (or every *.toml in a folder); all of them, or none if one is bad.

    A file whose content equals the register's newest version publishes nothing new.
    """
    session = get_session()
    try:
        results = notices.import_notices(session, paths)
    except notices.NoticeImportError as exc:
        session.rollback()
        raise click.ClickException(str(exc)) from None
    session.commit()
    for result in results:
        state = "published as version" if result.created else "unchanged, still version"
        click.echo(f"{result.slug}: {state} {result.version}")


def init_app(app: Flask) -> None:
    app.cli.add_command(db_cli)
    app.cli.add_command(notices_cli)
