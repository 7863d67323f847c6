"""The daily digest to DPOs and handlers: what is overdue, what is due soon, what to extend.

A person gets at most one digest a day (``ReminderLog``), so a cron job run twice, or on two
servers, sends nothing twice; and nothing at all when there is nothing to say.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import Date, ForeignKey, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from ..db import Base
from ..dsr.models import OPEN_STATES, DataRequest
from ..mail.compose import absolute_link, queue_mail
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

    def __bool__(self) -> bool:
        return bool(self.overdue or self.due_soon or self.extend_soon)


def digest_for(session: Session, staff: StaffUser, today: date) -> Digest:
    digest = Digest()
    requests = session.scalars(
        select(DataRequest).where(DataRequest.controller_id.in_(staff.controller_ids),
                                  DataRequest.state.in_(OPEN_STATES),
                                  DataRequest.due_on <= today + SOON)
        .order_by(DataRequest.due_on, DataRequest.id))
    for request in requests:
        if request.due_on < today:
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
                   context={"digest": digest, "today": today, "link": lambda r: absolute_link(
                       "backoffice.request_detail", request_id=r.id)})
        session.add(ReminderLog(staff_id=person.id, day=today))
        sent += 1
    return sent
