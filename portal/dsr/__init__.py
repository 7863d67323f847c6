"""Data-subject requests (GDPR Arts. 15-22): intake, confirmation, deadlines, status page."""

from ..i18n import localized_blueprint

bp = localized_blueprint("dsr", __name__)

from . import views  # noqa: E402,F401  (routes register themselves on bp)
