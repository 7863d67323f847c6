"""Keeping what a staff member sent after their session ran out, until they sign in again.

Staff are signed out after 30 idle minutes (OWASP ASVS 3.3.2). A letter or notice text sent
after that would be lost (WCAG 2.2.1, 2.2.5), so the text fields of that POST are kept here,
encrypted with a key derived from the secret key (they hold requesters' personal data) and
for 30 minutes at most, for that staff member alone. When they sign in again and open the page
the form was on, the fields are put back into the form; nothing is sent until they send it.
Files (data extracts) are not kept. One stash per staff member: a newer one replaces it.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from .models import FormStash

LIFETIME = timedelta(minutes=30)
#: Never kept: a CSRF token is bound to the old session anyway.
SKIPPED_FIELDS = frozenset({"csrf_token"})


@dataclass(frozen=True)
class KeptForm:
    #: The address the form was sent to, to find the same form on the page.
    action: str
    #: (name, value) pairs in the order they were sent.
    fields: tuple[tuple[str, str], ...]


def _fernet(secret_key: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
               info=b"privacy-portal form stash").derive(secret_key.encode())
    return Fernet(base64.urlsafe_b64encode(key))


def page_of(referrer: str | None, host: str) -> str:
    """The staff page a form was sent from (same site, under /admin/), or ""."""
    parts = urlsplit(referrer or "")
    if parts.netloc != host or not parts.path.startswith("/admin/"):
        return ""
    return parts.path + (f"?{parts.query}" if parts.query else "")


def keep(session: Session, staff_id: int, *, page: str, form: KeptForm, secret_key: str,
         now: datetime) -> bool:
    """Keep ``form`` for ``staff_id`` to be put back on ``page``; whether anything was kept."""
    session.execute(delete(FormStash).where(or_(FormStash.staff_id == staff_id,
                                                FormStash.created_at < now - LIFETIME)))
    fields = tuple((name, value) for name, value in form.fields
                   if name not in SKIPPED_FIELDS and value.strip())
    if not page or not fields:
        return False
    payload = json.dumps({"action": form.action, "fields": fields}).encode()
    token = _fernet(secret_key).encrypt_at_time(payload, int(now.timestamp()))
    session.add(FormStash(staff_id=staff_id, page=page, data=token, created_at=now))
    return True


def take(session: Session, staff_id: int, *, page: str, secret_key: str,
         now: datetime) -> KeptForm | None:
    """The form kept for ``staff_id`` on ``page``, removed from the store; None if none."""
    stash = session.scalar(select(FormStash).where(FormStash.staff_id == staff_id,
                                                   FormStash.page == page))
    if stash is None:
        return None
    session.delete(stash)
    try:
        data = json.loads(_fernet(secret_key).decrypt_at_time(
            stash.data, int(LIFETIME.total_seconds()), int(now.timestamp())))
    except InvalidToken:
        return None
    return KeptForm(data["action"], tuple((name, value) for name, value in data["fields"]))
