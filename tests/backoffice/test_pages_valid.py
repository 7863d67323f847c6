"""Staff pages are valid HTML."""

import time
from datetime import datetime, timedelta

from tests.backoffice.factories import (
    code_for,
    csrf_of,
    current_version,
    make_request,
    sign_in,
    signed_in_staff,
)
from tests.htmlcheck import html_problems


def test_staff_pages_are_valid_html(client, session, tmp_path):
    pages = {path: client.get(path).data for path in ("/admin/login", "/admin/reset")}
    pages["login with errors"] = client.post("/admin/login", data={}).data
    request = make_request(session, name="Aino <b>Asiakas</b>")
    user = signed_in_staff(client, session, orgs=("museokortti",), role="admin")
    for path in ("/admin/requests", "/admin/requests?state=all&overdue=1",
                 f"/admin/requests/{request.id}", "/admin/account", "/admin/stats",
                 "/admin/audit", "/admin/templates/access"):
        pages[path] = client.get(path).data
    page = f"/admin/requests/{request.id}"
    fields = {"csrf_token": csrf_of(client, page), "action": "extend", "text": " ",
              "version": current_version(client, request)}
    pages["action refused"] = client.post(f"{page}/act", data=fields).data
    with client.session_transaction() as cookie:
        cookie["seen"] = int(time.time()) - 31 * 60
    client.post(f"{page}/act", data=fields, headers={"Referer": f"http://localhost{page}"})
    sign_in(client, user, code=code_for(user, datetime.now() + timedelta(seconds=30)))
    pages["form put back"] = client.get(page).data
    assert b'id="kept-form"' in pages["form put back"]
    assert html_problems(pages, tmp_path) == []


def test_decision_pages_are_valid_html(client, session, tmp_path, monkeypatch):
    from tests.backoffice.factories import decide
    from tests.backoffice.test_actions import at

    me = signed_in_staff(client, session, orgs=("espoo",))
    access = make_request(session, register="kamu-asiakasrekisteri")
    erasure = make_request(session, register="kamu-asiakasrekisteri", right="erasure")
    at(monkeypatch, "2026-03-10")
    pages = {f"/admin/requests/{access.id}?outcome={outcome}": None
             for outcome in ("granted", "partly_granted", "refused", "no_data")}
    pages.update({f"/admin/requests/{erasure.id}?outcome=refused": None,
                  "/admin/organisations/espoo/decisions": None, "/admin/staff": None,
                  "/admin/templates/erasure?outcome=refused": None})
    pages = {path: client.get(path).data for path in pages}
    pages["staff member"] = client.get(f"/admin/staff/{me.id}").data
    pages["refusal with errors"] = decide(client, erasure, "refused", send=False).data
    decide(client, access, "partly_granted", send=False, grounds=["dpa_34_1"], reasons="x",
           withheld="y")
    pages["prepared decision"] = client.get(f"/admin/requests/{access.id}").data
    pages["settings with errors"] = client.post("/admin/organisations/espoo/decisions", data={
        "csrf_token": "x"}).data
    assert html_problems(pages, tmp_path) == []
