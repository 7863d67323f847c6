"""A request entered by staff: in the queue at once, its clock started at the real receipt.

A request that came by letter, e-mail, phone or at a service desk needs no e-mail confirmation:
the staff member has the request in hand. It gets its reference and due date from the receipt
time written on the form (legal rules §1.1), and its scans are kept with it. With an e-mail
address the requester gets the usual acknowledgement and status link; without one, staff print
the acknowledgement (the same receipt PDF) and post it (Act 13/2003 §12).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import audit, deadlines
from ..dsr import notify
from ..dsr.models import DataRequest, RequestAttachment, RequestEvent
from ..dsr.service import (
    MixedControllers,
    NotAnAuthority,
    new_status_link,
    next_reference,
    refresh_due,
)
from ..dsr.tokens import hash_token
from ..notices.joint import NoCommonController, entered_controller
from ..notices.models import Controller, Register
from ..notices.service import latest_content
from .models import StaffUser


@dataclass(frozen=True)
class Entry:
    channel: str
    received_at: datetime
    right: str
    register_slugs: tuple[str, ...]
    name: str
    email: str
    postal_address: str
    phone: str
    locale: str
    details: str
    diary_number: str
    #: (filename, mimetype, data) of each scan.
    attachments: tuple[tuple[str, str, bytes], ...] = ()
    #: Made for someone else: their name and the authority (the proof is among the scans).
    represented_name: str = ""
    authority: str | None = None
    #: ``openness`` for a document request to the public authority ``authority_slug``.
    law: str = "gdpr"
    authority_slug: str = ""


def _controller_for(session: Session, registers: list[Register], staff: StaffUser) -> Controller:
    """The staff member's organisation that keeps or jointly controls every register chosen,
    routed as the public form routes a request (``notices.joint.entered_controller``)."""
    if not registers:
        raise MixedControllers()
    contents = [latest_content(session, register.slug) for register in registers]
    try:
        slug = entered_controller(contents, (c.slug for c in staff.controllers))
    except NoCommonController:
        raise MixedControllers() from None
    return session.scalar(select(Controller).where(Controller.slug == slug))


def _controller(session: Session, entry: Entry, staff: StaffUser):
    """(controller, registers): the organisation the chosen registers route to, or for a
    document request the staff member's own public authority (621/1999 §4)."""
    if entry.law == "openness":
        controller = session.scalar(select(Controller).where(
            Controller.slug == entry.authority_slug, Controller.public_authority,
            Controller.id.in_(staff.controller_ids)))
        if controller is None:
            raise NotAnAuthority(entry.authority_slug)
        return controller, []
    registers = list(session.scalars(select(Register).where(
        Register.slug.in_(entry.register_slugs))))
    return _controller_for(session, registers, staff), registers


def enter(session: Session, entry: Entry, staff: StaffUser, *, now: datetime) -> DataRequest:
    """Store the request as received, acknowledge it by e-mail if possible, audit it."""
    controller, registers = _controller(session, entry, staff)
    request = DataRequest(
        law=entry.law, controller=controller, registers=registers, right_code=entry.right,
        channel=entry.channel,
        name=entry.name, email=entry.email, postal_address=entry.postal_address,
        phone=entry.phone, details=entry.details, locale=entry.locale,
        diary_number=entry.diary_number, received_at=entry.received_at, confirmed_at=now,
        represented_name=entry.represented_name, authority=entry.authority,
        confirm_expires_at=now, state="received",
        submission_key=hash_token(secrets.token_urlsafe(24)),
        reference=next_reference(session, controller,
                                 deadlines.receipt_date(entry.received_at).year),
        attachments=[RequestAttachment(filename=name[:200], mimetype=mimetype, data=data)
                     for name, mimetype, data in entry.attachments],
        events=[RequestEvent(kind="submitted", created_at=entry.received_at),
                RequestEvent(kind="entered", created_at=now, public=False,
                             codes=[entry.channel])])
    session.add(request)
    refresh_due(request)
    session.flush()
    if entry.email:
        notify.acknowledgement(session, request, new_status_link(request))
    audit.record(session, "request.entered", actor_id=staff.id, target=f"request:{request.id}",
                 controller_id=controller.id, before=None,
                 after={"channel": entry.channel, "due_on": str(request.due_on),
                        "law": entry.law})
    return request
