"""Notice authoring on the staff side: editors keep register descriptions and publish versions.

Nested in the back office blueprint, so its deny-by-default sign-in gate covers every view.
"""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("editor", __name__)

from . import purpose_views, views  # noqa: E402,F401  (routes register themselves on bp)
