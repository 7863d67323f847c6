"""Public request views: the form, the confirmation link and the requester's status page."""

from __future__ import annotations

from datetime import timedelta

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy.orm.exc import StaleDataError
from wtforms import SelectChoice

from ..db import get_session, utcnow
from ..extensions import limiter
from ..i18n import current_locale, translated
from ..identity.views import attach_browser_identification
from ..law.steps import consent_withdrawable
from ..notices import joint
from ..notices.service import NoticeNotFound, latest_content, published_index
from . import bp, notify, service, workflow
from .applicability import APPLIES, applicability
from .deadline_text import explain
from .document_views import offers_documents
from .fee_words import fee_text
from .forms import RequestForm
from .identity import ascii_domain
from .models import OPEN_STATES
from .rights import NOTES, RIGHTS, right_of
from .written_decision import written_answer_by

TOKEN_MAX = 100
MAX_ANSWER = 10_000


@bp.app_template_global("explain")
def explain_deadline(deadline) -> list[str]:
    """The deadline's steps as sentences in the current (or forced) language."""
    return explain(deadline, current_locale())


@bp.app_template_filter("ascii_domain")
def ascii_domain_filter(email: str) -> str | None:
    return ascii_domain(email)


def _register_groups(lang: str):
    """Listed registers grouped by organisation: [(organisation, [(slug, title)])], and the
    titles of those whose processing relies on consent (from which it can be withdrawn)."""
    groups: dict[str, list] = {}
    consent: dict[str, str] = {}
    for version in published_index(get_session(), "", lang):
        name = version.register.controller.name.get(lang, "")
        title = translated(version.content["title"], lang)
        groups.setdefault(name, []).append((version.register.slug, title))
        if consent_withdrawable(version.content["legal_bases"]):
            consent[version.register.slug] = title
    return list(groups.items()), consent


def invalid_link():
    """The 404 page of a wrong, used or expired secret link; it says no more than that."""
    return render_template(
        "errors/error.html", code=404, title=_("This link is not valid"),
        message=_("The link is wrong, it has already been used, or it has expired. "
                  "Check that you copied the whole address from the e-mail."),
    ), 404


def _private(response):
    """Pages behind a secret link are never cached or indexed."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Robots-Tag"] = "noindex"
    return response


@bp.route("/requests/new", methods=["GET", "POST"])
@limiter.limit("10 per hour;30 per day", methods=["POST"])
def new():
    lang = current_locale()
    groups, consent = _register_groups(lang)
    choices = [choice for _org, org_choices in groups for choice in org_choices]
    form = RequestForm(choices, consent_registers=set(consent))
    if request.method == "GET" and request.args.get("register") in dict(choices):
        form.registers.data = [request.args["register"]]
    chosen = form.registers.data or ()
    contact_point = _joint_choices(form, lang)
    if form.validate_on_submit():
        if form.website.data:  # the honeypot: answer as if all went well, keep nothing
            return redirect(url_for("dsr.sent"))
        settings = current_app.config["PORTAL"]
        submission = service.Submission(
            right=form.right.data, register_slugs=tuple(form.registers.data or ()),
            name=form.name.data.strip(), email=form.email.data,
            phone=(form.phone.data or "").strip(),
            details=(form.details.data or "").strip(), locale=lang,
            submission_key=form.submission.data, wants_recipients=form.wants_recipients.data,
            controller_slug=form.controller.data or "",
            **_representation(form),
        )
        session = get_session()
        try:
            data_request, token = service.submit(
                session, submission, now=utcnow(),
                valid_for=timedelta(days=settings.unconfirmed_days),
                operator_register=settings.privacy_register)
        except service.MixedControllers:
            form.registers.errors = [_("Choose registers of one organisation only. Make a "
                                       "separate request to each organisation.")]
        else:
            attach_browser_identification(session, data_request)
            if token is not None:
                notify.confirmation(session, data_request, token)
            session.commit()
            return redirect(url_for("dsr.sent"))
    status = 400 if request.method == "POST" else 200
    offered = {code: right for code, right in RIGHTS.items() if code != "consent" or (
        consent and (not chosen or form.right.data == code
                     or any(slug in consent for slug in chosen)))}
    return render_template("dsr/new.html", form=form, groups=groups, rights=offered,
                           consent_titles=list(consent.values()),
                           fee_texts=_fee_texts(lang),
                           hints=_register_hints(form.registers.data or (), lang),
                           offers_documents=offers_documents(request.args.get("register")),
                           contact_point=contact_point), status


def _fee_texts(lang: str) -> dict[str, str]:
    """Each organisation's sentence on fees, by its name as the form's groups show it."""
    controllers = {v.register.controller for v in published_index(get_session(), "", lang)}
    return {c.name.get(lang, ""): fee_text(c, lang) for c in controllers}


def _representation(form) -> dict:
    """Whose data a request made for someone else concerns, on what authority, with proof."""
    if not form.representing():
        return {}
    return {"represented_name": form.represented_name.data.strip(),
            "authority": form.authority.data, "proof": form.proof()}


def _joint_choices(form: RequestForm, lang: str) -> str:
    """Offer the joint controllers of the chosen registers (GDPR Art. 26(3)), the contact point
    chosen beforehand; return the contact point's name ("" when no register is held jointly)."""
    contents = []
    for slug in list(form.registers.data or ())[:10]:
        try:
            contents.append(latest_content(get_session(), slug))
        except NoticeNotFound:
            return ""
    offered = joint.choices(contents, lang)
    form.controller.choices = [SelectChoice(slug, name) for slug, name in offered]
    if not offered:
        form.controller.data = ""
        return ""
    contact = joint.request_controller(contents)
    if not form.controller.data:
        form.controller.data = contact
    return dict(offered).get(contact, "")


