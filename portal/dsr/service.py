"""Request operations on an explicit session; the caller commits once. Named errors only."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .. import deadlines, openness_deadlines
from ..i18n import translated
from ..notices.joint import NoCommonController, request_controller
from ..notices.models import Controller, Register
from ..notices.service import latest_content, latest_published
from . import pauses as pauses_rules
from . import workflow
from .models import (
    OPEN_STATES,
    DataRequest,
    ReferenceCounter,
    RequestAttachment,
    RequestEvent,
    StatusLink,
)
from .tokens import hash_token, matches, new_token


class RequestError(Exception):
    """Base of the errors a requester can be told about."""


class MixedControllers(RequestError):
    """The chosen registers belong to more than one organisation."""


class UnknownRegister(RequestError):
    """A register slug that no published notice has."""


class NotAnAuthority(RequestError):
    """A document request to an organisation that is not a public authority (621/1999 §4)."""


class LinkInvalid(RequestError):
    """A confirmation or status link that is wrong, already used or expired."""


class NotOpen(RequestError):
    """The request is closed (or not waiting for an answer), so this cannot be done."""


@dataclass(frozen=True)
class Submission:
    right: str
    register_slugs: tuple[str, ...]
    name: str
    email: str
    phone: str
    details: str
    locale: str
    #: The form's one-time key (a random value in a hidden field).
    submission_key: str
    #: Made for someone else: their name, the authority, and the document showing it
    #: ((filename, mimetype, data)).
    represented_name: str = ""
    authority: str | None = None
    proof: tuple[tuple[str, str, bytes], ...] = ()
    #: ``openness`` for a document request to the authority ``authority_slug`` (legal rules §9).
    law: str = "gdpr"
    authority_slug: str = ""
    #: Tell me who the recipients are (GDPR Art. 19).
    wants_recipients: bool = False
    #: The joint controller the requester chose (``notices.joint``); empty for the default.
    controller_slug: str = ""


def _controller_for(session: Session, registers: list[Register], operator_register: str,
                    chosen: str = "") -> Controller:
    """The chosen registers' organisation; with none chosen, the portal's operator decides.

    A register held jointly goes to the joint controller the requester chose, or else to the
    contact point of the arrangement (GDPR Art. 26(1) and (3); ``notices.joint``).
    """
    if registers:
        contents = [latest_content(session, register.slug) for register in registers]
        try:
            slug = request_controller(contents, chosen)
        except NoCommonController:
            raise MixedControllers() from None
        return session.scalar(select(Controller).where(Controller.slug == slug))
    operator = session.scalar(select(Register).where(Register.slug == operator_register))
    if operator is None:
        raise UnknownRegister(operator_register)
    return operator.controller


def _authority(session: Session, slug: str) -> Controller:
    controller = session.scalar(select(Controller).where(Controller.slug == slug))
    if controller is None or not controller.public_authority:
        raise NotAnAuthority(slug)
    return controller


def submit(session: Session, submission: Submission, *, now: datetime, valid_for: timedelta,
           operator_register: str) -> tuple[DataRequest, str | None]:
    """Store an unconfirmed request; return it and its confirmation token.

    The same form sent twice returns the first request and no token (no second mail).
    """
    key = hash_token(submission.submission_key)
    existing = session.scalar(select(DataRequest).where(DataRequest.submission_key == key))
    if existing is not None:
        return existing, None
    registers = list(session.scalars(
        select(Register).where(Register.slug.in_(submission.register_slugs))))
    if len(registers) != len(set(submission.register_slugs)):
        raise UnknownRegister(", ".join(submission.register_slugs))
    if submission.law == "openness":
        controller = _authority(session, submission.authority_slug)
    else:
        controller = _controller_for(session, registers, operator_register,
                                     submission.controller_slug)
    token, token_hash = new_token()
    request = DataRequest(
        law=submission.law,
        controller=controller, registers=registers, right_code=submission.right,
        name=submission.name, email=submission.email, phone=submission.phone,
        details=submission.details, locale=submission.locale, received_at=now,
        wants_recipients=submission.wants_recipients,
        confirm_token_hash=token_hash, confirm_expires_at=now + valid_for, submission_key=key,
        events=[RequestEvent(kind="submitted", created_at=now)],
        represented_name=submission.represented_name, authority=submission.authority,
        attachments=[RequestAttachment(filename=name, mimetype=mimetype, data=data)
                     for name, mimetype, data in submission.proof],
    )
    session.add(request)
    session.flush()
    return request, token


def unconfirmed_by_token(session: Session, token: str, *, now: datetime) -> DataRequest:
    request = session.scalar(
        select(DataRequest).where(DataRequest.confirm_token_hash == hash_token(token)))
    if (request is None or request.state != "unconfirmed" or request.confirm_expires_at < now
            or not matches(token, request.confirm_token_hash)):
        raise LinkInvalid()
    return request


def next_reference(session: Session, controller: Controller, year: int) -> str:
    """``SLUG-YEAR-NNNN``, numbered per controller and year under a row lock."""
    counter = session.scalar(
        select(ReferenceCounter)
        .where(ReferenceCounter.controller_id == controller.id, ReferenceCounter.year == year)
        .with_for_update()
    )
    if counter is None:
        counter = ReferenceCounter(controller_id=controller.id, year=year, last=0)
        session.add(counter)
    counter.last += 1
    return f"{controller.slug.upper()}-{year}-{counter.last:04d}"


def confirm(session: Session, request: DataRequest, *, now: datetime) -> str:
    """Put a confirmed request in the queue; return the token of its status page.

    The clock already runs from submission (legal rules §1.1); confirmation only gives the
    request its reference and opens the status page.
    """
    year = deadlines.receipt_date(request.received_at).year
    request.state = "received"
    request.confirmed_at = now
    request.confirm_token_hash = None
    status_token = new_status_link(request)
    request.reference = next_reference(session, request.controller, year)
    request.events.append(RequestEvent(kind="confirmed", created_at=now))
    refresh_due(request)
    session.flush()
    return status_token


def new_status_link(request: DataRequest, *, lasting: bool = False) -> str:
    """A fresh secret link to the status page (for a mail); earlier links keep working.

    A ``lasting`` link leads to an answer left for collection: it works as long as the case
    is kept (retention), not only for the grace period after closing."""
    token, token_hash = new_token()
    request.links.append(StatusLink(token_hash=token_hash, lasting=lasting))
    return token


def reissue_status_link(request: DataRequest) -> str:
    """Revoke every link to the request's status page and make one new one (for a mail).

    The new link lasts like the old ones did: long while an answer waits for collection."""
    lasting = any(link.lasting for link in request.links)
    request.links.clear()
    return new_status_link(request, lasting=lasting)


def by_status_token(session: Session, token: str, *, now: datetime,
                    valid_after_closing: timedelta) -> DataRequest:
    """The request behind a status link; the link ends ``valid_after_closing`` after the
    request was closed (``PORTAL_STATUS_LINK_DAYS``), so an old mail opens nothing forever."""
    link = session.scalar(select(StatusLink).where(StatusLink.token_hash == hash_token(token)))
    if link is None or not matches(token, link.token_hash):
        raise LinkInvalid()
    request = session.get(DataRequest, link.request_id)
    closed_at = closed_on(request)
    if closed_at is not None and closed_at + valid_after_closing < now and not link.lasting:
        raise LinkInvalid()
    return request


def closed_on(request: DataRequest) -> datetime | None:
    """When the request was closed (its latest closing event), or None while it is open."""
    if request.state in OPEN_STATES or request.state == "unconfirmed":
        return None
    # A decision's event is named after its outcome (granted, no_data...), not the state.
    closing = [e.created_at for e in request.events
               if e.kind in (request.state, request.outcome)]
    return max(closing) if closing else None


def withdraw(request: DataRequest, *, now: datetime) -> None:
    if request.state not in OPEN_STATES:
        raise NotOpen()
    request.state = "withdrawn"
    request.events.append(RequestEvent(kind="withdrawn", created_at=now))


def undo_withdrawal(request: DataRequest, *, now: datetime) -> None:
    """The requester takes back a withdrawal the staff have not closed (workflow rule)."""
    kinds = [event.kind for event in request.events]
    if not workflow.withdrawal_undoable(request.state, kinds):
        raise NotOpen()
    request.state = workflow.state_before_withdrawal(kinds)
    request.events.append(RequestEvent(kind="withdrawal_undone", created_at=now))
    refresh_due(request)


def answer_question(request: DataRequest, text: str, *, now: datetime) -> None:
    """The requester's answer ends the pause of Art. 12(6) and the clock runs again."""
    if request.state != "info_requested":
        raise NotOpen()
    asked = [event for event in request.events if event.kind == "info_requested"]
    request.state = "received"
    # Only a question recorded with the identity reason (older ones have no reason).
    if asked and asked[-1].codes == [pauses_rules.IDENTITY]:
        # What proves identity is for staff only, never on the status page (legal rules §8).
        request.events.append(RequestEvent(kind="info_answered", created_at=now))
        request.events.append(RequestEvent(kind="identity_proof", created_at=now, text=text,
                                           public=False))
    else:
        request.events.append(RequestEvent(kind="info_answered", created_at=now, text=text))
    refresh_due(request)


