"""Findings of the outside security review on the staff side (issue 10), one test each."""

from __future__ import annotations

import threading
import time

from sqlalchemy import select

from portal.audit import AuditEntry
from portal.backoffice import accounts
from tests.backoffice.factories import (
    code_for,
    make_request,
    make_staff,
    sign_in,
    signed_in_staff,
)


def test_admins_see_only_their_own_organisations_staff_in_the_audit_trail(app, session):
    espoo_admin = make_staff(session, email="admin@espoo.example", role="admin")
    museum_dpo = make_staff(session, email="dpo@museot.example", orgs=("museokortti",))
    sign_in(app.test_client(), museum_dpo)
    sign_in(app.test_client(), museum_dpo, password="wrong password!!")
    espoo_handler = make_staff(session, email="handler@espoo.example", role="handler")
    sign_in(app.test_client(), espoo_handler)
    client = app.test_client()
    sign_in(client, espoo_admin)
    html = client.get("/admin/audit").get_data(as_text=True)
    assert f"staff:{espoo_handler.id}" in html and f"staff:{espoo_admin.id}" in html
    assert "museot.example" not in html and f"staff:{museum_dpo.id}<" not in html
    entry = session.scalar(select(AuditEntry).where(
        AuditEntry.target == f"staff:{museum_dpo.id}", AuditEntry.action == "staff.sign_in"))
    assert [c.slug for c in entry.organisations] == ["museokortti"]


def test_a_code_used_by_parallel_sign_ins_lets_exactly_one_in(app, session):
    user = make_staff(session)
    code = code_for(user)
    clients = [app.test_client() for _ in range(4)]
    for client in clients:
        client.get("/admin/login")
    start, results = threading.Barrier(len(clients)), []

    def attempt(client):
        start.wait()
        results.append(sign_in(client, user, code=code).status_code)

    threads = [threading.Thread(target=attempt, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [302, 400, 400, 400]


def test_every_staff_response_is_no_store(app, client, session):
    signed_in_staff(client, session, orgs=("espoo", "museokortti"))
    request = make_request(session)
    for path in ("/admin/requests", "/admin/requests.csv", f"/admin/requests/{request.id}",
                 "/admin/account", "/admin/stats.csv", "/admin/registers", "/admin/login",
                 "/admin/reset", "/admin/reset/not-a-token"):
        assert client.get(path).headers.get("Cache-Control") == "no-store", path


def test_common_and_breached_passwords_are_refused_with_a_reason(runner):
    for weak in ("aaaaaaaaaaaa", "password1234", "qwertyqwerty"):
        try:
            accounts.check_password(weak)
        except accounts.CommonPassword:
            continue
        raise AssertionError(f"{weak} was accepted")
    accounts.check_password("museon kevät ja kahvi")
    result = runner.invoke(args=["staff", "create", "x@espoo.example", "--org", "espoo",
                                 "--role", "dpo", "--password", "aaaaaaaaaaaa"])
    assert result.exit_code != 0 and "too common" in result.output


def test_the_reset_form_explains_a_common_password(client, session):
    import re

    from portal.mail.models import OutboxMail

    user = make_staff(session)
    page = client.get("/admin/reset").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    client.post("/admin/reset", data={"csrf_token": token, "email": user.email})
    mail = session.scalar(select(OutboxMail))
    path = re.search(r"http://localhost(/admin/reset/\S+)", mail.body).group(1)
    response = client.post(path, data={"csrf_token": token, "password": "password1234",
                                       "confirm": "password1234"},
                           headers={"Accept-Language": "en"})
    assert response.status_code == 400
    assert "too common or has appeared in data breaches" in response.get_data(as_text=True)


def test_editors_are_not_offered_as_assignees(client, session):
    make_staff(session, email="editor@espoo.example", role="editor")
    make_staff(session, email="handler@espoo.example", role="handler")
    signed_in_staff(client, session, email="dpo@espoo.example")
    request = make_request(session, register="kamu-asiakasrekisteri")
    html = client.get(f"/admin/requests/{request.id}").get_data(as_text=True)
    assert "handler@espoo.example" in html and "editor@espoo.example" not in html


def test_a_session_ends_after_its_absolute_lifetime_however_active(client, session):
    signed_in_staff(client, session)
    assert client.get("/admin/requests").status_code == 200
    with client.session_transaction() as cookie:
        cookie["signed_in"] = int(time.time()) - 12 * 3600 - 60
        cookie["seen"] = int(time.time())  # active a moment ago
    response = client.get("/admin/requests")
    assert response.status_code == 302 and response.headers["Location"].startswith(
        "/admin/login")
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "12 hours after signing in" in html


def test_retention_forgets_failed_sign_ins_once_no_lock_depends_on_them(runner, session):
    from datetime import timedelta

    from portal.backoffice.models import SignInThrottle
    from portal.db import utcnow

    now = utcnow()
    session.add_all([
        SignInThrottle(key="a" * 64, failures=2, updated_at=now - timedelta(days=2)),
        SignInThrottle(key="b" * 64, failures=0, lockouts=9, updated_at=now - timedelta(days=2),
                       locked_until=now + timedelta(hours=1)),
        SignInThrottle(key="c" * 64, failures=1, updated_at=now)])
    session.commit()
    assert runner.invoke(args=["retention", "purge"]).exit_code == 0
    session.expire_all()
    assert sorted(k[0] for k in session.scalars(select(SignInThrottle.key))) == ["b", "c"]
