"""The staff side of identification: the request page's panel and revealing the code.

Routes sit on the back-office blueprint, so its deny-by-default sign-in and idle rules apply.
Revealing the personal identity code is deliberate (a POST) and leaves an audit entry that names
who saw it, never the code itself (legal rules §8; Data Protection Act §29).
"""

from __future__ import annotations

from flask import current_app, render_template
from flask_login import current_user

from .. import audit
from ..backoffice import bp as backoffice_bp
from ..backoffice.queue_views import visible_request
from ..db import get_session
from . import codes, service


@backoffice_bp.app_template_global("request_identification")
def request_identification(data_request) -> dict:
    """What the request page shows: the level, the provider, whether the names match."""
    row = service.of_request(get_session(), data_request.id)
    if row is None:
        return {"level": "email"}
    return {"level": row.level, "eidas_level": row.eidas_level, "issuer": row.issuer,
            "name": row.identified_name, "birthdate": row.birthdate,
            "matches": codes.names_match(data_request.name, row.identified_name),
            "has_code": row.code_encrypted is not None}


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