def _register_hints(slugs, lang: str) -> list[tuple[str, list]]:
    """For each chosen register, the rights that apply only in part or not at all."""
    hints = []
    for slug in list(slugs)[:10]:
        try:
            content = latest_content(get_session(), slug)
        except NoticeNotFound:
            continue
        notes = [NOTES[(code, status)] for code, status
                 in applicability(content["legal_bases"]).items() if status != APPLIES]
        if notes:
            hints.append((translated(content["title"], lang), notes))
    return hints


@bp.get("/requests/sent")
def sent():
    """The same answer whatever the address, so nobody learns who has filed requests."""
    return render_template("dsr/sent.html",
                           days=current_app.config["PORTAL"].unconfirmed_days)


@bp.route("/requests/confirm/<token>", methods=["GET", "POST"])
@limiter.limit("30 per hour", methods=["POST"])
def confirm(token: str):
    """GET shows what will be confirmed; only the button (POST) uses the single-use link.

    Mail scanners open links to check them; a GET must not spend the token.
    """
    session = get_session()
    try:
        if len(token) > TOKEN_MAX:
            raise service.LinkInvalid()
        data_request = service.unconfirmed_by_token(session, token, now=utcnow())
    except service.LinkInvalid:
        return invalid_link()
    if request.method == "GET":
        return _private(current_app.make_response(render_template(
            "dsr/confirm.html", data_request=data_request, right=right_of(data_request),
            register_titles=service.register_titles(session, data_request, current_locale()))))
    try:
        status_token = service.confirm(session, data_request, now=utcnow())
        notify.acknowledgement(session, data_request, status_token)
        session.commit()
    except StaleDataError:  # a second click confirmed it at the same moment
        session.rollback()
        return render_template(
            "errors/error.html", code=409, title=_("The request has already been confirmed"),
            message=_("Your request was confirmed by another click at the same moment. The "
                      "receipt with the link to your status page has been sent to your "
                      "e-mail."),
        ), 409
    flash(_("Thank you. Your request has been confirmed. A receipt has been sent to your "
            "e-mail."))
    return redirect(url_for("dsr.status", token=status_token))


