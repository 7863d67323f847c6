"""How much one request may carry: little on public forms, more on staff forms that take files.

Public forms are the attack surface: anyone can post to them, so every request is refused above
2 MB (``MAX_CONTENT_LENGTH``) before its body is read. Staff enter paper requests with their
scans and send decisions with redacted copies of documents; a scanned letter or a redacted
multi-page PDF is often 5–15 MB. The views that take such files are marked with
:func:`staff_upload`, and for a signed-in staff member they accept
``PORTAL_STAFF_UPLOAD_MAX_MB`` (OWASP ASVS 12.1.1: a size limit per kind of upload).

The limit is set on the request before anything reads its body: the hook is registered before
CSRF protection (which reads the form), so :func:`init_app` is called before ``csrf.init_app``.
Werkzeug keeps a file part over 500 KB in a temporary file while the form is parsed, not in
memory.
"""

from __future__ import annotations

from flask import Flask, current_app, request
from flask_babel import format_decimal
from flask_login import current_user
from sqlalchemy import select

from .db import get_session
from .dsr.models import DataRequest

MEGABYTE = 1024 * 1024
#: Every request, unless it is a signed-in staff member's to a view marked as taking files.
PUBLIC_MAX_MB = 2


def staff_upload(view):
    """Mark a back-office view that takes files: signed-in staff may send it more."""
    view.staff_upload = True
    return view


def _takes_staff_files() -> bool:
    """A signed-in handler, DPO or admin posting to a marked view, and for a request's view
    a request of their own organisation: an editor or another organisation's staff member is
    refused by the view anyway, so their body is held to the public limit (the CSRF check
    reads it before the view refuses)."""
    view = current_app.view_functions.get(request.endpoint)
    if not ("backoffice" in request.blueprints and getattr(view, "staff_upload", False)
            and current_user.is_authenticated and current_user.role != "editor"):
        return False
    request_id = (request.view_args or {}).get("request_id")
    return request_id is None or get_session().scalar(
        select(DataRequest.id).where(DataRequest.id == request_id,
                                     DataRequest.controller_id.in_(current_user.controller_ids))
    ) is not None


def limit_mb() -> str:
    """The current request's limit in megabytes, written as the reader's language writes it."""
    return format_decimal((request.max_content_length or 0) / MEGABYTE)


def staff_limit_mb() -> str:
    """The staff upload limit in megabytes, for the hints next to the file fields."""
    return format_decimal(current_app.config["PORTAL"].staff_upload_max_mb)


def init_app(app: Flask) -> None:
    app.config["MAX_CONTENT_LENGTH"] = PUBLIC_MAX_MB * MEGABYTE
    app.add_template_global(staff_limit_mb)

    @app.before_request
    def _staff_upload_limit() -> None:
        if _takes_staff_files():
            megabytes = current_app.config["PORTAL"].staff_upload_max_mb
            request.max_content_length = megabytes * MEGABYTE
