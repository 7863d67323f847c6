"""Every model, imported in one place so that Alembic and the app see the whole schema."""

from .db import Base
from .mail.models import OutboxAttachment, OutboxMail
from .notices.models import Controller, NoticeVersion, Register, Rendition

__all__ = [
    "Base", "Controller", "NoticeVersion", "OutboxAttachment", "OutboxMail", "Register",
    "Rendition",
]
