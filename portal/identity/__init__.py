"""Strong electronic identification of requesters over OpenID Connect (legal rules §8).

Off unless ``PORTAL_OIDC_ISSUER`` is set: then every route here is a 404 and the portal works
exactly as without it. See docs/identification.md.
"""

from flask import Blueprint

from ..i18n import localized_blueprint

bp = localized_blueprint("identity", __name__)
root_bp = Blueprint("identity_root", __name__)

from . import collect_views, views  # noqa: E402,F401  (routes register themselves)
