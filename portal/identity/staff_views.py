"""The staff side of identification: the request page's panel and its actions.

Routes sit on the back-office blueprint, so its deny-by-default sign-in and idle rules apply.
Revealing the personal identity code is deliberate (a POST) and leaves an audit entry that names
who saw it, never the code itself (legal rules §8; Data Protection Act §29). Staff can record a
verification in person (the document's type, never its number), ask the requester to identify
strongly (a question with the identity reason, which pauses the clock, GDPR Art. 12(6)), and
revoke every status link of a request and mail a new one (issue 14 part 6).
"""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from .. import audit
from ..backoffice import actions
from ..backoffice import bp as backoffice_bp
from ..backoffice.models import StaffUser
from ..backoffice.queue_views import STALE_REQUEST, render_detail, visible_request
from ..db import get_session, utcnow
from ..dsr import workflow
from ..dsr.models import OPEN_STATES, RequestEvent
from ..dsr.pauses import IDENTITY
from ..dsr.service import reissue_status_link
from ..law.identification import DOCUMENT_TYPES
from . import codes, service

DOCUMENT_TITLES = {
    "identity_card": _l("Identity card"),
    "passport": _l("Passport"),
    "driving_licence": _l("Driving licence"),
    "residence_permit": _l("Residence permit card"),
}


@backoffice_bp.app_template_global("request_identification")
def request_identification(data_request) -> dict:
    """What the request page shows: the level, who identified and how, whether names match,
    and the level the request's registers need for its right."""
    session = get_session()
    enabled = current_app.config["PORTAL"].identification_enabled
    _level, required = service.levels(session, data_request, enabled=enabled)
    shown = {"required": required, "enabled": enabled, "documents": DOCUMENT_TITLES,
             "open": data_request.state in OPEN_STATES}
    row = service.of_request(session, data_request.id)
    if row is None:
        return {**shown, "level": "email"}
    verifier = session.get(StaffUser, row.verified_by) if row.verified_by else None
    return {**shown, "level": row.level, "eidas_level": row.eidas_level, "issuer": row.issuer,
            "name": row.identified_name, "birthdate": row.birthdate,
            "matches": codes.names_match(data_request.name, row.identified_name),
            "has_code": row.code_encrypted is not None, "at": row.identified_at,
            "verifier": (verifier.name or verifier.email) if verifier else "",
            "document": DOCUMENT_TITLES.get(row.document_type, "")}


@backoffice_bp.app_template_global("answer_delivery")
def answer_delivery(data_request) -> str | None:
    """The delivery the send form proposes (the registers' default); None when secure
    collection is not available because strong identification is not set up."""
    if not current_app.config["PORTAL"].identification_enabled:
        return None
    return service.default_delivery(get_session(), data_request)


@backoffice_bp.post("/requests/<int:request_id>/identity/code")
def reveal_code(request_id: int):
    data_request = visible_request(request_id)
    db_session = get_session()
    row = service.of_request(db_session, data_request.id)
    if row is None or row.code_encrypted is None:
        return render_template("identity/revealed.html", data_request=data_request,
                               code=None), 404
    code = codes.decrypt(row.code_encrypted, current_app.config["PORTAL"].identity_code_key)
    audit.record(db_session, "identity.code_revealed", actor_id=current_user.id,
                 target=f"request:{data_request.id}", controller_id=data_request.controller_id)
    db_session.commit()
    return render_template("identity/revealed.html", data_request=data_request, code=code)


def _back(request_id: int, message: str):
    flash(message)
    return redirect(url_for("backoffice.request_detail", request_id=request_id)
                    + "#identification")


@backoffice_bp.post("/requests/<int:request_id>/identity/in-person")
def verify_in_person(request_id: int):
    data_request = visible_request(request_id)
    document_type = request.form.get("document_type", "")
    if document_type not in DOCUMENT_TYPES or data_request.state not in OPEN_STATES:
        return render_detail(data_request, error=_("Choose the document you saw."),
                             error_field="document-type", code=400)
    db_session = get_session()
    service.verify_in_person(db_session, data_request, staff_id=current_user.id,
                             document_type=document_type)
    data_request.events.append(RequestEvent(kind="identity_verified", created_at=utcnow(),
                                            public=False))
    audit.record(db_session, "request.verify_in_person", actor_id=current_user.id,
                 target=f"request:{data_request.id}", controller_id=data_request.controller_id,
                 after={"document_type": document_type})
    db_session.commit()
    return _back(request_id, _("The verification in person was recorded."))


@backoffice_bp.post("/requests/<int:request_id>/identity/ask")
def ask_identification(request_id: int):
    """Ask the requester to identify strongly: the status page then offers the button."""
    data_request = visible_request(request_id)
    if not current_app.config["PORTAL"].identification_enabled:
        return render_detail(data_request, error=_("Strong identification is not set up."),
                             code=400)
    with force_locale(data_request.locale):
        question = _("Please identify yourself strongly on your status page with online "
                     "banking codes, a mobile certificate or an identity card: choose "
                     "\"Identify yourself\". We need this before we can disclose or erase "
                     "your data.")
    version = request.form.get("version", "")
    db_session = get_session()
    try:
        actions.perform(db_session, data_request, current_user, actions.ActionInput(
            action="ask_information", version=int(version) if version.isdigit() else 0,
            text=question, reason=IDENTITY), now=utcnow())
        audit.record(db_session, "request.ask_identification", actor_id=current_user.id,
                     target=f"request:{data_request.id}",
                     controller_id=data_request.controller_id)
        db_session.commit()
    except (actions.Conflict, StaleDataError):
        db_session.rollback()
        return render_detail(visible_request(request_id), error=str(STALE_REQUEST), code=409)
    except workflow.WorkflowError:
        db_session.rollback()
        return render_detail(visible_request(request_id), error=_(
            "That cannot be done to the request in its present state."), code=400)
    return _back(request_id, _("The requester was asked to identify. The time limit is "
                               "paused until they do."))


@backoffice_bp.post("/requests/<int:request_id>/links/reissue")
def reissue_links(request_id: int):
    """Every link in mails already sent stops working; the requester gets a new one."""
    data_request = visible_request(request_id)
    if not data_request.email:
        return render_detail(data_request, error=_(
            "The request has no e-mail address to send a new link to."), code=400)
    db_session = get_session()
    token = reissue_status_link(data_request)
    data_request.events.append(RequestEvent(kind="links_reissued", created_at=utcnow(),
                                            public=False))
    actions.mail_requester(db_session, data_request, "dsr_status_link", _l(
        "A new link to your request %(reference)s", reference=data_request.reference),
        status_token=token)
    audit.record(db_session, "request.reissue_links", actor_id=current_user.id,
                 target=f"request:{data_request.id}", controller_id=data_request.controller_id)
    db_session.commit()
    return _back(request_id, _("The earlier status links no longer work. A new link was "
                               "sent to the requester."))
