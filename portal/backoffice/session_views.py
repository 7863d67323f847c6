"""Staying signed in on purpose, and getting back what was sent after the session ran out.

WCAG 2.2.1: staff are warned before the idle sign-out and can continue with one press (a POST
here, sent by ``static/js/staff.js``). A form sent after the sign-out is kept (:mod:`.stash`)
and put back into the same form on the same page after the next sign-in, never sent by itself.
"""

from __future__ import annotations

from flask import Response, current_app, g, request
from flask_login import current_user

from ..db import get_session, utcnow
from . import bp, stash


@bp.post("/session/continue")
def keep_alive():
    """The staff gate has already marked the session active; nothing else to do."""
    return Response(status=204, headers={"Cache-Control": "no-store"})


def keep_posted_form() -> str:
    """Keep the current POST's text fields for its sender; the page to return to, or ""."""
    if request.method != "POST":
        return ""
    page = stash.page_of(request.referrer, request.host)
    form = stash.KeptForm(request.path, tuple(
        (name, value) for name, value in request.form.items(multi=True)))
    session = get_session()
    kept = stash.keep(session, current_user.id, page=page, form=form,
                      secret_key=current_app.config["SECRET_KEY"], now=utcnow())
    session.commit()
    return page if kept else ""


@bp.before_request
def _put_back_kept_form():
    """On the page a kept form came from, hand it to the template (``kept_form``)."""
    if request.method != "GET" or not current_user.is_authenticated:
        return
    session = get_session()
    page = request.full_path.rstrip("?")
    g.kept_form = stash.take(session, current_user.id, page=page,
                             secret_key=current_app.config["SECRET_KEY"], now=utcnow())
    if g.kept_form is not None:
        session.commit()
