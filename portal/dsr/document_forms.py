"""The document request form (Openness Act 621/1999, legal rules §9).

Anyone may ask; the form asks only what the authority needs to find the documents and to send
them: the authority, the documents, and an e-mail address for the confirmation and the answer.
A name is optional (§13(2): identity and purpose are asked only for secret documents or personal
data from a register, and then by the authority).
"""

from __future__ import annotations

import secrets

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    HiddenField,
    RadioField,
    SelectChoice,
    StringField,
    TextAreaField,
    ValidationError,
)
from wtforms.validators import DataRequired, Length

from .forms import MAX_DETAILS, ContactChecks, email_check
from .identity import MAX_NAME


class DocumentRequestForm(ContactChecks, FlaskForm):
    authority = RadioField(_l("Which authority do you ask?"), choices=[],
                           validators=[DataRequired(_l("Choose the authority."))],
                           validate_choice=False)
    documents = TextAreaField(_l("Which documents do you want?"), validators=[
        DataRequired(_l("Name or describe the documents you want.")),
        Length(max=MAX_DETAILS,
               message=_l("The description can be at most %(max)d characters long."))])
    name = StringField(_l("Your name (optional)"), validators=[
        Length(max=MAX_NAME,
               message=_l("The name can be at most %(max)d characters long."))])
    email = StringField(_l("E-mail address"), validators=[
        DataRequired(_l("Enter your e-mail address.")),
        Length(max=254, message=_l("The e-mail address is too long.")), email_check])
    #: Bots fill every field; people never see this one.
    website = StringField(_l("Leave this field empty"))
    #: One key per form: sending the same form twice makes one request.
    submission = HiddenField()

    def __init__(self, authorities: list[tuple[str, str]], *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.authority.choices = [SelectChoice(slug, name) for slug, name in authorities]
        if not self.submission.data:
            self.submission.data = secrets.token_urlsafe(24)

    def validate_authority(self, field) -> None:
        if field.data not in {choice.value for choice in field.choices}:
            raise ValidationError(_l("Choose one of the options shown."))

    def validate_name(self, field) -> None:
        """An optional name, but when given it is quoted in mails, so it must read as a name."""
        name = (field.data or "").strip()
        if name:
            self.check_name(name)
