"""Deciding a request: prepare (with files), review as the exact PDF, send or discard.

The views read the form and call :mod:`portal.backoffice.decisions`; every refusal of the rules
comes back as the request's page with a summary that links to the field concerned.
"""

from __future__ import annotations

from datetime import date

from flask import Response, current_app, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from ..db import get_session, utcnow
from ..dsr import workflow
from ..extensions import limiter
from ..law import decisions as rules
from ..law import grounds as ground_rules
from ..law import openness, steps
from ..law.identification import CollectionUnavailable
from ..law.remedies import CourtNotNamed
from ..mail.size import MailTooLarge
from ..uploads import staff_upload
from . import actions, bp, decisions, mail_limit
from .action_views import ERRORS as ACTION_ERRORS
from .document_decisions import document_fields
from .extracts import MAX_CELLS_IN_ALL, MAX_FILES, BadExtract, cells, read_extract
from .queue_views import STALE_REQUEST, recipients_of, render_detail, visible_request

#: Each refusal of the rules: the message, and the id of the field it concerns.
ERRORS = {
    rules.OutcomeNotForRight: (_l("Choose an outcome that fits this request."), "outcome"),
    rules.LetterTextRequired: (_l("Write the text of the letter (at most 20,000 characters in "
                                  "each part)."), "decision-text"),
    rules.GroundRequired: (_l("Choose at least one ground for the decision."), "grounds"),
    ground_rules.GroundNotForRight: (_l("A ground you chose does not apply to this request."),
                                     "grounds"),
    ground_rules.OtherActCitationRequired: (_l("Write the provision of the other Act in "
                                               "Finnish, Swedish and English."), "other-act-fi"),
    rules.ReasonsRequired: (_l("Write the reasons: the facts the decision rests on."),
                            "decision-reasons"),
    rules.WithheldRequired: (_l("Write what is withheld and why."), "decision-withheld"),
    rules.NotDecisionMaker: (_l("Only a decision maker can send a refusal or a partial "
                                "decision. Ask a decision maker to review and send it."),
                             "send-decision"),
    rules.LateNotConfirmed: (_l("The due date has passed. Confirm that you are sending the "
                                "decision late."), "late-confirmed"),
    CourtNotNamed: (_l("The appeal instructions would name no administrative court. Enter the "
                       "court that hears appeals against decisions on document requests on the "
                       "organisation's settings page (Decisions and remedies) first."),
                    "send-decision"),
    decisions.NoPreparedDecision: (_l("There is no prepared decision to send."), "decide"),
    steps.RecipientRecordIncomplete: (_l("Recipients: for each recipient, give the day they "
                                         "were told of the change, or why telling them is "
                                         "impossible or disproportionate (GDPR Art. 19)."),
                                      "recipients"),
    steps.ItemRequired: (_l("Record: write what was corrected or erased and in which system "
                            "(at most 2,000 characters each)."), "records"),
    steps.KeptWithoutGround: (_l("Record: for data that was kept, choose the point of GDPR "
                                 "Article 17(3) and write why it is kept."), "records"),
    steps.PublicStepsRequired: (_l("The data was made public: write what was done to tell "
                                   "the others who process it (GDPR Art. 17(2))."),
                                "public-steps"),
    CollectionUnavailable: (_l("Secure collection needs strong electronic identification, "
                               "which is not set up. Attach the answer to the mail."),
                            "delivery-attach"),
    rules.IdentityTooWeak: (_l("This register discloses or erases data only after strong "
                               "electronic identification, and the requester has not identified "
                               "strongly. Ask the requester to identify before sending."),
                            "identification"),
    openness.BasisRequired: (_l("Choose whether the documents are given under anyone's right "
                                "of access, a party's right or a person's right to the "
                                "information about themselves."), "basis-public"),
    openness.SecretPartRequired: (_l("For each part that is withheld, describe it and choose "
                                     "its secrecy ground."), "secret-1-what"),
    rules.AuthorityNotVerified: (_l("The request was made for someone else, and the "
                                    "representative's authority has not been verified. Check "
                                    "it and record that you did before sending anything but a "
                                    "refusal."), "authority-note"),
}


def _text(name: str) -> str:
    return request.form.get(name, "").replace("\r\n", "\n").strip()


def _decision(data_request) -> rules.Decision:
    form, right = request.form, data_request.right_code
    outcome = form.get("outcome", "")
    grounds = tuple(dict.fromkeys(form.getlist("grounds")))
    documents = data_request.law == "openness"
    facts = ({key: _text(f"fact-{key}") for key in rules.ACCESS_FACTS}
             if right == "access" and not documents
             and outcome in (rules.GRANTED, rules.PARTLY) else {})
    known = recipients_of(get_session(), data_request)
    return rules.Decision(
        outcome=outcome, text=_text("text"), grounds=grounds, reasons=_text("reasons"),
        withheld=_text("withheld") if outcome == rules.PARTLY else "",
        other_act=({lang: _text(f"other_act-{lang}") for lang in ("fi", "sv", "en")}
                   if ground_rules.OTHER_ACT in grounds else {}),
        facts=facts, notified=_recipients(known) if right in steps.ARTICLE_19_RIGHTS and
        outcome in (rules.GRANTED, rules.PARTLY) else (),
        **(_records(right) if outcome in (rules.GRANTED, rules.PARTLY) else {}),
        **(document_fields(request.form, outcome) if documents else {}))


#: Rows offered for each kind of record (the form works without JavaScript).
RECORD_ROWS = 3


def _rows(prefix: str, keys: tuple[str, ...]) -> tuple[dict, ...]:
    rows = ({key: _text(f"{prefix}-{n}-{key}") for key in keys}
            for n in range(1, RECORD_ROWS + 1))
    return tuple(row for row in rows if any(row[k] for k in keys if k != "point"))


