"""What a load balancer and an operator need to know about a running portal.

Only counts and ages: nothing here names a person, a request or an address, so the answer can
be shown to a monitoring system (GDPR Art. 5(1)(c)).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.orm import Session

from .. import migrate
from ..mail.models import OutboxMail
from ..notices.service import NoticeNotFound, latest_published


@dataclass(frozen=True)
class Health:
    database: bool
    #: The schema is the one this code needs, or newer (``db upgrade`` has run).
    schema_ready: bool = False
    pending_mail: int = 0
    failed_mail: int = 0
    oldest_pending_seconds: int | None = None

    @property
    def serving(self) -> bool:
        """Whether this instance can answer requests; mail backlog does not take it out of a
        load balancer (every instance shares the outbox), it is for monitoring."""
        return self.database and self.schema_ready


@functools.cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(migrate.alembic_config(""))


def schema_ready(database_heads: set[str]) -> bool:
    """Whether this code may run on a database at ``database_heads``.

    Not when the schema is behind the code (new code must never run on an old schema). A
    revision this code does not know is newer: during an upgrade the old version keeps serving
    on the migrated schema, which is why migrations only add (docs/deployment.md, "Upgrades").
    """
    scripts = _scripts()
    if database_heads == set(scripts.get_heads()):
        return True
    known = {script.revision for script in scripts.walk_revisions()}
    return bool(database_heads) and not database_heads <= known


def inspect(engine: Engine, now: datetime) -> Health:
    try:
        with engine.connect() as connection:
            heads = set(MigrationContext.configure(connection).get_current_heads())
            if not schema_ready(heads):
                return Health(database=True)
            rows = connection.execute(
                select(OutboxMail.state, func.count(), func.min(OutboxMail.created_at))
                .where(OutboxMail.state.in_(("pending", "failed"))).group_by(OutboxMail.state))
            outbox = {state: (count, oldest) for state, count, oldest in rows}
    except (OperationalError, InterfaceError):
        return Health(database=False)
    pending, oldest = outbox.get("pending", (0, None))
    return Health(database=True, schema_ready=True, pending_mail=pending,
                  failed_mail=outbox.get("failed", (0, None))[0],
                  oldest_pending_seconds=int((now - oldest).total_seconds()) if oldest else None)


def privacy_notice_published(session: Session, slug: str) -> bool:
    """The portal's own register (``PORTAL_PRIVACY_REGISTER``) has a published notice: the
    portal processes requesters' data and must tell them how (GDPR Art. 13)."""
    try:
        latest_published(session, slug)
    except NoticeNotFound:
        return False
    return True
