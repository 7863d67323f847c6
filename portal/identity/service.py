"""Attaching the browser's strong identification to the request it files."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..dsr.models import DataRequest
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
