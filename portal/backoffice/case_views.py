"""A case's record keeping: legal holds on the request's page, retention on the organisation's.

Holds and retention rules are :mod:`portal.cases`; these views apply them and answer a refused
input with the page again and a linked error summary (WCAG 3.3.1).
"""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from .. import audit
from ..cases import holds, rules
from ..cases.titles import HOLD_TITLES, RECORD_TITLES
from ..db import get_session, utcnow
from . import bp
from .organisation_views import managed_organisation
from .queue_views import STALE_REQUEST, render_detail, visible_request

HOLD_ERRORS = {
    rules.HoldReasonRequired: _l("Choose the proceeding and write what it is (at most 2,000 "
                                 "characters)."),
    rules.AlreadyHeld: _l("The case is already on legal hold. Lift that hold first."),
    rules.NotHeld: _l("The case is not on legal hold."),
}


@bp.app_context_processor
def hold_words() -> dict:
    return {"HOLD_TITLES": HOLD_TITLES}


@bp.post("/requests/<int:request_id>/hold")
def legal_hold(request_id: int):
    """Place a legal hold (``place``) or lift it (anything else), with a note."""
    data_request, session = visible_request(request_id), get_session()
    placing = request.form.get("hold") == "place"
    note = request.form.get("note", "")
    try:
        if str(data_request.version) != request.form.get("version"):
            raise StaleDataError()
        if placing:
            holds.place(session, data_request, current_user.id,
                        reason=request.form.get("reason", ""), note=note, now=utcnow())
        else:
            holds.release(session, data_request, current_user.id, note=note, now=utcnow())
        session.commit()
    except StaleDataError:
        session.rollback()
        return render_detail(visible_request(request_id), error=str(STALE_REQUEST), code=409)
    except rules.RetentionError as exc:
        session.rollback()
        field = "hold-note" if placing else "release-note"
        if placing and request.form.get("reason") not in rules.HOLD_REASONS:
            field = "hold-reason"
        return render_detail(visible_request(request_id), error=str(HOLD_ERRORS[type(exc)]),
                             error_field=field, code=400, form=request.form)
    flash(_("The legal hold was placed: retention keeps the case until it is lifted.")
          if placing else _("The legal hold was lifted."))
    return redirect(url_for("backoffice.request_detail", request_id=request_id))


@bp.route("/organisations/<slug>/retention", methods=["GET", "POST"])
def retention_settings(slug: str):
    """How long the organisation keeps each record type, from its information management plan."""
    controller, errors = managed_organisation(slug), {}
    values = {kind: str(controller.retention.get(kind, "")) for kind in rules.RECORD_TYPES}
    if request.method == "POST":
        values = {kind: request.form.get(kind, "").strip()[:10] for kind in rules.RECORD_TYPES}
        try:
            settings = rules.parse_settings(values)
        except rules.DaysOutOfRange as exc:
            errors[exc.field] = _("Write a whole number of days from 1 to 36,500, or leave the "
                                  "field empty.")
        else:
            audit.record(get_session(), "controller.retention", actor_id=current_user.id,
                         target=f"controller:{controller.slug}", controller_id=controller.id,
                         before=dict(controller.retention or {}), after=settings)
            controller.retention = settings
            get_session().commit()
            flash(_("The retention periods were saved. The next retention run applies them."))
            return redirect(url_for("backoffice.retention_settings", slug=slug))
    return render_template(
        "backoffice/retention_settings.html", controller=controller, values=values,
        errors=errors, titles=RECORD_TITLES,
        default_days=current_app.config["PORTAL"].retention_days), 400 if errors else 200
