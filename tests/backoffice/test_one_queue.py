"""One queue for both laws (legal rules §9): the queue, its filter, its CSV and the statistics
name the law of each request, and count each law's time limits on their own row."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from portal.backoffice import queue_views
from tests.backoffice.factories import make_request, signed_in_staff
from tests.backoffice.test_document_clock import document_request
from tests.backoffice.test_queue import references


@pytest.fixture
def espoo_dpo(client, session, monkeypatch):
    monkeypatch.setattr(queue_views, "_today", lambda: date(2026, 3, 20))
    return signed_in_staff(client, session)


def test_the_queue_names_and_filters_the_law(client, session, espoo_dpo):
    make_request(session, register="kamu-asiakasrekisteri", received="2026-03-02")  # due 2 Apr
    document_request(session, "2026-03-09")  # due Mon 23 Mar
    html = client.get("/admin/requests").get_data(as_text=True)
    assert references(html) == ["ESPOO-2026-0002", "ESPOO-2026-0001"]
    assert "Get documents of an authority (document request)" in html
    assert "Openness Act" in html and "GDPR" in html
    only = client.get("/admin/requests?law=openness").get_data(as_text=True)
    assert references(only) == ["ESPOO-2026-0002"]
    rows = list(csv.reader(io.StringIO(client.get("/admin/requests.csv").get_data(
        as_text=True).lstrip("\ufeff"))))
    assert rows[0][-1] == "Law" and [row[-1] for row in rows[1:]] == ["Openness Act", "GDPR"]


def test_statistics_count_document_requests_on_their_own_row(client, session, espoo_dpo):
    make_request(session, register="kamu-asiakasrekisteri", received="2026-03-02")
    document_request(session, "2026-03-09")
    html = client.get("/admin/stats").get_data(as_text=True)
    assert "Get documents of an authority (document request)" in html
    assert "See your data (right of access)" in html
    stats_csv = client.get("/admin/stats.csv").get_data(as_text=True)
    assert "2026-03,documents,1" in stats_csv and "2026-03,access,1" in stats_csv


def test_the_daily_digest_names_the_law(app, session):
    from sqlalchemy import select

    from portal.backoffice import reminders
    from portal.mail.models import OutboxMail
    from tests.backoffice.factories import make_staff

    make_staff(session, email="kirjaamo@espoo.example", role="handler", locale="fi")
    make_request(session, register="kamu-asiakasrekisteri", received="2026-03-02")  # 2 Apr
    document_request(session, "2026-03-09")  # due Mon 23 Mar: overdue on 1 Apr
    with app.test_request_context():
        assert reminders.send_reminders(session, date(2026, 4, 1)) == 1
        session.commit()
    [mail] = session.scalars(select(OutboxMail)).all()
    assert "ESPOO-2026-0002 (Julkisuuslaki): 23. maaliskuuta 2026" in mail.body
    assert "ESPOO-2026-0001 (Tietosuoja-asetus): 2. huhtikuuta 2026" in mail.body
