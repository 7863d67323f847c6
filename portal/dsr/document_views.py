"""The document request form (Openness Act 621/1999 §13, legal rules §9).

A public authority's documents are asked for on their own form: the GDPR form asks first
whether the person wants their own personal data or the authority's documents, and only
public authorities are offered here, so a private body never sees the choice.
"""

from __future__ import annotations

from datetime import timedelta

from flask import current_app, redirect, render_template, request, url_for
from sqlalchemy import select

from ..db import get_session, utcnow
from ..extensions import limiter
from ..i18n import current_locale
from ..notices.models import Controller, Register
from . import bp, notify, service
from .document_forms import DocumentRequestForm
from .fee_words import document_fee_text


def authorities(lang: str) -> list[tuple[str, str]]:
    """(slug, name) of every public authority in the portal, by name in ``lang``."""
    found = get_session().scalars(select(Controller).where(Controller.public_authority))
    return sorted(((c.slug, c.name.get(lang, c.slug)) for c in found), key=lambda c: c[1])


def offers_documents(register_slug: str | None) -> bool:
    """Whether the GDPR form asks first: some authority is here and the form was not opened
    for a register of a private body."""
    if register_slug:
        controller = get_session().scalar(
            select(Controller).join(Register).where(Register.slug == register_slug))
        if controller is not None:
            return controller.public_authority
    return bool(authorities(current_locale()))


@bp.route("/requests/documents", methods=["GET", "POST"])
@limiter.limit("10 per hour;30 per day", methods=["POST"])
def documents():
    lang = current_locale()
    form = DocumentRequestForm(authorities(lang))
    if form.validate_on_submit():
        if form.website.data:  # the honeypot: answer as if all went well, keep nothing
            return redirect(url_for("dsr.sent"))
        settings = current_app.config["PORTAL"]
        submission = service.Submission(
            right="access", register_slugs=(), name=(form.name.data or "").strip(),
            email=form.email.data, phone="", details=form.documents.data.strip(), locale=lang,
            submission_key=form.submission.data, law="openness", authority_slug=form.authority.data)
        session = get_session()
        data_request, token = service.submit(
            session, submission, now=utcnow(), valid_for=timedelta(days=settings.unconfirmed_days),
            operator_register=settings.privacy_register)
        if token is not None:
            notify.confirmation(session, data_request, token)
        session.commit()
        return redirect(url_for("dsr.sent"))
    status = 400 if request.method == "POST" else 200
    fee_texts = {c.slug: document_fee_text(c, lang) for c in get_session().scalars(
        select(Controller).where(Controller.public_authority))}
    return render_template("dsr/documents.html", form=form, fee_texts=fee_texts), status
