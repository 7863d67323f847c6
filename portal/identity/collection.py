"""Answers left for collection on the status page (issue 14 part 5; legal rules §8).

A handler may send an answer by secure collection instead of attaching it to the mail: the
mail only says the answer is ready. The files are then given only to a browser that has, on
that request's status link, identified strongly as the person the request is identified as
(:func:`portal.identity.service.same_person`). The grant lives in the signed session for a
short while, so a link forwarded or read from a shared inbox opens nothing by itself.
"""

from __future__ import annotations

import time

from flask import current_app, g, session

from ..db import get_session
from ..dsr.models import DataRequest
from . import bp
from .service import levels

GRANTS = "collect"
#: How long one identification lets the browser download the request's answer.
GRANT_SECONDS = 30 * 60
#: The private event that marks a decision sent for collection.
FOR_COLLECTION = "answer_for_collection"


def grant(request_id: int) -> None:
    grants = {key: until for key, until in session.get(GRANTS, {}).items()
              if until > time.time()}
    grants[str(request_id)] = time.time() + GRANT_SECONDS
    session[GRANTS] = grants


def granted(request_id: int) -> bool:
    return session.get(GRANTS, {}).get(str(request_id), 0) > time.time()


def for_collection(request: DataRequest) -> bool:
    return any(event.kind == FOR_COLLECTION for event in request.events)


def code_allowed(request: DataRequest) -> bool:
    """A one-time code by e-mail may open the answer where its registers allow e-mail level."""
    return (for_collection(request) and bool(request.email)
            and levels(get_session(), request, enabled=True)[1] == "email")


@bp.app_template_global("answer_collection")
def answer_collection(data_request) -> dict | None:
    """For the status page: None unless the answer waits for collection, else whether this
    browser may download it now and the files."""
    if not for_collection(data_request):
        return None
    enabled = current_app.config["PORTAL"].identification_enabled
    return {"granted": enabled and granted(data_request.id), "enabled": enabled,
            "documents": data_request.documents,
            "code_allowed": enabled and code_allowed(data_request),
            "error": g.get("collect_error", "")}
