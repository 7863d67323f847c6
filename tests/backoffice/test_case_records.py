"""Retention per controller, legal holds and archive packages, as staff and operators use them."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from datetime import timedelta

from sqlalchemy import select

from portal import retention
from portal.audit import AuditEntry
from portal.db import utcnow
from portal.dsr.models import DataRequest
from portal.notices.models import Controller
from tests.backoffice.factories import (
    csrf_of,
    current_version,
    make_request,
    sign_in,
    signed_in_staff,
)
from tests.backoffice.test_reports import complete, make_staff
from tests.dsr.helpers import at_helsinki
from tests.htmlcheck import html_problems


def _hold(client, request, **data):
    page = f"/admin/requests/{request.id}"
    return client.post(f"{page}/hold", data={"csrf_token": csrf_of(client, page),
                                             "version": current_version(client, request),
                                             **data})


def test_a_case_export_opens_as_a_package_whose_manifest_matches_the_files(
        app, session, runner, tmp_path):
    dpo = make_staff(session, orgs=("museokortti",))
    case = make_request(session, received="2026-03-02", name="Arkistoitava Asiakas")
    complete(app, session, case, dpo, "2026-03-20")
    still_open = make_request(session, received="2026-03-03", name="Avoin")

    refused = runner.invoke(args=["cases", "export", still_open.reference, "--out",
                                  str(tmp_path)])
    assert refused.exit_code == 1 and "is not closed" in refused.output
    done = runner.invoke(args=["cases", "export", case.reference, "--out", str(tmp_path)])
    assert done.exit_code == 0, done.output

    path = tmp_path / f"{case.reference}.zip"
    assert path.stat().st_mode & 0o077 == 0
    with zipfile.ZipFile(path) as package:
        manifest = json.loads(package.read("manifest.json"))
        names = set(package.namelist()) - {"manifest.json"}
        assert {f["path"] for f in manifest["files"]} == names
        for entry in manifest["files"]:
            assert hashlib.sha256(package.read(entry["path"])).hexdigest() == entry["sha256"]
        [letter] = [f for f in manifest["files"] if f["type"] == "letter"]
        assert package.read(letter["path"]).startswith(b"%PDF")
        assert letter["pdf_variant"] == "pdf/ua-1"
        record = json.loads(package.read("request.json"))
        events = json.loads(package.read("events.json"))
        mails = [f for f in manifest["files"] if f["type"] == "mail"]
        decision_mail = package.read(mails[-1]["path"]).decode()
    assert record["reference"] == case.reference
    assert record["requester"]["name"] == "Arkistoitava Asiakas"
    assert [e["kind"] for e in events][-1] == "granted"
    assert len(mails) == 1  # the decision with its letter
    assert "decision.pdf" in decision_mail
    session.expire_all()
    assert session.get(DataRequest, case.id).exported_at is not None
    assert session.scalar(select(AuditEntry.action).where(
        AuditEntry.target == f"request:{case.id}").order_by(AuditEntry.id.desc()).limit(1)
    ) == "case.export"


def test_purge_leaves_held_and_unexported_cases_alone(app, session, runner, tmp_path):
    client = app.test_client()
    dpo = signed_in_staff(client, session, orgs=("museokortti",))
    held = make_request(session, received="2023-01-02", name="Valittanut")
    old = make_request(session, received="2023-01-03", name="Vanha")
    recent = make_request(session, received="2026-03-02", name="Tuore")
    exported = make_request(session, received="2026-03-03", name="Arkistossa")
    for case in (held, old):
        complete(app, session, case, dpo, "2023-01-20")
    for case in (recent, exported):
        complete(app, session, case, dpo, "2026-03-20")

    missing = _hold(client, held, hold="place", reason="ombudsman", note=" ")
    page = missing.get_data(as_text=True)
    assert missing.status_code == 400
    assert re.search(r'<a href="#hold-note">Choose the proceeding', page)
    assert 'aria-invalid="true" aria-describedby="hold-note-error"' in page
    assert _hold(client, held, hold="place", reason="ombudsman",
                 note="TSV/123/2026 kantelu").status_code == 302
    assert "Complaint to the Data Protection Ombudsman" in client.get(
        f"/admin/requests/{held.id}").get_data(as_text=True)
    assert runner.invoke(args=["cases", "export", exported.reference, "--out",
                               str(tmp_path)]).exit_code == 0

    result = runner.invoke(args=["retention", "purge"])
    assert "exported or past retention: deleted 2" in result.output
    assert "kept on legal hold: 1" in result.output
    session.expire_all()
    assert sorted(session.scalars(select(DataRequest.name))) == ["Tuore", "Valittanut"]
    entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "request.legal_hold"))
    assert entry.after == {"legal_hold": "ombudsman", "note": "TSV/123/2026 kantelu"}
    assert entry.actor_id == dpo.id

    assert _hold(client, session.get(DataRequest, held.id), hold="release",
                 note="Valtuutettu päätti asian 1.11.2026.").status_code == 302
    assert "deleted 1" in runner.invoke(args=["retention", "purge"]).output
    session.expire_all()
    assert session.scalars(select(DataRequest.name)).all() == ["Tuore"]


def test_a_case_that_changed_after_its_export_waits_for_a_new_one(app, session, runner,
                                                                   tmp_path):
    dpo = make_staff(session, orgs=("museokortti",))
    case = make_request(session, received="2026-03-02")
    complete(app, session, case, dpo, "2026-03-20")
    runner.invoke(args=["cases", "export", case.reference, "--out", str(tmp_path)])
    client = app.test_client()
    sign_in(client, dpo)
    _hold(client, case, hold="place", reason="appeal", note="HAO 12/2026")
    _hold(client, case, hold="release", note="Valitus peruttiin.")
    assert "deleted 0" in runner.invoke(args=["retention", "purge"]).output.splitlines()[1]
    again = runner.invoke(args=["cases", "export", "--pending", "--out", str(tmp_path)])
    assert case.reference in again.output
    assert "deleted 1" in runner.invoke(args=["retention", "purge"]).output.splitlines()[1]


def test_each_organisation_sets_its_own_retention(app, session, tmp_path):
    dpo = make_staff(session, orgs=("museokortti",))
    case = make_request(session, received="2026-01-05")
    complete(app, session, case, dpo, "2026-01-20")
    client = app.test_client()
    sign_in(client, dpo)
    path = "/admin/organisations/museokortti/retention"
    wrong = client.post(path, data={"csrf_token": csrf_of(client, path), "requests": "30",
                                    "decisions": "kymmenen", "audit": ""})
    assert wrong.status_code == 400
    assert re.search(r'<a href="#decisions">Decisions and letters: Write a whole number',
                     wrong.get_data(as_text=True))
    saved = client.post(path, data={"csrf_token": csrf_of(client, path), "requests": "30",
                                    "decisions": "60", "audit": "90"})
    assert saved.status_code == 302
    museum = session.scalar(select(Controller).where(Controller.slug == "museokortti"))
    session.refresh(museum)
    assert museum.retention == {"requests": 30, "decisions": 60, "audit": 90}
    assert client.get("/admin/organisations/espoo/retention").status_code == 404
    assert html_problems({"settings": client.get(path).data, "errors": wrong.data,
                          "request": client.get(f"/admin/requests/{case.id}").data},
                         tmp_path) == []

    # Closed 50 days ago with a letter: the 60 days for decisions still keep it.
    assert retention.purge(session, now=at_helsinki("2026-03-11"), default_days=730).closed == 0
    assert retention.purge(session, now=at_helsinki("2026-03-22"), default_days=730).closed == 1
    session.commit()


def test_audit_entries_of_a_held_case_outlive_the_audit_period(app, session):
    dpo = make_staff(session, orgs=("museokortti",))
    held, other = make_request(session, name="Pidossa"), make_request(session, name="Muu")
    client = app.test_client()
    sign_in(client, dpo)
    assert _hold(client, held, hold="place", reason="claim", note="KO 1/2026").status_code == 302
    _hold(client, other, hold="place", reason="claim", note="KO 2/2026")
    _hold(client, session.get(DataRequest, other.id), hold="release", note="Sovittu.")
    museum = session.scalar(select(Controller).where(Controller.slug == "museokortti"))
    museum.retention = {"audit": 1}
    session.commit()
    retention.purge(session, now=utcnow() + timedelta(days=2), default_days=730)
    session.commit()
    targets = set(session.scalars(select(AuditEntry.target).where(
        AuditEntry.controller_id == museum.id)))
    assert targets == {f"request:{held.id}"}
