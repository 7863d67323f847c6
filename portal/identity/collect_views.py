"""Downloading an answer left for collection, after strong identification on the status link.

Each download is a public event on the request (the requester sees every download, so one they
did not make shows) and an entry in the audit trail (legal rules §8; GDPR Art. 5(2)).
"""

from __future__ import annotations

from flask import Response, abort, current_app, flash, g, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from .. import audit
from ..db import get_session, utcnow
from ..dsr import views as dsr_views
from ..dsr.models import RequestEvent
from ..dsr.service import LinkInvalid
from ..extensions import limiter
from ..mail.compose import queue_mail
from . import bp, collection, onetime
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


def _code_request(token: str):
    """The request whose answer waits for collection at e-mail level; else 404."""
    settings = current_app.config["PORTAL"]
    if not settings.identification_enabled:
        abort(404)
    try:
        data_request = request_by_status_token(token)
    except LinkInvalid:
        abort(404)
    if not collection.code_allowed(data_request):
        abort(404)
    return data_request, settings


@bp.post("/requests/status/<token>/collect/code")
@limiter.limit("5 per hour")
def send_code(token: str):
    """Mail a one-time code to the requester's address (the register allows e-mail level)."""
    data_request, settings = _code_request(token)
    db_session = get_session()
    code = onetime.issue(db_session, data_request, key=settings.secret_key, now=utcnow())
    queue_mail(db_session, recipient=data_request.email, lang=data_request.locale,
               subject=_l("Your code for collecting the answer %(reference)s",
                          reference=data_request.reference),
               template="dsr_collection_code", request_id=data_request.id,
               context={"request": data_request, "code": code,
                        "minutes": int(onetime.VALID.total_seconds() // 60)})
    db_session.commit()
    flash(_("A code was sent to your e-mail address. It is valid for %(minutes)d minutes.",
            minutes=int(onetime.VALID.total_seconds() // 60)))
    return redirect(url_for("dsr.status", token=token) + "#collect")


@bp.post("/requests/status/<token>/collect/check")
@limiter.limit("10 per hour")
def check_code(token: str):
    data_request, settings = _code_request(token)
    db_session = get_session()
    right = onetime.check(db_session, data_request, request.form.get("code", ""),
                          key=settings.secret_key, now=utcnow())
    db_session.commit()
    if not right:
        g.collect_error = _("The code is wrong or has expired. Check the code in the latest "
                            "e-mail, or ask for a new one.")
        return dsr_views.status_page(data_request, token, code=400)
    collection.grant(data_request.id)
    return redirect(url_for("dsr.status", token=token) + "#collect")
