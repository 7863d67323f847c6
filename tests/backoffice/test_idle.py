"""Timing out without losing work (WCAG 2.2.1): continue on purpose, or get the text back."""

from __future__ import annotations

import json
import re
import time
from datetime import datetime, timedelta
from html import unescape

from sqlalchemy import select

from portal.backoffice.models import FormStash
from portal.dsr.models import DataRequest
from tests.backoffice.factories import (
    code_for,
    csrf_of,
    current_version,
    make_request,
    sign_in,
    signed_in_staff,
)

NOTE = "Soitettu Ainolle 10.3.; hän tarkentaa pyyntöään."


def idle(client, minutes: int = 31) -> None:
    with client.session_transaction() as cookie:
        cookie["seen"] = int(time.time()) - minutes * 60


def test_continuing_keeps_the_session(client, session):
    signed_in_staff(client, session, orgs=("museokortti",))
    page = client.get("/admin/requests").get_data(as_text=True)
    assert 'id="idle-warning"' in page and 'data-timeout="1800"' in page
    assert '<script src="/static/js/staff.js" defer></script>' in page
    token = csrf_of(client)
    idle(client, 29)
    response = client.post("/admin/session/continue", data={"csrf_token": token})
    assert response.status_code == 204
    with client.session_transaction() as cookie:
        assert int(time.time()) - cookie["seen"] < 5
    assert client.get("/admin/requests").status_code == 200


def test_text_sent_after_the_sign_out_comes_back_in_the_form_unsent(client, session):
    user = signed_in_staff(client, session, orgs=("museokortti",))
    request = make_request(session)
    page = f"/admin/requests/{request.id}"
    fields = {"csrf_token": csrf_of(client, page), "action": "note",
              "version": current_version(client, request), "text": NOTE}
    idle(client)
    response = client.post(f"{page}/act", data=fields,
                           headers={"Referer": f"http://localhost{page}"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"next={page}")
    login = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "What you sent was kept" in login
    stored = session.scalar(select(FormStash))
    assert NOTE.encode() not in stored.data
    again = sign_in(client, user, code=code_for(user, datetime.now() + timedelta(seconds=30)),
                    next_path=f"?next={page}")
    assert again.headers["Location"] == page
    html = client.get(page).get_data(as_text=True)
    kept = json.loads(unescape(re.search(
        r'<script type="application/json" id="kept-form">(.*?)</script>', html).group(1)))
    assert kept["action"] == f"{page}/act" and ["text", NOTE] in kept["fields"]
    assert NOTE in html  # shown without script too
    session.expire_all()
    assert "note" not in [e.kind for e in session.get(DataRequest, request.id).events]
    assert NOTE not in client.get(page).get_data(as_text=True)  # put back once
