"""Staff sign-in: password + TOTP, lockout, rotation, idle timeout, reset, deny by default."""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from portal.audit import AuditEntry, AuditImmutable
from portal.mail.models import OutboxMail
from tests.backoffice.factories import code_for, csrf_of, make_staff, sign_in


def fill(rule) -> str:
    values = {arg: (1 if "int" in str(rule._converters.get(arg, "")).lower() else "x")
              for arg in rule.arguments}
    return rule.build(values)[1] if values else rule.rule


def admin_rules(app, method: str):
    return [r for r in app.url_map.iter_rules()
            if r.rule.startswith("/admin") and method in r.methods]


def test_every_admin_route_turns_away_an_anonymous_visitor(app, client):
    public = {"/admin/login", "/admin/reset", "/admin/reset/x"}
    rules = admin_rules(app, "GET") + admin_rules(app, "POST")
    assert len(rules) >= 8
    for rule in rules:
        path = fill(rule)
        for method in rule.methods & {"GET", "POST"}:
            response = client.open(path, method=method)
            if path in public:
                assert response.status_code in (200, 400, 404), path
            elif method == "GET":
                assert response.status_code == 302, path
                assert response.headers["Location"].startswith("/admin/login"), path
            else:
                assert response.status_code in (302, 400), path  # CSRF or sign-in first


def test_every_post_needs_a_csrf_token_even_when_signed_in(app, client, session):
    user = make_staff(session)
    sign_in(client, user)
    for rule in admin_rules(app, "POST"):
        response = client.post(fill(rule), data={})
        assert response.status_code == 400, rule.rule


def test_sign_in_with_password_and_code_lands_on_the_queue(client, session):
    user = make_staff(session)
    response = sign_in(client, user, next_path="?next=/admin/requests?state=all")
    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/requests?state=all"
    assert client.get("/admin/requests").status_code == 200
    assert session.scalar(select(AuditEntry).where(AuditEntry.action == "staff.sign_in"))


@pytest.mark.parametrize("wrong", [{"password": "not the password"}, {"code": "000000"},
                                   {"email": "nobody@espoo.example"}])
def test_any_wrong_factor_gives_the_same_answer(client, session, wrong):
    user = make_staff(session)
    response = sign_in(client, user, **wrong)
    assert response.status_code == 400
    assert "Could not sign in. Check the e-mail address, password and code." in \
        response.get_data(as_text=True)
    assert client.get("/admin/requests").status_code == 302


def test_a_code_works_only_once(client, session):
    user = make_staff(session)
    code = code_for(user)
    assert sign_in(client, user, code=code).status_code == 302
    client.post("/admin/logout", data={"csrf_token": csrf_of(client)})
    assert sign_in(client, user, code=code).status_code == 400


def test_five_failures_lock_the_account_for_fifteen_minutes(client, session):
    user = make_staff(session)
    for _ in range(5):
        sign_in(client, user, password="wrong password!")
    response = sign_in(client, user)
    assert response.status_code == 400
    assert "locked for 15 minutes" in response.get_data(as_text=True)
    failures = session.scalars(select(AuditEntry).where(
        AuditEntry.action == "staff.sign_in_failed")).all()
    assert len(failures) == 5 and failures[0].target == f"staff:{user.id}"


def test_sign_in_starts_a_fresh_session_and_sign_out_revokes_it(client, session):
    user = make_staff(session)
    with client.session_transaction() as cookie:
        cookie["planted"] = "by an attacker"
    sign_in(client, user)
    with client.session_transaction() as cookie:
        assert "planted" not in cookie
        stolen = dict(cookie)
    client.post("/admin/logout", data={"csrf_token": csrf_of(client)})
    with client.session_transaction() as cookie:
        cookie.update(stolen)  # replaying the cookie from before sign-out
    assert client.get("/admin/requests").status_code == 302


def test_thirty_idle_minutes_sign_the_user_out(client, session):
    user = make_staff(session)
    sign_in(client, user)
    with client.session_transaction() as cookie:
        cookie["seen"] = int(time.time()) - 31 * 60
    response = client.get("/admin/requests")
    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/login?lang=en"  # the staff member's language
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "30 minutes without activity" in html and '<html lang="en">' in html


@pytest.mark.parametrize("target", ["//evil.example/admin/", "https://evil.example/admin/",
                                    "/public/", "/\\evil.example"])
def test_next_never_leads_off_the_staff_side(client, session, target):
    user = make_staff(session)
    response = sign_in(client, user, next_path=f"?next={target}")
    assert response.headers["Location"] == "/admin/requests"


def test_password_reset_by_single_use_link(client, session):
    user = make_staff(session)
    page = client.get("/admin/reset").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    for email in (user.email, "nobody@espoo.example"):
        response = client.post("/admin/reset", data={"csrf_token": token, "email": email})
        assert response.status_code == 302
    [mail] = session.scalars(select(OutboxMail)).all()
    assert mail.recipient == user.email
    path = re.search(r"http://localhost(/admin/reset/\S+)", mail.body).group(1)
    assert path.endswith("?lang=en")  # the page opens in the staff member's language
    form = client.get(path).get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', form).group(1)
    short = client.post(path, data={"csrf_token": token, "password": "short",
                                    "confirm": "short"})
    assert short.status_code == 400 and "at least 12 characters" in short.get_data(as_text=True)
    new = "a brand new passphrase"
    assert client.post(path, data={"csrf_token": token, "password": new, "confirm": new}
                       ).status_code == 302
    assert client.get(path).status_code == 404
    assert sign_in(client, user, password=new).status_code == 302


def test_audit_entries_cannot_be_changed_or_deleted(client, session):
    user = make_staff(session)
    sign_in(client, user)
    entry = session.scalar(select(AuditEntry))
    entry.action = "nothing happened"
    with pytest.raises(AuditImmutable):
        session.flush()
    session.rollback()
    session.delete(session.scalar(select(AuditEntry)))
    with pytest.raises(AuditImmutable):
        session.flush()


def test_staff_create_prints_the_provisioning_uri(runner, session):
    result = runner.invoke(args=["staff", "create", "dpo@espoo.example", "--org", "espoo",
                                 "--role", "dpo", "--password", "long enough password"])
    assert result.exit_code == 0, result.output
    assert "otpauth://totp/Tietosuojaportaali:dpo%40espoo.example?secret=" in result.output
    again = runner.invoke(args=["staff", "create", "dpo@espoo.example", "--org", "espoo",
                                "--role", "dpo", "--password", "long enough password"])
    assert again.exit_code != 0 and "already has an account" in again.output
    weak = runner.invoke(args=["staff", "create", "x@espoo.example", "--org", "espoo",
                               "--role", "dpo", "--password", "short"])
    assert weak.exit_code != 0 and "12 characters" in weak.output
    unknown = runner.invoke(args=["staff", "create", "y@espoo.example", "--org", "nowhere",
                                  "--role", "dpo", "--password", "long enough password"])
    assert unknown.exit_code != 0 and "nowhere" in unknown.output


def test_the_account_page_shows_the_secret_as_qr_and_text(client, session):
    user = make_staff(session)
    sign_in(client, user)
    html = client.get("/admin/account").get_data(as_text=True)
    assert 'src="data:image/svg+xml' in html and user.totp_secret in html


def test_codes_from_the_previous_and_next_step_are_accepted(client, session):
    user = make_staff(session)
    earlier = datetime.now() - timedelta(seconds=30)
    assert sign_in(client, user, code=code_for(user, earlier)).status_code == 302
