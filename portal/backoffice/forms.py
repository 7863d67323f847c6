"""Staff forms: sign-in, password reset."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField, ValidationError
from wtforms.validators import DataRequired, EqualTo, Length

from .accounts import MIN_PASSWORD
from .passwords import is_common


class LoginForm(FlaskForm):
    email = StringField(_l("E-mail address"), validators=[
        DataRequired(_l("Enter your e-mail address.")), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[
        DataRequired(_l("Enter your password.")), Length(max=500)])
    code = StringField(_l("One-time code"), validators=[
        DataRequired(_l("Enter the six-digit code from your authenticator app.")),
        Length(max=10)])


class ResetRequestForm(FlaskForm):
    email = StringField(_l("E-mail address"), validators=[
        DataRequired(_l("Enter your e-mail address.")), Length(max=254)])


class ResetForm(FlaskForm):
    password = PasswordField(_l("New password"), validators=[
        DataRequired(_l("Enter a new password.")), Length(max=500)])
    confirm = PasswordField(_l("New password again"), validators=[
        EqualTo("password", _l("The passwords do not match."))])

    def validate_password(self, field) -> None:
        if len(field.data or "") < MIN_PASSWORD:
            raise ValidationError(_l("Use at least %(num)d characters.", num=MIN_PASSWORD))
        if is_common(field.data):
            raise ValidationError(_l("This password is too common or has appeared in data "
                                     "breaches. Choose another one, for example a few "
                                     "unrelated words."))


class ReauthenticateForm(FlaskForm):
    """The password and a current code again, before an authenticator is replaced."""

    password = PasswordField(_l("Password"), validators=[
        DataRequired(_l("Enter your password.")), Length(max=500)])
    code = StringField(_l("One-time code"), validators=[
        DataRequired(_l("Enter the six-digit code from your authenticator app.")),
        Length(max=10)])


class NewAuthenticatorForm(FlaskForm):
    code = StringField(_l("Code from the new app"), validators=[
        DataRequired(_l("Enter the six-digit code from your authenticator app.")),
        Length(max=10)])


class EnrolForm(ResetForm):
    """An invited staff member's first password, and a code proving their app is set up."""

    code = StringField(_l("One-time code"), validators=[
        DataRequired(_l("Enter the six-digit code from your authenticator app.")),
        Length(max=10)])
