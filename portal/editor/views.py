"""The editor's pages. Thin: find what the staff member may see, call the service, render."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..audit import AuditEntry
from ..db import get_session, utcnow
from ..i18n import LOCALES, current_locale
from ..notices import processing_view, render
from ..notices.completeness import check
from ..notices.joint import ROLE_LABELS
from ..notices.languages import ALL, declared, recipient_name
from ..notices.models import Controller, NoticeVersion, Register
from ..notices.sections import (
    COLLECTION,
    LEGAL_BASES,
    PERSONAL_DATA,
    RECIPIENT_ROLES,
    SECTIONS,
    SPECIAL_CATEGORIES,
    SPECIAL_CONDITIONS,
)
from ..notices.service import latest_of
from . import bp, joint, service
from .checklist import grouped
from .forms import (
    FormProblems,
    Problem,
    controller_from_form,
    declared_languages,
    field_label,
    notice_from_form,
    read_controller,
    read_notice,
)


@dataclass(frozen=True)
class Preview:
    """A draft dressed as the version it would become, for rendering exactly as published."""

    content: dict
    number: int
    published_at: datetime
    register: Register


@bp.before_request
def _editors_only():
    if not service.may_edit(current_user.role):
        abort(403)


def own_register(slug: str) -> Register:
    """The register ``slug`` of one of the editor's own organisations; any other is a 404, so
    that staff never learn what another organisation is drafting."""
    register = get_session().scalar(select(Register).where(Register.slug == slug))
    if register is None or register.controller_id not in current_user.controller_ids:
        abort(404)
    return register


def _controller(slug: str) -> Controller:
    for controller in current_user.controllers:
        if controller.slug == slug:
            return controller
    abort(404)


@bp.get("/registers")
def index():
    session = get_session()
    registers = session.scalars(select(Register).where(
        Register.controller_id.in_(current_user.controller_ids)).order_by(Register.slug)).all()
    rows = [(register, service.draft_of(session, register), latest_of(session, register.id),
             service.editable_content(session, register)) for register in registers]
    return render_template("editor/index.html", rows=rows)


@bp.route("/registers/new", methods=["GET", "POST"])
def new():
    form, problems = request.form, {}
    if request.method == "POST":
        controller = _controller(form.get("controller", ""))
        slug, session = form.get("slug", "").strip(), get_session()
        try:
            content = read_notice(form, slug, service.controller_details(controller))
            register = service.create_register(session, controller, slug, content["title"],
                                               current_user.id,
                                               languages=content.get("languages"))
            session.commit()
            flash(_("The register was created. Write its description and publish it."))
            return redirect(url_for(".edit", slug=register.slug))
        except FormProblems as exc:
            problems = exc.problems
        except service.SlugTaken:
            session.rollback()
            problems = [Problem("slug", field_label("slug"),
                                _("Another register already uses this address."))]
    return render_template("editor/new.html", form=form, problems=problems,
                           errors={p.anchor: p.message for p in problems},
                           content=declared_languages(form), notice_languages=ALL,
                           ), 400 if problems else 200


def _edit_page(register: Register, content: dict, lock: int | None, *, problems=(),
               conflict: bool = False, code: int = 200):
    recipients = list(content.get("recipients", []))
    return render_template(
        "editor/edit.html", register=register, content=content, lock=lock,
        recipients=[*recipients, {"name": "", "role": "processor", "description": {}}],
        problems=problems, errors={p.anchor: p.message for p in problems}, conflict=conflict,
        sections=SECTIONS, legal_bases=LEGAL_BASES, personal_data=PERSONAL_DATA,
        roles=RECIPIENT_ROLES, collection=COLLECTION, special_conditions=SPECIAL_CONDITIONS,
        special_categories=SPECIAL_CATEGORIES, notice_languages=declared(content),
        recipient_name=recipient_name,
        organisations=joint.organisations(get_session(), register),
        controller_roles={c["slug"]: c["role"] for c in content.get("controllers", [])},
        role_labels=ROLE_LABELS,
        purposes=processing_view.purposes(content, current_locale())), code


@bp.route("/registers/<slug>/edit", methods=["GET", "POST"])
def edit(slug: str):
    register, session = own_register(slug), get_session()
    draft = service.draft_of(session, register)
    lock = draft.lock if draft else None
    if request.method == "GET":
        return _edit_page(register, service.editable_content(session, register), lock)
    sent_lock = request.form.get("lock", type=int)
    controller = service.controller_details(register.controller)
    others = {c.slug: service.controller_details(c)
              for c in joint.organisations(session, register)}
    previous = service.editable_content(session, register)
    try:
        content = read_notice(request.form, slug, controller, previous,
                              joint.controllers_from_form(request.form, controller, others,
                                                          previous))
        service.save_draft(session, register, content, sent_lock, current_user.id)
        session.commit()
    except FormProblems as exc:
        shown, _rows = notice_from_form(request.form, slug)
        return _edit_page(register, shown | joint.shown_from_form(request.form), sent_lock,
                          problems=exc.problems, code=400)
    except service.DraftConflict:
        session.rollback()
        shown, _rows = notice_from_form(request.form, slug)
        return _edit_page(register, shown | joint.shown_from_form(request.form), sent_lock,
                          conflict=True, code=409)
    flash(_("The draft was saved. The public does not see it until it is published."))
    return redirect(url_for(".overview", slug=slug))


@bp.get("/registers/<slug>")
def overview(slug: str):
    return _overview(own_register(slug))


def _overview(register: Register, *, error: str = "", code: int = 200):
    session = get_session()
    draft = service.draft_of(session, register)
    content = service.full_content(register, service.editable_content(session, register))
    versions = session.scalars(select(NoticeVersion).where(
        NoticeVersion.register_id == register.id).order_by(NoticeVersion.number.desc())).all()
    entries = session.scalars(select(AuditEntry).where(
        AuditEntry.target == f"register:{register.slug}").order_by(AuditEntry.id.desc())
        .limit(50)).all()
    return render_template(
        "editor/overview.html", register=register, draft=draft, content=content,
        checklist=grouped(check(content), register), versions=versions, entries=entries,
        notice_languages=declared(content),
        may_override=service.may_override(current_user.role), error=error), code


def _preview(register: Register) -> Preview:
    session = get_session()
    content = service.draft_notice(register, service.editable_content(session, register))
    latest = latest_of(session, register.id)
    return Preview(content, (latest.number if latest else 0) + 1, utcnow(), register)


def _language(lang: str, version: Preview) -> str:
    """A language the draft is published in; a preview of any other is not found."""
    if lang not in LOCALES or lang not in declared(version.content):
        abort(404)
    return lang


@bp.get("/registers/<slug>/preview/<lang>")
def preview(slug: str, lang: str):
    version = _preview(own_register(slug))
    with force_locale(_language(lang, version)):
        article = render.article_html(version, lang).decode("utf-8")
    response = Response(render_template("editor/preview.html", version=version, preview_lang=lang,
                                        content=version.content, article=article))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/registers/<slug>/preview/<lang>.pdf")
def preview_pdf(slug: str, lang: str):
    version = _preview(own_register(slug))
    with force_locale(_language(lang, version)):
        pdf = render.pdf_bytes(version, lang, render.article_html(version, lang))
    return Response(pdf, mimetype="application/pdf", headers={
        "Content-Disposition": f'inline; filename="{slug}-{lang}-preview.pdf"',
        "Cache-Control": "no-store"})


@bp.post("/registers/<slug>/publish")
def publish(slug: str):
    register, session = own_register(slug), get_session()
    reason = request.form.get("reason", "")[:1000] if request.form.get("override") else ""
    try:
        version = service.publish_draft(session, register, request.form.get("lock", type=int),
                                        current_user, override_reason=reason)
        session.commit()
    except service.EditorError as exc:
        session.rollback()
        return _overview(register, error=_refusal(exc), code=_status(exc))
    flash(_("Version %(number)d was published.", number=version.number))
    return redirect(url_for(".overview", slug=slug))


@bp.post("/registers/<slug>/discard")
def discard(slug: str):
    register, session = own_register(slug), get_session()
    try:
        service.discard_draft(session, register, request.form.get("lock", type=int),
                              current_user.id)
        session.commit()
    except service.EditorError as exc:
        session.rollback()
        return _overview(register, error=_refusal(exc), code=_status(exc))
    flash(_("The draft was discarded."))
    return redirect(url_for(".overview", slug=slug))


@bp.post("/registers/<slug>/listing")
def listing(slug: str):
    register, session = own_register(slug), get_session()
    listed = request.form.get("listed") == "1"
    service.set_listed(session, register, listed, current_user.id)
    session.commit()
    flash(_("The register is listed in the public index again.") if listed else
          _("The register was withdrawn from the public index. Its versions stay readable at "
            "their addresses."))
    return redirect(url_for(".overview", slug=slug))


def _refusal(exc: service.EditorError) -> str:
    if isinstance(exc, service.DraftConflict):
        return _("Someone else changed the draft after you opened this page. Nothing was "
                 "done. Check the draft below and try again.")
    if isinstance(exc, service.NothingToPublish):
        return _("There is nothing to publish: the draft says what the published version "
                 "says, or there is no draft.")
    if isinstance(exc, service.IncompleteNotice):
        return _("The notice lacks what the law requires (see the checklist). Complete it, or "
                 "ask the data protection officer to publish it with a reason.")
    return _("Only the data protection officer can publish a notice that lacks required "
             "information, and a reason must be given.")


def _status(exc: service.EditorError) -> int:
    return {service.DraftConflict: 409, service.OverrideRefused: 403}.get(type(exc), 400)


@bp.route("/organisations/<slug>", methods=["GET", "POST"])
def organisation(slug: str):
    controller, problems = _controller(slug), []
    details = service.controller_details(controller)
    if request.method == "POST":
        session = get_session()
        try:
            details = read_controller(request.form, slug)
            service.save_controller(session, controller, details, current_user.id)
            session.commit()
            flash(_("The organisation's details were saved. Each notice shows them from its "
                    "next published version on."))
            return redirect(url_for(".organisation", slug=slug))
        except FormProblems as exc:
            problems = exc.problems
            details = controller_from_form(request.form, slug)
    return render_template("editor/organisation.html", controller=controller, details=details,
                           problems=problems, errors={p.anchor: p.message for p in problems}
                           ), 400 if problems else 200

