"""The queue, its CSV export and a request's page, limited to the staff member's controllers."""

from __future__ import annotations

from datetime import date

from flask import Response, abort, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from .. import csvsafe
from ..audit import AuditEntry
from ..db import get_session, utcnow
from ..deadlines import HELSINKI
from ..dsr import workflow
from ..dsr.models import DataRequest
from ..dsr.outcomes import GROUND_LABELS, OUTCOME_TITLES
from ..dsr.rights import LAW_TITLES, RIGHTS, right_of
from ..dsr.service import deadline_of, register_titles
from ..i18n import current_locale, translated
from ..law import decisions as rules
from ..law import steps as step_rules
from ..law.grounds import grounds_for
from ..mail.models import OutboxMail
from ..notices.languages import recipient_name
from ..notices.service import latest_published, published_index
from . import accounts, bp, postal, queue, steps
from .access_facts import FACT_TITLES, access_facts
from .decisions import prepared
from .document_decisions import document_context
from .letter_texts import opening_for
from .models import StaffUser


def _today() -> date:
    return utcnow().astimezone(HELSINKI).date()


def _filter() -> queue.QueueFilter:
    args = request.args
    return queue.QueueFilter(
        state=args.get("state", "")[:20], right=args.get("right", "")[:20],
        register=args.get("register", "")[:64], overdue=args.get("overdue") == "1",
        due_soon=args.get("due_soon") == "1", search=args.get("q", "")[:100],
        assignee=args.get("assignee", "")[:12], law=args.get("law", "")[:12],
        to_post=args.get("to_post") == "1")


def _cursor() -> tuple[date, int] | None:
    day, _, ident = request.args.get("after", "").partition(".")
    try:
        return date.fromisoformat(day), int(ident)
    except ValueError:
        return None


@bp.get("/")
@bp.get("/requests")
def requests():
    session, today, f = get_session(), _today(), _filter()
    rows, next_cursor = queue.page(session, current_user.controller_ids, f, today, _cursor(),
                                   viewer_id=current_user.id)
    lang = current_locale()
    registers = [(v.register.slug, translated(v.content["title"], lang))
                 for v in published_index(session, "", lang)
                 if v.register.controller_id in current_user.controller_ids]
    return render_template(
        "backoffice/queue.html", rows=rows, f=f, today=today, rights=RIGHTS,
        right_of=right_of, laws=LAW_TITLES,
        registers=registers, counts=queue.counts(session, current_user.controller_ids),
        next_url=url_for("backoffice.requests", **{
            **request.args.to_dict(), "after": f"{next_cursor[0].isoformat()}.{next_cursor[1]}"
        }) if next_cursor else None,
        days_left=queue.days_left,
        to_post=postal.waiting(session, [row.id for row in rows]),
        waiting_letters=postal.waiting_count(session, current_user.controller_ids))


