"""Running the portal: the health endpoint, the start-up check and encrypted backups."""

from flask import Blueprint

bp = Blueprint("ops", __name__)

from . import views  # noqa: E402,F401  (routes register themselves)
