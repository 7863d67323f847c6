"""Entering a request that did not come through the form; its postal acknowledgement and scans.

Thin views: the form checks the input (:mod:`.entry_forms`), :func:`.entry.enter` stores it.
"""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..db import get_session, utcnow
from ..dsr import receipt
from ..dsr.outcomes import CHANNEL_TITLES
from ..dsr.rights import RIGHTS
from ..dsr.service import MixedControllers, NotAnAuthority, deadline_of, register_titles
from ..i18n import LOCALES, current_locale, translated
from ..notices.joint import controls
from ..notices.models import Controller
from ..notices.service import published_index
from ..uploads import staff_upload
from . import bp, entry
from .entry_forms import StaffEntryForm
from .queue_views import visible_request


def _register_choices() -> list[tuple[str, str]]:
    """The published registers of the staff member's own organisations, by title: those they
    keep and those they control jointly with others (issue 15)."""
    lang, own = current_locale(), [c.slug for c in current_user.controllers]
    return [(version.register.slug, translated(version.content["title"], lang))
            for version in published_index(get_session(), lang=lang)
            if version.register.controller_id in current_user.controller_ids
            or controls(version.content, own)]


def _authorities() -> list[tuple[str, str]]:
    """(slug, name) of the staff member's own public authorities: only they take document
    requests (legal rules §9), so only their staff are offered the law choice."""
    lang = current_locale()
    found = get_session().scalars(select(Controller).where(
        Controller.public_authority, Controller.id.in_(current_user.controller_ids)))
    return sorted(((c.slug, translated(c.name, lang)) for c in found), key=lambda c: c[1])


def _documents(form: StaffEntryForm) -> dict:
    """A document request's own fields: the authority, and the documents as what it says."""
    if not form.documents_request():
        return {"right": form.right.data, "register_slugs": tuple(form.registers.data),
                "details": form.details.data.strip(),
                **({"represented_name": form.represented_name.data.strip(),
                    "authority": form.authority.data} if form.representing() else {})}
    text = "\n\n".join(part for part in (form.documents.data.strip(),
                                         form.details.data.strip()) if part)
    return {"right": "access", "register_slugs": (), "law": "openness",
            "authority_slug": form.organisation.data, "details": text}


def _entry(form: StaffEntryForm) -> entry.Entry:
    files = tuple((upload.filename, upload.mimetype, upload.read())
                  for upload in form.attachments.data or () if upload and upload.filename)
    return entry.Entry(
        channel=form.channel.data, received_at=form.received_at(),
        name=(form.name.data or "").strip(),
        email=(form.email.data or "").strip(), postal_address=form.postal_address.data.strip(),
        phone=(form.phone.data or "").strip(), locale=form.locale.data,
        diary_number=form.diary_number.data.strip(), attachments=files, **_documents(form))


@bp.route("/requests/new", methods=["GET", "POST"])
@staff_upload
def enter_request():
    form = StaffEntryForm(_register_choices(), authorities=_authorities())
    code = 200
    if form.validate_on_submit():
        session = get_session()
        try:
            data_request = entry.enter(session, _entry(form), current_user, now=utcnow())
        except MixedControllers:
            form.registers.errors = [_("Choose registers of one organisation only.")]
        except NotAnAuthority:
            form.organisation.errors = [_("Choose the authority.")]
        else:
            session.commit()
            flash(_("The request was entered.") if data_request.email else
                  _("The request was entered. Print the acknowledgement and post it."))
            return redirect(url_for("backoffice.request_detail", request_id=data_request.id))
    if form.errors:
        code = 400
    return render_template("backoffice/entry.html", form=form, rights=RIGHTS,
                           channels=CHANNEL_TITLES, locales=LOCALES), code


@bp.get("/requests/<int:request_id>/acknowledgement.pdf")
def acknowledgement_pdf(request_id: int):
    """The acknowledgement of receipt for posting, in the requester's language."""
    data_request = visible_request(request_id)
    with force_locale(data_request.locale):
        pdf = receipt.render(data_request, deadline_of(data_request),
                             register_titles(get_session(), data_request, data_request.locale))
    return Response(pdf, mimetype="application/pdf", headers={
        "Content-Disposition": f'inline; filename="{data_request.reference}.pdf"'})


@bp.get("/requests/<int:request_id>/attachments/<int:attachment_id>")
def request_attachment(request_id: int, attachment_id: int):
    data_request = visible_request(request_id)
    found = next((a for a in data_request.attachments if a.id == attachment_id), None)
    if found is None:
        abort(404)
    return Response(found.data, mimetype=found.mimetype, headers={
        "Content-Disposition": "attachment", "X-Content-Type-Options": "nosniff"})
