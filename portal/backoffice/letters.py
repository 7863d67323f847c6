"""Decision letters to the requester as tagged PDFs, in the requester's language.

What a decision holds follows the shared legal rules §5 (APA 434/2003 §§44-45, 47): the
authority, the date, the person, what was asked and decided, the reasons with the facts and the
provisions applied, what was withheld in a partial decision, who gives more information, who
decided, the complaint to the Data Protection Ombudsman, and for a refusal or partial decision
the remedy instructions of the controller's route on a page of their own.
"""

from __future__ import annotations

from pathlib import Path

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from ..deadlines import receipt_date
from ..dsr.models import DataRequest
from ..dsr.outcomes import OUTCOME_SENTENCES, SECTION_34_SENTENCES, citations, ground_label
from ..dsr.rights import RIGHTS
from ..law.citations import cite, gdpr
from ..law.decisions import ADVERSE, GRANTED, NO_DATA, Decision
from ..law.fees import FEE_GROUNDS, charged
from ..law.grounds import RIGHT_ARTICLES, uses_section_34
from ..law.steps import consent_ends_on, recipient_records
from ..pdf import render_pdf
from ..text import render_markdown
from .access_facts import FACT_TITLES
from .extracts import Extract
from .models import StaffUser
from .remedy_texts import remedy_instructions

ROLE_TITLES = {"dpo": _l("Data protection officer"), "handler": _l("Handler"),
               "editor": _l("Editor"), "admin": _l("Administrator")}


def title_of(staff: StaffUser, lang: str) -> str:
    """The staff member's job title in ``lang``, or their role's name."""
    return (staff.title or {}).get(lang) or str(ROLE_TITLES[staff.role])


def render_decision(request: DataRequest, decision: Decision, *, files: tuple[Extract, ...],
                    preparer: StaffUser, signer: StaffUser, now) -> bytes:
    """The decision letter for ``request``, signed by ``signer``, in the requester's language."""
    lang, day = request.locale, receipt_date(now)
    right = RIGHTS[request.right_code]
    with force_locale(lang):
        fee = charged(decision.outcome, request.fee_cents)
        remedy = (remedy_instructions(request.controller, lang, day)
                  if decision.outcome in ADVERSE or fee else None)
        html = render_template(
            "pdf/decision.html", data_request=request, decision=decision, lang=lang,
            right=right, day=day, outcome=str(OUTCOME_SENTENCES[decision.outcome]),
            adverse=decision.outcome in ADVERSE, no_data=decision.outcome == NO_DATA,
            grounds=[ground_label(code, decision, lang) for code in decision.grounds],
            provisions=citations(request.right_code, decision, lang),
            right_citation=cite(gdpr(*RIGHT_ARTICLES[request.right_code]), lang),
            section_34=str(SECTION_34_SENTENCES) if uses_section_34(decision.grounds) else "",
            facts=[(str(FACT_TITLES[key]), text) for key, text in decision.facts.items()
                   if text.strip()],
            tables=[f for f in files if f.is_table], documents=[f for f in files
                                                                if not f.is_table],
            preparer=preparer, signer=signer, signer_title=title_of(signer, lang),
            preparer_title=title_of(preparer, lang), remedy=remedy,
            consent_ends=consent_ends_on(receipt_date(request.received_at))
            if request.right_code == "consent" and decision.outcome == GRANTED else None,
            consent_citation=cite(gdpr(7, 3), lang),
            recipients=recipient_records(decision.notified) if request.wants_recipients else [],
            recipients_citation=cite(gdpr(19), lang),
            kept=[(k, cite(gdpr(17, 3, k["point"]), lang)) for k in decision.kept],
            markdown=render_markdown,
            fee_citation=cite(FEE_GROUNDS[request.fee_ground], lang) if fee else "")
        return render_pdf(html, Path(current_app.static_folder))
