"""Attaching the browser's strong identification to the request it files."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..dsr.models import DataRequest
from ..law.identification import required_level
from ..notices.service import latest_published
from . import codes
from .models import RequestIdentity
from .tokens import Identity


def for_session(identity: Identity, key: str) -> dict:
    """What the browser's (signed) session cookie keeps: the code only as ciphertext."""
    code = identity.identity_code
    return {"name": identity.name, "birthdate": identity.birthdate or "",
            "level": identity.level, "issuer": identity.issuer,
            "code": codes.encrypt(code, key).decode("ascii") if code else None}


def attach(session: Session, request: DataRequest, identified: dict) -> RequestIdentity:
    """Record that ``request`` was filed by the person the provider identified."""
    existing = session.scalar(select(RequestIdentity).where(
        RequestIdentity.request_id == request.id))
    if existing is not None:
        return existing
    row = RequestIdentity(
        request_id=request.id, level="strong", eidas_level=identified["level"],
        issuer=identified["issuer"], identified_name=identified["name"],
        birthdate=identified.get("birthdate") or "",
        code_encrypted=identified["code"].encode("ascii") if identified.get("code") else None)
    session.add(row)
    return row


def of_request(session: Session, request_id: int) -> RequestIdentity | None:
    return session.scalar(select(RequestIdentity).where(RequestIdentity.request_id == request_id))


def levels(session: Session, request: DataRequest, *, enabled: bool) -> tuple[str, str]:
    """(how the requester is identified, what the request's registers need for its right).

    With identification off nothing can be stronger than e-mail, so nothing is gated: the
    portal then works as it did before the feature (``PORTAL_OIDC_ISSUER`` unset).
    """
    if not enabled:
        return "email", "email"
    personal_data: set[str] = set()
    for register in request.registers:
        personal_data.update(latest_published(session, register.slug).content
                             .get("personal_data", ()))
    level = "strong" if of_request(session, request.id) is not None else "email"
    return level, required_level(request.right_code, personal_data)
