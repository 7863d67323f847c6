"""The daily digest to DPOs and handlers: what is overdue, what is due soon, what to extend;
and the reminder to a requester who has not answered a question.

A person gets at most one digest a day (``ReminderLog``), so a cron job run twice, or on two
servers, sends nothing twice; and nothing at all when there is nothing to say. A request that
waits for an answer which pauses the clock is not overdue (its due date moves when the answer
comes), so the digest lists it apart, as waiting. A requester is reminded once per question,
``PORTAL_QUESTION_REMINDER_DAYS`` after it was sent (the ``info_reminded`` event).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import Date, ForeignKey, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from ..db import Base
from ..deadlines import receipt_date
from ..dsr.models import OPEN_STATES, DataRequest, RequestEvent
from ..dsr.pauses import reminder_due
from ..dsr.rights import LAW_TITLES
from ..dsr.service import clock_paused, open_question
from ..mail.compose import absolute_link, queue_mail
from .actions import mail_requester
from .models import StaffUser

SOON = timedelta(days=7)
RECIPIENT_ROLES = ("dpo", "handler")


class ReminderLog(Base):
    __tablename__ = "reminder_log"

    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id", ondelete="CASCADE"),
                                          primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)


@dataclass
class Digest:
    overdue: list = field(default_factory=list)
    due_soon: list = field(default_factory=list)
    #: Not extended yet, and the last day to notify an extension is within a week.
    extend_soon: list = field(default_factory=list)
    #: Waiting for an answer that pauses the time limit: not overdue, listed for follow-up.
    waiting: list = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.overdue or self.due_soon or self.extend_soon or self.waiting)


def digest_for(session: Session, staff: StaffUser, today: date) -> Digest:
    digest = Digest()
    requests = session.scalars(
        select(DataRequest).where(DataRequest.controller_id.in_(staff.controller_ids),
                                  DataRequest.state.in_(OPEN_STATES),
                                  DataRequest.due_on <= today + SOON)
        .order_by(DataRequest.due_on, DataRequest.id))
    for request in requests:
        if clock_paused(request):
            digest.waiting.append(request)
        elif request.due_on < today:
            digest.overdue.append(request)
        else:
            digest.due_soon.append(request)
            if request.extension_notified_on is None:
                digest.extend_soon.append(request)
    return digest


def send_reminders(session: Session, today: date) -> int:
    """Queue today's digests; return how many were queued."""
    sent = 0
    staff = session.scalars(select(StaffUser).where(StaffUser.active.is_(True),
                                                    StaffUser.role.in_(RECIPIENT_ROLES)))
    for person in staff:
        if session.get(ReminderLog, (person.id, today)) is not None:
            continue
        digest = digest_for(session, person, today)
        if not digest:
            continue
        queue_mail(session, recipient=person.email, lang=person.locale,
                   subject=_l("Data protection requests to handle"), template="staff_digest",
                   context={"digest": digest, "today": today, "laws": LAW_TITLES,
                            "link": lambda r: absolute_link(
                       "backoffice.request_detail", request_id=r.id)})
        session.add(ReminderLog(staff_id=person.id, day=today))
        sent += 1
    return sent


def _already_reminded(request: DataRequest) -> bool:
    """Whether the requester was reminded since the latest question."""
    for event in reversed(request.events):
        if event.kind == "info_requested":
            return False
        if event.kind == "info_reminded":
            return True
    return False


def remind_requesters(session: Session, now: datetime, *, after_days: int) -> int:
    """Remind each requester once of a question left unanswered ``after_days``; return how
    many were reminded."""
    today, reminded = receipt_date(now), 0
    waiting = session.scalars(select(DataRequest).where(DataRequest.state == "info_requested")
                              .order_by(DataRequest.id))
    for request in waiting:
        question = open_question(request)
        if (question is None or _already_reminded(request)
                or not reminder_due(question, today, after_days=after_days)):
            continue
        request.events.append(RequestEvent(kind="info_reminded", created_at=now))
        mail_requester(session, request, "dsr_info_reminder",
                       _l("Reminder: your request %(reference)s waits for your answer",
                          reference=request.reference), asked=question.asked,
                       paused=clock_paused(request))
        reminded += 1
    return reminded
