"""Staff forms: sign-in, password reset."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField, ValidationError
from wtforms.validators import DataRequired, EqualTo, Length

from .accounts import MIN_PASSWORD


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


class EnrolForm(ResetForm):
    """An invited staff member's first password, and a code proving their app is set up."""

    code = StringField(_l("One-time code"), validators=[
        DataRequired(_l("Enter the six-digit code from your authenticator app.")),
        Length(max=10)])
