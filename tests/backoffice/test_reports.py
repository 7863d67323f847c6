"""Reminders once a day, statistics, the admins' audit trail, retention of closed requests."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sqlalchemy import func, select

from portal import retention
from portal.audit import AuditEntry
from portal.backoffice import decisions, reminders
from portal.backoffice.stats import PurgedRequestFact
from portal.dsr.models import DataRequest, ResponseDocument
from portal.law.decisions import Decision
from portal.mail.models import OutboxMail
from tests.backoffice.factories import make_request, make_staff, sign_in, signed_in_staff
from tests.dsr.helpers import at_helsinki


def complete(app, session, request, staff, day: str) -> None:
    with app.test_request_context():
        decisions.prepare(session, request, staff, Decision("granted", text="Vastaus."), files=(),
                          diary_number="", version=request.version, now=at_helsinki(day))
        session.flush()
        decisions.send(session, request, staff, version=request.version, late_confirmed=False,
                       now=at_helsinki(day), identification=False)
        session.commit()


def test_reminders_go_once_a_day_in_the_staff_language(app, session):
    handler = make_staff(session, email="h@museot.example", orgs=("museokortti",),
                         role="handler", locale="sv")
    make_staff(session, email="editor@museot.example", orgs=("museokortti",), role="editor")
    make_request(session, received="2026-02-20", name="Overdue")  # due 20 Mar
    make_request(session, received="2026-03-03", name="Soon")     # due 7 Apr
    make_request(session, received="2026-03-20", name="Later")    # due 20 Apr
    today = date(2026, 4, 1)
    with app.test_request_context():
        assert reminders.send_reminders(session, today) == 1
        session.commit()
        assert reminders.send_reminders(session, today) == 0
        session.commit()
    [mail] = session.scalars(select(OutboxMail)).all()
    assert mail.recipient == handler.email and mail.locale == "sv"
    assert "Försenade:" in mail.body and "MUSEOKORTTI-2026-0001" in mail.body
    assert "MUSEOKORTTI-2026-0002" in mail.body and "MUSEOKORTTI-2026-0003" not in mail.body
    assert "http://localhost/admin/requests/" in mail.body


def test_no_digest_when_nothing_is_due(app, session, runner):
    make_staff(session, orgs=("museokortti",))
    result = runner.invoke(args=["deadlines", "remind"])
    assert "digests queued: 0" in result.output


def test_statistics_page_and_csv(app, session):
    dpo = make_staff(session, orgs=("museokortti",))
    first = make_request(session, received="2026-03-02")
    make_request(session, received="2026-03-05", name="Open")
    complete(app, session, first, dpo, "2026-03-20")
    client = app.test_client()
    sign_in(client, dpo)
    html = client.get("/admin/stats").get_data(as_text=True)
    assert '<time datetime="2026-03">March 2026</time>' in html
    assert "See your data (right of access)" in html
    assert "100%" in html and "(1/1)" in html
    csv_text = client.get("/admin/stats.csv").get_data(as_text=True)
    assert "2026-03,access,2,1,0,0,1,1,0,18" in csv_text


def test_only_admins_see_the_whole_audit_trail(app, session):
    admin = make_staff(session, email="admin@museot.example", orgs=("museokortti",),
                       role="admin")
    dpo = make_staff(session, orgs=("museokortti",))
    client = app.test_client()
    sign_in(client, dpo)
    assert client.get("/admin/audit").status_code == 403
    other = app.test_client()
    sign_in(other, admin)
    html = other.get("/admin/audit").get_data(as_text=True)
    assert "staff.sign_in" in html and "Signed in" in html  # in words, with the code


def test_the_audit_trail_pages_back_to_the_oldest_entry(app, session, monkeypatch):
    from portal import audit
    from portal.backoffice import report_views

    monkeypatch.setattr(report_views, "AUDIT_PAGE", 2)
    admin = make_staff(session, email="admin@museot.example", orgs=("museokortti",),
                       role="admin")
    for number in range(4):
        audit.record(session, "staff.sign_out", actor_id=admin.id, target=f"staff:{number}",
                     organisations=admin.controllers)
    session.commit()
    client = app.test_client()
    sign_in(client, admin)  # the fifth entry
    seen, path = [], "/admin/audit"
    while path:
        html = client.get(path).get_data(as_text=True)
        seen += re.findall(r"<code>(staff\.sign_\w+ staff:\d+)</code>", html)
        found = re.search(r'href="(/admin/audit\?before=\d+)"', html)
        path = found.group(1) if found else ""
    assert len(seen) == len(set(seen)) == 5  # every entry once, newest first
    assert seen[0].startswith("staff.sign_in")


def test_retention_deletes_closed_requests_but_keeps_the_counts(app, session, runner):
    dpo = make_staff(session, orgs=("museokortti",))
    old = make_request(session, received="2023-01-02", name="Old")
    make_request(session, received="2026-03-02", name="Open")
    complete(app, session, old, dpo, "2023-01-20")
    old_id = old.id
    assert session.scalar(select(func.count()).select_from(ResponseDocument)) == 1
    dry = runner.invoke(args=["retention", "purge", "--dry-run"])
    assert "would delete 1" in dry.output.splitlines()[1]
    assert session.scalar(select(func.count()).select_from(DataRequest)) == 2
    result = runner.invoke(args=["retention", "purge"])
    assert "deleted 1" in result.output.splitlines()[1]
    session.expire_all()
    assert [r.name for r in session.scalars(select(DataRequest))] == ["Open"]
    assert session.scalar(select(func.count()).select_from(ResponseDocument)) == 0
    assert session.scalar(select(func.count()).select_from(OutboxMail).where(
        OutboxMail.request_id == old_id)) == 0
    fact = session.scalar(select(PurgedRequestFact))
    assert (fact.state, fact.days, fact.received_on) == ("completed", 18, date(2023, 1, 2))
    entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "retention.purge"))
    assert entry.after == {"unconfirmed": 0, "closed": 1, "audit": 0}
    client = app.test_client()
    sign_in(client, dpo)
    assert "2023-01" in client.get("/admin/stats").get_data(as_text=True)


def test_retention_keeps_recently_closed_requests(app, session):
    dpo = make_staff(session, orgs=("museokortti",))
    request = make_request(session, received="2026-03-02")
    complete(app, session, request, dpo, "2026-03-20")
    assert retention.purge(session, now=at_helsinki("2026-04-01"),
                           default_days=730).closed == 0
    assert retention.purge(session, now=at_helsinki("2026-03-21") + timedelta(days=731),
                           default_days=730).closed == 1


def test_the_audit_trail_names_the_staff_member(app, session):
    client = app.test_client()
    signed_in_staff(client, session, email="admin@museot.example", orgs=("museokortti",),
                    role="admin")
    html = client.get("/admin/audit").get_data(as_text=True)
    assert "<td>admin@museot.example</td>" in html
