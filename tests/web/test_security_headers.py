"""Security headers on every response; no inline script or style anywhere in the markup."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from tests.pages import all_pages


class InlineFinder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        names = {name for name, _ in attrs}
        if tag == "script" and "src" not in names:
            self.problems.append("inline <script>")
        if tag == "style":
            self.problems.append("<style> element")
        if "style" in names:
            self.problems.append(f"style attribute on <{tag}>")
        self.problems.extend(f"{name} on <{tag}>" for name in names if name.startswith("on"))


@pytest.mark.parametrize("path", all_pages())
def test_headers_and_no_inline_code(client, path):
    response = client.get(path)
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    finder = InlineFinder()
    finder.feed(response.get_data(as_text=True))
    assert finder.problems == []


def test_pdf_and_jsonld_carry_the_headers_too(client):
    for url in ("/fi/registers/museokortti.pdf", "/fi/registers/museokortti.jsonld"):
        response = client.get(url)
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "Content-Security-Policy" in response.headers


def test_production_cookies_and_hsts(tmp_path):
    from portal import create_app
    from portal.settings import Settings

    settings = Settings(env="production", instance_path=tmp_path, secret_key="k" * 64,
                        database_url=f"sqlite:///{tmp_path / 'x.db'}")
    app = create_app(settings)
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["SESSION_COOKIE_HTTPONLY"]
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    response = app.test_client().get("/")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    app.extensions["db_engine"].dispose()
