"""Opening texts of answers: the controller's own template, or the portal's default.

Placeholders use ``string.Template``: $name, $reference, $received, $organisation. Whatever a
DPO writes, only these are filled in; any other ``$`` stays as written.
"""

from __future__ import annotations

from string import Template

from flask_babel import force_locale, format_date
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..dsr.models import DataRequest
from .models import LetterTemplate

DEFAULTS = {
    "access": _l("Hello $name,\n\nYou asked on $received for a copy of your personal data "
                 "(reference $reference). The data $organisation holds about you is below, and "
                 "the same data is attached as machine-readable files.\n\nWhy the data is "
                 "processed, who receives it, how long it is kept and where it comes from is "
                 "told in the privacy notice of the register."),
    "rectification": _l("Hello $name,\n\nYou asked on $received for your personal data to be "
                        "corrected (reference $reference). We have corrected the data as "
                        "follows:"),
    "erasure": _l("Hello $name,\n\nYou asked on $received for your personal data to be erased "
                  "(reference $reference). We have erased the following data:"),
    "restriction": _l("Hello $name,\n\nYou asked on $received for the processing of your "
                      "personal data to be restricted (reference $reference). We have "
                      "restricted the processing as follows:"),
    "objection": _l("Hello $name,\n\nYou objected on $received to the processing of your "
                    "personal data (reference $reference). We have assessed your grounds as "
                    "follows:"),
    "portability": _l("Hello $name,\n\nYou asked on $received for your personal data in a "
                      "machine-readable form (reference $reference). The data you have given "
                      "us is attached as machine-readable files."),
}


def template_text(session: Session, controller_id: int, right: str, lang: str) -> str:
    """The controller's template, or the default in ``lang``."""
    own = session.scalar(select(LetterTemplate.body).where(
        LetterTemplate.controller_id == controller_id, LetterTemplate.right_code == right,
        LetterTemplate.locale == lang))
    if own is not None:
        return own
    with force_locale(lang):
        return str(DEFAULTS[right])


def opening_for(session: Session, request: DataRequest) -> str:
    """The template for this request, filled in, in the requester's language."""
    text = template_text(session, request.controller_id, request.right_code, request.locale)
    with force_locale(request.locale):
        received = format_date(request.received_at, "long")
    return Template(text).safe_substitute(
        name=request.name, reference=request.reference or "", received=received,
        organisation=request.controller.name.get(request.locale, ""))


def save_templates(session: Session, controller_id: int, right: str,
                   texts: dict[str, str]) -> dict:
    """Store the three languages' texts; return the texts before, for the audit trail."""
    before = {}
    for lang, body in texts.items():
        row = session.scalar(select(LetterTemplate).where(
            LetterTemplate.controller_id == controller_id, LetterTemplate.right_code == right,
            LetterTemplate.locale == lang))
        before[lang] = row.body if row else None
        if row is None:
            session.add(LetterTemplate(controller_id=controller_id, right_code=right,
                                       locale=lang, body=body))
        else:
            row.body = body
    return before
