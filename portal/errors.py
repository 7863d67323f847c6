"""Error pages in the reader's language, with no internals: a status and what to do next."""

from __future__ import annotations

import logging

from flask import Flask, Response, render_template
from flask.globals import request_ctx
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import InterfaceError, OperationalError
from werkzeug.exceptions import HTTPException, InternalServerError, RequestEntityTooLarge

from .uploads import limit_mb

log = logging.getLogger(__name__)

MESSAGES = {
    400: (_l("The page could not be shown"),
          _l("Something in what was sent was not valid. Go back and try again.")),
    403: (_l("Access denied"), _l("You do not have permission to see this page.")),
    404: (_l("Page not found"),
          _l("The page does not exist or has been removed. Check the address or start from the "
             "front page.")),
    405: (_l("Not allowed"), _l("This page cannot be used in that way.")),
    413: (_l("Too much data"), None),  # the message names the form's limit (_too_large)
    429: (_l("Too many attempts"), _l("Please wait a moment and try again.")),
    500: (_l("Something went wrong"),
          _l("The error has been recorded. Please try again later.")),
    503: (_l("Service temporarily unavailable"),
          _l("Nothing you sent was saved. Please try again in a few minutes.")),
}
CSRF_MESSAGE = _l("The form had expired or was not sent from this site. Reload the page and "
                  "send it again.")


def _page(code: int, message=None):
    title, default = MESSAGES.get(code) or MESSAGES[400 if code < 500 else 500]
    if request_ctx.url_adapter is None:  # a Host header we do not serve: no links to build
        return Response(f"{title}\n", mimetype="text/plain"), code
    return render_template("errors/error.html", code=code, title=title,
                           message=message or default), code


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def _csrf(_error):
        return _page(400, CSRF_MESSAGE)

    @app.errorhandler(HTTPException)
    def _http(error: HTTPException):
        if error.code is None or error.code < 400:
            return error
        return _page(error.code)

    @app.errorhandler(RequestEntityTooLarge)
    def _too_large(_error):
        """Nothing of the form was read, so nothing is kept: the page names this form's limit
        (2 MB on public forms, ``PORTAL_STAFF_UPLOAD_MAX_MB`` on staff forms with files)
        and says that files must be attached again."""
        return _page(413, _("What you sent was larger than the %(size)s MB this form accepts "
                            "in all, so nothing was saved. Go back, shorten the text or choose "
                            "fewer or smaller files, attach the files again and send the "
                            "form.", size=limit_mb()))

    @app.errorhandler(InternalServerError)
    def _internal(_error):
        return _page(500)

    @app.errorhandler(OperationalError)
    @app.errorhandler(InterfaceError)
    def _database_unavailable(error):
        """The database is down or restarting: nothing was committed, so the visitor may simply
        try again. The pool discards the broken connections and reconnects by itself."""
        log.error("database unavailable: %s", type(error.orig).__name__)
        response, code = _page(503)
        return response, code, {"Retry-After": "30"}
