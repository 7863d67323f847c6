"""A new staff member's first sign-in by an invitation link: nobody reads out their password or
authenticator key; the link lets them set both, and proves the app works before it is saved."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pyotp
from sqlalchemy import select

from portal.backoffice.accounts import by_email
from portal.mail.models import OutboxMail
from tests.backoffice.factories import code_for, sign_in
from tests.htmlcheck import html_problems

PASSWORD = "oma pitkä salasana"


def _form(client, path: str) -> tuple[str, str]:
    html = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1), html


def test_an_invited_colleague_sets_password_and_app_from_the_mailed_link(
        runner, client, session, tmp_path):
    result = runner.invoke(args=["staff", "create", "uusi@espoo.example", "--org", "espoo",
                                 "--role", "handler", "--lang", "sv", "--invite"])
    assert result.exit_code == 0, result.output
    assert "otpauth" not in result.output and "mailed" in result.output
    [mail] = session.scalars(select(OutboxMail)).all()
    assert mail.recipient == "uusi@espoo.example"
    assert mail.subject == "Ditt personalkonto i dataskyddsportalen"
    link = re.search(r"http://localhost(/admin/reset/\S+)", mail.body).group(1)
    user = by_email(session, "uusi@espoo.example")
    assert sign_in(client, user, password="").status_code == 400  # no password works yet

    token, page = _form(client, link)
    assert user.totp_secret in page and 'src="data:image/svg+xml' in page
    wrong = client.post(link, data={"csrf_token": token, "password": PASSWORD,
                                    "confirm": PASSWORD, "code": "000000"})
    assert wrong.status_code == 400 and 'href="#code"' in wrong.get_data(as_text=True)
    pages = {"enrolment": page.encode(), "enrolment with errors": wrong.data}
    assert html_problems(pages, tmp_path) == []

    code = pyotp.TOTP(user.totp_secret).now()
    done = client.post(link, data={"csrf_token": token, "password": PASSWORD,
                                   "confirm": PASSWORD, "code": code})
    assert done.status_code == 302 and done.headers["Location"].endswith("/admin/login")
    assert client.get(link).status_code == 404  # used once
    assert sign_in(client, user, password=PASSWORD, code=code).status_code == 400  # spent code
    next_code = code_for(user, datetime.now() + timedelta(seconds=30))
    assert sign_in(client, user, password=PASSWORD, code=next_code).status_code == 302
