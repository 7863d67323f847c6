"""Every model, imported in one place so that Alembic and the app see the whole schema."""

from .db import Base
from .notices.models import Controller, NoticeVersion, Register, Rendition

__all__ = ["Base", "Controller", "NoticeVersion", "Register", "Rendition"]
