"""``flask --app portal cases export``: hand closed cases to the organisation's archive."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import or_, select

from .. import audit
from ..db import get_session, utcnow
from ..dsr.models import DataRequest
from ..dsr.workflow import CLOSED
from ..retention import last_change
from .export import LetterAltered, NotClosed, package

cases_cli = AppGroup("cases", help="Closed cases handed to the archive.")


@cases_cli.command("export")
@click.argument("references", nargs=-1)
@click.option("--pending", is_flag=True,
              help="Every closed case not exported yet or changed since its export.")
@click.option("--out", "folder", type=click.Path(file_okay=False, path_type=Path),
              required=True, help="Folder the packages are written to (REFERENCE.zip).")
def export(references: tuple[str, ...], pending: bool, folder: Path) -> None:
    """Write each closed case as an archive package with a manifest of SHA-256 hashes.

    A written case is marked exported: ``retention purge`` may then delete it unless a legal
    hold keeps it or something happens to it afterwards.
    """
    session = get_session()
    query = select(DataRequest).order_by(DataRequest.id)
    if pending:
        query = query.where(DataRequest.state.in_(CLOSED), or_(
            DataRequest.exported_at.is_(None), DataRequest.exported_at < last_change))
    elif references:
        query = query.where(DataRequest.reference.in_(references))
    else:
        raise click.UsageError("name the cases (references) or give --pending")
    requests = session.scalars(query).all()
    missing = set(references) - {r.reference for r in requests}
    if missing:
        raise click.ClickException(f"no such case: {', '.join(sorted(missing))}")
    folder.mkdir(parents=True, exist_ok=True)
    sender = current_app.config["PORTAL"].mail_sender
    for request in requests:
        now = utcnow()
        try:
            data = package(session, request, now=now, sender=sender)
        except NotClosed:
            raise click.ClickException(f"{request.reference} is not closed") from None
        except LetterAltered as exc:
            raise click.ClickException(
                f"{request.reference}: {exc} does not match its SHA-256; not exported") from None
        target = folder / f"{request.reference}.zip"
        # Personal data: readable by the portal's user only, like the backups.
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as out:
            out.write(data)
        request.exported_at = now
        audit.record(session, "case.export", target=f"request:{request.id}",
                     controller_id=request.controller_id,
                     after={"package": target.name,
                            "sha256": hashlib.sha256(data).hexdigest()})
        session.commit()
        click.echo(f"{request.reference}: {target}")
