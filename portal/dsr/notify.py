"""Mails to requesters, written to the outbox in the requester's language."""

from __future__ import annotations

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Session

from ..mail.compose import Attachment, absolute_link, queue_mail
from . import receipt
from .models import DataRequest
from .rights import right_of
from .service import deadline_of, register_titles

#: Mail templates per law: a document request is told its own law and time limit (legal rules §9).
PREFIX = {"gdpr": "dsr", "openness": "documents"}
CONFIRM_SUBJECTS = {"gdpr": _l("Confirm your data protection request"),
                    "openness": _l("Confirm your document request")}


def confirmation(session: Session, request: DataRequest, token: str) -> None:
    """The single-use link that puts the request in the queue (it is not handled before)."""
    days = (request.confirm_expires_at - request.received_at).days
    queue_mail(
        session, recipient=request.email, lang=request.locale,
        subject=CONFIRM_SUBJECTS[request.law], template=f"{PREFIX[request.law]}_confirm",
        context={"request": request, "link": absolute_link("dsr.confirm", lang_code=request.locale,
                                               token=token),
                 "days": days, "right": right_of(request)},
        request_id=request.id,
    )


def acknowledgement(session: Session, request: DataRequest, status_token: str) -> None:
    """Act 13/2003 §12: acknowledge receipt, naming the receipt time and the due date."""
    deadline = deadline_of(request)
    with force_locale(request.locale):
        pdf = receipt.render(request, deadline,
                             register_titles(session, request, request.locale))
    queue_mail(
        session, recipient=request.email, lang=request.locale,
        subject=_l("Your request %(reference)s has been received", reference=request.reference),
        template=f"{PREFIX[request.law]}_acknowledgement",
        context={"request": request, "deadline": deadline, "right": right_of(request),
                 "status_link": absolute_link("dsr.status", lang_code=request.locale,
                                              token=status_token)},
        attachments=[Attachment(f"{request.reference}.pdf", "application/pdf", pdf)],
        request_id=request.id,
    )
