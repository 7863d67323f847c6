"""An organisation's decision settings and its staff's decision makers (DPOs and admins).

Whether the controller is a public authority, the remedy route of its decisions and counsel's
own remedy texts per language (legal rules §5), and who may sign a refusal or a partial
decision. Every change is in the audit trail.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select

from .. import audit
from ..db import get_session
from ..editor.service import may_edit
from ..i18n import LOCALES
from ..law.remedies import PRIVATE_ROUTES, PUBLIC_ROUTES, Remedy, RemedyError, check_remedy
from ..notices.models import Controller
from . import bp
from .letters import ROLE_TITLES
from .models import StaffUser, staff_controllers
from .remedy_texts import TITLES, default_text, remedy_of, remedy_text

MANAGERS = {"dpo", "admin"}
MAX_REMEDY_TEXT = 10_000
FIELD_ERRORS = {
    "route": _l("Choose a remedy route that fits the kind of organisation."),
    "body": _l("Write the name of the court or body in this language."),
    "address": _l("Write the address of the court or body in this language."),
    "court-body": _l("Write the name of the administrative court in this language."),
    "court-address": _l("Write the address of the administrative court in this language."),
    "text": _l("The text may be at most 10,000 characters."),
}


def managed_organisation(slug: str) -> Controller:
    """The signed-in DPO's or admin's organisation ``slug``: others get 403, strangers' 404.

    Every organisation settings page starts here, so that staff change only their own
    organisation's settings.
    """
    if current_user.role not in MANAGERS:
        abort(403)
    for controller in current_user.controllers:
        if controller.slug == slug:
            return controller
    abort(404)


def _per_language(name: str) -> dict[str, str]:
    return {lang: request.form.get(f"{name}-{lang}", "").strip()[:300] for lang in LOCALES}


def _form_remedy() -> Remedy:
    form = request.form
    return Remedy(route=form.get("route", ""), body=_per_language("body"),
                  address=_per_language("address"), email=form.get("email", "").strip()[:254],
                  court=_per_language("court-body"),
                  court_address=_per_language("court-address"),
                  court_email=form.get("court-email", "").strip()[:254])


@bp.route("/organisations/<slug>/settings")
def organisation_settings(slug: str):
    """One page that leads to each of the organisation's settings, so the menu needs one link."""
    return render_template("backoffice/organisation_settings.html",
                           controller=managed_organisation(slug),
                           edits_details=may_edit(current_user.role))


@bp.route("/organisations/<slug>/decisions", methods=["GET", "POST"])
def decision_settings(slug: str):
    controller, errors = managed_organisation(slug), {}
    public, remedy = controller.public_authority, remedy_of(controller)
    texts = {lang: remedy_text(controller, lang) for lang in LOCALES}
    if request.method == "POST":
        public = request.form.get("kind") == "public"
        remedy = _form_remedy()
        texts = {lang: request.form.get(f"text-{lang}", "").replace("\r\n", "\n").strip()
                 for lang in LOCALES}
        try:
            check_remedy(remedy, public_authority=public)
        except RemedyError as exc:
            errors[exc.field] = str(FIELD_ERRORS[exc.field.rsplit("-", 1)[0]])
        errors.update({f"text-{lang}": str(FIELD_ERRORS["text"]) for lang, text in texts.items()
                       if len(text) > MAX_REMEDY_TEXT})
        if not errors:
            before = {"public_authority": controller.public_authority,
                      "remedy": controller.remedy, "remedy_texts": controller.remedy_texts}
            controller.public_authority, controller.remedy = public, remedy.as_dict()
            # A text left as the route's default follows the default when it changes.
            controller.remedy_texts = {lang: text for lang, text in texts.items()
                                       if text and text != default_text(remedy.route, lang)}
            audit.record(get_session(), "controller.decisions", actor_id=current_user.id,
                         target=f"controller:{controller.slug}", controller_id=controller.id,
                         before=before, after={"public_authority": public,
                                               "remedy": controller.remedy,
                                               "remedy_texts": controller.remedy_texts})
            get_session().commit()
            flash(_("The decision settings were saved. They apply to decisions sent from now "
                    "on."))
            return redirect(url_for("backoffice.decision_settings", slug=slug))
    return render_template(
        "backoffice/decision_settings.html", controller=controller, public=public,
        remedy=remedy, texts=texts, errors=errors, titles=TITLES,
        routes=PUBLIC_ROUTES + PRIVATE_ROUTES), 400 if errors else 200


@bp.get("/staff")
def staff_list():
    """The staff of the organisations the DPO or admin manages, with who may decide."""
    if current_user.role not in MANAGERS:
        abort(403)
    colleagues = select(staff_controllers.c.staff_id).where(
        staff_controllers.c.controller_id.in_(current_user.controller_ids))
    people = get_session().scalars(
        select(StaffUser).where(StaffUser.id.in_(colleagues))
        .order_by(StaffUser.name, StaffUser.email)).all()
    return render_template("backoffice/staff.html", people=people, ROLE_TITLES=ROLE_TITLES)


@bp.route("/staff/<int:staff_id>", methods=["GET", "POST"])
def staff_member(staff_id: int):
    """Whether a colleague may decide, and their job title per language for the signature."""
    if current_user.role not in MANAGERS:
        abort(403)
    session = get_session()
    person = session.get(StaffUser, staff_id)
    if person is None or not person.controller_ids & current_user.controller_ids:
        abort(404)
    if request.method == "POST":
        before = {"decision_maker": person.decision_maker, "title": dict(person.title or {})}
        # Editors see no requests, so they cannot decide them.
        person.decision_maker = (request.form.get("decision_maker") == "1"
                                 and person.role != "editor")
        person.title = {lang: title for lang in LOCALES
                        if (title := request.form.get(f"title-{lang}", "").strip()[:200])}
        audit.record(session, "staff.decision_maker", actor_id=current_user.id,
                     target=f"staff:{person.id}",
                     controller_id=min(person.controller_ids & current_user.controller_ids),
                     before=before, after={"decision_maker": person.decision_maker,
                                           "title": person.title})
        session.commit()
        flash(_("Saved."))
        return redirect(url_for("backoffice.staff_list"))
    return render_template("backoffice/staff_member.html", person=person,
                           ROLE_TITLES=ROLE_TITLES)
