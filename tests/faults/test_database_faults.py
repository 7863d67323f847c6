"""The database fails: down while a request is submitted, restarted while the site is busy.

The visitor gets a translated "try again" page with 503, nothing is half saved, and the app
recovers by itself when the database is back (the pool tests connections before use).
"""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.orm import Session
from werkzeug.serving import make_server

from portal import create_app
from portal.dsr.models import DataRequest
from portal.mail.models import OutboxMail
from tests.conftest import PostgresCluster, _admin_engine, make_settings, prepare_database
from tests.dsr.helpers import form_fields, valid_request
from tests.http import get


@pytest.fixture
def cluster(tmp_path):
    """A PostgreSQL cluster of this test's own, which it may stop and restart."""
    own = PostgresCluster()
    own.start()
    with _admin_engine(own.url).connect() as conn:
        conn.execute(text('CREATE DATABASE "portal"'))
    own.database_url = own.url.rsplit("/", 1)[0] + "/portal"
    prepare_database(own.database_url)
    yield own
    own.remove()


def _stored(url: str) -> tuple[int, int]:
    engine = create_engine(url)
    with Session(engine) as session:
        counts = (session.scalar(select(func.count()).select_from(DataRequest)),
                  session.scalar(select(func.count()).select_from(OutboxMail)))
    engine.dispose()
    return counts


def test_database_down_while_a_request_is_submitted(cluster, tmp_path):
    app = create_app(make_settings(tmp_path / "instance", cluster.database_url))
    client = app.test_client()
    data = {**form_fields(client, "sv"), **valid_request()}
    cluster.stop()
    response = client.post("/sv/requests/new", data=data)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    page = response.get_data(as_text=True)
    assert 'lang="sv"' in page and "försök igen" in page.lower()
    assert "Traceback" not in page and "psycopg" not in page
    cluster.start()
    assert _stored(cluster.database_url) == (0, 0)  # nothing half saved
    again = client.post("/sv/requests/new", data=data)  # no restart of the app needed
    assert again.status_code == 302
    assert _stored(cluster.database_url) == (1, 1)
    app.extensions["db_engine"].dispose()


def test_postgresql_restarted_under_load(cluster, tmp_path):
    app = create_app(make_settings(tmp_path / "instance", cluster.database_url))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    statuses: list[int] = []
    submitted: list[int] = []
    stop = threading.Event()

    def read_pages() -> None:
        while not stop.is_set():
            for path in ("/fi/registers/museokortti", "/en/", "/sv/registers/museokortti.jsonld"):
                statuses.append(get(base + path)[0])

    def submit() -> None:
        client = app.test_client()
        for n in range(8):  # below the rate limit of 10 an hour
            try:
                data = {**form_fields(client, "fi"),
                        **valid_request(email=f"kuorma{n}@example.fi")}
            except AttributeError:  # the form page itself was a 503
                time.sleep(0.3)
                continue
            submitted.append(client.post("/fi/requests/new", data=data).status_code)
            time.sleep(0.3)

    readers = [threading.Thread(target=read_pages) for _ in range(3)]
    writer = threading.Thread(target=submit)
    for thread in [*readers, writer]:
        thread.start()
    time.sleep(0.5)
    cluster.stop()
    time.sleep(0.5)
    cluster.start()
    writer.join(timeout=60)
    time.sleep(0.5)
    stop.set()
    for thread in readers:
        thread.join(timeout=30)
    server.shutdown()

    assert set(statuses) <= {200, 503} and 503 in statuses and 500 not in submitted
    tail = statuses[-20:]
    assert tail and set(tail) == {200}  # recovered with no manual step
    assert set(submitted) <= {302, 503}
    assert _stored(cluster.database_url) == (submitted.count(302), submitted.count(302))
    app.extensions["db_engine"].dispose()
