"""Preparing and sending a decision: the letter, its files, the mail and the record, in one commit.

A handler prepares a decision; it is stored with its files and shown on the request's page for
review (what will be sent, as the exact PDF) before anyone sends it (WCAG 3.3.4, error
prevention). A refusal or partial decision is sent only by a decision maker, and the audit trail
names both who prepared and who sent it (APA 434/2003 §44). The rules are
:mod:`portal.law.decisions`; this module applies them to a stored request.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Session

from .. import audit
from ..deadlines import receipt_date
from ..dsr import workflow
from ..dsr.models import DataRequest, DecisionFile, RequestEvent, ResponseDocument
from ..dsr.outcomes import OUTCOME_SENTENCES
from ..dsr.rights import right_of
from ..dsr.service import deadline_of
from ..identity import service as identity
from ..identity.collection import FOR_COLLECTION
from ..law import decisions as rules
from ..law import openness, steps
from ..law.decisions import Decision
from ..law.fees import charged
from ..law.identification import check_delivery
from ..law.remedies import check_court_named
from ..mail.compose import Attachment
from .actions import Conflict, mail_requester, snapshot
from .extracts import Extract, read_extract
from .letters import render_decision
from .mail_limit import check_files
from .models import StaffUser
from .remedy_texts import remedy_of


class NoPreparedDecision(workflow.WorkflowError):
    """There is no prepared decision to send or discard."""


def prepared(request: DataRequest) -> Decision | None:
    return Decision.from_dict(request.prepared_decision) if request.prepared_decision else None


def files_of(request: DataRequest) -> tuple[Extract, ...]:
    """The prepared decision's files, read again (tables for the letter)."""
    return tuple(read_extract(f.filename, f.data) for f in request.decision_files)


def _check_version(request: DataRequest, version: int) -> None:
    if version != request.version:
        raise Conflict()


def prepare(session: Session, request: DataRequest, staff: StaffUser, decision: Decision, *,
            files: tuple[Extract, ...], diary_number: str, version: int,
            now: datetime, recipients: list[str] = (), identification: bool = False) -> None:
    """Store ``decision`` for review; new files replace the earlier ones, none keeps them.

    ``recipients``: the register's recipients; a granted rectification, erasure or restriction
    answers for each of them (Art. 19). Without ``identification`` (no secure collection) a
    requester with an e-mail address gets the files by mail, so files no mail carries are
    refused now, not when the decision is sent (:mod:`.mail_limit`).
    """
    _check_version(request, version)
    workflow.next_state("prepare_decision", request.state)
    rules.check_decision(request.right_code, decision, law=request.law)
    granted = decision.outcome in (rules.GRANTED, rules.PARTLY)
    steps.check_records(request.right_code, granted, decision)
    if granted:
        steps.check_recipients(request.right_code, list(recipients),
                               steps.recipient_records(decision.notified), today=receipt_date(now))
    if files and request.email and not identification:
        check_files(files)
    if files:
        request.decision_files = [DecisionFile(filename=f.filename, mimetype=f.mimetype,
                                               data=f.data) for f in files]
    request.prepared_decision = decision.as_dict()
    request.prepared_by = staff.id
    request.diary_number = diary_number.strip()[:64]
    request.events.append(RequestEvent(kind="decision_prepared", created_at=now, public=False,
                                       codes=[decision.outcome, *decision.grounds]))
    session.flush()
    audit.record(session, "request.prepare_decision", actor_id=staff.id,
                 target=f"request:{request.id}", controller_id=request.controller_id,
                 after={"outcome": decision.outcome, "grounds": list(decision.grounds),
                        "files": [f.filename for f in request.decision_files]})


def discard(session: Session, request: DataRequest, staff: StaffUser, *, version: int) -> None:
    _check_version(request, version)
    workflow.next_state("discard_decision", request.state)
    decision = prepared(request)
    if decision is None:
        raise NoPreparedDecision()
    request.prepared_decision, request.prepared_by = None, None
    request.decision_files = []
    session.flush()
    audit.record(session, "request.discard_decision", actor_id=staff.id,
                 target=f"request:{request.id}", controller_id=request.controller_id,
                 before={"outcome": decision.outcome, "grounds": list(decision.grounds)})


def letter_pdf(session: Session, request: DataRequest, signer: StaffUser, now,
               delivery: str = "attach") -> bytes:
    """The prepared decision's letter as it would be sent by ``signer`` (also the preview)."""
    decision = prepared(request)
    if decision is None:
        raise NoPreparedDecision()
    preparer = session.get(StaffUser, request.prepared_by) if request.prepared_by else signer
    return render_decision(request, decision, files=files_of(request), preparer=preparer,
                           signer=signer, now=now, official=officials_answer(request, decision),
                           delivery=delivery)


def officials_answer(request: DataRequest, decision: Decision) -> bool:
    """Whether sending ``decision`` is an official's answer that withholds documents, which
    asks the requester whether they want a written decision (Openness Act §14(3))."""
    return request.law == "openness" and openness.official_answer(
        decision.outcome in rules.ADVERSE, request.openness_step)


