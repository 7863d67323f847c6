"""Acting as a requester in tests: fill the form, read the mail, follow the links."""

from __future__ import annotations

import re
from datetime import datetime

from portal import deadlines

CSRF_RE = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
SUBMISSION_RE = re.compile(r'name="submission" type="hidden" value="([^"]+)"')


def form_fields(client, lang: str = "fi", query: str = "") -> dict:
    html = client.get(f"/{lang}/requests/new{query}").get_data(as_text=True)
    return {"csrf_token": CSRF_RE.search(html).group(1),
            "submission": SUBMISSION_RE.search(html).group(1)}


def valid_request(**overrides) -> dict:
    data = {"right": "access", "registers": ["museokortti"], "name": "Aino Asiakas",
            "email": "aino@example.fi", "phone": "", "details": "Kaikki tietoni, kiitos."}
    data.update(overrides)
    return data


def post_request(client, lang: str = "fi", **overrides):
    fields = form_fields(client, lang)
    return client.post(f"/{lang}/requests/new", data={**fields, **valid_request(**overrides)})


def link_in(message, kind: str) -> str:
    body = message.get_body(("plain",)).get_content()
    return re.search(rf"http://localhost(/\w\w/requests/{kind}/[\w\-]+)", body).group(1)


def csrf(client, path: str) -> str:
    """The CSRF token of a page whose forms write it as a plain hidden input."""
    html = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def at_helsinki(day: str, clock: str = "10:00") -> datetime:
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=deadlines.HELSINKI)