def _records(right: str) -> dict:
    """Rectification: what was corrected where; erasure: what was erased or kept, and why."""
    if right == "rectification":
        return {"corrections": _rows("corrected", ("what", "system"))}
    if right == "erasure":
        return {"erased": _rows("erased", ("what", "system")),
                "kept": _rows("kept", ("what", "point", "why")),
                "made_public": request.form.get("made_public") == "1",
                "public_steps": _text("public_steps")}
    return {}


def _recipients(known: list[str]) -> tuple[dict, ...]:
    """Art. 19, per recipient: notified on a date, or why that is impossible."""
    records = []
    for number, name in enumerate(known, 1):
        answer, day = request.form.get(f"recipient-{number}", ""), None
        if answer == "notified":
            try:
                day = date.fromisoformat(request.form.get(f"recipient-{number}-date", ""))
            except ValueError:
                day = None
        records.append({"recipient": name, "notified_on": day and day.isoformat(),
                        "impossible_because": _text(f"recipient-{number}-reason")
                        if answer == "impossible" else ""})
    return tuple(records)


def _files() -> tuple:
    files = [f for f in request.files.getlist("files") if f.filename][:MAX_FILES + 1]
    if len(files) > MAX_FILES:
        raise BadExtract("", _("at most %(num)d files", num=MAX_FILES))
    extracts = tuple(read_extract(f.filename, f.read()) for f in files)
    if sum(cells(e.columns, e.rows) for e in extracts) > MAX_CELLS_IN_ALL:
        raise BadExtract("", _("more than %(num)d cells in all", num=MAX_CELLS_IN_ALL))
    return extracts


def _version() -> int:
    value = request.form.get("version", "")
    return int(value) if value.isdigit() else 0


def _refused(request_id: int, exc: Exception):
    get_session().rollback()
    data_request = visible_request(request_id)
    if isinstance(exc, (actions.Conflict, StaleDataError)):
        return render_detail(data_request, error=str(STALE_REQUEST), code=409)
    if isinstance(exc, BadExtract):
        return render_detail(data_request, error=f"{exc.filename}: {exc.reason}",
                             error_field="decision-files", code=400, form=request.form)
    if isinstance(exc, MailTooLarge):
        collection = current_app.config["PORTAL"].identification_enabled
        field = ("decision-files" if request.endpoint == "backoffice.prepare_decision" else
                 "delivery-collect" if collection else "prepared-files")
        return render_detail(data_request, code=400, form=request.form, error_field=field,
                             error=mail_limit.decision_refused(exc, collection=collection))
    for kind, (message, field) in ERRORS.items():
        if isinstance(exc, kind):
            return render_detail(data_request, error=str(message), error_field=field,
                                 code=400, form=request.form)
    message = next(text for kind, text in ACTION_ERRORS.items() if isinstance(exc, kind))
    return render_detail(data_request, error=str(message), code=400, form=request.form)


HANDLED = (actions.Conflict, StaleDataError, BadExtract, workflow.WorkflowError,
           rules.DecisionError, ground_rules.GroundError, steps.StepError,
           CollectionUnavailable, openness.OpennessDecisionError, CourtNotNamed, MailTooLarge)


def _done(request_id: int, message: str):
    flash(message)
    return redirect(url_for("backoffice.request_detail", request_id=request_id) + "#decide")


def _run(request_id: int, operation, done: str):
    """Run ``operation(session, data_request)`` on a visible request and commit; a refusal of
    the rules rolls back and shows the page with its message (nothing is half-saved)."""
    data_request, session = visible_request(request_id), get_session()
    try:
        operation(session, data_request)
        session.commit()
    except HANDLED as exc:
        return _refused(request_id, exc)
    return _done(request_id, done)


@bp.post("/requests/<int:request_id>/decision")
@staff_upload
@limiter.limit("20 per minute", key_func=lambda: f"staff:{current_user.id}")
def prepare_decision(request_id: int):
    return _run(request_id, lambda session, data_request: decisions.prepare(
        session, data_request, current_user, _decision(data_request), files=_files(),
        diary_number=_text("diary_number"), version=_version(), now=utcnow(),
        recipients=recipients_of(session, data_request),
        identification=current_app.config["PORTAL"].identification_enabled),
        _("The decision was saved. Review it below before it is sent."))


@bp.post("/requests/<int:request_id>/decision/send")
def send_decision(request_id: int):
    return _run(request_id, lambda session, data_request: decisions.send(
        session, data_request, current_user, version=_version(),
        late_confirmed=request.form.get("late_confirmed") == "1", now=utcnow(),
        identification=current_app.config["PORTAL"].identification_enabled,
        delivery=request.form.get("delivery", "attach")), _("The decision was sent."))


@bp.post("/requests/<int:request_id>/decision/discard")
def discard_decision(request_id: int):
    return _run(request_id, lambda session, data_request: decisions.discard(
        session, data_request, current_user, version=_version()),
        _("The prepared decision was discarded."))


@bp.get("/requests/<int:request_id>/decision.pdf")
@limiter.limit("20 per minute", key_func=lambda: f"staff:{current_user.id}")
def decision_preview(request_id: int):
    """The prepared decision exactly as it would be sent now by this staff member."""
    data_request = visible_request(request_id)
    try:
        pdf = decisions.letter_pdf(get_session(), data_request, current_user, utcnow())
    except decisions.NoPreparedDecision:
        return render_detail(data_request, error=_("There is no prepared decision to send."),
                             error_field="decide", code=404)
    return Response(pdf, mimetype="application/pdf", headers={
        "Content-Disposition": f'inline; filename="{data_request.reference}-preview.pdf"',
        "Cache-Control": "no-store"})