def send(session: Session, request: DataRequest, staff: StaffUser, *, version: int,
         late_confirmed: bool, now: datetime, identification: bool,
         delivery: str = "attach") -> None:
    """Send the prepared decision: letter and files archived and mailed, the request closed.

    ``identification``: strong identification is configured, so the registers' identity
    levels apply (legal rules §8). ``delivery``: ``attach`` puts the files in the mail,
    ``collect`` leaves them on the status page for the identified requester (issue 14).
    """
    _check_version(request, version)
    decision = prepared(request)
    if decision is None:
        raise NoPreparedDecision()
    new_state = workflow.next_state("send_decision", request.state, outcome=decision.outcome)
    late = rules.is_late(receipt_date(now), deadline_of(request).due)
    identity_level, required_level = identity.levels(session, request, enabled=identification)
    official = officials_answer(request, decision)
    # An official's answer is not yet the authority's decision: any handler may send it.
    rules.check_sending(decision.outcome, decision_maker=staff.decision_maker or official,
                        late=late, late_confirmed=late_confirmed, right=right_of(request).code,
                        identity_level=identity_level, required_level=required_level,
                        represented=request.authority is not None,
                        authority_verified=request.authority_verified_at is not None,
                        fee=charged(decision.outcome, request.fee_cents))
    check_delivery(delivery, identification=identification)
    if decision.outcome in rules.ADVERSE and not official:
        check_court_named(remedy_of(request.controller), request.law)
    before = snapshot(request)
    pdf = letter_pdf(session, request, staff, now, delivery)
    files = [Attachment(f"{request.reference}-decision.pdf", "application/pdf", pdf)]
    files += [Attachment(f.filename, f.mimetype, f.data) for f in request.decision_files]
    collect = delivery == "collect"
    if request.email and not collect:  # a letter to post carries its files on paper
        check_files(files)
    for file in files:
        request.documents.append(ResponseDocument(
            filename=file.filename, mimetype=file.mimetype, data=file.data,
            sha256=hashlib.sha256(file.data).hexdigest()))
    # An official's answer is not the authority's decision (Openness Act §14(3)): its own event,
    # and the request reads "answered" until the written decision or the question's lapse.
    kind = openness.OFFICIALS_ANSWER if official else decision.outcome
    request.events.append(RequestEvent(kind=kind, created_at=now, public=True,
                                       text=decision.reasons.strip(),
                                       codes=list(decision.grounds) + secrecy_codes(decision)))
    if decision.notified:
        request.events.append(RequestEvent(
            kind="recipients_notified", created_at=now, public=False,
            text="\n".join(f"{r.recipient}: {r.notified_on or r.impossible_because}"
                           for r in steps.recipient_records(decision.notified))))
    prepared_by = request.prepared_by
    request.state, request.outcome, request.decided_late = (
        "completed" if official else new_state, decision.outcome, late)
    request.prepared_decision, request.prepared_by = None, None
    request.decision_files = []
    if collect:
        request.events.append(RequestEvent(kind=FOR_COLLECTION, created_at=now, public=False))
    if official:
        _ask_written_decision(session, request, now, files=() if collect else files,
                              collect=collect)
    else:
        if request.openness_step == openness.REQUESTED:  # the written decision (§14(3))
            request.openness_step = openness.DECIDED
        mail_requester(session, request, "dsr_decision_collect" if collect else "dsr_decision",
                       _l("Decision on your request %(reference)s",
                          reference=request.reference),
                       attachments=() if collect else files, lasting_link=collect,
                       outcome=OUTCOME_SENTENCES[decision.outcome],
                       adverse=(decision.outcome in rules.ADVERSE
                                or charged(decision.outcome, request.fee_cents)))
    session.flush()
    audit.record(session, "request.decide", actor_id=staff.id, target=f"request:{request.id}",
                 controller_id=request.controller_id, before=before,
                 after={**snapshot(request), "outcome": decision.outcome,
                        "grounds": list(decision.grounds), "prepared_by": prepared_by,
                        "late": late, "files": [f.filename for f in files],
                        "delivery": delivery, "officials_answer": official})


def secrecy_codes(decision: Decision) -> list[str]:
    """The points of §24(1) or §11(2) of a document decision as event codes
    (``dsr.outcomes``)."""
    points = {openness.parse_point(p.get("point")) for p in decision.secret_parts} - {None}
    return [f"secrecy_{point}" for point in openness.ALL_POINTS if point in points]


def _ask_written_decision(session: Session, request: DataRequest, now: datetime, *, files,
                          collect: bool) -> None:
    """Openness Act §14(3): the official's answer, with the question whether the requester
    wants the matter taken to the authority for a written decision (status page)."""
    request.openness_step, request.openness_asked_on = openness.ASKED, receipt_date(now)
    request.events.append(RequestEvent(kind="written_asked", created_at=now,
                                       public=True))
    days = current_app.config["PORTAL"].openness_answer_days
    mail_requester(session, request, "documents_answer",
                   _l("Answer to your document request %(reference)s",
                      reference=request.reference),
                   attachments=files, attached=bool(files), lasting_link=collect,
                   outcome=OUTCOME_SENTENCES[request.outcome],
                   answer_by=openness.answer_by(request.openness_asked_on, days))
