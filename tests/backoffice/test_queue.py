"""The queue: only the staff member's controllers, due first on top, filters, pages, CSV."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest

from portal.backoffice import queue, queue_views
from tests.backoffice.factories import make_request, signed_in_staff

TODAY = date(2026, 4, 1)


@pytest.fixture
def museum_dpo(client, session, monkeypatch):
    monkeypatch.setattr(queue_views, "_today", lambda: TODAY)
    return signed_in_staff(client, session, email="dpo@museot.example", orgs=("museokortti",))


def references(html: str) -> list[str]:
    return re.findall(r'<th scope="row"><a href="/admin/requests/\d+">([^<]+)</a>', html)


def test_due_first_overdue_on_top_and_other_controllers_invisible(client, session, museum_dpo):
    make_request(session, received="2026-03-10", name="Later")       # due Fri 10 Apr
    make_request(session, received="2026-02-20", name="Overdue")     # due Fri 20 Mar
    make_request(session, received="2026-03-03", name="Soon")        # due Tue 7 Apr
    espoo = make_request(session, register="kamu-asiakasrekisteri", received="2026-02-01",
                         name="Espoo")
    html = client.get("/admin/requests").get_data(as_text=True)
    assert references(html) == ["MUSEOKORTTI-2026-0002", "MUSEOKORTTI-2026-0003",
                                "MUSEOKORTTI-2026-0001"]
    assert "Overdue by 12 days" in html and "6 days left" in html and "9 days left" in html
    assert "Espoo" not in html
    assert client.get(f"/admin/requests/{espoo.id}").status_code == 404
    assert "ESPOO" not in client.get("/admin/requests.csv?state=all").get_data(as_text=True)


@pytest.mark.parametrize("query, expected", [
    ("overdue=1", ["Overdue"]),
    ("due_soon=1", ["Soon"]),
    ("right=erasure", ["Erase"]),
    ("q=MUSEOKORTTI-2026-0003", ["Soon"]),
    ("q=ERASE@example.fi", ["Erase"]),
    ("register=museokortti", ["Overdue", "Soon", "Erase"]),
    ("state=withdrawn", []),
])
def test_filters(client, session, museum_dpo, query, expected):
    make_request(session, received="2026-03-10", name="Erase", right="erasure",
                 email="erase@example.fi")
    make_request(session, received="2026-02-20", name="Overdue")
    make_request(session, received="2026-03-03", name="Soon")
    html = client.get(f"/admin/requests?{query}").get_data(as_text=True)
    shown = re.findall(r"<td>(Erase|Overdue|Soon)</td>", html)
    assert sorted(shown) == sorted(expected)
    if not expected:
        assert "No requests match." in html


def test_counts_per_state(client, session, museum_dpo):
    for n in range(3):
        make_request(session, received=f"2026-03-0{n + 2}", name=f"R{n}")
    html = client.get("/admin/requests").get_data(as_text=True)
    assert re.search(r"Received: <strong>3</strong>", html)


def test_keyset_pages_show_every_request_once(client, session, museum_dpo, monkeypatch):
    monkeypatch.setattr(queue, "PAGE_SIZE", 4)
    for n in range(10):
        make_request(session, received=f"2026-03-{n + 2:02d}", name=f"Person {n}")
    seen, url = [], "/admin/requests"
    while url:
        html = client.get(url).get_data(as_text=True)
        seen += references(html)
        found = re.search(r'<a href="([^"]+)">Next page</a>', html)
        url = found.group(1).replace("&amp;", "&") if found else None
    assert len(seen) == 10 and len(set(seen)) == 10


def test_requester_text_is_escaped_in_the_queue_the_page_and_the_csv(client, session,
                                                                      museum_dpo):
    request = make_request(session, name='<script>alert("x")</script>', email="x@example.fi")
    make_request(session, name="=HYPERLINK(\"http://evil\")", received="2026-03-04")
    for path in ("/admin/requests", f"/admin/requests/{request.id}"):
        html = client.get(path).get_data(as_text=True)
        assert "<script>alert" not in html and "&lt;script&gt;" in html
    rows = list(csv.reader(io.StringIO(client.get("/admin/requests.csv").get_data(
        as_text=True).lstrip("\ufeff"))))
    assert rows[0][0] == "Reference"
    names = [row[5] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil")' in names and '<script>alert("x")</script>' in names


def test_request_page_shows_the_timeline_and_mail_state(client, session, museum_dpo):
    request = make_request(session)
    html = client.get(f"/admin/requests/{request.id}").get_data(as_text=True)
    assert "Tuesday, April 7, 2026" in html  # received 3 Mar, Easter roll
    assert "Last day to notify an extension" in html
    assert "confirmed" in html and "Aino Asiakas" in html


def test_filter_by_handler(client, session, museum_dpo):
    mine = make_request(session, name="Mine")
    make_request(session, name="Unassigned", received="2026-03-04")
    mine.assignee_id = museum_dpo.id
    session.commit()
    assert re.findall(r"<td>(Mine|Unassigned)</td>", client.get(
        "/admin/requests?assignee=me").get_data(as_text=True)) == ["Mine"]
    assert re.findall(r"<td>(Mine|Unassigned)</td>", client.get(
        "/admin/requests?assignee=none").get_data(as_text=True)) == ["Unassigned"]


def test_the_register_filter_names_registers_by_title(client, museum_dpo):
    html = client.get("/admin/requests").get_data(as_text=True)
    assert '<option value="museokortti">Museum Card customer register</option>' in html
    assert "kamu-asiakasrekisteri" not in html  # another organisation's register
