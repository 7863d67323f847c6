"""Public privacy notices: the index, each register's notice as HTML, PDF and JSON-LD."""

from ..i18n import localized_blueprint

bp = localized_blueprint("notices", __name__)

from . import views  # noqa: E402,F401  (routes register themselves on bp)
