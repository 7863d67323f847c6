"""Signing in and out, and password reset."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import segno
from flask import flash, redirect, render_template, request, url_for
from flask import session as cookie
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user, logout_user

from .. import audit
from ..db import get_session, utcnow
from ..extensions import limiter
from ..mail.compose import absolute_link, queue_mail
from . import accounts, bp
from .forms import EnrolForm, LoginForm, ResetForm, ResetRequestForm


def _safe_next(target: str | None) -> str:
    """Only a path inside /admin: never another site (no open redirect)."""
    parts = urlsplit(target or "")
    if parts.scheme or parts.netloc or not parts.path.startswith("/admin/") \
            or target.startswith("//") or "\\" in target:
        return url_for("backoffice.requests")
    return target


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit("10 per minute;50 per hour", methods=["POST"])
def login():
    form = LoginForm()
    error = None
    if form.validate_on_submit():
        session = get_session()
        try:
            user = accounts.authenticate(session, form.email.data, form.password.data,
                                         form.code.data, now=utcnow(),
                                         address=request.remote_addr or "")
        except accounts.AccountLocked:
            error = _("Too many failed attempts. Wait at least 15 minutes before trying again.")
        except accounts.SignInFailed:
            known = accounts.by_email(session, form.email.data)
            audit.record(session, "staff.sign_in_failed",
                         target=f"staff:{known.id}" if known else "",
                         organisations=known.controllers if known else ())
            error = _("Could not sign in. Check the e-mail address, password and code.")
        else:
            cookie.clear()  # nothing from before sign-in carries over (session fixation)
            login_user(user)
            cookie["seen"] = cookie["signed_in"] = int(time.time())
            audit.record(session, "staff.sign_in", actor_id=user.id, target=f"staff:{user.id}",
                         organisations=user.controllers)
            session.commit()
            return redirect(_safe_next(request.args.get("next")))
        session.commit()
    status = 400 if request.method == "POST" else 200
    return render_template("backoffice/login.html", form=form, error=error), status


@bp.post("/logout")
def logout():
    session = get_session()
    accounts.sign_out(current_user)
    audit.record(session, "staff.sign_out", actor_id=current_user.id,
                 target=f"staff:{current_user.id}", organisations=current_user.controllers)
    session.commit()
    logout_user()
    cookie.clear()
    flash(_("You have signed out."))
    return redirect(url_for("backoffice.login"))


@bp.route("/reset", methods=["GET", "POST"])
@limiter.limit("5 per hour", methods=["POST"])
def reset_request():
    form = ResetRequestForm()
    if form.validate_on_submit():
        session = get_session()
        found = accounts.start_reset(session, form.email.data, now=utcnow())
        if found is not None:
            user, token = found
            queue_mail(session, recipient=user.email, lang=user.locale,
                       subject=_l("Resetting your privacy portal password"),
                       template="staff_reset",
                       context={"link": absolute_link("backoffice.reset", token=token,
                                                      lang=user.locale)})
            audit.record(session, "staff.reset_requested", target=f"staff:{user.id}",
                         organisations=user.controllers)
        session.commit()
        flash(_("If the address belongs to a staff account, a link for setting a new password "
                "has been sent to it. The link is valid for one hour."))
        return redirect(url_for("backoffice.login"))
    return render_template("backoffice/reset_request.html", form=form), (
        400 if request.method == "POST" else 200)


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset(token: str):
    session = get_session()
    try:
        user = accounts.user_for_reset(session, token[:100], now=utcnow())
    except accounts.SignInFailed:
        return render_template(
            "errors/error.html", code=404, title=_("This link is not valid"),
            message=_("The link is wrong, it has already been used, or it has expired. "
                      "Ask for a new one."),
        ), 404
    invited = accounts.is_invited(user)
    form = EnrolForm() if invited else ResetForm()
    if form.validate_on_submit():
        if invited and not accounts.confirm_enrolment(session, user, form.code.data,
                                                             utcnow()):
            form.code.errors.append(_("The code is not valid. Check that the app shows a code "
                                      "for this account, and enter the newest one."))
        else:
            accounts.finish_reset(user, form.password.data)
            audit.record(session, "staff.password_reset", actor_id=user.id,
                         target=f"staff:{user.id}", organisations=user.controllers)
            session.commit()
            flash(_("Your password has been changed. Sign in with the new password."))
            return redirect(url_for("backoffice.login"))
    enrolment = {}
    if invited:
        uri = accounts.provisioning_uri(user)
        enrolment = {"qr": segno.make(uri, error="m").svg_data_uri(scale=4),
                     "secret": user.totp_secret}
    return render_template("backoffice/reset.html", form=form, **enrolment), (
        400 if request.method == "POST" else 200)
