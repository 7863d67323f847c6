"""Downloading an answer left for collection, after strong identification on the status link.

Each download is a public event on the request (the requester sees every download, so one they
did not make shows) and an entry in the audit trail (legal rules §8; GDPR Art. 5(2)).
"""

from __future__ import annotations

from flask import Response, abort, current_app

from .. import audit
from ..db import get_session, utcnow
from ..dsr.models import RequestEvent
from ..dsr.service import LinkInvalid
from ..extensions import limiter
from . import bp, collection
from .views import request_by_status_token


@bp.get("/requests/status/<token>/answer/<int:document_id>")
@limiter.limit("30 per hour")
def collect(token: str, document_id: int):
    if not current_app.config["PORTAL"].identification_enabled:
        abort(404)
    try:
        data_request = request_by_status_token(token)
    except LinkInvalid:
        abort(404)
    document = next((d for d in data_request.documents if d.id == document_id), None)
    if document is None or not collection.for_collection(data_request):
        abort(404)
    if not collection.granted(data_request.id):
        abort(403)
    db_session = get_session()
    data_request.events.append(RequestEvent(kind="answer_downloaded", created_at=utcnow(),
                                            public=True, text=document.filename))
    audit.record(db_session, "request.answer_downloaded", target=f"request:{data_request.id}",
                 controller_id=data_request.controller_id, after={"file": document.filename})
    db_session.commit()
    return Response(document.data, mimetype=document.mimetype, headers={
        "Content-Disposition": f'attachment; filename="{document.filename}"',
        "Cache-Control": "no-store", "X-Robots-Tag": "noindex"})
