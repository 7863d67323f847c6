"""The PDF receipt: a copy of what the requester sent, with the reference and the due date."""

from __future__ import annotations

from pathlib import Path

from flask import current_app, render_template

from ..deadlines import Deadline
from ..pdf import render_pdf
from .models import DataRequest
from .rights import right_of


def render(request: DataRequest, deadline: Deadline, register_titles: list[str]) -> bytes:
    """Call inside ``force_locale(request.locale)``: the receipt is in the requester's language."""
    html = render_template("pdf/receipt.html", data_request=request, deadline=deadline,
                           right=right_of(request), lang=request.locale,
                           register_titles=register_titles)
    return render_pdf(html, Path(current_app.static_folder))
