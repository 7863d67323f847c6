"""Workflow actions on a request's page: one POST per action, answered with the page again.

A refused action comes back as the page with an error summary that names the field and links
to it (WCAG 3.3.1), the same pattern as the public forms.
"""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from ..db import get_session, utcnow
from ..dsr import workflow
from . import accounts, actions, bp
from .queue_views import STALE_REQUEST, render_detail, visible_request

ERRORS = {
    workflow.NotAllowed: _l("That cannot be done to the request in its present state."),
    workflow.TextRequired: _l("Write the text the action needs (at most 20,000 characters)."),
    workflow.ReasonRequired: _l("Choose why you ask: to establish the requester's identity, "
                                "to have the request specified, or another reason."),
    workflow.ExtensionTooLate: _l("The one-month time limit has passed, so the time limit can no "
                                  "longer be extended. Answer the request now."),
    workflow.AlreadyExtended: _l("The time limit has already been extended once."),
}


#: The field each action's text goes in, as its label says on the page.
TEXT_FIELDS = {"ask_information": _l("Question"), "extend": _l("Reasons"), "note": _l("Note")}


def _problem(exc: Exception, action: str) -> tuple[str, str]:
    """(message naming the field, the field's id) for a refused action."""
    message = str(next(text for kind, text in ERRORS.items() if isinstance(exc, kind)))
    if isinstance(exc, workflow.TextRequired) and action in TEXT_FIELDS:
        return f"{TEXT_FIELDS[action]}: {message}", f"{action}-text"
    if isinstance(exc, workflow.ReasonRequired):
        return message, "reason"
    return message, ""


#: A document request's one month must be told while the two weeks run (621/1999 §14(4)).
TWO_WEEKS_PASSED = _l("The two weeks have passed, so the time limit can no longer become one "
                      "month. Decide on the request now.")


def _refused(data_request, exc: Exception):
    message, field = _problem(exc, request.form.get("action", ""))
    if isinstance(exc, workflow.ExtensionTooLate) and data_request.law == "openness":
        message = str(TWO_WEEKS_PASSED)
    return render_detail(data_request, error=message, error_field=field, code=400,
                         form=request.form)


def _input(data_request) -> actions.ActionInput:
    form = request.form
    assignee = form.get("assignee", "")
    return actions.ActionInput(
        action=form.get("action", ""),
        version=int(form["version"]) if form.get("version", "").isdigit() else 0,
        text=form.get("text", ""),
        reason=form.get("reason", ""),
        assignee_id=int(assignee) if assignee.isdigit() and int(assignee) in
        {s.id for s in accounts.colleagues(get_session(), data_request.controller_id)} else None)


@bp.post("/requests/<int:request_id>/act")
def act(request_id: int):
    data_request = visible_request(request_id)
    session = get_session()
    try:
        data = _input(data_request)
        actions.perform(session, data_request, current_user, data, now=utcnow())
        session.commit()
    except (actions.Conflict, StaleDataError):
        session.rollback()
        return render_detail(visible_request(request_id), error=str(STALE_REQUEST), code=409)
    except workflow.WorkflowError as exc:
        session.rollback()
        return _refused(visible_request(request_id), exc)
    flash(_("Saved."))
    return redirect(url_for("backoffice.request_detail", request_id=request_id))

