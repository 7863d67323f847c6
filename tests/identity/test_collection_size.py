"""Where secure collection is offered, a decision too large for a mail is sent for collection
instead (``PORTAL_MAIL_MAX_MB``, :mod:`portal.mail.size`)."""

from __future__ import annotations

import html
import io

from sqlalchemy import func, select

from portal.dsr.models import DataRequest
from portal.mail.models import OutboxMail
from tests.backoffice.factories import (
    csrf_of,
    current_version,
    decide,
    make_request,
    signed_in_staff,
)
from tests.backoffice.test_upload_limits import redacted_pdf


def _send(staff, data_request, delivery: str):
    page = f"/admin/requests/{data_request.id}"
    return staff.post(f"{page}/decision/send", data={
        "csrf_token": csrf_of(staff, page), "version": current_version(staff, data_request),
        "delivery": delivery})


def test_nine_megabytes_are_refused_by_mail_and_go_for_collection(identity_db_app):
    session = identity_db_app.extensions["db_sessionmaker"]()
    staff = identity_db_app.test_client()
    signed_in_staff(staff, session, orgs=("museokortti",))
    data_request = make_request(session, register="museokortti")
    form = staff.get(f"/admin/requests/{data_request.id}?outcome=granted&edit=1")
    assert "choose secure collection when you send the decision" in form.get_data(as_text=True)
    copy = redacted_pdf(9)
    assert decide(staff, data_request, "granted", send=False,
                  files=[(io.BytesIO(copy), "kopio.pdf")]).status_code == 302
    mails = session.scalar(select(func.count()).select_from(OutboxMail))

    refused = _send(staff, data_request, "attach")
    assert refused.status_code == 400
    page = html.unescape(refused.get_data(as_text=True))
    assert 'href="#delivery-collect"' in page
    assert "about 13.1 MB, but the organisation's mail server accepts at most 10 MB" in page
    assert "Choose secure collection on the status page" in page
    session.expire_all()
    kept = session.get(DataRequest, data_request.id)
    assert kept.state == "received" and kept.outcome is None and kept.documents == []
    assert kept.prepared_decision is not None and kept.decision_files[0].data == copy
    assert session.scalar(select(func.count()).select_from(OutboxMail)) == mails

    assert _send(staff, data_request, "collect").status_code == 302
    session.expire_all()
    sent = session.get(DataRequest, data_request.id)
    assert sent.state == "completed" and copy in [d.data for d in sent.documents]
    mail = session.scalar(select(OutboxMail).where(OutboxMail.template == "dsr_decision_collect"))
    assert mail.attachments == []
    session.close()
