"""HTTP security headers and cookie hardening, set by the app itself (not only by a proxy).

The Content Security Policy is data: one dict turned into one header, so a test can read what
is allowed. No inline script or style is allowed anywhere; every script and stylesheet is a file
under ``static/``.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, Response, abort, request
from werkzeug.middleware.proxy_fix import ProxyFix

from .settings import Settings

CSP: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}


def csp_header(policy: dict[str, list[str]] = CSP) -> str:
    return "; ".join(f"{directive} {' '.join(sources)}" for directive, sources in policy.items())


def headers_for(settings: Settings) -> dict[str, str]:
    """Headers every response carries; HSTS only where the site is served over HTTPS."""
    headers = {
        "Content-Security-Policy": csp_header(),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    }
    if settings.is_production:
        headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains"
    return headers


def init_app(app: Flask, settings: Settings) -> None:
    app.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.is_production,
        SESSION_COOKIE_NAME="__Host-session" if settings.is_production else "session",
        PREFERRED_URL_SCHEME="https" if settings.is_production else "http",
        # Links in mail are built from BASE_URL, never from the Host header; in production a
        # request for any other host is refused (400) rather than served.
        TRUSTED_HOSTS=[urlsplit(settings.base_url).hostname] if settings.is_production else None,
    )
    if settings.trusted_proxies:
        proxies = settings.trusted_proxies
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)
    fixed = headers_for(settings)

    @app.before_request
    def _refuse_nul():
        """No text anyone types contains NUL, and PostgreSQL cannot store it: refuse with 400
        before it reaches a query (found by the fuzz test of the public forms)."""
        for values in (request.args, request.form):
            if any("\x00" in value for _key, value in values.items(multi=True)):
                abort(400)

    @app.after_request
    def _security_headers(response: Response) -> Response:
        for name, value in fixed.items():
            response.headers.setdefault(name, value)
        return response
