"""Transferring a request to the competent authority (Administrative Procedure Act 434/2003
§21; for a document request also Openness Act 621/1999 §15(1); legal rules §9).

A request that belongs to another authority is not refused: this authority transfers the matter
and tells the requester where it went. The handler records the receiving authority (its name and
its e-mail address, and a postal address if useful), the reason and, by the transfer itself,
the date. In one transaction the case closes as "transferred" (its own state: it was neither
answered nor refused here, so statistics count it apart and never as late), the requester is
mailed in their language (or sent a letter to post, :mod:`.postal`), and the trail records it.

The portal itself sends the matter on: §21 says the authority *transfers* it, so telling the
requester to ask elsewhere would not do. The receiving authority's registry gets a mail, through
the same outbox, with what the request says and how to reach the requester. Scans and other
files handed in with the request (often proof of identity or of a representative's authority)
go with it only when the handler chooses: the receiving authority may not need them, and data
minimisation (GDPR Art. 5(1)(c)) says to send no more than the matter needs. Staff-only records
(notes, what a requester wrote to prove identity) never go with it.

The covering mail is in the requester's language when that is Finnish or Swedish (the matter
keeps the language it was started in, Language Act 423/2003 §10), otherwise in Finnish.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, Session, mapped_column

from .. import audit
from ..db import Base, UTCDateTime
from ..dsr.models import DataRequest, RequestEvent
from ..dsr.rights import right_of
from ..dsr.service import register_titles
from ..law.transfer import check_transferable
from ..mail.compose import Attachment, queue_mail
from .actions import Conflict, mail_requester, snapshot
from .mail_limit import check_files
from .models import StaffUser

#: Languages a Finnish authority handles a matter in; any other gets the Finnish mail.
AUTHORITY_LANGUAGES = ("fi", "sv")


class RequestTransfer(Base):
    """Where a request was transferred, by whom and why (one per request: it closes it)."""

    __tablename__ = "request_transfers"

    request_id: Mapped[int] = mapped_column(
        ForeignKey("data_requests.id", ondelete="CASCADE"), primary_key=True)
    authority_name: Mapped[str] = mapped_column(String(200))
    authority_email: Mapped[str] = mapped_column(String(254))
    authority_address: Mapped[str] = mapped_column(Text, default="", server_default="")
    reason: Mapped[str] = mapped_column(Text)
    transferred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    #: The request's scans and files went with the mail to the receiving authority.
    with_files: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


@dataclass(frozen=True)
class TransferInput:
    version: int
    authority_name: str
    authority_email: str
    reason: str
    authority_address: str = ""
    with_files: bool = False


def transfer_of(session: Session, request: DataRequest) -> RequestTransfer | None:
    return session.get(RequestTransfer, request.id)


def transfer(session: Session, request: DataRequest, staff: StaffUser, data: TransferInput, *,
             now: datetime) -> RequestTransfer:
    """Close ``request`` as transferred and mail both the requester and the receiving authority.

    Raises :class:`Conflict`, :class:`portal.law.transfer.NotTransferable` or, when the
    files would make the mail to the authority too large, :class:`portal.mail.size.MailTooLarge`.
    """
    if data.version != request.version:
        raise Conflict()
    check_transferable(request.state, legal_hold=request.legal_hold,
                       prepared=request.prepared_decision is not None)
    if data.with_files:
        check_files(request.attachments)
    before = snapshot(request)
    record = RequestTransfer(
        request_id=request.id, authority_name=data.authority_name.strip(),
        authority_email=data.authority_email.strip(),
        authority_address=data.authority_address.strip(), reason=data.reason.strip(),
        transferred_at=now, staff_id=staff.id, with_files=data.with_files)
    session.add(record)
    request.state = "transferred"
    request.events.append(RequestEvent(kind="transferred", created_at=now, text=record.reason))
    mail_requester(session, request, "dsr_transferred",
                   _l("Your request %(reference)s was transferred to another authority",
                      reference=request.reference), transfer=record)
    _forward(session, request, record)
    session.flush()
    audit.record(session, "request.transfer", actor_id=staff.id, target=f"request:{request.id}",
                 controller_id=request.controller_id, before=before,
                 after={**snapshot(request), "authority": record.authority_name,
                        "authority_email": record.authority_email,
                        "with_files": record.with_files})
    return record


def _forward(session: Session, request: DataRequest, record: RequestTransfer) -> None:
    """The matter itself, mailed to the receiving authority's registry."""
    lang = request.locale if request.locale in AUTHORITY_LANGUAGES else "fi"
    files = ([Attachment(f.filename, f.mimetype, f.data) for f in request.attachments]
             if record.with_files else [])
    queue_mail(session, recipient=record.authority_email, lang=lang,
               subject=_l("Transferred matter: %(reference)s", reference=request.reference),
               template="transfer_forward", request_id=request.id, attachments=files,
               context={"request": request, "transfer": record, "right": right_of(request),
                        "registers": register_titles(session, request, lang),
                        "files": [f.filename for f in files]})
