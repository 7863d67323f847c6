"""Carrying out a right's own steps on a stored request: record, mail and audit in one commit.

Restriction of processing (GDPR Art. 18) is set from a day, on a restriction or rectification
request or while an objection is assessed (Art. 18(1)(d), one click); the requester is told by
mail when it starts and, before it is lifted, that it will be (Art. 18(3)); only then can it be
lifted. A granted portability answer can be sent directly to another controller at the address
the requester gave (Art. 20(2)). The rules are :mod:`portal.law.steps`; mails go through the
outbox in the same transaction, so the record and the mail are never apart.
"""

from __future__ import annotations

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Session

from .. import audit
from ..deadlines import receipt_date
from ..dsr import workflow
from ..dsr.models import DataRequest, RequestEvent
from ..law import steps as rules
from ..law.citations import cite
from ..mail.compose import Attachment, queue_mail
from .actions import Conflict, mail_requester
from .mail_limit import check_files
from .models import StaffUser

#: What a portability answer transmits: the machine-readable files, not the decision letter.
DATA_TYPES = frozenset({"text/csv", "application/json"})


def restriction_of(request: DataRequest) -> rules.Restriction | None:
    if request.restricted_since is None:
        return None
    return rules.Restriction(request.restricted_since, request.restriction_told_on,
                             request.restriction_lifted_on)


def _store(request: DataRequest, restriction: rules.Restriction) -> None:
    request.restricted_since = restriction.since
    request.restriction_told_on = restriction.told_on
    request.restriction_lifted_on = restriction.lifted_on


def _record(session: Session, request: DataRequest, staff: StaffUser, action: str,
            event: RequestEvent) -> None:
    request.events.append(event)
    session.flush()
    audit.record(session, f"request.{action}", actor_id=staff.id,
                 target=f"request:{request.id}", controller_id=request.controller_id,
                 after={"restricted_since": str(request.restricted_since),
                        "told_on": str(request.restriction_told_on),
                        "lifted_on": str(request.restriction_lifted_on)})


def _check(request: DataRequest, version: int) -> None:
    if version != request.version:
        raise Conflict()


def restrict(session: Session, request: DataRequest, staff: StaffUser, *, version: int,
             now: datetime) -> None:
    """Restrict the processing from today while the request is open; the requester is told."""
    _check(request, version)
    if request.state not in workflow.OPEN:
        raise workflow.NotAllowed("restrict")
    today = receipt_date(now)
    _store(request, rules.restrict(request.right_code, restriction_of(request), today))
    provision = rules.provision_for(request.right_code)
    mail_requester(session, request, "dsr_restricted",
                   _l("The processing of your data is restricted (%(reference)s)",
                      reference=request.reference),
                   since=today, citation=cite(provision, request.locale))
    _record(session, request, staff, "restrict",
            RequestEvent(kind="restricted", created_at=now, public=True))


def announce_lifting(session: Session, request: DataRequest, staff: StaffUser, *, text: str,
                     version: int, now: datetime) -> None:
    """Tell the requester that the restriction will be lifted, and why (Art. 18(3))."""
    _check(request, version)
    if not text.strip() or len(text) > workflow.MAX_TEXT:
        raise workflow.TextRequired("announce_lifting")
    _store(request, rules.announce_lifting(restriction_of(request), receipt_date(now)))
    mail_requester(session, request, "dsr_restriction_lifting",
                   _l("The restriction of your data will be lifted (%(reference)s)",
                      reference=request.reference), reasons=text.strip())
    _record(session, request, staff, "announce_lifting",
            RequestEvent(kind="restriction_lifting_told", created_at=now, public=True,
                         text=text.strip()))


def lift(session: Session, request: DataRequest, staff: StaffUser, *, version: int,
         now: datetime) -> None:
    """Lift the restriction; refused unless the requester was told first."""
    _check(request, version)
    _store(request, rules.lift(restriction_of(request), receipt_date(now)))
    _record(session, request, staff, "lift_restriction",
            RequestEvent(kind="restriction_lifted", created_at=now, public=True))


def data_files(request: DataRequest) -> list:
    return [d for d in request.documents if d.mimetype in DATA_TYPES]


def transmit(session: Session, request: DataRequest, staff: StaffUser, *, address: str,
             version: int, now: datetime) -> None:
    """Send the answer's machine-readable files to the controller the requester named."""
    _check(request, version)
    files = data_files(request)
    rules.check_transmission(request.right_code, request.outcome, len(files))
    check_files(files)  # a refused mail would be recorded as transmitted (portal.mail.size)
    queue_mail(session, recipient=address, lang=request.locale, request_id=request.id,
               subject=_l("Personal data transmitted at the data subject's request (%(reference)s)",
                          reference=request.reference),
               template="dsr_transmission", context={"request": request},
               attachments=[Attachment(f.filename, f.mimetype, f.data) for f in files])
    request.events.append(RequestEvent(kind="transmitted", created_at=now, public=True,
                                       text=address))
    session.flush()
    audit.record(session, "request.transmit", actor_id=staff.id,
                 target=f"request:{request.id}", controller_id=request.controller_id,
                 after={"files": {f.filename: f.sha256 for f in files}})
