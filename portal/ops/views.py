"""``/healthz``: 200 when this instance can serve, 503 when it cannot (for a load balancer)."""

from __future__ import annotations

from flask import current_app, jsonify

from ..db import utcnow
from ..extensions import limiter
from . import bp
from .health import inspect


@bp.get("/healthz")
@limiter.exempt
def healthz():
    health = inspect(current_app.extensions["db_engine"], utcnow())
    response = jsonify(
        status="ok" if health.serving else "unavailable", database=health.database,
        schema_ready=health.schema_ready,
        outbox={"pending": health.pending_mail, "failed": health.failed_mail,
                "oldest_pending_seconds": health.oldest_pending_seconds})
    response.status_code = 200 if health.serving else 503
    response.headers["Cache-Control"] = "no-store"
    return response
