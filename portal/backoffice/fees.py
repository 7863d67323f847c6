"""Proposing a fee: the requester is told first, by mail and on the status page (Art. 12(5)).

The rules are :mod:`portal.law.fees`. The proposal is a public step of the case with its ground
and reasons; the requester can withdraw the request on the status page. A decision sent
afterwards charges the fee in its letter (``templates/pdf/decision.html``), unless it refuses.
"""

from __future__ import annotations

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Session

from .. import audit
from ..dsr.fee_words import FEE_GROUND_TITLES
from ..dsr.models import DataRequest, RequestEvent
from ..dsr.workflow import OPEN, NotAllowed
from ..law import fees as rules
from ..law.citations import cite
from .actions import mail_requester


def propose(session: Session, request: DataRequest, staff_id: int, *, ground: str,
            amount: str, reasons: str, now: datetime) -> None:
    """Record the proposal and tell the requester; raises a :class:`rules.FeeError`."""
    if request.state not in OPEN:
        raise NotAllowed("propose_fee")
    rules.check_fee(request.right_code, ground, reasons, proposed=request.fee_cents is not None,
                    law=request.law)
    cents = rules.parse_amount(amount)
    request.fee_ground, request.fee_cents, request.fee_reasons = ground, cents, reasons.strip()
    request.events.append(RequestEvent(kind="fee_proposed", created_at=now, public=True,
                                       text=reasons.strip(), codes=[ground]))
    mail_requester(session, request, "dsr_fee",
                   _l("A fee is proposed for your request %(reference)s",
                      reference=request.reference),
                   amount_cents=cents, ground=FEE_GROUND_TITLES[ground],
                   citation=cite(rules.FEE_GROUNDS[ground], request.locale),
                   reasons=reasons.strip())
    session.flush()
    audit.record(session, "request.propose_fee", actor_id=staff_id,
                 target=f"request:{request.id}", controller_id=request.controller_id,
                 after={"ground": ground, "cents": cents})
