"""The form on which staff enter a request that came by letter, e-mail, phone or at a desk.

The receipt date and time are the real ones (legal rules §1.1: the clock starts when the request
reached the controller, not when it was typed in), given in Helsinki time. The requester is told
of receipt by e-mail when they gave an address, otherwise by post, so one of the two is needed.

Staff of a public authority also choose the law (legal rules §9): a request for the requester's
own personal data is a GDPR request (a right and registers); one for the authority's documents
is a document request under the Openness Act 621/1999 (the authority and the documents, §13(1)),
whose requester need not give a name (§13(2)). A mixed request is entered once under each law.
"""

from __future__ import annotations

from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import MultipleFileField
from wtforms import (
    DateField,
    RadioField,
    SelectChoice,
    SelectMultipleField,
    StringField,
    TextAreaField,
    TimeField,
    ValidationError,
)
from wtforms.validators import InputRequired, Length, Optional

from ..db import utcnow
from ..deadlines import HELSINKI
from ..dsr.forms import MAX_DETAILS, ContactChecks, email_check
from ..dsr.identity import MAX_NAME
from ..dsr.outcomes import CHANNEL_TITLES
from ..dsr.representation import RepresentationChecks, on_behalf_fields
from ..dsr.rights import RIGHTS
from ..i18n import LOCALES

#: The law choice, offered only to staff of a public authority (legal rules §9).
LAW_CHOICES = {"gdpr": _l("The requester's own personal data: a data protection request (GDPR)"),
               "openness": _l("Documents of the authority: a document request (Act on the "
                              "Openness of Government Activities)")}

#: Scans of a letter or of what was handed in: PDF or images. A scanned letter is often 5-15 MB,
#: so the form with all its files may carry ``PORTAL_STAFF_UPLOAD_MAX_MB`` (20 by default;
#: :mod:`portal.uploads`, and nginx's ``client_max_body_size`` for ``/admin/``); more is refused
#: with a 413 page naming the limit before the form is read.
ATTACHMENT_TYPES = {"application/pdf": b"%PDF-", "image/png": b"\x89PNG", "image/jpeg": b"\xff\xd8"}
MAX_ATTACHMENTS = 5


