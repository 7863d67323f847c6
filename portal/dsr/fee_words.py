"""Fees in words and euros, in the reader's language (the rules are ``portal.law.fees``)."""

from __future__ import annotations

from flask_babel import format_currency
from flask_babel import lazy_gettext as _l

from ..law import fees as rules

FEE_GROUND_TITLES = {
    rules.MANIFESTLY_UNFOUNDED: _l("The request is manifestly unfounded"),
    rules.EXCESSIVE: _l("The request is excessive, in particular because it is repeated"),
    rules.FURTHER_COPIES: _l("Further copies of the data"),
    rules.DOCUMENT_COPIES: _l("Copies of documents, as the authority's fee decision provides"),
}


def euros(cents: int) -> str:
    """The amount in the current language's notation: ``25,50 €``, ``€25.50``."""
    return format_currency(cents / 100, "EUR")


#: The request form's sentence on fees where the organisation has written none of its own.
DEFAULT_FEE_TEXT = _l("Requests to this organisation are free of charge.")
MAX_FEE_TEXT = 500


def fee_text(controller, lang: str) -> str:
    """The organisation's own sentence on fees in ``lang``, or the portal's default."""
    return (controller.fee_texts or {}).get(lang) or str(DEFAULT_FEE_TEXT)


#: The document form's sentence on fees where the authority has written none of its own: a
#: document given electronically is free unless the authority's fee decision says otherwise
#: (Openness Act 621/1999 §34).
DOCUMENT_FEE_TEXT = _l("Documents given electronically are free of charge. Copies on paper may "
                       "be charged as the authority's fee decision provides.")


def document_fee_text(controller, lang: str) -> str:
    """The authority's own sentence on fees in ``lang``, or the document form's default."""
    return (controller.fee_texts or {}).get(lang) or str(DOCUMENT_FEE_TEXT)
