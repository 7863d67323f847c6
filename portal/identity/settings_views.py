"""Each register's identity level per right and its default delivery of answers.

The organisation's DPO or admin chooses, per register and right, whether a granted answer needs
a confirmed e-mail address or strong identification (or verification in person), and whether
answers are attached to the mail or left for secure collection (legal rules §8:
proportionately, EDPB 01/2022). Rights left at "default" follow
:func:`portal.law.identification.required_level`. Every change is in the audit trail.
"""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from .. import audit
from ..backoffice import bp as backoffice_bp
from ..backoffice.organisation_views import managed_organisation
from ..db import get_session
from ..dsr.models import RIGHT_CODES
from ..dsr.rights import RIGHTS
from ..law.identification import DELIVERIES, LEVELS, required_level
from ..notices.models import Register
from ..notices.service import NoticeNotFound, latest_published
from .models import RegisterIdentification


def _registers(session, controller) -> list[tuple[Register, str, frozenset[str]]]:
    """The organisation's published registers: (register, title, its personal-data terms)."""
    found = []
    for register in session.scalars(select(Register).where(
            Register.controller_id == controller.id).order_by(Register.slug)):
        try:
            content = latest_published(session, register.slug).content
        except NoticeNotFound:
            continue
        found.append((register, content["title"], frozenset(content.get("personal_data", ()))))
    return found


def _read_form(register: Register) -> tuple[dict[str, str], str]:
    levels = {right: value for right in RIGHT_CODES
              if (value := request.form.get(f"{register.slug}-{right}", "")) in LEVELS}
    delivery = request.form.get(f"{register.slug}-delivery", "")
    return levels, delivery if delivery in DELIVERIES else "attach"


@backoffice_bp.route("/organisations/<slug>/identification", methods=["GET", "POST"])
def identification_settings(slug: str):
    controller, session = managed_organisation(slug), get_session()
    registers = _registers(session, controller)
    if request.method == "POST":
        for register, _title, _data in registers:
            row = session.get(RegisterIdentification, register.id)
            before = {"levels": row.levels, "delivery": row.delivery} if row else {}
            if row is None:
                row = RegisterIdentification(register_id=register.id)
                session.add(row)
            row.levels, row.delivery = _read_form(register)
            after = {"levels": row.levels, "delivery": row.delivery}
            if after != before:
                audit.record(session, "register.identification", actor_id=current_user.id,
                             target=f"register:{register.slug}", controller_id=controller.id,
                             before=before, after=after)
        session.commit()
        flash(_("The identification settings were saved. They apply to answers sent from "
                "now on."))
        return redirect(url_for("backoffice.identification_settings", slug=slug))
    rows = [(register, title, session.get(RegisterIdentification, register.id),
             {right: required_level(right, data) for right in RIGHT_CODES})
            for register, title, data in registers]
    return render_template("identity/settings.html", controller=controller, rows=rows,
                           rights=RIGHTS, right_codes=RIGHT_CODES)
