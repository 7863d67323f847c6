"""Statistics (the accountability record) and the audit trail, for the staff's own controllers."""

from __future__ import annotations

import csv
import io

from flask import Response, abort, render_template, request
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..audit import AuditEntry, visible_to
from ..db import get_session
from ..dsr.rights import DOCUMENTS, RIGHTS
from . import bp, stats

AUDIT_PAGE = 200


@bp.get("/stats")
def statistics():
    rows = stats.summarise(stats.facts(get_session(), current_user.controller_ids))
    return render_template("backoffice/stats.html", rows=rows,
                           rights={**RIGHTS, DOCUMENTS.code: DOCUMENTS})


@bp.get("/stats.csv")
def statistics_csv():
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_("Month"), _("Request"), _("Received"), _("Answered"), _("Refused"),
                     _("Extended"), _("Closed"), _("Closed on time"), _("Decided late"),
                     _("Median days"), _("Transferred")])
    for row in stats.summarise(stats.facts(get_session(), current_user.controller_ids)):
        writer.writerow([row.month, row.right, row.received, row.completed, row.refused,
                         row.extended, row.closed, row.on_time, row.late,
                         "" if row.median_days is None else row.median_days, row.transferred])
    return Response("\ufeff" + out.getvalue(), mimetype="text/csv", headers={
        "Content-Disposition": 'attachment; filename="statistics.csv"'})


@bp.get("/audit")
def audit_trail():
    """The trail of the admin's own organisations, newest first (admins only).

    Entries about staff belong to the staff member's organisations: an admin of one
    organisation never sees another's staff, roles or sign-ins (ASVS 4.2.1, 7.1.x).
    """
    if current_user.role != "admin":
        abort(403)
    query = select(AuditEntry).where(visible_to(current_user.controller_ids))
    before = request.args.get("before", type=int)
    if before:
        query = query.where(AuditEntry.id < before)
    entries = get_session().scalars(
        query.order_by(AuditEntry.id.desc()).limit(AUDIT_PAGE + 1)).all()
    older = entries[AUDIT_PAGE - 1].id if len(entries) > AUDIT_PAGE else None
    return render_template("backoffice/audit.html", entries=entries[:AUDIT_PAGE], older=older)
