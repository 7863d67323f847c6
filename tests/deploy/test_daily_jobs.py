"""The daily jobs outside any request, as systemd and cron run them in production.

``deadlines remind`` once crashed outside a request (links in mail were built from the request),
so no reminder was ever sent in production. Here both jobs run as subprocesses from the unit
files and the cron file with the settings file of ``deploy/``, and the reminder arrives at a
real SMTP server with a link to the configured https address.
"""

from __future__ import annotations

import shlex
import subprocess
from datetime import date, timedelta

from sqlalchemy import select

from portal.dsr import service
from portal.dsr.models import DataRequest
from tests.backoffice.factories import make_request, make_staff
from tests.backoffice.test_reports import complete
from tests.deploy.files import (
    DEPLOY,
    STRONG_SECRET,
    cron_commands,
    localised,
    unit_values,
    write_environment,
)
from tests.dsr.helpers import at_helsinki


def _run(command: str, env_file, home, *, as_cron: bool = False) -> str:
    line = localised(command, env_file=env_file, home=home)
    if as_cron:  # as cron: sh reads the settings file itself
        args, env = ["sh", "-c", line], {"PATH": "/usr/bin:/bin"}
    else:  # as systemd: EnvironmentFile= gives the variables
        args = shlex.split(line)
        env = {"PATH": "/usr/bin:/bin", **dict(
            entry.split("=", 1) for entry in env_file.read_text().splitlines())}
    done = subprocess.run(args, env=env, cwd=home, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_reminders_and_retention_run_from_timers_and_cron(session, database_url, smtp, tmp_path):
    dpo = make_staff(session, email="dpo@museot.example", orgs=("museokortti",), locale="fi")
    overdue = make_request(session, received="2026-01-05", name="Myöhässä Oleva")
    service.submit(session, service.Submission(
        right="access", register_slugs=("museokortti",), name="Ei Vahvistanut",
        email="ei@example.fi", phone="", details="", locale="fi", submission_key="never"),
        now=at_helsinki("2026-01-05"), valid_for=timedelta(days=7),
        operator_register="tietosuojaportaali")
    session.commit()
    home = tmp_path / "home"
    home.mkdir()
    env_file = tmp_path / "env"
    write_environment(env_file, PORTAL_SECRET_KEY=STRONG_SECRET, PORTAL_DATABASE_URL=database_url,
                      PORTAL_RATELIMIT_STORAGE_URI="memory://", PORTAL_MAIL_SERVER="127.0.0.1",
                      PORTAL_MAIL_PORT=str(smtp.port), PORTAL_MAIL_USE_TLS="false",
                      PORTAL_MAIL_USERNAME="", PORTAL_INSTANCE_PATH=str(home))
    cron = cron_commands()
    [remind] = unit_values("portal-remind.service", "ExecStart")
    [purge] = unit_values("portal-retention.service", "ExecStart")

    assert "digests queued: 1" in _run(remind, env_file, home)
    assert "digests queued: 0" in _run(cron["deadlines remind"], env_file, home, as_cron=True)
    assert "unconfirmed requests: deleted 1" in _run(purge, env_file, home)
    assert "deleted 0" in _run(cron["retention purge"], env_file, home, as_cron=True)
    _run(cron["mail send"], env_file, home, as_cron=True)

    [mail] = smtp.messages
    assert mail["To"] == dpo.email
    assert mail["Subject"] == "Käsiteltäviä tietosuojapyyntöjä"
    body = mail.get_content()
    assert overdue.reference in body
    assert f"https://tietosuoja.example.fi/admin/requests/{overdue.id}" in body
    session.expire_all()
    assert session.scalars(select(DataRequest.name)).all() == ["Myöhässä Oleva"]


def test_cases_exported_as_the_guide_says_are_purged_by_cron_unless_held(
        app, session, database_url, tmp_path):
    dpo = make_staff(session, email="dpo@museot.example", orgs=("museokortti",))
    handed_over = make_request(session, received="2026-03-02", name="Arkistoon")
    held = make_request(session, received="2026-03-03", name="Valitus")
    for case in (handed_over, held):
        complete(app, session, case, dpo, "2026-03-20")
    held.legal_hold, held.legal_hold_note = "appeal", "HAO 12/2026"
    session.commit()
    home = tmp_path / "home"
    home.mkdir()
    env_file = tmp_path / "env"
    write_environment(env_file, PORTAL_SECRET_KEY=STRONG_SECRET, PORTAL_DATABASE_URL=database_url,
                      PORTAL_RATELIMIT_STORAGE_URI="memory://", PORTAL_INSTANCE_PATH=str(home))
    [export] = [line for line in (DEPLOY.parent / "docs" / "retention.md").read_text().splitlines()
                if line.startswith("flask --app portal cases export --pending")]
    exported = _run(export.replace("flask ", "/opt/portal/venv/bin/flask ", 1), env_file, home)

    assert handed_over.reference in exported and held.reference in exported
    assert (home / "archive" / f"{handed_over.reference}.zip").is_file()
    purged = _run(cron_commands()["retention purge"], env_file, home, as_cron=True)
    assert "exported or past retention: deleted 1" in purged
    session.expire_all()
    assert session.scalars(select(DataRequest.name)).all() == ["Valitus"]


def test_cron_closes_a_document_request_whose_written_decision_question_went_unanswered(
        session, database_url, tmp_path):
    """Openness Act §14(3): the daily job closes the case once PORTAL_OPENNESS_ANSWER_DAYS
    have passed without an answer (here set to 10 in the settings file, as an operator would)."""
    from tests.backoffice.test_document_clock import document_request

    asked = document_request(session, "2026-03-02")
    waiting = document_request(session, "2026-03-03")
    for request, day in ((asked, date(2026, 3, 6)), (waiting, date.today())):
        request.state, request.outcome = "refused", "refused"
        request.openness_step, request.openness_asked_on = "asked", day
    session.commit()
    home = tmp_path / "home"
    home.mkdir()
    env_file = tmp_path / "env"
    write_environment(env_file, PORTAL_SECRET_KEY=STRONG_SECRET, PORTAL_DATABASE_URL=database_url,
                      PORTAL_RATELIMIT_STORAGE_URI="memory://", PORTAL_INSTANCE_PATH=str(home),
                      PORTAL_OPENNESS_ANSWER_DAYS="10")

    output = _run(cron_commands()["deadlines remind"], env_file, home, as_cron=True)

    assert "written-decision questions closed unanswered: 1" in output
    session.expire_all()
    assert session.get(DataRequest, asked.id).openness_step == "unanswered"
    assert session.get(DataRequest, asked.id).events[-1].kind == "written_unanswered"
    assert session.get(DataRequest, waiting.id).openness_step == "asked"


def test_the_upgrade_step_stores_due_dates_again_as_the_guide_says(
        session, database_url, tmp_path):
    """docs/deployment.md, upgrade step 6: a document request waiting for its written decision
    kept its first due date from an older release; the documented command stores the new one
    (two weeks from the request for the decision), audits it, and a second run changes
    nothing."""
    import re

    from portal.audit import AuditEntry
    from portal.dsr.models import RequestEvent
    from tests.backoffice.test_document_clock import document_request

    request = document_request(session, "2026-03-02")
    request.openness_step = "requested"
    request.events.append(RequestEvent(kind="written_requested",
                                       created_at=at_helsinki("2026-03-18")))
    request.due_on = date(2026, 3, 16)  # as the older release stored it
    session.commit()
    guide = (DEPLOY.parent / "docs" / "deployment.md").read_text()
    inner = re.search(r"runuser -u portal -- sh -c '([^']*deadlines recompute)'", guide).group(1)
    home = tmp_path / "home"
    home.mkdir()
    env_file = tmp_path / "env"
    write_environment(env_file, PORTAL_SECRET_KEY=STRONG_SECRET, PORTAL_DATABASE_URL=database_url,
                      PORTAL_RATELIMIT_STORAGE_URI="memory://", PORTAL_INSTANCE_PATH=str(home))
    line = localised(inner, env_file=env_file, home=home)

    def run() -> str:
        done = subprocess.run(["sh", "-c", line], env={"PATH": "/usr/bin:/bin"}, cwd=home,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert "due dates changed: 1" in run()
    session.expire_all()
    assert session.get(DataRequest, request.id).due_on == date(2026, 4, 1)
    entry = session.scalars(select(AuditEntry).where(
        AuditEntry.action == "request.due_recomputed")).one()
    assert entry.after == {"due_on": "2026-04-01"}
    assert "due dates changed: 0" in run()
