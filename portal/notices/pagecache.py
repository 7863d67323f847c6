"""A two-second memory of whole public notice responses, in each worker process.

The notice page, its PDF and its JSON-LD are the most read and the least changing responses:
a version never changes, and its renderings are stored in the database. Still, each request
costs database lookups and the page layout, about ten times a bare Flask response
(docs/benchmarks.md). This WSGI middleware remembers the finished response, headers included,
for two seconds, and answers busy periods from memory, before Flask runs.

Correctness never depends on it: an entry lives at most ``TTL`` seconds, so another worker
shows a new version that much later at most, and this process forgets everything as soon as it
publishes. Only what a view marks with :func:`cacheable` is kept: plain GETs (no query string)
answered 200 with an ETag, that set no cookie and had no flash message waiting. Entries are
keyed by Host and path, so a request for a host the app refuses never meets a stored answer.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from flask import Flask, current_app, has_app_context, request, session
from werkzeug.http import is_resource_modified, parse_date

TTL = 2.0
MAX_ENTRIES = 2000
MARK = "X-Portal-Cacheable"
NOT_IN_304 = frozenset({"content-type", "content-length", "content-disposition"})


@dataclass(frozen=True)
class _Entry:
    expires: float
    headers: tuple[tuple[str, str], ...]
    body: bytes
    etag: str
    modified: str


class PageCache:
    """WSGI middleware around the app: answers remembered GETs, remembers marked 200s."""

    def __init__(self, wsgi_app: Callable) -> None:
        self.wsgi_app = wsgi_app
        self.entries: dict[tuple[str, str], _Entry] = {}
        self.lock = threading.Lock()

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") != "GET" or environ.get("QUERY_STRING"):
            return self.wsgi_app(environ, start_response)
        key = (environ.get("HTTP_HOST", ""), environ.get("PATH_INFO", ""))
        entry = self.entries.get(key)
        if entry is not None and entry.expires > time.monotonic():
            return self._answer(entry, environ, start_response)
        seen: dict = {}

        def capture(status, headers, exc_info=None):
            seen.update(status=status, headers=headers)
            return start_response(status, [h for h in headers if h[0] != MARK], exc_info)

        body = self.wsgi_app(environ, capture)
        headers = seen.get("headers", [])
        names = {name.lower() for name, _value in headers}
        if not seen.get("status", "").startswith("200") or MARK.lower() not in names \
                or "set-cookie" in names:
            return body
        try:
            data = b"".join(body)
        finally:
            getattr(body, "close", lambda: None)()
        kept = tuple(h for h in headers if h[0] != MARK)
        values = {name.lower(): value for name, value in kept}
        self._put(key, _Entry(time.monotonic() + TTL, kept, data, values.get("etag", ""),
                              values.get("last-modified", "")))
        return [data]

    def _put(self, key: tuple[str, str], entry: _Entry) -> None:
        with self.lock:
            if len(self.entries) >= MAX_ENTRIES:
                self.entries.clear()
            self.entries[key] = entry

    @staticmethod
    def _answer(entry: _Entry, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if is_resource_modified(environ, etag=entry.etag.strip('"'),
                                last_modified=parse_date(entry.modified)):
            start_response("200 OK", list(entry.headers))
            return [entry.body]
        start_response("304 Not Modified",
                       [h for h in entry.headers if h[0].lower() not in NOT_IN_304])
        return []


def init_app(app: Flask) -> None:
    cache = PageCache(app.wsgi_app)
    app.wsgi_app = cache
    app.extensions["page_cache"] = cache


def clear() -> None:
    """Forget every response of the current app (called when a version is published)."""
    if has_app_context():
        current_app.extensions["page_cache"].clear()


def cacheable(view: Callable) -> Callable:
    """Mark ``view``'s plain 200 answers as fit for the two-second memory."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        response = view(*args, **kwargs)
        if (response.status_code == 200 and response.get_etag()[0]
                and not request.query_string and not session.get("_flashes")):
            response.headers[MARK] = "1"
        return response

    return wrapper
