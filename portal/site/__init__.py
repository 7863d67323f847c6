"""Pages of the portal itself: the language redirect and the accessibility statement."""

from flask import Blueprint

from ..i18n import localized_blueprint

root_bp = Blueprint("root", __name__)
bp = localized_blueprint("site", __name__)

from . import views  # noqa: E402,F401  (routes register themselves)
