"""A closed case as one self-contained archive package, for the organisation's archive.

The package is a ZIP file that any archive or case-management system can take in without the
portal: ``request.json`` (what was asked, by whom, when, the outcome), ``events.json`` (every
step, public or staff-only), ``audit.json`` (who did what), ``mail/*.eml`` (every mail as sent,
with its attachments), ``post/*.txt`` (every letter to a requester without an e-mail address,
as written for posting, with the day it was posted), ``letters/`` (each letter and data file as
sent, PDFs tagged PDF/UA-1), ``scans/`` (what came on paper), and ``manifest.json`` listing
every file with its SHA-256 (Archives Act 831/1994; GDPR Art. 5(2): the record shows how the
request was handled). A letter whose bytes no longer match the SHA-256 taken when it was sent
is not exported.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..audit import AuditEntry
from ..backoffice.postal import letters_of
from ..dsr.models import DataRequest
from ..dsr.workflow import CLOSED
from ..mail.models import OutboxMail
from ..mail.transport import to_message
from ..pdf import PDF_VARIANT

FORMAT = "portal-case-package/1"


class ExportError(Exception):
    """Base of the reasons a case cannot be exported."""


class NotClosed(ExportError):
    """Only a closed case is handed to the archive: an open one still changes."""


class LetterAltered(ExportError):
    """A stored letter no longer matches the SHA-256 taken when it was sent."""


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._") or "file"


def _when(value) -> str | None:
    return value.isoformat() if value is not None else None


def _request_record(request: DataRequest) -> dict:
    return {
        "reference": request.reference, "controller": request.controller.slug,
        "right": request.right_code, "state": request.state, "outcome": request.outcome,
        "decided_late": request.decided_late, "channel": request.channel,
        "diary_number": request.diary_number, "registers": [r.slug for r in request.registers],
        "requester": {"name": request.name, "email": request.email, "phone": request.phone,
                      "postal_address": request.postal_address, "language": request.locale},
        "details": request.details, "received_at": _when(request.received_at),
        "confirmed_at": _when(request.confirmed_at), "due_on": _when(request.due_on),
        "extension_notified_on": _when(request.extension_notified_on),
        "represented": {"name": request.represented_name, "authority": request.authority,
                        "verified_at": _when(request.authority_verified_at),
                        "note": request.authority_note} if request.authority else None,
        "fee": {"ground": request.fee_ground, "cents": request.fee_cents,
                "reasons": request.fee_reasons} if request.fee_cents else None,
        "legal_hold": request.legal_hold, "legal_hold_note": request.legal_hold_note,
    }


def _events(request: DataRequest) -> list[dict]:
    return [{"at": _when(e.created_at), "kind": e.kind, "public": e.public, "text": e.text,
             "codes": list(e.codes or [])} for e in request.events]


def _audit(session: Session, request: DataRequest) -> list[dict]:
    entries = session.scalars(select(AuditEntry).where(
        AuditEntry.target == f"request:{request.id}").order_by(AuditEntry.id))
    return [{"at": _when(e.created_at), "action": e.action,
             "actor": e.actor.email if e.actor else None, "before": e.before,
             "after": e.after} for e in entries]


def package(session: Session, request: DataRequest, *, now: datetime, sender: str
            ) -> bytes:
    """The ZIP package of ``request``; raises :class:`ExportError`."""
    if request.state not in CLOSED:
        raise NotClosed(request.reference)
    files: list[tuple[str, bytes, dict]] = [
        ("request.json", _json(_request_record(request)), {"type": "request"}),
        ("events.json", _json(_events(request)), {"type": "events"}),
        ("audit.json", _json(_audit(session, request)), {"type": "audit"}),
    ]
    for number, document in enumerate(request.documents, 1):
        if hashlib.sha256(document.data).hexdigest() != document.sha256:
            raise LetterAltered(document.filename)
        extra = {"type": "letter", "sent_at": _when(document.created_at),
                 "mimetype": document.mimetype}
        if document.mimetype == "application/pdf":
            extra["pdf_variant"] = PDF_VARIANT
        files.append((f"letters/{number:02d}-{_safe(document.filename)}", document.data, extra))
    for number, scan in enumerate(request.attachments, 1):
        files.append((f"scans/{number:02d}-{_safe(scan.filename)}", scan.data,
                      {"type": "scan", "mimetype": scan.mimetype}))
    mails = session.scalars(select(OutboxMail).where(OutboxMail.request_id == request.id)
                            .order_by(OutboxMail.id))
    for number, mail in enumerate(mails, 1):
        files.append((f"mail/{number:03d}.eml", to_message(mail, sender).as_bytes(),
                      {"type": "mail", "state": mail.state, "written_at": _when(mail.created_at),
                       "sent_at": _when(mail.sent_at)}))
    for number, letter in enumerate(letters_of(session, request), 1):
        files.append((f"post/{number:03d}.txt", _letter_text(letter),
                      {"type": "postal_letter", "written_at": _when(letter.created_at),
                       "posted_on": str(letter.posted_on) if letter.posted_on else None}))
    manifest = {
        "format": FORMAT, "reference": request.reference,
        "controller": request.controller.slug, "exported_at": _when(now),
        "files": [{"path": path, "sha256": hashlib.sha256(data).hexdigest(),
                   "size": len(data), **extra} for path, data, extra in files],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data, _extra in files:
            archive.writestr(path, data)
        archive.writestr("manifest.json", _json(manifest))
    return buffer.getvalue()


def _letter_text(letter) -> bytes:
    enclosures = "".join(f"\n* {e.filename}" for e in letter.enclosures)
    return f"{letter.subject}\n\n{letter.body}{enclosures}\n".encode()


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True).encode()
