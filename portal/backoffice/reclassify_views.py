"""The handler's reclassification of a request (legal rules §9): a thin view over
:mod:`portal.backoffice.reclassify`."""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from ..db import get_session, utcnow
from . import bp
from .actions import Conflict
from .queue_views import STALE_REQUEST, render_detail, visible_request
from .reclassify import NotReclassifiable, can_reclassify, reclassify

NOT_RECLASSIFIABLE = _l("Only an open request for access to a public authority can be moved "
                        "to the other law.")

bp.add_app_template_global(can_reclassify)


@bp.post("/requests/<int:request_id>/reclassify")
def reclassify_request(request_id: int):
    data_request = visible_request(request_id)
    session = get_session()
    form = request.form
    try:
        reclassify(session, data_request, current_user, law=form.get("law", ""),
                   version=int(form["version"]) if form.get("version", "").isdigit() else 0,
                   text=form.get("text", "")[:20_000], now=utcnow())
        session.commit()
    except (Conflict, StaleDataError):
        session.rollback()
        return render_detail(visible_request(request_id), error=str(STALE_REQUEST), code=409)
    except NotReclassifiable:
        session.rollback()
        return render_detail(visible_request(request_id), error=str(NOT_RECLASSIFIABLE),
                             code=400)
    flash(_("Saved."))
    return redirect(url_for("backoffice.request_detail", request_id=request_id))
