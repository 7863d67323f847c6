"""Published versions are rendered once and answered with 304 when the reader has them."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from portal.notices import render
from portal.notices.models import Rendition

URLS = ["/fi/registers/museokortti", "/sv/registers/museokortti.pdf",
        "/en/registers/museokortti.jsonld"]


@pytest.mark.parametrize("url", URLS)
def test_etag_and_last_modified_answer_conditional_requests(client, url):
    first = client.get(url)
    assert first.status_code == 200
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert "no-cache" in first.headers["Cache-Control"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    assert client.get(url, headers={"If-Modified-Since": modified}).status_code == 304
    assert client.get(url, headers={"If-None-Match": '"something-else"'}).status_code == 200


def test_each_language_has_its_own_etag(client):
    tags = {client.get(f"/{lang}/registers/museokortti").headers["ETag"]
            for lang in ("fi", "sv", "en")}
    assert len(tags) == 3


def test_html_and_pdf_are_rendered_once_then_reused(client, session, monkeypatch):
    first_page = client.get("/fi/registers/kamu-asiakasrekisteri").data
    first_pdf = client.get("/fi/registers/kamu-asiakasrekisteri.pdf").data
    assert session.scalar(select(func.count()).select_from(Rendition)) == 2

    def must_not_render(*_args, **_kwargs):
        raise AssertionError("rendered again")

    monkeypatch.setattr(render, "article_html", must_not_render)
    monkeypatch.setattr(render, "pdf_bytes", must_not_render)
    assert client.get("/fi/registers/kamu-asiakasrekisteri").data == first_page
    assert client.get("/fi/registers/kamu-asiakasrekisteri.pdf").data == first_pdf


def test_a_new_base_url_renders_the_links_afresh(tmp_path, database_url):
    from dataclasses import replace

    from portal import create_app
    from tests.conftest import make_settings

    def page(base_url):
        app = create_app(replace(make_settings(tmp_path / "i", database_url), base_url=base_url))
        html = app.test_client().get("/fi/registers/museokortti").get_data(as_text=True)
        app.extensions["db_engine"].dispose()
        return html

    assert 'href="https://old.example/fi/requests/new?register=museokortti"' in page(
        "https://old.example")
    assert 'href="https://new.example/fi/requests/new?register=museokortti"' in page(
        "https://new.example")