def questions(request: DataRequest) -> list[pauses_rules.Question]:
    """The questions sent to the requester, from the history, in Helsinki dates.

    A question's reason is its event's code; questions from before reasons were recorded
    paused the clock, so they count as identity questions.
    """
    result: list[pauses_rules.Question] = []
    for event in request.events:
        if event.kind == "info_requested":
            reason = event.codes[0] if event.codes else pauses_rules.IDENTITY
            result.append(pauses_rules.Question(deadlines.receipt_date(event.created_at), reason))
        elif event.kind == "info_answered" and result and result[-1].answered is None:
            result[-1] = replace(result[-1], answered=deadlines.receipt_date(event.created_at))
    return result


def pauses(request: DataRequest) -> list[tuple]:
    """(question date, answer date) pairs that suspend the time limit (``dsr.pauses``)."""
    return pauses_rules.counted_pauses(request.received_at, questions(request),
                                       extension_notified_on=request.extension_notified_on)


def open_question(request: DataRequest) -> pauses_rules.Question | None:
    """The question the requester has not answered yet, if the request waits for one."""
    asked = questions(request)
    if request.state != "info_requested" or not asked or asked[-1].answered is not None:
        return None
    return asked[-1]


def clock_paused(request: DataRequest) -> bool:
    """Whether the request waits for an answer that will suspend the time limit."""
    question = open_question(request)
    if request.law == "openness":  # only a specification restarts the time (621/1999 §14(4))
        return question is not None and question.reason == pauses_rules.CLARIFY
    return question is not None and pauses_rules.pauses_the_clock(
        request.received_at, pauses(request), question,
        extension_notified_on=request.extension_notified_on)


