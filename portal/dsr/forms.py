"""The request form. Field names are a contract: right, registers, name, email, phone, details."""

from __future__ import annotations

import re
import secrets

from email_validator import EmailNotValidError, validate_email
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    HiddenField,
    RadioField,
    SelectChoice,
    SelectMultipleField,
    StringField,
    TextAreaField,
    ValidationError,
)
from wtforms.validators import DataRequired, Length, Optional

from .identity import MAX_NAME, name_problem
from .representation import RepresentationChecks, on_behalf_fields, proof_field
from .rights import RIGHTS

PHONE_RE = re.compile(r"^\+?[0-9 ()\-]{5,30}$")
MAX_DETAILS = 10_000


def email_check(form, field) -> None:
    try:
        field.data = validate_email(field.data or "", check_deliverability=False).normalized
    except EmailNotValidError:
        raise ValidationError(_l("Enter an e-mail address in the form name@example.fi.")
                              ) from None


NAME_MESSAGES = {
    "lines": _l("Write your name on one line."),
    "control": _l("The name contains invisible or control characters. Type it again."),
    "address": _l("Write only your name, without web or e-mail addresses."),
    "letters": _l("Write your name using letters."),
}


class ContactChecks:
    """The checks of a requester's name and telephone number, shared by the public form and
    staff entry: the name is quoted in mails and letters, so it must read as a name only."""

    @staticmethod
    def check_name(name: str) -> None:
        problem = name_problem(name)
        if problem is not None:
            raise ValidationError(NAME_MESSAGES[problem])

    def validate_phone(self, field) -> None:
        if field.data and not PHONE_RE.match(field.data.strip()):
            raise ValidationError(_l("Enter the telephone number using digits, for example "
                                     "040 123 4567."))


class RequestForm(ContactChecks, RepresentationChecks, FlaskForm):
    right = RadioField(
        _l("What do you want to do?"),
        choices=[SelectChoice(code, right.title) for code, right in RIGHTS.items()],
        validators=[DataRequired(_l("Choose what you want to do."))], validate_choice=False,
    )
    registers = SelectMultipleField(_l("Which registers does your request concern?"),
                                    choices=[], validate_choice=False)
    #: Shown when a chosen register is held jointly (GDPR Art. 26(3)).
    controller = RadioField(_l("Which of the joint controllers should handle your request?"),
                            choices=[], validate_choice=False)
    name = StringField(_l("Your name"), validators=[
        DataRequired(_l("Enter your name.")),
        Length(max=MAX_NAME,
               message=_l("The name can be at most %(max)d characters long."))])
    email = StringField(_l("E-mail address"), validators=[
        DataRequired(_l("Enter your e-mail address.")),
        Length(max=254, message=_l("The e-mail address is too long.")), email_check])
    phone = StringField(_l("Telephone number (optional)"), validators=[Optional()])
    on_behalf, represented_name, authority = on_behalf_fields()
    authority_proof = proof_field()
    details = TextAreaField(_l("Details of your request"), validators=[
        Length(max=MAX_DETAILS,
               message=_l("The details can be at most %(max)d characters long."))])
    wants_recipients = BooleanField(_l("Tell me who has received my data"))
    #: Bots fill every field; people never see this one.
    website = StringField(_l("Leave this field empty"))
    #: One key per form: sending the same form twice makes one request.
    submission = HiddenField()

    def __init__(self, register_choices: list[tuple[str, str]], *args,
                 consent_registers: frozenset[str] | set[str] = frozenset(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        #: The registers whose processing relies on consent (GDPR Art. 6(1)(a)).
        self.consent_registers = consent_registers
        self.registers.choices = [SelectChoice(slug, title) for slug, title in register_choices]
        if not self.submission.data:
            self.submission.data = secrets.token_urlsafe(24)

    def validate_right(self, field) -> None:
        if field.data not in RIGHTS:
            raise ValidationError(_l("Choose one of the options shown."))

    def validate_registers(self, field) -> None:
        known = {choice.value for choice in field.choices}
        if any(slug not in known for slug in field.data or ()):
            raise ValidationError(_l("Choose registers from the list shown."))
        if self.right.data == "consent" and (
                not field.data or any(s not in self.consent_registers for s in field.data)):
            raise ValidationError(_l("Consent can be withdrawn only from registers whose "
                                     "processing is based on consent. Choose one or more of "
                                     "them."))

    def validate_controller(self, field) -> None:
        if field.data and field.data not in {choice.value for choice in field.choices}:
            raise ValidationError(_l("Choose one of the organisations shown."))

    def validate_name(self, field) -> None:
        self.check_name((field.data or "").strip())

    def validate_details(self, field) -> None:
        right = RIGHTS.get(self.right.data or "")
        if right and right.needs_details and not (field.data or "").strip():
            raise ValidationError(
                _l("Tell us what is wrong and what it should say.")
                if right.code == "rectification"
                else _l("Tell us the grounds for your objection."))
