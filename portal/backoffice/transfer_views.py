"""Transferring a request to the competent authority (APA 434/2003 §21): a page with the form,
thin over :mod:`portal.backoffice.transfer`."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy.orm.exc import StaleDataError
from wtforms import BooleanField, HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from ..db import get_session, utcnow
from ..dsr.forms import email_check
from ..law.transfer import OPEN, NotTransferable
from ..mail.size import MailTooLarge
from . import bp
from .actions import Conflict
from .mail_limit import transfer_refused
from .queue_views import STALE_REQUEST, visible_request
from .transfer import TransferInput, transfer, transfer_of

NOT_TRANSFERABLE = {
    "decided": _l("The request has already been decided or closed, so it can no longer be "
                  "transferred."),
    "hold": _l("The request is under a legal hold. Lift the hold before transferring it."),
    "prepared": _l("A decision has been prepared on the request. Discard it before "
                   "transferring the request."),
}


class TransferForm(FlaskForm):
    version = HiddenField()
    authority_name = StringField(_l("Competent authority"), validators=[
        DataRequired(_l("Enter the name of the authority the request is transferred to.")),
        Length(max=200, message=_l("The name can be at most %(max)d characters long."))])
    authority_email = StringField(_l("The authority's e-mail address (registry)"), validators=[
        DataRequired(_l("Enter the e-mail address the request is sent to.")),
        Length(max=254, message=_l("The e-mail address is too long.")), email_check])
    authority_address = TextAreaField(_l("The authority's postal address (optional)"),
                                      validators=[Length(max=500, message=_l(
                                          "The address can be at most %(max)d characters "
                                          "long."))])
    reason = TextAreaField(_l("Why the request belongs to that authority"), validators=[
        DataRequired(_l("Write why the request is transferred.")),
        Length(max=20_000, message=_l("The text can be at most %(max)d characters long."))])
    with_files = BooleanField(_l("Send the request's scans and files with it"))


def transferable(data_request) -> bool:
    """Whether the request's page offers the transfer (the rules still decide on sending)."""
    return data_request.state in OPEN


@bp.app_template_global()
def request_transfer(data_request):
    """Where the request went, for the staff page and the requester's status page."""
    return transfer_of(get_session(), data_request) if data_request.state == "transferred" \
        else None


bp.add_app_template_global(transferable)


@bp.route("/requests/<int:request_id>/transfer", methods=["GET", "POST"])
def transfer_request(request_id: int):
    data_request = visible_request(request_id)
    form = TransferForm(version=data_request.version)
    error, error_field, code = "", "", 200
    if form.validate_on_submit():
        session = get_session()
        version = form.version.data or ""
        try:
            transfer(session, data_request, current_user, TransferInput(
                version=int(version) if version.isdigit() else 0,
                authority_name=form.authority_name.data,
                authority_email=form.authority_email.data,
                authority_address=form.authority_address.data or "",
                reason=form.reason.data, with_files=form.with_files.data), now=utcnow())
            session.commit()
        except (Conflict, StaleDataError):
            session.rollback()
            error, code = str(STALE_REQUEST), 409
        except NotTransferable as exc:
            session.rollback()
            error, code = str(NOT_TRANSFERABLE[exc.reason]), 400
        except MailTooLarge as exc:
            session.rollback()
            error, error_field, code = transfer_refused(exc), "with_files", 400
        else:
            flash(_("The request was transferred and the requester was told.")
                  if data_request.email else
                  _("The request was transferred. The requester has no e-mail address: print "
                    "the letter on this page and post it."))
            return redirect(url_for("backoffice.request_detail", request_id=request_id))
        data_request = visible_request(request_id)
    elif form.errors:
        code = 400
    return render_template("backoffice/transfer.html", form=form, data_request=data_request,
                           error=error, error_field=error_field), code
