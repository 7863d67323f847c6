"""The request pages behind links and after errors are valid HTML too, in every language."""

import re

from sqlalchemy import select

from portal.mail.models import OutboxMail
from tests.dsr.helpers import csrf, post_request
from tests.htmlcheck import html_problems


def test_form_with_errors_confirm_and_status_pages_are_valid(client, session, tmp_path):
    pages = {}
    for lang in ("fi", "sv", "en"):
        pages[f"{lang} errors"] = post_request(client, lang, email="x", right="").data
        post_request(client, lang)
    for mail in session.scalars(select(OutboxMail)):
        path = re.search(r"http://localhost(\S+)", mail.body).group(1)
        pages[path] = client.get(path).data
        status = client.post(path, data={"csrf_token": csrf(client, path)}).headers["Location"]
        pages[status] = client.get(status).data
        pages[status + "/withdraw"] = client.get(status + "/withdraw").data
        client.post(status + "/withdraw", data={"csrf_token": csrf(client, status + "/withdraw")})
        pages[status + " withdrawn"] = client.get(status).data  # with its undo button
    assert len(pages) == 15
    assert html_problems(pages, tmp_path) == []
