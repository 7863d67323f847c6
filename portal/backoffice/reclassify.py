"""Reclassifying a request between the GDPR and the Openness Act (legal rules §9).

"Send me the documents about me" may be an access request (GDPR Art. 15) or a document request
(621/1999 §9). The handler decides which law it falls under; the receipt date stays, the time
limit is counted again under the new law from that date, and the requester is told. An extension
given under one law does not carry over: the other law's clock starts without it.
"""

from __future__ import annotations

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Session

from .. import audit
from ..dsr.models import LAWS, OPEN_STATES, DataRequest, RequestEvent
from ..dsr.service import deadline_of, refresh_due
from .actions import Conflict, mail_requester, snapshot
from .models import StaffUser


class NotReclassifiable(Exception):
    """Only an open access request of a public authority can change its law."""


def can_reclassify(request: DataRequest) -> bool:
    """A document request asks for access to documents, so only access requests qualify, and only
    a public authority has documents under the Openness Act (§4)."""
    return (request.state in OPEN_STATES and request.right_code == "access"
            and request.controller.public_authority)


def reclassify(session: Session, request: DataRequest, staff: StaffUser, *, law: str,
               version: int, text: str, now: datetime) -> None:
    """Put ``request`` under ``law``; raises :class:`Conflict` or :class:`NotReclassifiable`."""
    if version != request.version:
        raise Conflict()
    if law not in LAWS or law == request.law or not can_reclassify(request):
        raise NotReclassifiable(law)
    before = {**snapshot(request), "law": request.law}
    request.law = law
    request.extension_notified_on = None
    request.events.append(RequestEvent(kind=f"reclassified_{law}", created_at=now,
                                       text=text.strip()))
    refresh_due(request)
    mail_requester(session, request, "dsr_reclassified",
                   _l("Your request %(reference)s is handled under another law",
                      reference=request.reference),
                   reasons=text.strip(), deadline=deadline_of(request))
    session.flush()
    audit.record(session, "request.reclassify", actor_id=staff.id,
                 target=f"request:{request.id}", controller_id=request.controller_id,
                 before=before, after={**snapshot(request), "law": request.law})
