"""Attaching the browser's strong identification to the request it files."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..dsr.models import DataRequest
from ..law.identification import register_level, strictest
from ..notices.models import Register
from ..notices.service import latest_published
from . import codes
from .models import RegisterIdentification, RequestIdentity
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


def register_settings(session: Session, register: Register) -> RegisterIdentification:
    """The register's own levels and delivery (an unsaved default row when none was set)."""
    row = session.get(RegisterIdentification, register.id)
    return row if row is not None else RegisterIdentification(
        register_id=register.id, levels={}, delivery="attach")


def register_levels(session: Session, register: Register, rights) -> dict[str, str]:
    """The level ``register`` needs for each of ``rights``, its own choice or the default."""
    personal_data = set(latest_published(session, register.slug).content
                        .get("personal_data", ()))
    chosen = register_settings(session, register).levels or {}
    return {right: register_level(right, personal_data, chosen) for right in rights}


def levels(session: Session, request: DataRequest, *, enabled: bool) -> tuple[str, str]:
    """(how the requester is identified, what the request's registers need for its right).

    With identification off nothing can be stronger than e-mail, so nothing is gated: the
    portal then works as it did before the feature (``PORTAL_OIDC_ISSUER`` unset).
    """
    if not enabled:
        return "email", "email"
    required = strictest(register_levels(session, register, (request.right_code,))
                         [request.right_code] for register in request.registers)
    row = of_request(session, request.id)
    return (row.level if row is not None else "email"), required


def default_delivery(session: Session, request: DataRequest) -> str:
    """Collection when any of the request's registers collects by default, else attached.

    A requester without an e-mail address asked on paper, so the answer is posted to them,
    enclosed with the letter, unless staff choose collection (legal rules §8)."""
    if not request.email:
        return "attach"
    chosen = {register_settings(session, register).delivery for register in request.registers}
    return "collect" if "collect" in chosen else "attach"


def verify_in_person(session: Session, request: DataRequest, *, staff_id: int,
                     document_type: str) -> RequestIdentity:
    """Staff saw the requester and an identity document: who, when and the document's type
    are kept, never its number (EDPB 01/2022: ask for no more than needed)."""
    row = of_request(session, request.id)
    if row is None:
        row = RequestIdentity(request_id=request.id, eidas_level="", issuer="",
                              identified_name=request.name, birthdate="")
        session.add(row)
    row.level, row.verified_by, row.document_type = "in_person", staff_id, document_type
    return row


def same_person(row: RequestIdentity | None, identified: dict, key: str) -> bool:
    """Whether a new strong identification is the person the request is identified as.

    Strong identifications compare the personal identity code (else name and birth date);
    a request verified in person or at e-mail level has only the name it was filed with.
    """
    if row is None:
        return False
    if row.level != "strong":
        return codes.names_match(row.identified_name, identified["name"])
    if row.code_encrypted is not None and identified.get("code"):
        return (codes.decrypt(row.code_encrypted, key)
                == codes.decrypt(identified["code"].encode("ascii"), key))
    return (row.identified_name, row.birthdate) == (identified["name"],
                                                    identified.get("birthdate") or "")