def status_request(token: str):
    """The request behind a status link; raises ``service.LinkInvalid`` for any bad link."""
    if len(token) > TOKEN_MAX:
        raise service.LinkInvalid()
    days = current_app.config["PORTAL"].status_link_days
    return service.by_status_token(get_session(), token, now=utcnow(),
                                   valid_after_closing=timedelta(days=days))


@bp.get("/requests/status/<token>")
@limiter.limit("60 per minute")
def status(token: str):
    try:
        data_request = status_request(token)
    except service.LinkInvalid:
        return invalid_link()
    return status_page(data_request, token)


def status_page(data_request, token: str, answer_error: str = "", answer_text: str = "",
                 code: int = 200, written_error: str = ""):
    """The status page, also re-rendered with an error by the forms on it (answer,
    written decision, secure collection), never cached or indexed."""
    deadline = service.deadline_of(data_request)
    response = current_app.make_response((render_template(
        "dsr/status.html", data_request=data_request, deadline=deadline, token=token,
        right=right_of(data_request), answer_error=answer_error,
        register_titles=service.register_titles(get_session(), data_request, current_locale()),
        answer_text=answer_text, paused=service.clock_paused(data_request),
        written_error=written_error,
        answer_by=written_answer_by(data_request, current_app.config["PORTAL"]),
        undoable=workflow.withdrawal_undoable(
            data_request.state, [event.kind for event in data_request.events])), code))
    return _private(response)


def explain_conflict() -> None:
    """A parallel click or the handler changed the request first (its version moved on):
    nothing of this one is saved, and the requester is told so instead of seeing an error."""
    get_session().rollback()
    flash(_("Your request was changed at the same moment, by another click or by the "
            "handler. Its current state is shown below."))


@bp.route("/requests/status/<token>/withdraw", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"])
def withdraw(token: str):
    """GET says what withdrawing means and asks to confirm; only the button (POST) withdraws."""
    try:
        data_request = status_request(token)
        if request.method == "GET":
            if data_request.state not in OPEN_STATES:
                raise service.NotOpen()
            return _private(current_app.make_response(render_template(
                "dsr/withdraw.html", data_request=data_request, token=token)))
        service.withdraw(data_request, now=utcnow())
        get_session().commit()
    except service.LinkInvalid:
        return invalid_link()
    except service.NotOpen:
        flash(_("The request is already closed, so it can no longer be withdrawn."))
    except StaleDataError:
        explain_conflict()
    else:
        flash(_("Your request has been withdrawn. You can undo this on this page until the "
                "organisation closes the case."))
    return redirect(url_for("dsr.status", token=token))


@bp.post("/requests/status/<token>/restore")
@limiter.limit("10 per hour")
def restore(token: str):
    """Undo a withdrawal that staff have not yet closed (WCAG 3.3.4)."""
    try:
        data_request = status_request(token)
        service.undo_withdrawal(data_request, now=utcnow())
        get_session().commit()
    except service.LinkInvalid:
        return invalid_link()
    except service.NotOpen:
        flash(_("The withdrawal can no longer be undone: the case has been closed. You can "
                "make a new request."))
    except StaleDataError:
        explain_conflict()
    else:
        flash(_("The withdrawal has been undone. Your request is being handled again."))
    return redirect(url_for("dsr.status", token=token))


@bp.post("/requests/status/<token>/answer")
@limiter.limit("20 per hour")
def answer(token: str):
    text = request.form.get("answer", "").strip()
    try:
        data_request = status_request(token)
        if data_request.state == "info_requested" and not 0 < len(text) <= MAX_ANSWER:
            error = _("Write your answer (at most %(max)d characters).", max=MAX_ANSWER)
            return status_page(data_request, token, error, text[:MAX_ANSWER], 400)
        service.answer_question(data_request, text, now=utcnow())
        get_session().commit()
    except service.LinkInvalid:
        return invalid_link()
    except service.NotOpen:
        flash(_("No answer is needed at the moment."))
    except StaleDataError:
        explain_conflict()
    else:
        flash(_("Thank you. Your answer has been sent and the handling continues."))
    return redirect(url_for("dsr.status", token=token))
