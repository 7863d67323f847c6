"""Legal holds and retention's record types in words, in the reader's language."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

HOLD_TITLES = {
    "ombudsman": _l("Complaint to the Data Protection Ombudsman"),
    "appeal": _l("Appeal or request for rectification"),
    "claim": _l("Claim in court"),
    "proceeding": _l("Another proceeding"),
}

RECORD_TITLES = {
    "requests": _l("Closed requests"),
    "decisions": _l("Decisions and letters"),
    "audit": _l("Audit trail"),
}
