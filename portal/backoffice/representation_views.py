"""Recording that a representative's authority was verified (:mod:`portal.law.representation`).

Until it is, a decision that discloses or acts on the data cannot be sent
(``law.decisions.check_sending``). The step is on the timeline (staff only) and in the audit
trail with what was checked.
"""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from .. import audit
from ..db import get_session, utcnow
from ..dsr.models import RequestEvent
from ..law import representation as rules
from . import bp
from .queue_views import render_detail, visible_request

ERRORS = {
    rules.VerificationNoteRequired: _l("Write what you checked, for example the power of "
                                       "attorney and the identity of the person who gave it "
                                       "(at most 2,000 characters)."),
    rules.NotRepresented: _l("The request is the requester's own: there is no authority to "
                             "verify."),
}


@bp.post("/requests/<int:request_id>/authority")
def verify_authority(request_id: int):
    data_request, session = visible_request(request_id), get_session()
    note = request.form.get("note", "").replace("\r\n", "\n")
    try:
        rules.check_verification(note, represented=data_request.authority is not None)
    except rules.RepresentationError as exc:
        return render_detail(data_request, error=str(ERRORS[type(exc)]),
                             error_field="authority-note", code=400, form=request.form)
    now = utcnow()
    data_request.authority_verified_at, data_request.authority_verified_by = now, current_user.id
    data_request.authority_note = note.strip()
    data_request.events.append(RequestEvent(kind="authority_verified", created_at=now,
                                            public=False, text=note.strip(),
                                            codes=[data_request.authority]))
    audit.record(session, "request.verify_authority", actor_id=current_user.id,
                 target=f"request:{data_request.id}", controller_id=data_request.controller_id,
                 after={"authority": data_request.authority, "note": note.strip()})
    session.commit()
    flash(_("Recorded: the authority was verified."))
    return redirect(url_for("backoffice.request_detail", request_id=request_id))