@bp.get("/requests.csv")
def requests_csv():
    session, today = get_session(), _today()
    header = [_("Reference"), _("Status"), _("Request"), _("Received"), _("Due date"),
              _("Name"), _("E-mail address"), _("Language"), _("Law")]
    rows = ((row.reference, row.state, row.right_code,
             row.received_at.astimezone(HELSINKI).strftime("%Y-%m-%d %H:%M"),
             row.due_on, row.name, row.email, row.locale, str(LAW_TITLES[row.law]))
            for row in queue.all_rows(session, current_user.controller_ids, _filter(), today,
                                      current_user.id))
    return Response("\ufeff" + csvsafe.write([header, *rows]), mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="requests-{today.isoformat()}.csv"'})


def visible_request(request_id: int) -> DataRequest:
    """The request if it belongs to one of the staff member's controllers; otherwise 404."""
    found = get_session().scalar(
        select(DataRequest).where(DataRequest.id == request_id,
                                  DataRequest.controller_id.in_(current_user.controller_ids),
                                  DataRequest.state != "unconfirmed")
        .options(selectinload(DataRequest.events)))
    if found is None:
        abort(404)
    return found


def recipients_of(session, data_request: DataRequest) -> list[str]:
    """The recipients named in the chosen registers' notices (the Art. 19 checklist)."""
    names: list[str] = []
    for register in data_request.registers:
        for recipient in latest_published(session, register.slug).content["recipients"]:
            name = recipient_name(recipient, current_locale())
            if name not in names:
                names.append(name)
    return names


@bp.get("/requests/<int:request_id>")
def request_detail(request_id: int):
    return render_detail(visible_request(request_id))


def _recipient_values(recipients: list[str], records) -> dict:
    """The Art. 19 part of the form, filled from a prepared decision's records."""
    values = {}
    for number, name in enumerate(recipients, 1):
        for record in records:
            if record["recipient"] == name:
                values[f"recipient-{number}"] = ("notified" if record["notified_on"]
                                                 else "impossible")
                values[f"recipient-{number}-date"] = record["notified_on"] or ""
                values[f"recipient-{number}-reason"] = record["impossible_because"]
    return values


def _record_values(draft) -> dict:
    """The rectification or erasure record of a prepared decision, as the form's fields."""
    values = {"made_public": "1" if draft.made_public else "", "public_steps": draft.public_steps}
    for prefix, rows in (("corrected", draft.corrections), ("erased", draft.erased),
                         ("kept", draft.kept)):
        for number, row in enumerate(rows, 1):
            values.update({f"{prefix}-{number}-{key}": value for key, value in row.items()})
    return values


def decision_context(session, data_request: DataRequest, form) -> dict:
    """What the decision part of the page needs: the outcome chosen, the form's defaults, or
    the prepared decision to review."""
    right = data_request.right_code
    draft = prepared(data_request)
    editing = bool(form) or request.args.get("edit") == "1" or draft is None
    outcome = form.get("outcome") or request.args.get("outcome", "")
    if outcome not in rules.outcomes_for(right, data_request.law):
        outcome = ""
    recipients = recipients_of(session, data_request)
    values: dict = {"diary_number": data_request.diary_number, "grounds": []}
    if form:
        values.update({key: form.get(key, "") for key in form})
        values.update(grounds=form.getlist("grounds"))
    elif draft is not None and outcome == draft.outcome:
        values.update(text=draft.text, reasons=draft.reasons, withheld=draft.withheld,
                      grounds=list(draft.grounds),
                      **_recipient_values(recipients, draft.notified),
                      **_record_values(draft),
                      **{f"fact-{k}": v for k, v in draft.facts.items()},
                      **{f"other_act-{k}": v for k, v in draft.other_act.items()})
    elif outcome:
        values["text"] = opening_for(session, data_request, outcome)
        if right == "access" and outcome in (rules.GRANTED, rules.PARTLY):
            values.update({f"fact-{k}": v for k, v in
                           access_facts(session, data_request).items()})
    deadline = deadline_of(data_request)
    return {
        "draft": draft, "editing": editing, "outcome": outcome, "values": values,
        "outcomes": {o: OUTCOME_TITLES[o] for o in rules.outcomes_for(right, data_request.law)},
        "grounds": {code: GROUND_LABELS[code] for code in grounds_for(right, data_request.law)},
        **document_context(data_request, draft, form, outcome),
        "recipients": recipients,
        "kept_points": [(point, GROUND_LABELS[f"erasure_exception_{point}"])
                        for point in "abcde"],
        "fact_titles": FACT_TITLES, "adverse": rules.ADVERSE,
        "late": rules.is_late(_today(), deadline.due),
        "preparer": session.get(StaffUser, data_request.prepared_by)
        if data_request.prepared_by else None,
    }


#: Shown when optimistic locking refused a change (another handler saved first): nothing of
#: the form was saved, so the handler reloads and decides again.
STALE_REQUEST = _l("Someone else changed this request while you were working on it. Nothing you "
                   "sent was saved. Check the request below and try again.")


def render_detail(data_request: DataRequest, *, error: str = "", error_field: str = "",
                  code: int = 200, form=None):
    """The request's page: what was asked, the timeline, mail, and the actions that fit.

    ``error_field``: the id of the field the error concerns (the summary links to it).
    """
    session = get_session()
    mails = session.scalars(select(OutboxMail).where(
        OutboxMail.request_id == data_request.id).order_by(OutboxMail.id)).all()
    extended = data_request.extension_notified_on is not None
    return render_template(
        "backoffice/request.html", data_request=data_request, mails=mails,
        right=right_of(data_request), deadline=deadline_of(data_request),
        register_titles=register_titles(session, data_request, current_locale()),
        today=_today(), days_left=queue.days_left, error=error, error_field=error_field,
        form=form or {},
        actions=workflow.available(data_request.state, extended=extended,
                                   closed=any(e.kind == "closed" for e in data_request.events)),
        colleagues=accounts.colleagues(session, data_request.controller_id),
        earlier=queue.earlier_requests(session, data_request), rights=RIGHTS,
        letters=postal.letters_of(session, data_request),
        article_19=data_request.right_code in step_rules.ARTICLE_19_RIGHTS,
        restriction=steps.restriction_of(data_request),
        restrictable=data_request.right_code in step_rules.RESTRICTABLE,
        transmittable=data_request.right_code == "portability" and data_request.outcome in
        (rules.GRANTED, rules.PARTLY) and bool(steps.data_files(data_request)),
        **decision_context(session, data_request, form or {}),
        entries=session.scalars(select(AuditEntry).where(
            AuditEntry.target == f"request:{data_request.id}").order_by(AuditEntry.id)).all()), code
