"""Carrying out a workflow action: state, history, due date, mail and audit, in one commit.

The rules are in :mod:`portal.dsr.workflow`; this module applies them to a stored request.
Two handlers acting at once: the second one's form carries an older version and is refused
with :class:`Conflict`, so nothing is overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Session

from .. import audit
from ..deadlines import receipt_date
from ..dsr import workflow
from ..dsr.models import DataRequest, RequestEvent
from ..dsr.notify import PREFIX
from ..dsr.pauses import PROVISIONS
from ..dsr.rights import right_of
from ..dsr.service import clock_paused, deadline_of, new_status_link, refresh_due
from ..law.citations import cite, openness
from ..mail.compose import absolute_link, queue_mail
from . import postal
from .models import StaffUser


class Conflict(Exception):
    """Someone else changed the request after this handler opened it."""


@dataclass(frozen=True)
class ActionInput:
    action: str
    version: int
    text: str = ""
    assignee_id: int | None = None
    #: A question's reason (``dsr.pauses.REASONS``).
    reason: str = ""


def snapshot(request: DataRequest) -> dict:
    return {"state": request.state, "due_on": str(request.due_on),
            "extension_notified_on": str(request.extension_notified_on),
            "assignee_id": request.assignee_id}


def mail_requester(session: Session, request: DataRequest, template: str, subject,
                   **context) -> None:
    """Queue a mail to the requester in their language, with a fresh status link.

    A requester entered by staff with only a postal address gets the same text as a letter
    to post (:mod:`portal.backoffice.postal`): nothing is ever mailed to an empty address.
    """
    attachments = context.pop("attachments", ())
    token = context.pop("status_token", None) or new_status_link(
        request, lasting=context.pop("lasting_link", False))
    context = {"request": request, "right": right_of(request),
               "status_link": absolute_link("dsr.status", lang_code=request.locale,
                                            token=token),
               **context}
    if not request.email:
        postal.keep_letter(session, request, subject=subject, template=template,
                           context=context, attachments=attachments)
        return
    queue_mail(session, recipient=request.email, lang=request.locale, subject=subject,
               template=template, request_id=request.id, attachments=attachments,
               context=context)


#: What a question to a document requester rests on: identity and purpose of use (§13(2)), or
#: specifying the documents (§13(1)); only the latter moves the time limit (§14(4)).
OPENNESS_PROVISIONS = {"identity": openness(13, 2), "clarify": openness(13, 1)}


#: The actions of this module; decisions are :mod:`portal.backoffice.decisions`.
ACTIONS = frozenset({"confirm_identity", "ask_information", "extend", "withdraw", "close",
                     "assign", "note"})


def perform(session: Session, request: DataRequest, staff: StaffUser, data: ActionInput, *,
            now: datetime) -> None:
    """Apply ``data.action``; raises :class:`Conflict` or a :mod:`workflow` error."""
    if data.version != request.version:
        raise Conflict()
    before = snapshot(request)
    deadline = deadline_of(request)
    if data.action not in ACTIONS:
        raise workflow.NotAllowed(data.action)
    new_state = workflow.next_state(
        data.action, request.state, text=data.text, reason=data.reason,
        today=receipt_date(now), extension_notice_by=deadline.extension_notice_by,
        extended=request.extension_notified_on is not None,
        closed=any(event.kind == "closed" for event in request.events))
    event = RequestEvent(kind=data.action, created_at=now, text=data.text.strip(), public=True)
    if data.action == "ask_information":
        event.kind = "info_requested"
        event.codes = [data.reason]
    elif data.action == "extend":
        request.extension_notified_on = receipt_date(now)
        event.kind = "extended"
    elif data.action == "withdraw":
        event.kind = "withdrawn"
    elif data.action == "close":  # from now on the requester cannot undo the withdrawal
        event.kind = "closed"
    else:  # confirm_identity, assign, note: the staff's own record
        event.public = False
    if data.action == "assign":
        request.assignee_id = data.assignee_id
    request.events.append(event)
    request.state = new_state
    refresh_due(request)
    _send(session, request, data)
    session.flush()
    audit.record(session, f"request.{data.action}", actor_id=staff.id,
                 target=f"request:{request.id}", controller_id=request.controller_id,
                 before=before, after=snapshot(request))


def _send(session, request, data) -> None:
    """The requester is told of every step that concerns them, in their language."""
    if data.action == "ask_information":
        provisions = OPENNESS_PROVISIONS if request.law == "openness" else PROVISIONS
        mail_requester(session, request, "dsr_info_request",
                       _l("More information is needed for your request %(reference)s",
                          reference=request.reference), question=data.text.strip(),
                       citation=cite(provisions[data.reason], request.locale)
                       if data.reason in provisions else "",
                       paused=clock_paused(request))
    elif data.action == "extend":
        mail_requester(session, request, f"{PREFIX[request.law]}_extended",
                       _l("The time limit for your request %(reference)s has been extended",
                          reference=request.reference), reasons=data.text.strip(),
                       deadline=deadline_of(request))
