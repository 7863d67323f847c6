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
from ..dsr.rights import right_of
from ..law.citations import cite, gdpr
from ..law.decisions import ADVERSE, GRANTED, NO_DATA, Decision
from ..law.fees import FEE_GROUNDS, charged
from ..law.grounds import RIGHT_ARTICLES, uses_section_34
from ..law.openness import BASES, answer_by, description, parse_point, secrecy_provision
from ..law.remedies import notification_channel
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


def _secret_parts(decision: Decision, lang: str) -> list[tuple[str, str, str]]:
    """Each withheld part of a document with its point of §24(1) or §11(2) cited and
    described."""
    parts = []
    for part in decision.secret_parts:
        point = parse_point(part.get("point"))
        parts.append((part["what"], cite(secrecy_provision(point), lang),
                      description(point, lang)))
    return parts


def render_decision(request: DataRequest, decision: Decision, *, files: tuple[Extract, ...],
                    preparer: StaffUser, signer: StaffUser, now, official: bool = False,
                    delivery: str = "attach") -> bytes:
    """The decision letter for ``request``, signed by ``signer``, in the requester's language.

    ``delivery``: "collect" leaves it on the status page; otherwise it is mailed, or posted
    when the request has no e-mail address (the day it is deemed notified differs).

    ``official``: an official's answer to a document request that withholds documents; it asks
    whether the requester wants a written decision and carries no appeal instructions
    (Openness Act §14(3)).
    """
    lang, day = request.locale, receipt_date(now)
    right = right_of(request)
    documents_request = request.law == "openness"
    with force_locale(lang):
        fee = charged(decision.outcome, request.fee_cents)
        channel = notification_channel(request.email or "", delivery)
        remedy = (remedy_instructions(request.controller, lang, day, law=request.law,
                                      channel=channel)
                  if (decision.outcome in ADVERSE or fee) and not official else None)
        right_citation = (cite(BASES.get(decision.basis, BASES["public"]), lang)
                          if documents_request
                          else cite(gdpr(*RIGHT_ARTICLES[request.right_code]), lang))
        html = render_template(
            "pdf/decision.html", data_request=request, decision=decision, lang=lang,
            right=right, day=day, outcome=str(OUTCOME_SENTENCES[decision.outcome]),
            adverse=decision.outcome in ADVERSE, no_data=decision.outcome == NO_DATA,
            grounds=[ground_label(code, decision, lang) for code in decision.grounds],
            provisions=citations(request.right_code, decision, lang),
            right_citation=right_citation, documents_request=documents_request,
            official=official, secret_parts=_secret_parts(decision, lang),
            answer_by=answer_by(day, current_app.config["PORTAL"].openness_answer_days),
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
