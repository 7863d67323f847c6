"""Backup and restore as docs/deployment.md tells operators: pg_dump -Fc, then pg_restore into an
empty database; the portal then serves everything that was there, and migrations still apply."""

from __future__ import annotations

import subprocess
import uuid

from sqlalchemy import select, text

from portal import create_app, migrate
from portal.dsr.models import DataRequest
from tests.backoffice.factories import make_request
from tests.conftest import _admin_engine, _postgres_bindir, make_settings


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def test_pg_dump_and_pg_restore_bring_back_requests_and_notices(
        postgres_server, postgres_url, tmp_path):
    source = create_app(make_settings(tmp_path / "a", postgres_url))
    with source.extensions["db_sessionmaker"]() as session, source.test_request_context():
        reference = make_request(session, name="Varmuus Kopio").reference
    source.extensions["db_engine"].dispose()

    bindir, dump = _postgres_bindir(), tmp_path / "portal.dump"
    subprocess.run([str(bindir / "pg_dump"), "--format=custom", "--no-owner", "--file",
                    str(dump), _libpq(postgres_url)], check=True, capture_output=True)
    name = f"portal_restored_{uuid.uuid4().hex[:8]}"
    with _admin_engine(postgres_server).connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    restored_url = postgres_server.rsplit("/", 1)[0] + f"/{name}"
    subprocess.run([str(bindir / "pg_restore"), "--no-owner", "--exit-on-error", "--dbname",
                    _libpq(restored_url), str(dump)], check=True, capture_output=True)

    migrate.upgrade(restored_url)  # an upgrade after a restore finds nothing to do
    restored = create_app(make_settings(tmp_path / "b", restored_url))
    with restored.extensions["db_sessionmaker"]() as session:
        request = session.scalar(select(DataRequest).where(DataRequest.reference == reference))
        assert request.name == "Varmuus Kopio" and request.state == "received"
    page = restored.test_client().get("/fi/registers/museokortti")
    assert page.status_code == 200 and "Museokortti" in page.get_data(as_text=True)
    restored.extensions["db_engine"].dispose()
    with _admin_engine(postgres_server).connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
