"""Proposing a fee on the request's page (:mod:`.fees`), and the organisation's sentence on fees
for the request form. A refused input names its field."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from .. import audit
from ..db import get_session, utcnow
from ..dsr.fee_words import DEFAULT_FEE_TEXT, MAX_FEE_TEXT, fee_text
from ..dsr.workflow import NotAllowed
from ..i18n import LOCALES
from ..law import fees as rules
from . import bp
from .fees import propose
from .organisation_views import managed_organisation
from .queue_views import render_detail, visible_request

#: Each refusal: the message, and the id of the field it concerns.
ERRORS = {
    rules.FeeGroundRequired: (_l("Choose the ground of the fee. Further copies are a ground "
                                 "only for access requests."), "fee-ground"),
    rules.AmountInvalid: (_l("Write the amount in euros, for example 25 or 25,50 (at most "
                             "1,000 euros)."), "fee-amount"),
    rules.FeeReasonsRequired: (_l("Write the reasons: why the request is manifestly unfounded "
                                  "or excessive, or what the further copies cost."),
                               "fee-reasons"),
    rules.FeeAlreadyProposed: (_l("A fee has already been proposed for this request."),
                               "fee-ground"),
    NotAllowed: (_l("That cannot be done to the request in its present state."), "fee-ground"),
}


@bp.post("/requests/<int:request_id>/fee")
def propose_fee(request_id: int):
    data_request, session = visible_request(request_id), get_session()
    form = request.form
    try:
        propose(session, data_request, current_user.id, ground=form.get("ground", ""),
                amount=form.get("amount", "")[:20],
                reasons=form.get("reasons", "").replace("\r\n", "\n"), now=utcnow())
    except (rules.FeeError, NotAllowed) as exc:
        session.rollback()
        message, field = ERRORS[type(exc)]
        return render_detail(visible_request(request_id), error=str(message),
                             error_field=field, code=400, form=form)
    session.commit()
    flash(_("The fee was proposed. The requester was told and can withdraw the request."))
    return redirect(url_for("backoffice.request_detail", request_id=request_id))


def _in_each_language(make) -> dict[str, str]:
    """``make(lang)`` with the catalogs of each language (the default sentence is translated)."""
    texts = {}
    for lang in LOCALES:
        with force_locale(lang):
            texts[lang] = make(lang)
    return texts


@bp.route("/organisations/<slug>/fees", methods=["GET", "POST"])
def fee_settings(slug: str):
    """The sentence on fees the request form shows for the organisation, per language."""
    controller, errors = managed_organisation(slug), {}
    texts = _in_each_language(lambda lang: fee_text(controller, lang))
    if request.method == "POST":
        texts = {lang: " ".join(request.form.get(f"text-{lang}", "").split())
                 for lang in LOCALES}
        errors = {f"text-{lang}": _("Write at most 500 characters on one line.")
                  for lang, text in texts.items() if len(text) > MAX_FEE_TEXT}
        if not errors:
            # A sentence left as the default follows the default when it changes.
            defaults = _in_each_language(lambda lang: str(DEFAULT_FEE_TEXT))
            own = {lang: text for lang, text in texts.items() if text and text != defaults[lang]}
            audit.record(get_session(), "controller.fees", actor_id=current_user.id,
                         target=f"controller:{controller.slug}", controller_id=controller.id,
                         before=dict(controller.fee_texts or {}), after=own)
            controller.fee_texts = own
            get_session().commit()
            flash(_("The sentence on fees was saved. The request form shows it from now on."))
            return redirect(url_for("backoffice.fee_settings", slug=slug))
    return render_template("backoffice/fee_settings.html", controller=controller, texts=texts,
                           errors=errors), 400 if errors else 200
