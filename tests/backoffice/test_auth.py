"""Staff sign-in: password + TOTP, lockout, rotation, idle timeout, reset, deny by default."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from portal.audit import AuditEntry, AuditImmutable
from portal.mail.models import OutboxMail
from tests.backoffice.factories import (
    PASSWORD,
    code_for,
    csrf_of,
    make_staff,
    sign_in,
    signed_in_staff,
)


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
    signed_in_staff(client, session)
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


def test_failures_lock_an_address_alike_for_known_and_unknown_accounts(app, session):
    user = make_staff(session)
    answers = []
    for number, email in enumerate((user.email, "nobody@espoo.example")):
        attacker = app.test_client()  # each from its own address (10 sign-ins a minute each)
        attacker.environ_base["REMOTE_ADDR"] = f"203.0.113.{number}"
        for _ in range(5):
            sign_in(attacker, user, email=email, password="wrong password!")
        response = sign_in(attacker, user, email=email)  # even the right password and code
        assert response.status_code == 400
        answers.append(re.sub(r'value="[^"]*"', "", response.get_data(as_text=True)))
    assert "Wait at least 15 minutes" in answers[0]
    assert answers[0] == answers[1]  # a lock tells nothing about which accounts exist
    assert sign_in(app.test_client(), user).status_code == 302  # the real user, elsewhere
    failures = session.scalars(select(AuditEntry).where(
        AuditEntry.action == "staff.sign_in_failed")).all()
    assert len(failures) == 10 and failures[0].target == f"staff:{user.id}"


def test_each_lock_of_an_address_lasts_twice_as_long(session):
    from portal.backoffice import accounts

    user = make_staff(session)
    start = datetime.now(UTC)

    def attempt(at, code="000000"):
        try:
            accounts.authenticate(session, user.email, PASSWORD, code, now=at,
                                  address="203.0.113.9")
        except accounts.AccountError as error:
            return type(error).__name__
        return "signed in"

    for _ in range(5):
        attempt(start)
    assert attempt(start + timedelta(minutes=14)) == "AccountLocked"
    for _ in range(5):
        attempt(start + timedelta(minutes=16))
    assert attempt(start + timedelta(minutes=16 + 29)) == "AccountLocked"
    later = start + timedelta(minutes=16 + 31)
    assert attempt(later, code_for(user, later)) == "signed in"


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
    signed_in_staff(client, session)
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
    signed_in_staff(client, session)
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


def test_the_authenticator_is_replaced_only_after_password_and_code_again(client, session):
    user = signed_in_staff(client, session)
    page = client.get("/admin/account")
    assert user.totp_secret not in page.get_data(as_text=True)
    assert page.headers["Cache-Control"] == "no-store"
    token = csrf_of(client, "/admin/account")
    refused = client.post("/admin/account/authenticator", data={
        "csrf_token": token, "password": "not the password", "code": code_for(user)})
    assert refused.status_code == 400 and "otpauth" not in refused.get_data(as_text=True)
    later = datetime.now() + timedelta(seconds=30)  # the sign-in spent the current code
    shown = client.post("/admin/account/authenticator", data={
        "csrf_token": token, "password": PASSWORD, "code": code_for(user, later)})
    html = shown.get_data(as_text=True)
    assert shown.status_code == 200 and shown.headers["Cache-Control"] == "no-store"
    new_secret = re.search(r"<code>([A-Z2-7]+)</code>", html).group(1)
    assert new_secret != user.totp_secret and 'src="data:image/svg+xml' in html
    assert new_secret not in client.get("/admin/account").get_data(as_text=True)
    import pyotp

    done = client.post("/admin/account/authenticator/confirm", data={
        "csrf_token": token, "code": pyotp.TOTP(new_secret).now()})
    assert done.status_code == 302
    session.refresh(user)
    assert user.totp_secret == new_secret and user.totp_pending_secret is None
    assert session.scalar(select(AuditEntry).where(
        AuditEntry.action == "staff.authenticator_replaced"))


def test_a_wrong_code_from_the_new_app_keeps_the_old_authenticator(client, session):
    user = make_staff(session)
    old_secret = user.totp_secret
    sign_in(client, user)
    token = csrf_of(client, "/admin/account")
    later = datetime.now() + timedelta(seconds=30)
    client.post("/admin/account/authenticator", data={
        "csrf_token": token, "password": PASSWORD, "code": code_for(user, later)})
    wrong = client.post("/admin/account/authenticator/confirm",
                        data={"csrf_token": token, "code": "000000"})
    assert wrong.status_code == 400 and "Start again" in wrong.get_data(as_text=True)
    session.refresh(user)
    assert user.totp_secret == old_secret and user.totp_pending_secret is None


def test_codes_from_the_previous_and_next_step_are_accepted(client, session):
    user = make_staff(session)
    earlier = datetime.now() - timedelta(seconds=30)
    assert sign_in(client, user, code=code_for(user, earlier)).status_code == 302
