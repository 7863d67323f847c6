"""The one working draft of a register description, shared by its organisation's editors.

A draft holds the notice in the structure of ``notices.fileformat`` without the controller's
details: those live on :class:`~portal.notices.models.Controller` and are copied into each
version when it is published, so a published version keeps what the public was told then.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Base, UTCDateTime, utcnow
from ..notices.models import Register


class NoticeDraft(Base):
    __tablename__ = "notice_drafts"

    register_id: Mapped[int] = mapped_column(
        ForeignKey("registers.id", ondelete="CASCADE"), primary_key=True)
    #: The notice content as ``fileformat.parse_notice(..., complete=False)`` returns it.
    content: Mapped[dict] = mapped_column(JSON)
    #: The published version the draft started from (None for a new register).
    based_on: Mapped[int | None] = mapped_column(Integer)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    #: Optimistic lock: a form saved over someone else's newer save is refused (409).
    lock: Mapped[int] = mapped_column(Integer, nullable=False)

    register: Mapped[Register] = relationship()
    editor = relationship("StaffUser", lazy="selectin")

    __mapper_args__ = {"version_id_col": lock}
