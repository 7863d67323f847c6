"""The editor's page for a notice's purposes of processing and its transfers (issue 15).

Thin, like ``views``: the form is read by ``purpose_forms`` and saved as the register's draft
by ``service.save_draft``, which keeps the lock and writes the audit entry.
"""

from __future__ import annotations

from functools import partial

from babel import Locale
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..db import get_session
from ..i18n import current_locale
from ..notices.dpvterms import countries
from ..notices.languages import declared
from ..notices.processing import DATA_SUBJECTS, DPV_PURPOSES, EEA, SAFEGUARDS
from ..notices.sections import (
    LEGAL_BASES,
    PERSONAL_DATA,
    SPECIAL_CATEGORIES,
    SPECIAL_CONDITIONS,
)
from . import bp, service
from .forms import FormProblems, Problem
from .purpose_forms import (
    DPV_PURPOSE_LABELS,
    UNITS,
    purposes_from_form,
    read_processing,
    transfers_from_form,
)
from .views import own_register

BLANK_LAW = {"name": {}, "number": "", "section": "", "url": ""}


def _blank_purpose(content: dict) -> dict:
    """A row for a new purpose; a notice without purposes offers its register-wide codes, so
    that its first purpose starts from what the notice says now."""
    codes = {key: [] if content.get("purposes") else list(content.get(key, []))
             for key in ("legal_bases", "personal_data", "special_category_conditions")}
    return {"key": "", "name": {}, "description": {}, "dpv_purpose": "", "data_subjects": [],
            "legitimate_interests": {}, "laws": [],
            "retention": {"period": "", "criterion": {}}, **codes}


def _third_countries() -> list[tuple[str, str]]:
    names = Locale.parse(current_locale()).territories
    return sorted(((code, names.get(code, code)) for code in countries() - EEA),
                  key=lambda item: item[1])


def _page(register, content: dict, lock, *, purposes, transfers, problems=(), code=200):
    return render_template(
        "editor/purpose_form.html", register=register, content=content, lock=lock,
        purposes=[*purposes, _blank_purpose(content)],
        transfers=[*transfers, {"country": "", "safeguard": ""}], blank_law=BLANK_LAW,
        problems=problems, errors={p.anchor: p.message for p in problems},
        notice_languages=declared(content), legal_bases=LEGAL_BASES,
        personal_data=PERSONAL_DATA, special_categories=SPECIAL_CATEGORIES,
        special_conditions=SPECIAL_CONDITIONS,
        data_subjects={code: label for code, (_term, label) in DATA_SUBJECTS.items()},
        dpv_purposes={code: DPV_PURPOSE_LABELS[code] for code in DPV_PURPOSES},
        units=UNITS, safeguards=SAFEGUARDS, countries=_third_countries()), code


@bp.route("/registers/<slug>/purposes", methods=["GET", "POST"])
def purposes(slug: str):
    register, session = own_register(slug), get_session()
    draft = service.draft_of(session, register)
    previous = service.editable_content(session, register)
    if request.method == "GET":
        return _page(register, previous, draft.lock if draft else None,
                     purposes=previous.get("purposes", []),
                     transfers=previous.get("transfers", []))
    sent_lock = request.form.get("lock", type=int)
    try:
        content = read_processing(request.form, previous,
                                  partial(service.draft_notice, register))
        service.save_draft(session, register, content, sent_lock, current_user.id)
        session.commit()
    except FormProblems as exc:
        return _page(register, previous, sent_lock, purposes=purposes_from_form(request.form),
                     transfers=transfers_from_form(request.form), problems=exc.problems,
                     code=400)
    except service.DraftConflict:
        session.rollback()
        conflict = Problem("purposes", _("Purposes of processing"), _(
            "Someone else saved this draft after you opened it. Your changes below were not "
            "saved; open the page again to see the draft as it is now."))
        return _page(register, previous, sent_lock, purposes=purposes_from_form(request.form),
                     transfers=transfers_from_form(request.form), problems=[conflict],
                     code=409)
    flash(_("The draft was saved. The public does not see it until it is published."))
    return redirect(url_for(".overview", slug=slug))
