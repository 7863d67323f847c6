"""The facts an access answer owes the requester, drawn from the notices in force.

GDPR Art. 15(1)(a)-(h) and 15(2): purposes, categories of data, recipients (by name where the
notice names them, CJEU C-154/21), retention, the rights, the source, automated decisions and
transfers with their safeguards. A pointer to the privacy notice is not enough (EDPB Guidelines
01/2022), so the answer repeats them in the requester's language; the handler edits any part
before the decision is sent. Texts are Markdown, as in the notices.
"""

from __future__ import annotations

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Session

from ..dsr.models import DataRequest
from ..law.decisions import ACCESS_FACTS
from ..notices.languages import recipient_name, shown_language
from ..notices.processing_view import purposes_markdown, retention_markdown, transfers
from ..notices.sections import LEGAL_BASES, NO_AUTOMATED, PERSONAL_DATA, RECIPIENT_ROLES
from ..notices.service import NoticeNotFound, latest_published

FACT_TITLES = {
    "purposes": _l("Purposes and legal bases of the processing"),
    "categories": _l("Categories of personal data"),
    "recipients": _l("Recipients of the data"),
    "retention": _l("How long the data is kept"),
    "rights": _l("Your rights"),
    "source": _l("Where the data comes from"),
    "transfers": _l("Transfers outside the EU and EEA"),
    "automated_decisions": _l("Automated decision-making and profiling"),
}

RIGHTS_TEXT = _l(
    "You have the right to have inaccurate data about you corrected and, where the conditions "
    "of the General Data Protection Regulation are met, to have data erased, to have its "
    "processing restricted, to object to its processing and to receive the data you have "
    "given in a machine-readable form. You may lodge a complaint with the Data Protection "
    "Ombudsman.")
FROM_YOU = _l("The data has been collected from you.")
NO_TRANSFERS = _l("The data is not transferred outside the European Union or the European "
                  "Economic Area.")


def _part(content: dict, key: str, lang: str) -> str:
    return (content.get("sections", {}).get(key) or {}).get(lang, "").strip()


def _facts_of(content: dict, lang: str) -> dict[str, str]:
    bases = "\n".join(f"- {LEGAL_BASES[code]}" for code in content.get("legal_bases", ())
                      if code in LEGAL_BASES)
    categories = "\n".join(f"- {PERSONAL_DATA[code]}" for code in content.get("personal_data", ())
                           if code in PERSONAL_DATA)
    recipients = "\n".join(
        f"- {recipient_name(r, lang)} ({RECIPIENT_ROLES.get(r.get('role'), '')})"
        + (f": {r['description'][lang]}" if (r.get("description") or {}).get(lang) else "")
        for r in content.get("recipients", ()))
    collection = content.get("collection", "direct")
    automated = content.get("automated_decisions")
    # Format 2 names each third country with its safeguard (Art. 15(2)).
    countries = "\n".join(f"- {country}: {safeguard}"
                          for country, safeguard in transfers(content, lang))
    return {
        "purposes": "\n\n".join(filter(None, (
            _part(content, "purposes", lang),
            purposes_markdown(content, lang) if content.get("purposes") else bases,
            _part(content, "legal_basis", lang)))),
        "categories": "\n\n".join(filter(None, (categories,
                                                _part(content, "data_content", lang)))),
        "recipients": "\n\n".join(filter(None, (recipients,
                                                _part(content, "recipients", lang)))),
        "retention": "\n\n".join(filter(None, (_part(content, "retention", lang),
                                               retention_markdown(content, lang)))),
        "rights": str(RIGHTS_TEXT),
        "source": _part(content, "sources", lang) or (str(FROM_YOU) if collection == "direct"
                                                      else ""),
        "transfers": ("\n\n".join(filter(None, (_part(content, "transfers", lang), countries)))
                      if content.get("transfers_outside_eea") else str(NO_TRANSFERS)),
        # Format 2 leaves it out when not stated (None): then only the part's text is true.
        "automated_decisions": (_part(content, "automated_decisions", lang)
                                if automated or automated is None else str(NO_AUTOMATED)),
    }


def access_facts(session: Session, request: DataRequest) -> dict[str, str]:
    """Each Art. 15(1) part, from every register the request names, in its language."""
    lang = request.locale
    per_register = []
    with force_locale(lang):
        for register in request.registers:
            try:
                version = latest_published(session, register.slug)
            except NoticeNotFound:
                continue
            # A notice not published in the requester's language gives its texts in the
            # language its readers see (``notices.languages``), for the DPO to translate.
            shown = shown_language(version.content, lang)
            per_register.append((version.content["title"].get(shown, register.slug),
                                 _facts_of(version.content, shown)))
    facts = {}
    for key in ACCESS_FACTS:
        texts = [(title, found[key]) for title, found in per_register if found[key]]
        if len({text for _title, text in texts}) <= 1:
            facts[key] = texts[0][1] if texts else ""
        else:
            facts[key] = "\n\n".join(f"**{title}**\n\n{text}" for title, text in texts)
    return facts
