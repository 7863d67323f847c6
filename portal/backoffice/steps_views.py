"""A right's own steps on a request's page (POST): restriction and its lifting, transmission.

Refused steps come back as the page with an error summary linked to the field, as the other
actions do (WCAG 3.3.1).
"""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email
from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from ..db import get_session, utcnow
from ..dsr import workflow
from ..law import steps as rules
from ..mail.size import MailTooLarge
from . import bp, steps
from .actions import Conflict
from .mail_limit import transmission_refused
from .queue_views import STALE_REQUEST, render_detail, visible_request

#: (message, the id of the field it concerns) per refusal.
ERRORS = {
    rules.NotRestrictable: (_l("The processing is already restricted, or this request cannot "
                               "be met with a restriction."), ""),
    rules.NotRestricted: (_l("There is no restriction in force to lift."), ""),
    rules.NotToldBeforeLifting: (_l("Tell the requester first that the restriction will be "
                                    "lifted (GDPR Art. 18(3)); then lift it."), "lifting-text"),
    rules.NotTransmittable: (_l("Only a granted portability answer with machine-readable files "
                                "can be transmitted."), ""),
    workflow.TextRequired: (_l("Reasons: write why the restriction will be lifted (at most "
                               "20,000 characters)."), "lifting-text"),
    workflow.NotAllowed: (_l("That cannot be done to the request in its present state."), ""),
}


class BadAddress(ValueError):
    pass


def _version() -> int:
    value = request.form.get("version", "")
    return int(value) if value.isdigit() else 0


def _address() -> str:
    try:
        return validate_email(request.form.get("address", "").strip(),
                              check_deliverability=False).normalized
    except EmailNotValidError:
        raise BadAddress() from None


def _run(request_id: int, step) -> object:
    data_request = visible_request(request_id)
    session = get_session()
    try:
        step(session, data_request)
        session.commit()
    except (Conflict, StaleDataError):
        session.rollback()
        return render_detail(visible_request(request_id), error=str(STALE_REQUEST), code=409)
    except BadAddress:
        session.rollback()
        return render_detail(visible_request(request_id), error=_(
            "Address of the receiving organisation: enter an e-mail address in the form "
            "name@example.fi."), error_field="transmit-address", code=400, form=request.form)
    except MailTooLarge as exc:
        session.rollback()
        return render_detail(visible_request(request_id), error=transmission_refused(exc),
                             error_field="transmit-address", code=400, form=request.form)
    except (rules.StepError, workflow.WorkflowError) as exc:
        session.rollback()
        message, field = next(v for kind, v in ERRORS.items() if isinstance(exc, kind))
        return render_detail(visible_request(request_id), error=str(message),
                             error_field=field, code=400, form=request.form)
    flash(_("Saved."))
    return redirect(url_for("backoffice.request_detail", request_id=request_id))


@bp.post("/requests/<int:request_id>/restriction")
def restriction(request_id: int):
    step, now = request.form.get("step", ""), utcnow()

    def apply(session, data_request):
        if step == "restrict":
            steps.restrict(session, data_request, current_user, version=_version(), now=now)
        elif step == "announce":
            steps.announce_lifting(session, data_request, current_user, version=_version(),
                                   text=request.form.get("text", ""), now=now)
        elif step == "lift":
            steps.lift(session, data_request, current_user, version=_version(), now=now)
        else:
            raise workflow.NotAllowed(step)
    return _run(request_id, apply)


@bp.post("/requests/<int:request_id>/transmit")
def transmit(request_id: int):
    def apply(session, data_request):
        steps.transmit(session, data_request, current_user, address=_address(),
                       version=_version(), now=utcnow())
    return _run(request_id, apply)
