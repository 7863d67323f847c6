"""``/healthz`` for load balancers and ``flask --app portal check`` before an instance starts."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import text

from portal import create_app, migrate
from tests.conftest import make_settings
from tests.mail.test_outbox import queue


def test_healthz_reports_counts_and_ages_but_no_personal_data(app, client):
    answer = client.get("/healthz")
    assert answer.status_code == 200 and answer.headers["Cache-Control"] == "no-store"
    assert answer.json == {"status": "ok", "database": True, "schema_ready": True,
                           "outbox": {"pending": 0, "failed": 0, "oldest_pending_seconds": None}}
    queue(app, recipient="liisa.lahettaja@example.fi")
    answer = client.get("/healthz")
    assert answer.json["outbox"]["pending"] == 1
    assert 0 <= answer.json["outbox"]["oldest_pending_seconds"] < 60
    assert b"liisa" not in answer.data and b"example.fi" not in answer.data


def test_healthz_is_503_when_the_schema_is_behind_the_code(app, client, database_url):
    migrate.downgrade(database_url, "-1")
    answer = client.get("/healthz")
    assert answer.status_code == 503
    assert answer.json["database"] is True and answer.json["schema_ready"] is False
    result = app.test_cli_runner().invoke(args=["check"])
    assert result.exit_code == 1 and "flask --app portal db upgrade" in result.output


def test_healthz_is_503_when_the_database_cannot_be_reached(tmp_path):
    app = create_app(make_settings(tmp_path, f"sqlite:///{tmp_path}/no/such/folder.db"))
    answer = app.test_client().get("/healthz")
    assert answer.status_code == 503 and answer.json["status"] == "unavailable"
    assert answer.json["database"] is False
    result = app.test_cli_runner().invoke(args=["check"])
    assert result.exit_code == 1 and "cannot be reached" in result.output


def test_check_refuses_a_portal_without_its_own_privacy_notice(app, database_url, tmp_path):
    assert "ready to serve" in app.test_cli_runner().invoke(args=["check"]).output
    missing = create_app(replace(make_settings(tmp_path / "other", database_url),
                                 privacy_register="ei-ole"))
    result = missing.test_cli_runner().invoke(args=["check"])
    assert result.exit_code == 1
    assert "'ei-ole' (PORTAL_PRIVACY_REGISTER) is not published" in result.output
    missing.extensions["db_engine"].dispose()


def test_an_old_version_keeps_serving_on_a_schema_migrated_by_the_new_one(app, client,
                                                                          database_url):
    """Upgrades migrate first and then restart on the new code: meanwhile the old code finds a
    revision it does not know, which is newer, and stays in the load balancer."""
    with app.extensions["db_engine"].begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    assert client.get("/healthz").status_code == 200
    assert "ready to serve" in app.test_cli_runner().invoke(args=["check"]).output
