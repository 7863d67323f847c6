"""``flask --app portal ...`` commands: every operation an operator runs by hand or from cron."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import click
from alembic import command
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext
from flask_babel import force_locale, gettext

from . import deadlines, migrate, openness_deadlines
from .backoffice.cli import deadlines_cli, staff_cli
from .cases.cli import cases_cli
from .dates import format_date
from .db import get_session
from .dsr.cli import retention_cli
from .dsr.deadline_text import explain
from .i18n import LOCALES
from .identity.cli import identity_cli
from .mail.cli import mail_cli
from .notices import service as notices
from .notices.completeness import check
from .notices.export import notice_file, upgraded
from .notices.fileformat import FORMAT_VERSION, NoticeFileError, read_notice_file
from .notices.moves import MoveRefused
from .ops.cli import backup_command
from .ops.cli import check as check_command

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
@click.option("--override", "override_reason", default="", metavar="REASON",
              help="Publish notices the completeness check finds lacking, for this reason "
                   "(kept in the audit trail with what they lack).")
@click.option("--move", "move_reason", default="", metavar="REASON",
              help="Let a register move to the controller its file names first, for this "
                   "reason (kept in the audit trail as register.move).")
def notices_import(paths: tuple[Path, ...], override_reason: str, move_reason: str) -> None:
    """Publish notice files (or every *.toml in a folder); all of them, or none if one is bad.

    A file whose content equals the register's newest version publishes nothing new. A notice
    that lacks what GDPR Arts. 13-14 require is published only with --override "reason".
    """
    session = get_session()
    try:
        results = notices.import_notices(session, paths, override_reason=override_reason,
                                         move_reason=move_reason)
    except (notices.NoticeImportError, notices.IncompleteImport, MoveRefused) as exc:
        session.rollback()
        raise click.ClickException(str(exc)) from None
    session.commit()
    for result in results:
        state = "published as version" if result.created else "unchanged, still version"
        click.echo(f"{result.slug}: {state} {result.version}")


#: Exit statuses of ``notices check``, documented in docs/notice-files.md.
CHECK_OK, CHECK_FINDINGS, CHECK_FORMAT_ERRORS = 0, 1, 2


@notices_cli.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def notices_check(paths: tuple[Path, ...]) -> None:
    """Check every notice file given (or every *.toml in a folder) and report each one.

    Format errors (the file cannot be imported) and GDPR findings (what Arts. 13-14 require
    that the notice lacks) are reported apart. Exit status: 0 nothing wrong, 1 findings only,
    2 at least one file with format errors; so it can guard a repository of notices.
    """
    status = CHECK_OK
    for path in notices.notice_files(paths):
        try:
            findings = check(read_notice_file(path))
        except NoticeFileError as exc:
            status = CHECK_FORMAT_ERRORS
            for error in exc.errors:
                click.echo(f"{path}: format error: {error.field}: {error.reason}")
            continue
        for finding in findings:
            where = f" in {finding.lang}" if finding.lang else ""
            click.echo(f"{path}: finding: {finding.item} (GDPR Art. {finding.article}, "
                       f"{finding.field}) is missing{where}")
        if findings:
            status = max(status, CHECK_FINDINGS)
        else:
            click.echo(f"{path}: nothing missing")
    click.get_current_context().exit(status)


@notices_cli.command("upgrade")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def notices_upgrade(paths: tuple[Path, ...]) -> None:
    """Rewrite each notice file given (or every *.toml in a folder) as format 2.

    The content stays the same except ``automated_decisions = false``, which format 1 cannot
    tell from "not stated" and so becomes not stated (docs/notice-files.md). The file is
    written in canonical form (its comments are not kept); a file that cannot be read is left
    as it is and the exit status is 2.
    """
    status = CHECK_OK
    for path in notices.notice_files(paths):
        try:
            content = read_notice_file(path)
        except NoticeFileError as exc:
            status = CHECK_FORMAT_ERRORS
            for error in exc.errors:
                click.echo(f"{path}: format error: {error.field}: {error.reason}")
            continue
        before = content.get("format", 1)
        partial = path.with_name(f".{path.name}.upgrade")
        partial.write_text(notice_file(upgraded(content)), encoding="utf-8")
        partial.replace(path)  # whole or not at all
        click.echo(f"{path}: format {before} -> {FORMAT_VERSION}" if before < FORMAT_VERSION
                   else f"{path}: already format {FORMAT_VERSION}")
    click.get_current_context().exit(status)


@notices_cli.command("export")
@click.argument("slug")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
def notices_export(slug: str, output: Path | None) -> None:
    """Write the register's newest version as a notice file (the format import reads)."""
    try:
        text = notice_file(notices.latest_content(get_session(), slug))
    except notices.NoticeNotFound:
        raise click.ClickException(f"no register {slug!r}") from None
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


