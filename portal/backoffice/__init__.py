"""The staff side at ``/admin``: every view needs a signed-in staff member unless listed here.

Deny by default: a view added later is protected without anyone remembering to protect it
(a test walks the URL map to prove it).
"""

from __future__ import annotations

import hmac
import time

from flask import Blueprint, abort, current_app, flash, redirect, request, url_for
from flask import session as cookie
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user, logout_user

from ..db import get_session
from ..extensions import login_manager
from .models import StaffUser

bp = Blueprint("backoffice", __name__, url_prefix="/admin")

PUBLIC_ENDPOINTS = frozenset({
    "backoffice.login", "backoffice.reset_request", "backoffice.reset",
})
IDLE_TIMEOUT = 30 * 60
#: Editors keep the notices; requests hold requesters' personal data that editors have no need
#: to see (GDPR Art. 5(1)(c) and 32(4)), so this is all they reach besides the editor.
EDITOR_ENDPOINTS = frozenset({"backoffice.account", "backoffice.replace_authenticator",
                              "backoffice.confirm_authenticator", "backoffice.logout"})


@login_manager.user_loader
def _load_user(alternative_id: str) -> StaffUser | None:
    user_id, _, token = alternative_id.partition(":")
    if not user_id.isdigit():
        return None
    user = get_session().get(StaffUser, int(user_id))
    if user is None or not user.active or not hmac.compare_digest(user.session_token, token):
        return None
    return user


def _expired(now: int) -> str | None:
    """Why the session must end: 30 idle minutes, or the absolute lifetime since sign-in."""
    if now - cookie.get("seen", now) > IDLE_TIMEOUT:
        return _("You were signed out after 30 minutes without activity. Please sign in again.")
    hours = current_app.config["PORTAL"].session_lifetime_hours
    if now - cookie.get("signed_in", 0) > hours * 3600:
        return _("You were signed out %(num)d hours after signing in. Please sign in again.",
                 num=hours)
    return None


@bp.before_request
def _require_staff():
    """Sign-in required everywhere but the sign-in pages; sessions end when idle or too old.

    Pages warn before the idle end and offer to continue (``static/js/staff.js``); what was
    sent after it is kept until the next sign-in (:mod:`.stash`).
    """
    if request.endpoint in PUBLIC_ENDPOINTS:
        return None
    if not current_user.is_authenticated:
        return redirect(url_for("backoffice.login", next=request.full_path.rstrip("?")))
    now = int(time.time())
    lang = current_user.locale
    with force_locale(lang):
        reason = _expired(now)
    if reason:
        page = session_views.keep_posted_form()
        logout_user()
        cookie.clear()
        with force_locale(lang):
            flash(reason)
            if page:
                flash(_("What you sent was kept: after signing in you will find it in the "
                        "form again. Check it and send it."))
        return redirect(url_for("backoffice.login", lang=lang, next=page or None))
    cookie["seen"] = now
    endpoint = request.endpoint or ""
    if current_user.role == "editor" and not endpoint.startswith("backoffice.editor.") \
            and endpoint not in EDITOR_ENDPOINTS:
        if endpoint == "backoffice.requests":  # the staff side's front page
            return redirect(url_for("backoffice.editor.index"))
        abort(403)
    return None


@bp.after_request
def _never_cached(response):
    """No staff page, export or file may stay in a browser or proxy cache (ASVS 8.2.1)."""
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.context_processor
def _idle_timeout() -> dict:
    return {"idle_timeout": IDLE_TIMEOUT}


from ..editor import bp as editor_bp  # noqa: E402
from . import (  # noqa: E402,F401  (routes register themselves on bp)
    account_views,
    action_views,
    auth_views,
    case_views,
    decision_views,
    entry_views,
    fee_views,
    organisation_views,
    postal_views,
    queue_views,
    reclassify_views,
    report_views,
    representation_views,
    session_views,
    steps_views,
    template_views,
    transfer_views,
)

bp.register_blueprint(editor_bp)