class StaffEntryForm(ContactChecks, RepresentationChecks, FlaskForm):
    channel = RadioField(_l("How did the request arrive?"),
                         choices=[SelectChoice(code, title)
                                  for code, title in CHANNEL_TITLES.items()],
                         validators=[InputRequired(_l("Choose how the request arrived."))])
    received_date = DateField(_l("Date of receipt"), validators=[
        InputRequired(_l("Enter the date the request arrived, for example 2026-03-02."))])
    received_time = TimeField(_l("Time of receipt (Helsinki time)"), validators=[
        InputRequired(_l("Enter the time the request arrived, for example 09:30."))])
    law = RadioField(_l("What does the request ask for?"),
                     choices=[SelectChoice(code, title) for code, title in LAW_CHOICES.items()],
                     default="gdpr", validate_choice=False)
    right = RadioField(_l("What does the requester want to do?"),
                       choices=[SelectChoice(code, right.title) for code, right in RIGHTS.items()],
                       validate_choice=False)
    registers = SelectMultipleField(_l("Which registers does the request concern?"),
                                    choices=[], validate_choice=False)
    organisation = RadioField(_l("Which authority is asked?"), choices=[],
                              validate_choice=False)
    documents = TextAreaField(_l("Which documents are asked for?"), validators=[
        Length(max=MAX_DETAILS, message=_l("The text can be at most %(max)d characters long."))])
    name = StringField(_l("Requester's name"), validators=[
        Length(max=MAX_NAME, message=_l("The name can be at most %(max)d characters long."))])
    email = StringField(_l("Requester's e-mail address (optional)"), validators=[
        Optional(), Length(max=254, message=_l("The e-mail address is too long.")), email_check])
    postal_address = TextAreaField(_l("Requester's postal address (optional)"), validators=[
        Length(max=500, message=_l("The address can be at most %(max)d characters long."))])
    phone = StringField(_l("Requester's telephone number (optional)"), validators=[Optional()])
    locale = RadioField(_l("Requester's language"),
                        choices=[SelectChoice(code, title) for code, title in LOCALES.items()],
                        validators=[InputRequired(_l("Choose the requester's language."))])
    on_behalf, represented_name, authority = on_behalf_fields()
    details = TextAreaField(_l("What the request says"), validators=[
        Length(max=MAX_DETAILS, message=_l("The text can be at most %(max)d characters long."))])
    diary_number = StringField(_l("Diary number (optional)"), validators=[
        Length(max=64, message=_l("The diary number can be at most %(max)d characters long."))])
    attachments = MultipleFileField(_l("Scans of the request (optional)"))

    def __init__(self, register_choices: list[tuple[str, str]], *args,
                 authorities: list[tuple[str, str]] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.registers.choices = [SelectChoice(slug, title) for slug, title in register_choices]
        self.organisation.choices = [SelectChoice(slug, name) for slug, name in authorities]
        if len(authorities) == 1 and not self.organisation.data:
            self.organisation.data = authorities[0][0]

    def documents_request(self) -> bool:
        """A document request under the Openness Act; only a public authority's staff can
        choose it (a private body's staff are never offered the choice)."""
        return self.law.data == "openness" and bool(self.organisation.choices)

    def validate_law(self, field) -> None:
        if field.data not in LAW_CHOICES or (field.data == "openness"
                                             and not self.organisation.choices):
            raise ValidationError(_l("Choose one of the options shown."))

    def validate_right(self, field) -> None:
        if not self.documents_request() and field.data not in RIGHTS:
            raise ValidationError(_l("Choose what the requester wants to do."))

    def validate_organisation(self, field) -> None:
        if self.documents_request() and field.data not in {c.value for c in field.choices}:
            raise ValidationError(_l("Choose the authority."))

    def validate_documents(self, field) -> None:
        if self.documents_request() and not (field.data or "").strip():
            raise ValidationError(_l("Name or describe the documents asked for."))

    def received_at(self) -> datetime:
        """The receipt moment, in Helsinki time as the staff member read it from the letter."""
        return datetime.combine(self.received_date.data, self.received_time.data, HELSINKI)

    def validate_received_time(self, field) -> None:
        if (self.received_date.data and field.data
                and self.received_at() > utcnow().astimezone(HELSINKI)):
            raise ValidationError(_l("The time of receipt cannot be in the future."))

    def validate_registers(self, field) -> None:
        if self.documents_request():  # documents are asked for, not a register's data
            return
        known = {choice.value for choice in field.choices}
        if not field.data:
            raise ValidationError(_l("Choose at least one register."))
        if any(slug not in known for slug in field.data):
            raise ValidationError(_l("Choose registers from the list shown."))

    def validate_name(self, field) -> None:
        name = (field.data or "").strip()
        if not name and self.documents_request():  # §13(2): no name needed for documents
            return
        if not name:
            raise ValidationError(_l("Enter the requester's name."))
        self.check_name(name)

    def validate_postal_address(self, field) -> None:
        if not (field.data or "").strip() and not (self.email.data or "").strip():
            raise ValidationError(_l("Enter an e-mail address or a postal address: the "
                                     "requester is told of receipt at one of them."))

    def validate_attachments(self, field) -> None:
        files = [f for f in field.data or () if f and f.filename]
        if len(files) > MAX_ATTACHMENTS:
            raise ValidationError(_l("Attach at most %(num)d files.", num=MAX_ATTACHMENTS))
        for upload in files:
            head = upload.stream.read(8)  # the file itself stays in its temporary file
            upload.stream.seek(0)
            magic = ATTACHMENT_TYPES.get(upload.mimetype)
            if magic is None or not head.startswith(magic):
                raise ValidationError(_l("Attach PDF, PNG or JPEG files."))
