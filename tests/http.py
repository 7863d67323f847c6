"""A plain HTTP GET for tests against a served app (always http://127.0.0.1)."""

from __future__ import annotations

import http.client
from urllib.parse import urlsplit


def get(url: str, host: str | None = None, timeout: float = 10) -> tuple[int, dict, bytes]:
    """Status, headers and body; raises OSError when nothing listens."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        connection.request("GET", path, headers={"Host": host} if host else {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()
