"""The DPO's queue: requests of the staff member's controllers, what is due first on top.

Keyset pagination on (due date, id) keeps every page as fast as the first, however many
requests there are; an index on (controller, state, due date, id) serves it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Select, false, func, or_, select, tuple_, union_all
from sqlalchemy.orm import Session, selectinload

from ..dsr.models import OPEN_STATES, STATES, DataRequest, request_registers
from ..notices.models import Register
from .postal import waiting_requests

PAGE_SIZE = 50
SOON_DAYS = 7


@dataclass(frozen=True)
class QueueFilter:
    #: A state, ``""`` for the open ones, or ``"all"`` for every confirmed request.
    state: str = ""
    right: str = ""
    register: str = ""
    overdue: bool = False
    due_soon: bool = False
    search: str = ""
    #: A staff id, ``"me"`` for the viewer's own, ``"none"`` for unassigned, ``""`` for all.
    assignee: str = ""
    #: ``gdpr`` or ``openness`` (legal rules §9); ``""`` for both.
    law: str = ""
    #: Only requests with a letter waiting to be posted (:mod:`.postal`), open or closed: a
    #: decision letter waits after the case has closed.
    to_post: bool = False

    def states(self) -> tuple[str, ...]:
        if self.state == "all" or (self.to_post and not self.state):
            return tuple(s for s in STATES if s != "unconfirmed")
        if self.state in STATES and self.state != "unconfirmed":
            return (self.state,)
        return OPEN_STATES


def _filtered(controller_ids: set[int], f: QueueFilter, today: date,
              viewer_id: int | None = None, states: tuple[str, ...] | None = None,
              columns=(DataRequest,)) -> Select:
    query = select(*columns).where(DataRequest.controller_id.in_(controller_ids),
                                   DataRequest.state.in_(states or f.states()))
    if f.right:
        query = query.where(DataRequest.right_code == f.right)
    if f.law:
        query = query.where(DataRequest.law == f.law)
    if f.register:
        query = query.where(DataRequest.id.in_(
            select(request_registers.c.request_id).join(Register)
            .where(Register.slug == f.register)))
    if f.assignee == "none":
        query = query.where(DataRequest.assignee_id.is_(None))
    elif f.assignee == "me" or f.assignee.isdigit():
        query = query.where(DataRequest.assignee_id ==
                            (viewer_id if f.assignee == "me" else int(f.assignee)))
    if f.to_post:
        query = query.where(DataRequest.id.in_(waiting_requests()))
    if f.overdue:
        query = query.where(DataRequest.due_on < today)
    if f.due_soon:
        query = query.where(DataRequest.due_on.between(today, today + timedelta(days=SOON_DAYS)))
    if f.search:
        text = f.search.strip()
        query = query.where(or_(DataRequest.reference.ilike(f"%{text}%"),
                                func.lower(DataRequest.email) == text.lower()))
    return query


def page_query(controller_ids: set[int], f: QueueFilter, today: date,
               after: tuple[date, int] | None = None, size: int = PAGE_SIZE,
               viewer_id: int | None = None) -> Select:
    """The SQL of one page (``size`` + 1 rows, to know whether another page follows).

    One branch per controller and state reads the queue index in due-date order and stops
    after a page; the branches are merged. So a page costs the same with a thousand requests
    or a million (docs/benchmarks.md), where one query over all of them would sort them all.
    """
    order = (DataRequest.due_on, DataRequest.id)
    branches = []
    for controller_id in sorted(controller_ids):
        for state in f.states():
            branch = _filtered({controller_id}, f, today, viewer_id, (state,), order)
            if after is not None:
                branch = branch.where(tuple_(*order) > tuple_(*after))
            branches.append(branch.order_by(*order).limit(size + 1).subquery())
    if not branches:
        return select(DataRequest).where(false())
    merged = union_all(*(select(b.c.id, b.c.due_on) for b in branches)).subquery()
    ids = select(merged.c.id).order_by(merged.c.due_on, merged.c.id).limit(size + 1)
    return select(DataRequest).where(DataRequest.id.in_(ids)).order_by(*order)


def page(session: Session, controller_ids: set[int], f: QueueFilter, today: date,
         after: tuple[date, int] | None = None, size: int | None = None,
         viewer_id: int | None = None) -> tuple[list[DataRequest], tuple[date, int] | None]:
    """One page in due-date order, and the cursor of the next page (None on the last)."""
    size = size or PAGE_SIZE
    query = page_query(controller_ids, f, today, after, size, viewer_id)
    rows = list(session.scalars(query.options(
        selectinload(DataRequest.registers), selectinload(DataRequest.controller))))
    more = len(rows) > size
    rows = rows[:size]
    return rows, ((rows[-1].due_on, rows[-1].id) if more and rows else None)


def all_rows(session: Session, controller_ids: set[int], f: QueueFilter, today: date,
             viewer_id: int | None = None):
    """Every matching request in queue order, streamed (for the CSV export)."""
    query = _filtered(controller_ids, f, today, viewer_id).order_by(DataRequest.due_on,
                                                                    DataRequest.id)
    return session.scalars(query.execution_options(yield_per=500))


def counts(session: Session, controller_ids: set[int]) -> dict[str, int]:
    return dict(session.execute(
        select(DataRequest.state, func.count())
        .where(DataRequest.controller_id.in_(controller_ids))
        .group_by(DataRequest.state)).all())


def days_left(due: date | None, today: date) -> int | None:
    return None if due is None else (due - today).days


def earlier_requests(session: Session, request: DataRequest) -> list[DataRequest]:
    """The same person's requests to this controller received before this one, newest first,
    so that a handler sees a repeated request (GDPR Art. 12(5), 15(3)). The same person: the
    same e-mail address (case-insensitive), or without one the same name and postal address."""
    if request.email:
        same = func.lower(DataRequest.email) == request.email.lower()
    else:
        same = (DataRequest.name == request.name) & (DataRequest.email == "") & (
            DataRequest.postal_address == request.postal_address)
    return list(session.scalars(
        select(DataRequest).where(DataRequest.controller_id == request.controller_id,
                                  DataRequest.id != request.id,
                                  DataRequest.received_at <= request.received_at,
                                  DataRequest.state != "unconfirmed", same)
        .order_by(DataRequest.received_at.desc(), DataRequest.id.desc()).limit(20)))
