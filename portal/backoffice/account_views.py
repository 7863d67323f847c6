"""The staff member's own account page, and replacing the authenticator app.

The TOTP secret is shown when the account is made (``staff create``) and after the staff member
has given the password and a current code again; the page never shows the secret in use.
"""

from __future__ import annotations

import segno
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import audit
from ..db import get_session, utcnow
from ..extensions import limiter
from . import accounts, bp
from .forms import NewAuthenticatorForm, ReauthenticateForm
from .letters import ROLE_TITLES


def _account_page(form: ReauthenticateForm, error: str = "", code: int = 200):
    return render_template("backoffice/account.html", form=form, error=error,
                           role=ROLE_TITLES[current_user.role]), code


@bp.get("/account")
def account():
    return _account_page(ReauthenticateForm())


@bp.post("/account/authenticator")
@limiter.limit("10 per hour")
def replace_authenticator():
    """Password and current code again; then the new secret, once, as QR code and text."""
    form = ReauthenticateForm()
    if not form.validate_on_submit():
        return _account_page(form, code=400)
    session = get_session()
    try:
        secret = accounts.start_replacement(session, current_user, form.password.data,
                                            form.code.data, now=utcnow(),
                                            address=request.remote_addr or "")
    except accounts.AccountLocked:
        session.commit()
        return _account_page(form, _("Too many failed attempts. Wait at least 15 minutes "
                                     "before trying again."), 400)
    except accounts.SignInFailed:
        session.commit()
        return _account_page(form, _("The password or the code is not right."), 400)
    session.commit()
    uri = accounts.provisioning_uri(current_user, secret)
    return render_template("backoffice/authenticator.html", form=NewAuthenticatorForm(),
                           secret=secret, qr=segno.make(uri, error="m").svg_data_uri(scale=4))


@bp.post("/account/authenticator/confirm")
def confirm_authenticator():
    form = NewAuthenticatorForm()
    if not form.validate_on_submit():
        return _account_page(ReauthenticateForm(), _("Enter the six-digit code from your "
                                                     "authenticator app."), 400)
    session = get_session()
    try:
        accounts.finish_replacement(current_user, form.code.data, now=utcnow())
    except accounts.SignInFailed:
        session.commit()  # the unconfirmed secret is forgotten: start again
        return _account_page(ReauthenticateForm(), _(
            "The code did not match the new app, so your authenticator was not changed. "
            "Start again."), 400)
    audit.record(session, "staff.authenticator_replaced", actor_id=current_user.id,
                 target=f"staff:{current_user.id}", organisations=current_user.controllers)
    session.commit()
    flash(_("Your authenticator app has been replaced. Use codes from the new app from now on."))
    return redirect(url_for("backoffice.account"))
