"""Review findings 11, 12, 14 and 16 (issue 10): spreadsheet formulas neutralised in every CSV
that leaves the portal, and the cost of letters and extracts bounded."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import select

from portal.backoffice import queue_views
from portal.backoffice.extracts import BadExtract, read_extract
from portal.mail.models import OutboxMail
from tests.backoffice.factories import decide, make_request, signed_in_staff
from tests.backoffice.test_actions import at

TRIGGERS = ("=", "+", "-", "@")
HOSTILE = ("Aino;=HYPERLINK(\"http://evil\";\"x\")", "Eino,@SUM(A1)", "Tuula\t+1+1",
           "Pekka; -2+3")


def _formulas(text: str) -> list[str]:
    """Cells that start a formula when the file is read with ``,`` or with ``;``."""
    found = []
    for delimiter in (",", ";", "\t"):
        for row in csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter):
            found += [cell for cell in row if cell.lstrip(" ").startswith(TRIGGERS)]
    return found


def test_the_requests_csv_is_safe_whichever_separator_the_spreadsheet_uses(client, session,
                                                                            monkeypatch):
    from datetime import date

    monkeypatch.setattr(queue_views, "_today", lambda: date(2026, 4, 1))
    signed_in_staff(client, session, email="dpo@museot.example", orgs=("museokortti",))
    for number, name in enumerate(HOSTILE):
        make_request(session, name=name, email=f"r{number}@example.fi",
                     received=f"2026-03-0{number + 2}")
    export = client.get("/admin/requests.csv").get_data(as_text=True)
    assert _formulas(export) == []
    names = {row[5] for row in csv.reader(io.StringIO(export.lstrip("\ufeff")))}
    assert "Aino;'=HYPERLINK(\"http://evil\";\"x\")" in names  # still readable to staff


def test_csv_extracts_sent_to_the_requester_are_neutralised(client, session, monkeypatch):
    signed_in_staff(client, session, email="dpo@museot.example", orgs=("museokortti",))
    request = make_request(session)
    at(monkeypatch, "2026-03-10")
    upload = b"nimi;huom\nAino;=cmd|' /C calc'!A0\nEino;x,@SUM(A1)\n"
    response = decide(client, request, "granted", text="Tässä tietosi.",
                      files=[(io.BytesIO(upload), "tiedot.csv")])
    assert response.status_code == 302
    mail = session.scalar(select(OutboxMail).order_by(OutboxMail.id.desc()))
    [sent] = [a for a in mail.attachments if a.filename == "tiedot.csv"]
    text = sent.data.decode("utf-8-sig")
    assert _formulas(text) == [] and "Aino;'=cmd|' /C calc'!A0" in text


def test_an_extract_with_too_many_cells_is_refused_with_the_reason():
    wide = ("\n".join(",".join(["x"] * 200) for _ in range(150)) + "\n").encode()
    with pytest.raises(BadExtract, match="more than 20000 cells"):
        read_extract("leveä.csv", wide)


def test_a_deeply_nested_json_extract_is_refused_with_the_reason(client, session, monkeypatch):
    signed_in_staff(client, session, email="dpo@museot.example", orgs=("museokortti",))
    request = make_request(session)
    at(monkeypatch, "2026-03-10")
    nested = b"[" * 200_000 + b"]" * 200_000
    response = decide(client, request, "granted", text="x",
                      files=[(io.BytesIO(nested), "syva.json")])
    assert response.status_code == 400
    assert "syva.json: the JSON is nested too deeply" in response.get_data(as_text=True)


def test_the_letter_preview_is_rate_limited_per_staff_member(client, session):
    signed_in_staff(client, session, email="dpo@museot.example", orgs=("museokortti",))
    request = make_request(session)
    codes = [client.get(f"/admin/requests/{request.id}/decision.pdf").status_code
             for _ in range(21)]
    assert codes[:20] == [404] * 20 and codes[20] == 429
