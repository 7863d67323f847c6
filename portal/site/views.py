"""The front door and the accessibility statement (Act 306/2019 §10)."""

from __future__ import annotations

from datetime import date

from flask import current_app, redirect, render_template, url_for

from ..i18n import best_locale
from . import bp, root_bp


@root_bp.get("/")
def root():
    """Send the visitor to their browser's language; Finnish when nothing matches."""
    response = redirect(url_for("notices.index", lang_code=best_locale()), code=302)
    response.vary.add("Accept-Language")
    return response


@bp.get("/accessibility")
def accessibility():
    settings = current_app.config["PORTAL"]
    return render_template(
        "site/accessibility.html",
        settings=settings,
        prepared=date.fromisoformat(settings.a11y_statement_prepared),
        reviewed=date.fromisoformat(settings.a11y_statement_reviewed),
    )
