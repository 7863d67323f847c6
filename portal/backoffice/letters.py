"""Letters to the requester as tagged PDFs, in the requester's language, archived with SHA-256."""

from __future__ import annotations

import hashlib
from pathlib import Path

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from ..deadlines import receipt_date
from ..dsr.models import DataRequest, ResponseDocument
from ..dsr.rights import RIGHTS
from ..pdf import render_pdf
from .models import StaffUser

GROUNDS = {
    "manifestly_unfounded": _l("The request is manifestly unfounded (GDPR Art. 12(5))."),
    "excessive": _l("The request is excessive, in particular because it is repeated "
                    "(GDPR Art. 12(5))."),
    "identity_not_established": _l("Your identity could not be established "
                                   "(GDPR Art. 12(2) and 12(6))."),
    "national_exemption": _l("An exemption under national law applies (Data Protection Act "
                             "1050/2018, section 34)."),
}
ROLE_TITLES = {"dpo": _l("Data protection officer"), "handler": _l("Handler"),
               "editor": _l("Editor"), "admin": _l("Administrator")}


def render_letter(request: DataRequest, *, kind: str, text: str, staff: StaffUser,
                  ground: str = "", tables=(), now=None) -> bytes:
    """A ``complete`` or ``refuse`` letter for ``request``, in the requester's language."""
    with force_locale(request.locale):
        html = render_template(
            "pdf/letter.html", data_request=request, kind=kind, text=text, staff=staff,
            lang=request.locale, right=RIGHTS[request.right_code],
            ground=str(GROUNDS[ground]) if ground else "",
            role=str(ROLE_TITLES[staff.role]), day=receipt_date(now) if now else None,
            tables=tables)
        return render_pdf(html, Path(current_app.static_folder))


def archive(request: DataRequest, filename: str, mimetype: str, data: bytes) -> ResponseDocument:
    document = ResponseDocument(filename=filename, mimetype=mimetype, data=data,
                                sha256=hashlib.sha256(data).hexdigest())
    request.documents.append(document)
    return document