def specified_on(request: DataRequest):
    """The Helsinki date the requester last answered a request to specify (621/1999 §14(4))."""
    answered = [q.answered for q in questions(request)
                if q.reason == pauses_rules.CLARIFY and q.answered is not None]
    return max(answered) if answered else None


def decision_requested_on(request: DataRequest):
    """The Helsinki date the requester last asked for a written decision (621/1999 §14(3)):
    the time for that decision runs from it (:mod:`portal.openness_deadlines`, rule 6)."""
    asked = [event.created_at for event in request.events if event.kind == "written_requested"]
    return deadlines.receipt_date(max(asked)) if asked else None


def deadline_of(request: DataRequest) -> deadlines.Deadline:
    if request.law == "openness":
        return openness_deadlines.compute(
            request.received_at, specified_on=specified_on(request),
            extended=request.extension_notified_on is not None,
            extension_notified_on=request.extension_notified_on,
            decision_requested_on=decision_requested_on(request))
    return deadlines.compute(
        request.received_at, pauses=pauses(request),
        extended=request.extension_notified_on is not None,
        extension_notified_on=request.extension_notified_on,
    )


def register_titles(session: Session, request: DataRequest, lang: str) -> list[str]:
    """The chosen registers' current titles in ``lang``."""
    return [translated(latest_published(session, register.slug).content["title"], lang)
            for register in request.registers]


def refresh_due(request: DataRequest) -> None:
    """Store the current due date; call after every change to receipt, pauses or extension."""
    request.due_on = deadline_of(request).due


def purge_unconfirmed(session: Session, *, before: datetime, dry_run: bool = False) -> int:
    """Delete requests never confirmed whose link expired before ``before``."""
    stale = select(DataRequest.id).where(DataRequest.state == "unconfirmed",
                                         DataRequest.confirm_expires_at < before)
    ids = list(session.scalars(stale))
    if ids and not dry_run:
        session.execute(delete(DataRequest).where(DataRequest.id.in_(ids)))
    return len(ids)
