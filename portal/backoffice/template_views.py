"""The DPO edits the opening text of answers, per right, in Finnish, Swedish and English."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import audit
from ..db import get_session
from ..dsr.outcomes import OUTCOME_TITLES
from ..dsr.rights import RIGHTS
from ..i18n import LOCALES
from ..law.decisions import GRANTED, outcomes_for
from . import bp
from .letter_texts import save_templates, template_text

EDITORS = {"dpo", "admin"}
MAX_TEMPLATE = 10_000


def _controller():
    if current_user.role not in EDITORS:
        abort(403)
    slug = request.args.get("org", "")
    for controller in current_user.controllers:
        if controller.slug == slug or not slug:
            return controller
    abort(404)


@bp.route("/templates/<right>", methods=["GET", "POST"])
def letter_templates(right: str):
    outcome = request.args.get("outcome", GRANTED)
    if right not in RIGHTS or outcome not in outcomes_for(right):
        abort(404)
    controller, session = _controller(), get_session()
    texts = {lang: template_text(session, controller.id, right, outcome, lang)
             for lang in LOCALES}
    errors = {}
    if request.method == "POST":
        texts = {lang: request.form.get(f"text-{lang}", "").strip() for lang in LOCALES}
        errors = {lang: _("Write the text (at most %(max)d characters).", max=MAX_TEMPLATE)
                  for lang, text in texts.items() if not 0 < len(text) <= MAX_TEMPLATE}
        if not errors:
            before = save_templates(session, controller.id, right, outcome, texts)
            audit.record(session, "template.save", actor_id=current_user.id,
                         target=f"template:{controller.slug}:{right}:{outcome}",
                         controller_id=controller.id, before=before, after=texts)
            session.commit()
            flash(_("The texts were saved."))
            return redirect(url_for("backoffice.letter_templates", right=right,
                                    org=controller.slug, outcome=outcome))
    return render_template("backoffice/templates.html", right=RIGHTS[right], code=right,
                           controller=controller, texts=texts, errors=errors, rights=RIGHTS,
                           outcome=outcome, outcomes={o: OUTCOME_TITLES[o]
                                                      for o in outcomes_for(right)}), (
        400 if errors else 200)
