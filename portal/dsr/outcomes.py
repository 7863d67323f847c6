"""Decision outcomes and refusal grounds in words, in the reader's language.

The codes and the provisions are rules (``portal.law``); this module gives them words. The
status page, the staff pages, the audit trail and the letter all render a stored code through
these tables when shown, so each reader sees it in their own language.
"""

from __future__ import annotations

from flask_babel import LazyString, force_locale, get_locale
from flask_babel import lazy_gettext as _l

from ..law.citations import capitalised, cite
from ..law.decisions import Decision, provisions_applied
from ..law.grounds import OTHER_ACT
from ..law.openness import ALL_POINTS, description, secrecy_provision

OUTCOME_TITLES = {
    "granted": _l("Granted"),
    "partly_granted": _l("Granted in part"),
    "refused": _l("Refused"),
    "no_data": _l("No personal data about the requester"),
}

#: The sentence of the letter that says what was decided.
OUTCOME_SENTENCES = {
    "granted": _l("Your request is granted."),
    "partly_granted": _l("Your request is granted in part."),
    "refused": _l("Your request is refused."),
    "no_data": _l("We have checked our registers: we hold no personal data about you."),
}

GROUND_LABELS = {
    "identity_not_established": _l("Your identity could not be established"),
    "not_specified": _l("You did not specify what your request concerns, although you were "
                        "asked to"),
    "manifestly_unfounded": _l("The request is manifestly unfounded"),
    "excessive": _l("The request is excessive, in particular because it is repeated"),
    "others_rights": _l("Giving the data would adversely affect the rights and freedoms of "
                        "others"),
    "dpa_34_1": _l("Giving the data could endanger national security, defence or public order "
                   "and security, or hinder the prevention or investigation of crime"),
    "dpa_34_2": _l("Giving the data could seriously endanger the health or care of the data "
                   "subject, or the rights of the data subject or of someone else"),
    "dpa_34_3": _l("The data is used for supervision and inspection, and withholding it is "
                   "necessary to safeguard an important economic or financial interest of "
                   "Finland or the European Union"),
    "research_statistics": _l("The data is processed for scientific or historical research or "
                              "for statistics, and the right would prevent or seriously impair "
                              "that purpose"),
    "archiving": _l("The data is processed for archiving in the public interest, and the right "
                    "would prevent or seriously impair that purpose"),
    "accurate": _l("The data is accurate and complete; your view can be added to it"),
    "no_erasure_ground": _l("None of the grounds for erasure applies"),
    "erasure_exception_a": _l("The processing is necessary for exercising the right of freedom "
                              "of expression and information"),
    "erasure_exception_b": _l("The processing is necessary for compliance with a legal "
                              "obligation, or for a task carried out in the public interest or "
                              "in the exercise of official authority"),
    "erasure_exception_c": _l("The processing is necessary for reasons of public interest in "
                              "the area of public health"),
    "erasure_exception_d": _l("The processing is necessary for archiving in the public "
                              "interest, for scientific or historical research or for "
                              "statistics"),
    "erasure_exception_e": _l("The processing is necessary for the establishment, exercise or "
                              "defence of legal claims"),
    "restriction_conditions": _l("None of the conditions for restricting processing is met"),
    "objection_not_applicable": _l("The processing is based neither on a public task nor on "
                                   "legitimate interests, so the right to object does not "
                                   "apply"),
    "compelling_grounds": _l("There are compelling legitimate grounds for the processing that "
                             "override your interests, rights and freedoms, or the processing "
                             "is needed for legal claims"),
    "portability_not_applicable": _l("The right to data portability does not apply: the "
                                     "processing is not based on consent or a contract and "
                                     "carried out by automated means, or it is done for a "
                                     "public task"),
    OTHER_ACT: _l("Another Act"),
    "openness_16_3": _l("Personal data from a register: the requester has no right to record "
                        "and use the data under data protection law (section 16(3))"),
    "not_official_document": _l("The document is not an official document of the authority "
                                "(sections 4–5)"),
}

#: Why a question was asked (``dsr.pauses.REASONS``).
REASON_TITLES = {
    "identity": _l("To establish identity (GDPR Art. 12(6))"),
    "clarify": _l("To have the request specified (GDPR Recital 63)"),
    "other": _l("Another reason (the time limit runs on)"),
}

#: How a request arrived (``dsr.models.CHANNELS`` entered by staff).
CHANNEL_TITLES = {
    "letter": _l("Letter"),
    "email": _l("E-mail"),
    "phone": _l("Telephone"),
    "desk": _l("In person at a service desk"),
}

SECTION_34_SENTENCES = _l(
    "Under section 34(3) of the Data Protection Act you are told the reasons for the "
    "restriction unless that would defeat its purpose. You may ask that the data be given to "
    "the Data Protection Ombudsman, who can check that it is processed lawfully.")


def ground_label(code: str, decision: Decision | None = None, lang: str = "en") -> str:
    """A ground in words; "another Act" is the DPO's own citation in ``lang``."""
    if code == OTHER_ACT and decision is not None and decision.other_act.get(lang):
        return decision.other_act[lang]
    return str(GROUND_LABELS.get(code, code))


def citations(right: str, decision: Decision, lang: str) -> list[str]:
    """The provisions applied, each cited in ``lang``'s form, the DPO's other Act last."""
    cited = [capitalised(cite(p, lang)) for p in provisions_applied(right, decision)]
    if OTHER_ACT in decision.grounds and decision.other_act.get(lang):
        cited.append(decision.other_act[lang])
    return cited


def grounds_in(lang: str, codes, decision: Decision | None = None) -> list[str]:
    """Ground labels in ``lang`` (for a mail or a letter outside the request's locale)."""
    with force_locale(lang):
        return [ground_label(code, decision, lang) for code in codes]



def secrecy_label(point: str, lang: str) -> str:
    """A §24(1) point in words: "Section 24(1)(25) of the Act on the Openness of Government
    Activities (621/1999): information on a social-welfare client ..."."""
    return f"{capitalised(cite(secrecy_provision(point), lang))}: {description(point, lang)}"


#: Event codes of the points of §24(1) (``secrecy_25``) and §11(2) (``secrecy_11-2-1``) in the
#: reader's language when shown.
SECRECY_LABELS = {f"secrecy_{point}": LazyString(lambda p=point: secrecy_label(p, str(
    get_locale()))) for point in ALL_POINTS}
