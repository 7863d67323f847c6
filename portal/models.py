"""Every model, imported in one place so that Alembic and the app see the whole schema."""

from .audit import AuditEntry
from .backoffice.models import FormStash, LetterTemplate, StaffUser
from .backoffice.postal import PostalEnclosure, PostalLetter
from .backoffice.reminders import ReminderLog
from .backoffice.stats import PurgedRequestFact
from .backoffice.transfer import RequestTransfer
from .db import Base
from .dsr.models import DataRequest, ReferenceCounter, RequestEvent
from .editor.models import NoticeDraft
from .identity.models import RequestIdentity
from .mail.models import OutboxAttachment, OutboxMail
from .notices.models import Controller, NoticeVersion, Register, Rendition

__all__ = [
    "AuditEntry",
    "Base",
    "Controller",
    "DataRequest",
    "FormStash",
    "LetterTemplate",
    "NoticeDraft",
    "NoticeVersion",
    "OutboxAttachment",
    "OutboxMail",
    "PostalEnclosure",
    "PostalLetter",
    "PurgedRequestFact",
    "ReferenceCounter",
    "Register",
    "ReminderLog",
    "Rendition",
    "RequestEvent",
    "RequestIdentity",
    "RequestTransfer",
    "StaffUser",
]
