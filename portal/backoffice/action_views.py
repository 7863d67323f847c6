"""Workflow actions on a request's page: one POST per action, answered with the page again."""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from ..db import get_session, utcnow
from ..dsr import workflow
from . import accounts, actions, bp
from .queue_views import render_detail, visible_request

ERRORS = {
    workflow.NotAllowed: _l("That cannot be done to the request in its present state."),
    workflow.TextRequired: _l("Write the text the action needs (at most 20,000 characters)."),
    workflow.ExtensionTooLate: _l("The one-month time limit has passed, so the time limit can no "
                                  "longer be extended. Answer the request now."),
    workflow.AlreadyExtended: _l("The time limit has already been extended once."),
}


def _input(data_request) -> actions.ActionInput:
    form = request.form
    assignee = form.get("assignee", "")
    return actions.ActionInput(
        action=form.get("action", ""),
        version=int(form["version"]) if form.get("version", "").isdigit() else 0,
        text=form.get("text", ""),
        assignee_id=int(assignee) if assignee.isdigit() and int(assignee) in
        {s.id for s in accounts.colleagues(get_session(), data_request.controller_id)} else None)


@bp.post("/requests/<int:request_id>/act")
def act(request_id: int):
    data_request = visible_request(request_id)
    form = request.form
    session = get_session()
    try:
        data = _input(data_request)
        actions.perform(session, data_request, current_user, data, now=utcnow())
        session.commit()
    except (actions.Conflict, StaleDataError):
        session.rollback()
        return render_detail(visible_request(request_id), error=_(
            "Someone else changed this request while you were working on it. Nothing you sent "
            "was saved. Check the request below and try again."), code=409)
    except workflow.WorkflowError as exc:
        session.rollback()
        message = next(text for kind, text in ERRORS.items() if isinstance(exc, kind))
        return render_detail(visible_request(request_id), error=str(message), code=400,
                             form=form)
    flash(_("Saved."))
    return redirect(url_for("backoffice.request_detail", request_id=request_id))

