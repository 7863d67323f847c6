"""The form's questions for a request made on behalf of someone else (legal rules §2).

Shared by the public form and the staff's entry form: whose data the request concerns, and on
what authority (:mod:`portal.law.representation`). The public form also takes the document that
shows the authority; on the staff form it is among the scans.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import RadioField, SelectChoice, StringField, ValidationError
from wtforms.validators import Length

from ..law.representation import AUTHORITIES, GUARDIAN, POWER_OF_ATTORNEY, TRUSTEE
from .identity import MAX_NAME, name_problem

SELF, OTHER = "self", "other"
AUTHORITY_TITLES = {
    GUARDIAN: _l("Guardian of a child"),
    TRUSTEE: _l("Trustee appointed for the person (edunvalvoja)"),
    POWER_OF_ATTORNEY: _l("Power of attorney"),
}
#: The proof of authority: PDF or images, checked by content (as the staff's scans).
PROOF_TYPES = {"application/pdf": b"%PDF-", "image/png": b"\x89PNG", "image/jpeg": b"\xff\xd8"}
MAX_PROOF = 1024 * 1024


def on_behalf_fields():
    """(on_behalf, represented_name, authority), made where the form lists them, so that they
    keep the page's order in the error summary (WTForms orders fields by creation)."""
    return (
        RadioField(_l("Whose data does the request concern?"),
                   choices=[SelectChoice(SELF, _l("The requester's own")),
                            SelectChoice(OTHER, _l("Someone else's, whom the requester "
                                                   "represents"))],
                   default=SELF, validate_choice=False),
        StringField(_l("Name of the person whose data it concerns"), validators=[
            Length(max=MAX_NAME, message=_l("The name can be at most %(max)d characters "
                                            "long."))]),
        RadioField(_l("On what authority does the requester act?"),
                   choices=[SelectChoice(code, AUTHORITY_TITLES[code]) for code in AUTHORITIES],
                   validate_choice=False),
    )


def proof_field():
    """The public form's upload of the document that shows the authority."""
    return FileField(_l("Document that shows the authority"))


class RepresentationChecks:
    """Mixed into a form with :func:`on_behalf_fields` (and :func:`proof_field`)."""

    def representing(self) -> bool:
        return self.on_behalf.data == OTHER

    def validate_on_behalf(self, field) -> None:
        if field.data not in (SELF, OTHER):
            raise ValidationError(_l("Choose one of the options shown."))

    def validate_represented_name(self, field) -> None:
        if not self.representing():
            return
        name = (field.data or "").strip()
        if not name:
            raise ValidationError(_l("Enter the name of the person whose data it concerns."))
        if name_problem(name) is not None:
            raise ValidationError(_l("Write the person's name on one line, using letters."))

    def validate_authority(self, field) -> None:
        if self.representing() and field.data not in AUTHORITIES:
            raise ValidationError(_l("Choose on what authority the requester acts."))

    def validate_authority_proof(self, field) -> None:
        if not self.representing():
            return
        upload = field.data
        if not upload or not getattr(upload, "filename", ""):
            raise ValidationError(_l("Attach the document that shows the authority, for "
                                     "example the power of attorney, as PDF, PNG or JPEG."))
        head = upload.stream.read(MAX_PROOF + 1)
        upload.stream.seek(0)
        magic = PROOF_TYPES.get(upload.mimetype)
        if magic is None or not head.startswith(magic) or len(head) > MAX_PROOF:
            raise ValidationError(_l("Attach the document as a PDF, PNG or JPEG file of at "
                                     "most 1 MB."))

    def proof_to_attach_again(self) -> str | None:
        """The name of a good document sent with a form returned for other errors.

        A browser never fills a file field again, and the portal keeps nothing from a form it
        did not accept, so the page names the file to attach again (WCAG 3.3.1, 3.3.4).
        """
        upload = self.authority_proof.data
        if not self.errors or self.authority_proof.errors or not self.representing():
            return None
        return getattr(upload, "filename", "") or None

    def proof(self) -> tuple[tuple[str, str, bytes], ...]:
        """(filename, mimetype, data) of the document, when the request is for someone else."""
        upload = self.authority_proof.data
        if not self.representing() or not upload:
            return ()
        return ((upload.filename[:200], upload.mimetype, upload.stream.read()),)
