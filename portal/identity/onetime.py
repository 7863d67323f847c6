"""One-time codes to collect an answer where the register allows e-mail level (issue 14 part 5).

The code goes to the requester's confirmed address, so a status link that reached someone else
does not open the answer by itself. Only an HMAC of the code (keyed with the portal's secret
key) is stored; a code works once, for ``VALID``, with at most ``MAX_ATTEMPTS`` tries.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from ..dsr.models import DataRequest
from .models import CollectionCode

VALID = timedelta(minutes=15)
MAX_ATTEMPTS = 5


def _digest(code: str, key: str) -> str:
    return hmac.new(key.encode("utf-8"), code.encode("utf-8"), hashlib.sha256).hexdigest()


def issue(session: Session, request: DataRequest, *, key: str, now: datetime) -> str:
    """A new six-digit code for ``request``; any earlier code stops working."""
    code = f"{secrets.randbelow(10**6):06d}"
    row = session.get(CollectionCode, request.id)
    if row is None:
        row = CollectionCode(request_id=request.id)
        session.add(row)
    row.code_hash, row.expires_at, row.attempts = _digest(code, key), now + VALID, 0
    return code


def check(session: Session, request: DataRequest, code: str, *, key: str,
          now: datetime) -> bool:
    """Whether ``code`` is the request's current code; a right code is used up."""
    row = session.get(CollectionCode, request.id)
    if row is None or row.expires_at < now or row.attempts >= MAX_ATTEMPTS:
        return False
    row.attempts += 1
    if not hmac.compare_digest(row.code_hash, _digest(code.strip()[:12], key)):
        return False
    session.delete(row)
    return True
