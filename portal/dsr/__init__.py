"""Data-subject requests (GDPR Arts. 15-22): intake, confirmation, deadlines, status page."""

from ..i18n import localized_blueprint

bp = localized_blueprint("dsr", __name__)


@bp.app_context_processor
def outcome_words() -> dict:
    """Outcomes and grounds are stored as codes and put in words in each reader's language."""
    from ..cases.titles import HOLD_TITLES
    from .fee_words import FEE_GROUND_TITLES, euros
    from .outcomes import (
        CHANNEL_TITLES,
        GROUND_LABELS,
        OUTCOME_TITLES,
        REASON_TITLES,
        SECRECY_LABELS,
    )
    from .representation import AUTHORITY_TITLES

    return {"GROUND_LABELS": GROUND_LABELS, "OUTCOME_TITLES": OUTCOME_TITLES,
            "AUTHORITY_TITLES": AUTHORITY_TITLES, "FEE_GROUND_TITLES": FEE_GROUND_TITLES,
            "euros": euros,
            "CODE_LABELS": {**FEE_GROUND_TITLES, **GROUND_LABELS, **OUTCOME_TITLES,
                            **REASON_TITLES, **CHANNEL_TITLES, **HOLD_TITLES,
                            **AUTHORITY_TITLES, **SECRECY_LABELS}}


# Routes register themselves on bp.
from . import document_views, views, written_decision_views  # noqa: E402,F401
