"""The two-second memory of public notice responses: fast, and never stale for long."""

from __future__ import annotations

from dataclasses import replace

from portal import create_app
from portal.notices import pagecache, service
from portal.notices.fileformat import read_notice_file
from tests.conftest import DEMO_NOTICES, make_settings


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _publish_changed_retention(app, text: str) -> None:
    content = read_notice_file(DEMO_NOTICES / "museokortti.toml")
    content["sections"]["retention"] = {"fi": text, "sv": text, "en": text}
    with app.app_context(), app.extensions["db_sessionmaker"]() as session:
        service.publish(session, content)
        session.commit()


def test_another_instance_shows_a_new_version_within_two_seconds(
        database_url, tmp_path, monkeypatch):
    clock = Clock()
    monkeypatch.setattr(pagecache.time, "monotonic", clock)
    reader, editor = (create_app(replace(make_settings(tmp_path / name, database_url)))
                      for name in ("reader", "editor"))
    client = reader.test_client()
    first = client.get("/fi/registers/museokortti")
    assert first.status_code == 200
    _publish_changed_retention(editor, "Uusi säilytysaika.")
    clock.now += 1.0
    assert "Uusi säilytysaika." not in client.get("/fi/registers/museokortti").get_data(True)
    clock.now += pagecache.TTL
    fresh = client.get("/fi/registers/museokortti")
    assert "Uusi säilytysaika." in fresh.get_data(as_text=True)
    assert fresh.headers["ETag"] != first.headers["ETag"]
    # Conditional requests are answered from memory too, with the right validators.
    again = client.get("/fi/registers/museokortti",
                       headers={"If-None-Match": fresh.headers["ETag"]})
    assert again.status_code == 304


def test_the_publishing_instance_shows_its_new_version_at_once(app, client):
    client.get("/sv/registers/museokortti")
    _publish_changed_retention(app, "Ny lagringstid.")
    assert "Ny lagringstid." in client.get("/sv/registers/museokortti").get_data(as_text=True)


def test_only_plain_requests_are_remembered(app, client):
    client.get("/en/registers/museokortti?utm=x")
    client.get("/en/registers/museokortti.pdf")
    client.get("/en/registers/nothing-here")
    assert [path for _host, path in app.extensions["page_cache"].entries] == [
        "/en/registers/museokortti.pdf"]
    cached = client.get("/en/registers/museokortti.pdf")
    assert cached.mimetype == "application/pdf" and "Content-Disposition" in cached.headers
    assert "Content-Security-Policy" in cached.headers
