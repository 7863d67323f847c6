"""Migrations carry every published version over unchanged (issue 15, part 8).

A published version is what the public was told on a date (GDPR Art. 5(2)), so no migration
may change what it says. The test publishes versions into a database at an older revision,
renders them there with today's code, stores the renderings as the portal does, upgrades to
the newest revision (whatever migrations it holds), and renders them again: the article HTML
and the PDF text must be exactly the same, and the stored renderings and content untouched.

``STARTS``: the first revision with published versions, and the newest revision before this
session's migrations; move the second forward when a session's migrations are merged.
"""

from __future__ import annotations

import io
import tomllib
from datetime import UTC, datetime

import pytest
from flask_babel import force_locale
from pypdf import PdfReader
from sqlalchemy import Column, MetaData, Table, create_engine, inspect, select

from portal import create_app, migrate
from portal.notices import render
from portal.notices.fileformat import content_digest, parse_notice
from portal.notices.languages import shown_language
from portal.notices.models import Controller, NoticeVersion, Register, Rendition
from tests.conftest import DEMO_NOTICES, make_settings

STARTS = ("0001", "0015")
#: A notice in three languages with recipients and remedies, and a Finnish-only one.
NOTICES = ("kamu-asiakasrekisteri", "honkalahti-oppilasrekisteri")
PUBLISHED = datetime(2025, 3, 4, 10, 30, tzinfo=UTC)
LANGS = ("fi", "sv", "en")
PDF_LANG = "sv"  # one PDF each: the slowest rendering


def _table(engine, model) -> Table:
    """The model's table as it is at the database's revision: its columns there, typed as the
    model types them, with no defaults of later revisions."""
    present = {column["name"] for column in inspect(engine).get_columns(model.__tablename__)}
    return Table(model.__tablename__, MetaData(), *(
        Column(c.name, c.type, primary_key=c.primary_key)
        for c in model.__table__.columns if c.name in present))


def _insert(connection, table: Table, values: dict) -> int:
    row = {key: value for key, value in values.items() if key in table.c}
    return connection.execute(table.insert().values(**row).returning(table.c.id)).scalar_one()


def _publish_at_old_revision(url: str) -> dict[str, int]:
    """Publish the notices with plain SQL, as the code of that revision stored them."""
    engine = create_engine(url)
    controllers = _table(engine, Controller)
    registers, versions = _table(engine, Register), _table(engine, NoticeVersion)
    ids = {}
    with engine.begin() as connection:
        for slug in NOTICES:
            content = parse_notice(tomllib.loads(
                (DEMO_NOTICES / f"{slug}.toml").read_text("utf-8")))
            c = content["controller"]
            controller_id = _insert(connection, controllers, {
                **{key: c.get(key, "") for key in ("email", "phone", "website", "dpo_email",
                                                   "dpo_phone", "business_id")},
                "slug": c["slug"], "name": c["name"], "address": c["address"],
                "public_authority": c.get("public_authority", False),
                "remedy": c.get("remedy", {}), "remedy_texts": {},
                "created_at": PUBLISHED, "updated_at": PUBLISHED})
            register_id = _insert(connection, registers, {
                "controller_id": controller_id, "slug": slug, "listed": True,
                "created_at": PUBLISHED})
            ids[slug] = _insert(connection, versions, {
                "register_id": register_id, "number": 1, "content": content,
                "content_sha256": content_digest(content), "published_at": PUBLISHED})
    engine.dispose()
    return ids


def _read_versions(url: str, ids: dict[str, int]) -> dict[str, NoticeVersion]:
    """The stored versions as unattached objects, read with plain SQL at any revision."""
    engine = create_engine(url)
    versions = _table(engine, NoticeVersion)
    with engine.connect() as connection:
        rows = {row.id: row for row in connection.execute(select(versions))}
    engine.dispose()
    return {slug: NoticeVersion(id=rows[i].id, number=rows[i].number, content=rows[i].content,
                                content_sha256=rows[i].content_sha256,
                                published_at=rows[i].published_at)
            for slug, i in ids.items()}


def _pdf_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def _render(app, version: NoticeVersion) -> dict[tuple[str, str], bytes]:
    """The article in each portal language and the PDF, as the public views render them."""
    out = {}
    for lang in LANGS:
        shown = shown_language(version.content, lang)
        with app.test_request_context(f"/{lang}/"), force_locale(shown):
            out[("html", lang)] = render.article_html(version, shown)
            if lang == PDF_LANG:
                out[("pdf", lang)] = render.pdf_bytes(version, shown, out[("html", lang)])
    return out


@pytest.mark.parametrize("start", STARTS)
def test_an_old_version_renders_the_same_after_every_migration(empty_database_url, tmp_path,
                                                                start):
    url = empty_database_url
    migrate.upgrade(url, start)
    ids = _publish_at_old_revision(url)
    app = create_app(make_settings(tmp_path / "instance", url))
    before = {slug: _render(app, version) for slug, version in _read_versions(url, ids).items()}
    old = _read_versions(url, ids)
    engine = create_engine(url)
    renditions = _table(engine, Rendition)
    with engine.begin() as connection:  # stored as the views store them
        connection.execute(renditions.insert(), [
            {"version_id": ids[slug], "locale": lang, "kind": kind, "build": "before",
             "body": body, "created_at": PUBLISHED}
            for slug, bodies in before.items() for (kind, lang), body in bodies.items()])

    migrate.upgrade(url)  # every migration after ``start``

    after = _read_versions(url, ids)
    for slug in NOTICES:
        assert after[slug].content == old[slug].content
        assert after[slug].content_sha256 == old[slug].content_sha256
    stored = _table(engine, Rendition)
    with engine.connect() as connection:
        kept = {(row.version_id, row.kind, row.locale): row.body for row in connection.execute(
            select(stored).where(stored.c.build == "before"))}
    session = app.extensions["db_sessionmaker"]()
    for slug in NOTICES:
        version = session.get(NoticeVersion, ids[slug])  # as the upgraded portal loads it
        again = _render(app, version)
        for (kind, lang), body in before[slug].items():
            assert kept[(ids[slug], kind, lang)] == body, (slug, kind, lang)
            if kind == "html":
                assert again[(kind, lang)] == body, (slug, lang)
            else:
                assert _pdf_text(again[(kind, lang)]) == _pdf_text(body), (slug, lang)
    session.close()
    engine.dispose()
    app.extensions["db_engine"].dispose()
