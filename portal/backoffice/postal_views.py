"""Letters to post on the request's page: the printable letter, its enclosures, and recording
the day it was posted (the rules are :mod:`portal.backoffice.postal` and
:mod:`portal.law.postal`)."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from flask import Response, abort, flash, redirect, request, send_file, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from ..db import get_session, utcnow
from ..dsr.models import DataRequest
from ..law.postal import AlreadyPosted, PostedDateInvalid
from . import bp, postal
from .queue_views import render_detail, visible_request

POSTED_ERRORS = {
    PostedDateInvalid: _l("Enter the day the letter was posted. It cannot be before the day it was "
                          "written or in the future."),
    AlreadyPosted: _l("The letter was already recorded as posted."),
}


def _letter(data_request: DataRequest, letter_id: int) -> postal.PostalLetter:
    letter = get_session().get(postal.PostalLetter, letter_id)
    if letter is None or letter.request_id != data_request.id:
        abort(404)
    return letter


@bp.get("/requests/<int:request_id>/letters/<int:letter_id>.pdf")
def letter_pdf(request_id: int, letter_id: int):
    data_request = visible_request(request_id)
    pdf = postal.render_letter(data_request, _letter(data_request, letter_id))
    return Response(pdf, mimetype="application/pdf", headers={
        "Content-Disposition": f'inline; filename="{data_request.reference}-{letter_id}.pdf"'})


@bp.get("/requests/<int:request_id>/letters/<int:letter_id>/enclosures/<int:enclosure_id>")
def letter_enclosure(request_id: int, letter_id: int, enclosure_id: int):
    data_request = visible_request(request_id)
    found = next((e for e in _letter(data_request, letter_id).enclosures
                  if e.id == enclosure_id), None)
    if found is None:
        abort(404)
    response = send_file(BytesIO(found.data), mimetype=found.mimetype, as_attachment=True,
                         download_name=found.filename)
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


@bp.post("/requests/<int:request_id>/letters/<int:letter_id>/posted")
def letter_posted(request_id: int, letter_id: int):
    data_request, session = visible_request(request_id), get_session()
    letter = _letter(data_request, letter_id)
    try:
        postal.record_posted(session, data_request, letter, current_user,
                             posted_on=_day(request.form.get("posted_on", "")), now=utcnow())
    except (PostedDateInvalid, AlreadyPosted) as exc:
        session.rollback()
        return render_detail(visible_request(request_id), error=str(POSTED_ERRORS[type(exc)]),
                             error_field=f"posted-on-{letter_id}", code=400, form=request.form)
    session.commit()
    flash(_("The letter was recorded as posted."))
    return redirect(url_for("backoffice.request_detail", request_id=request_id) + "#letters")
