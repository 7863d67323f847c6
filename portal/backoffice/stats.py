"""The controller's accountability record (GDPR Art. 5(2)): requests per month and right.

``summarise`` is a plain function over anonymous facts, so purged requests can leave a fact
without personal data behind (``PurgedRequestFact``) and the statistics stay whole.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from ..db import Base
from ..deadlines import receipt_date
from ..dsr.models import DataRequest, RequestEvent
from ..dsr.workflow import DECIDED_EVENTS


class PurgedRequestFact(Base):
    """What statistics need of a request that retention has deleted: no personal data."""

    __tablename__ = "purged_request_facts"

    id: Mapped[int] = mapped_column(primary_key=True)
    controller_id: Mapped[int] = mapped_column(ForeignKey("controllers.id"), index=True)
    right_code: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16))
    received_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date)
    extended: Mapped[bool] = mapped_column(Boolean, default=False)
    #: The decision was sent after the due date (GDPR Art. 12(3)).
    decided_late: Mapped[bool] = mapped_column(Boolean, default=False)
    days: Mapped[int | None] = mapped_column(Integer)


@dataclass(frozen=True)
class Fact:
    right: str
    state: str
    received_on: date
    closed_on: date | None
    due_on: date | None
    extended: bool
    late: bool = False


@dataclass(frozen=True)
class Row:
    month: str
    right: str
    received: int
    completed: int
    refused: int
    extended: int
    on_time: int
    closed: int
    median_days: float | None
    #: Decisions sent after the due date (the sender confirmed it for adverse ones).
    late: int = 0
    #: Transferred to the competent authority (APA 434/2003 §21): closed without an answer
    #: here, so neither on time nor late and not in the median.
    transferred: int = 0

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.closed if self.closed else None


def closing_day(request: DataRequest) -> date | None:
    for event in reversed(request.events):
        if event.kind in DECIDED_EVENTS:
            return receipt_date(event.created_at)
    return None


def right_counted(law: str, right_code: str) -> str:
    """Document requests are counted on their own row, so each law's on-time share shows
    (legal rules §9); a purged one keeps ``documents`` as its right."""
    return "documents" if law == "openness" else right_code


def fact_of(request: DataRequest) -> Fact:
    return Fact(right_counted(request.law, request.right_code), request.state,
                receipt_date(request.received_at), closing_day(request), request.due_on,
                request.extension_notified_on is not None, request.decided_late)


def summarise(facts: list[Fact]) -> list[Row]:
    """Per month of receipt and right: counts, share answered on time, median days."""
    groups: dict[tuple[str, str], list[Fact]] = {}
    for fact in facts:
        groups.setdefault((fact.received_on.strftime("%Y-%m"), fact.right), []).append(fact)
    rows = []
    for (month, right), group in sorted(groups.items()):
        closed = [f for f in group if f.closed_on is not None]
        days = [(f.closed_on - f.received_on).days for f in closed]
        rows.append(Row(
            month, right, len(group), sum(f.state == "completed" for f in group),
            sum(f.state == "refused" for f in group), sum(f.extended for f in group),
            sum(f.due_on is not None and f.closed_on <= f.due_on for f in closed), len(closed),
            statistics.median(days) if days else None, sum(f.late for f in group),
            sum(f.state == "transferred" for f in group)))
    return rows


#: When a request was answered or refused: its latest such event.
_closed_at = (select(func.max(RequestEvent.created_at))
              .where(RequestEvent.request_id == DataRequest.id,
                     RequestEvent.kind.in_(DECIDED_EVENTS))
              .correlate(DataRequest).scalar_subquery())


def facts(session: Session, controller_ids: set[int]) -> list[Fact]:
    """The facts of every request, read as a few columns (no personal data, no events)."""
    live = session.execute(
        select(DataRequest.law, DataRequest.right_code, DataRequest.state,
               DataRequest.received_at, _closed_at, DataRequest.due_on,
               DataRequest.extension_notified_on, DataRequest.decided_late)
        .where(DataRequest.controller_id.in_(controller_ids),
               DataRequest.state != "unconfirmed"))
    purged = session.scalars(select(PurgedRequestFact).where(
        PurgedRequestFact.controller_id.in_(controller_ids)))
    return [Fact(right_counted(law, right), state, receipt_date(received),
                 receipt_date(closed) if closed else None, due, notified is not None, late)
            for law, right, state, received, closed, due, notified, late in live] + [
        Fact(p.right_code, p.state, p.received_on, p.closed_on, p.due_on, p.extended,
             p.decided_late)
        for p in purged]


def remember(session: Session, request: DataRequest, now: datetime) -> None:
    """Keep the anonymous fact of a request about to be deleted."""
    fact = fact_of(request)
    session.add(PurgedRequestFact(
        controller_id=request.controller_id, right_code=fact.right, state=fact.state,
        received_on=fact.received_on, closed_on=fact.closed_on, due_on=fact.due_on,
        extended=fact.extended, decided_late=fact.late,
        days=(fact.closed_on - fact.received_on).days if fact.closed_on else None))
