"""The requester's answer to "do you want a written decision?" (Openness Act 621/1999 §14(3)).

After an official's answer that withholds documents, the requester says on the status page
whether the matter goes to the authority for a written decision. Yes: the request returns to
the queue, marked, due two weeks from the request for a decision (§14(4); OKV/1099/10/2023),
and a decision maker sends the written decision with appeal instructions. No: the case
stays closed with that on record. No answer in ``PORTAL_OPENNESS_ANSWER_DAYS``: the daily
``deadlines remind`` closes it with that on record. The rules are :mod:`portal.law.openness`.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import audit
from ..deadlines import receipt_date
from ..law import openness
from ..law.decisions import state_after
from . import service
from .models import DataRequest, RequestEvent
from .service import NotOpen

YES, NO = "yes", "no"


def written_answer_by(request: DataRequest, settings) -> date | None:
    """The last day to answer the open question, for the status page; None when none is open."""
    if request.openness_step != openness.ASKED or request.openness_asked_on is None:
        return None
    return openness.answer_by(request.openness_asked_on, settings.openness_answer_days)


def answer(request: DataRequest, choice: str, *, now: datetime, days: int) -> None:
    """Record the requester's choice; raises :class:`NotOpen` unless the question is open and
    its ``days`` have not run out (the daily job may not have closed it yet)."""
    if (request.openness_step != openness.ASKED or choice not in (YES, NO)
            or openness.unanswered(request.openness_step, request.openness_asked_on,
                                   receipt_date(now), days)):
        raise NotOpen()
    if choice == YES:
        request.state, request.outcome = "received", None
        request.openness_step = openness.REQUESTED
        request.events.append(RequestEvent(kind="written_requested", created_at=now))
        # The written decision has its own time, from this request (621/1999 §14(4)).
        service.refresh_due(request)
    else:
        # The official's answer stands: a refusal now reads as refused (Openness Act §14(3)).
        request.state, request.openness_step = state_after(request.outcome), openness.DECLINED
        request.events.append(RequestEvent(kind="written_declined", created_at=now))


def close_unanswered(session: Session, *, today: date, days: int, now: datetime) -> int:
    """Close each case whose requester left the question unanswered for ``days``."""
    closed = 0
    asked = session.scalars(select(DataRequest).where(
        DataRequest.openness_step == openness.ASKED)).all()
    for request in asked:
        if openness.unanswered(request.openness_step, request.openness_asked_on, today, days):
            request.state = state_after(request.outcome)
            request.openness_step = openness.UNANSWERED
            request.events.append(RequestEvent(kind="written_unanswered",
                                               created_at=now))
            session.flush()
            audit.record(session, "request.written_unanswered",
                         target=f"request:{request.id}", controller_id=request.controller_id,
                         after={"asked_on": request.openness_asked_on.isoformat(),
                                "days": days})
            closed += 1
    return closed