def _received(value: str) -> datetime:
    """A date (taken as noon in Helsinki) or an ISO date-time; a naive time is Helsinki time."""
    try:
        if "T" not in value and " " not in value:
            return datetime.combine(date.fromisoformat(value), time(12), deadlines.HELSINKI)
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (2026-01-31) or a date-time") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=deadlines.HELSINKI)


def _pause(value: str) -> tuple[date, date]:
    try:
        start, end = value.split(":")
        return date.fromisoformat(start), date.fromisoformat(end)
    except ValueError:
        raise click.BadParameter(f"{value!r}: write a pause as FROM:TO, 2026-02-02:2026-02-09"
                                 ) from None


@click.command("deadline")
@click.argument("received")
@click.option("--law", type=click.Choice(["gdpr", "openness"]), default="gdpr", show_default=True,
              help="gdpr: a data-subject request; openness: a document request (621/1999).")
@click.option("--extended", is_flag=True,
              help="GDPR: three months (Art. 12(3)); openness: one month (§14(4)).")
@click.option("--pause", "pauses", multiple=True, metavar="FROM:TO",
              help="GDPR only: question sent and answer received; repeatable.")
@click.option("--specified", metavar="DATE",
              help="Openness only: the day the requester specified the documents.")
@click.option("--decision-requested", metavar="DATE",
              help="Openness only: the day the requester asked for a written decision (§14(3)).")
@click.option("--lang", type=click.Choice(list(LOCALES)), default="fi", show_default=True)
@with_appcontext
def deadline_command(received: str, law: str, extended: bool, pauses: tuple[str, ...],
                     specified: str | None, decision_requested: str | None, lang: str) -> None:
    """Print the due date of a request received on RECEIVED, and how it was reached."""
    if law == "gdpr" and (specified or decision_requested):
        raise click.BadParameter("--specified and --decision-requested are for --law openness")
    if law == "openness" and pauses:
        raise click.BadParameter("a document request never pauses (621/1999 §14(4))")
    try:
        if law == "openness":
            result = openness_deadlines.compute(
                _received(received), extended=extended,
                specified_on=_received(specified).date() if specified else None,
                decision_requested_on=(_received(decision_requested).date()
                                       if decision_requested else None))
        else:
            result = deadlines.compute(_received(received), pauses=[_pause(p) for p in pauses],
                                       extended=extended)
    except deadlines.DeadlineError as exc:
        raise click.ClickException(str(exc)) from None
    with force_locale(lang):
        click.echo(gettext("Due date: %(date)s", date=format_date(result.due, "full")))
        for sentence in explain(result, lang, with_time="T" in received or " " in received):
            click.echo(f"- {sentence}")
        if not extended:
            click.echo(gettext("An extension must be notified by %(date)s at the latest.",
                               date=format_date(result.extension_notice_by, "long")))


def init_app(app: Flask) -> None:
    app.cli.add_command(db_cli)
    app.cli.add_command(notices_cli)
    app.cli.add_command(deadline_command)
    app.cli.add_command(mail_cli)
    app.cli.add_command(identity_cli)
    app.cli.add_command(retention_cli)
    app.cli.add_command(cases_cli)
    app.cli.add_command(staff_cli)
    app.cli.add_command(deadlines_cli)
    app.cli.add_command(check_command)
    db_cli.add_command(backup_command)
