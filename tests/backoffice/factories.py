"""Making staff and confirmed requests directly, for staff-side tests (flush, not commit)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pyotp

from portal.backoffice import accounts
from portal.dsr import service
from tests.dsr.helpers import at_helsinki

PASSWORD = "correct horse battery"


def make_staff(session, email="kaisa@espoo.example", orgs=("espoo",), role="dpo", locale="en"):
    user = accounts.create_staff(session, email=email, password=PASSWORD, role=role,
                                 controller_slugs=list(orgs), locale=locale)
    session.commit()
    return user


def signed_in_staff(client, session, **staff):
    """A staff member made with ``make_staff(**staff)`` and signed in on ``client``."""
    user = make_staff(session, **staff)
    sign_in(client, user)
    return user


def make_request(session, *, register="museokortti", received="2026-03-03", right="access",
                 name="Aino Asiakas", email="aino@example.fi", key=None) -> service.DataRequest:
    received_at = at_helsinki(received)
    submission = service.Submission(
        right=right, register_slugs=(register,) if register else (), name=name, email=email,
        phone="", details="", locale="fi", submission_key=key or f"{email}-{received}-{name}")
    request, _token = service.submit(session, submission, now=received_at,
                                     valid_for=timedelta(days=7),
                                     operator_register="tietosuojaportaali")
    service.confirm(session, request, now=received_at)
    session.commit()
    return request


def code_for(user, moment: datetime | None = None) -> str:
    return pyotp.TOTP(user.totp_secret).at(moment or datetime.now())


def sign_in(client, user, *, password=PASSWORD, code=None, next_path="", email=None):
    english = {"Accept-Language": "en"}
    page = client.get("/admin/login", headers=english).get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    return client.post(f"/admin/login{next_path}", headers=english, data={
        "csrf_token": token, "email": email or user.email, "password": password,
        "code": code if code is not None else code_for(user)})


def csrf_of(client, path="/admin/requests") -> str:
    html = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def current_version(client, request) -> str:
    """The version a handler's form carries, as the request's page shows it."""
    page = client.get(f"/admin/requests/{request.id}").get_data(as_text=True)
    return re.search(r'name="version" value="(\d+)"', page).group(1)


def decide(client, request, outcome, *, send=True, late_confirmed=False, files=(), **fields):
    """Prepare a decision on the request's page and, with ``send``, send it: as staff would."""
    page = f"/admin/requests/{request.id}"
    data = {"csrf_token": csrf_of(client, page), "version": current_version(client, request),
            "outcome": outcome, "text": "Päätös.", **fields}
    if files:
        data["files"] = list(files)
    response = client.post(f"{page}/decision", data=data, content_type="multipart/form-data")
    if response.status_code != 302 or not send:
        return response
    return send_prepared(client, request, late_confirmed=late_confirmed)


def send_prepared(client, request, *, late_confirmed=False):
    page = f"/admin/requests/{request.id}"
    return client.post(f"{page}/decision/send", data={
        "csrf_token": csrf_of(client, page), "version": current_version(client, request),
        **({"late_confirmed": "1"} if late_confirmed else {})})
