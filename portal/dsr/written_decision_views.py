"""The status page's form "do you want a written decision?" (Openness Act §14(3))."""

from __future__ import annotations

from flask import current_app, flash, redirect, request, url_for
from flask_babel import gettext as _
from sqlalchemy.orm.exc import StaleDataError

from ..db import get_session, utcnow
from ..extensions import limiter
from . import bp, service, written_decision
from .views import explain_conflict, invalid_link, status_page, status_request


@bp.post("/requests/status/<token>/written-decision")
@limiter.limit("10 per hour")
def written_decision_answer(token: str):
    choice = request.form.get("written_decision", "")
    try:
        data_request = status_request(token)
        if choice not in (written_decision.YES, written_decision.NO):
            return status_page(data_request, token, code=400, written_error=_(
                "Choose whether you want a written decision."))
        written_decision.answer(data_request, choice, now=utcnow(),
                                days=current_app.config["PORTAL"].openness_answer_days)
        get_session().commit()
    except service.LinkInvalid:
        return invalid_link()
    except service.NotOpen:
        flash(_("Your answer was not recorded: the question is no longer open."))
    except StaleDataError:
        explain_conflict()
    else:
        flash(_("Thank you. The matter is taken to the authority for a written decision.")
              if choice == written_decision.YES else
              _("Thank you. The case is closed without a written decision."))
    return redirect(url_for("dsr.status", token=token))
