"""The handler's text of a decision letter: the controller's own, or the portal's default.

One text per right, outcome and language (a partial decision or a refusal reads differently from
a grant). Placeholders use ``string.Template``: $name, $reference, $received, $organisation and
$matter (what was asked, as a noun phrase). Whatever a DPO writes, only these are filled in; any
other ``$`` stays as written.
"""

from __future__ import annotations

from string import Template

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..dates import format_date
from ..dsr.models import DataRequest
from ..dsr.rights import RIGHTS
from ..law.decisions import GRANTED
from .models import LetterTemplate

DEFAULTS = {
    "access": _l("Hello $name,\n\nYou asked on $received for a copy of your personal data "
                 "(reference $reference). The data $organisation holds about you is below, and "
                 "the same data is attached as machine-readable files. Below you will also "
                 "find why the data is processed, who receives it, how long it is kept and "
                 "where it comes from."),
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
    "consent": _l("Hello $name,\n\nYou withdrew on $received your consent to the processing of "
                  "your personal data (reference $reference). We have recorded the withdrawal, "
                  "and we no longer process your data on the basis of that consent."),
}


#: The other outcomes read alike for every right; $matter names what was asked.
OUTCOME_DEFAULTS = {
    "partly_granted": _l("Hello $name,\n\nYou made on $received a request (reference "
                         "$reference): $matter. We grant the request in part. What we give "
                         "you is below; what we cannot give you, and why, is told further on "
                         "in this decision."),
    "refused": _l("Hello $name,\n\nYou made on $received a request (reference $reference): "
                  "$matter. We cannot grant the request. The reasons and the provisions we "
                  "applied are below."),
    "no_data": _l("Hello $name,\n\nYou asked on $received for a copy of your personal data "
                  "(reference $reference). We have searched the registers named in your "
                  "request and found no personal data about you."),
}


def _query(controller_id: int, right: str, outcome: str, lang: str):
    return select(LetterTemplate).where(
        LetterTemplate.controller_id == controller_id, LetterTemplate.right_code == right,
        LetterTemplate.outcome == outcome, LetterTemplate.locale == lang)


def template_text(session: Session, controller_id: int, right: str, outcome: str,
                  lang: str) -> str:
    """The controller's template, or the default in ``lang``."""
    own = session.scalar(_query(controller_id, right, outcome, lang))
    if own is not None:
        return own.body
    with force_locale(lang):
        return str(DEFAULTS[right] if outcome == GRANTED else OUTCOME_DEFAULTS[outcome])


def opening_for(session: Session, request: DataRequest, outcome: str) -> str:
    """The template for this request and outcome, filled in, in the requester's language."""
    text = template_text(session, request.controller_id, request.right_code, outcome,
                         request.locale)
    with force_locale(request.locale):
        received = format_date(request.received_at, "long")
        matter = str(RIGHTS[request.right_code].matter).lower()
    return Template(text).safe_substitute(
        name=request.name, reference=request.reference or "", received=received,
        organisation=request.controller.name.get(request.locale, ""), matter=matter)


def save_templates(session: Session, controller_id: int, right: str, outcome: str,
                   texts: dict[str, str]) -> dict:
    """Store the three languages' texts; return the texts before, for the audit trail."""
    before = {}
    for lang, body in texts.items():
        row = session.scalar(_query(controller_id, right, outcome, lang))
        before[lang] = row.body if row else None
        if row is None:
            session.add(LetterTemplate(controller_id=controller_id, right_code=right,
                                       outcome=outcome, locale=lang, body=body))
        else:
            row.body = body
    return before
