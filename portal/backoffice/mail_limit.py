"""Mails with files that staff send, held to ``PORTAL_MAIL_MAX_MB`` before anything is recorded.

A mail the organisation's mail server refuses as too large never reaches anyone, and the
outbox learns it only after the answer was recorded as sent (:mod:`portal.mail.size`). The
decision, the transfer with its files and the direct transmission (GDPR Art. 20(2)) check their
files here first and are refused, with what to do instead, while nothing is saved yet. Letters
to post and answers left for secure collection carry no files in a mail and are not limited.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from flask import current_app
from flask_babel import format_decimal
from flask_babel import gettext as _

from ..mail.size import MEGABYTE, MailTooLarge, check_fits, room_for_files
from ..uploads import MEGABYTE as UPLOAD_MEGABYTE
from . import bp


def check_files(files: Iterable) -> None:
    """Raise :class:`MailTooLarge` unless one mail carries ``files`` (each with ``data``)."""
    check_fits((len(f.data) for f in files), current_app.config["PORTAL"].mail_max_mb)


def _megabytes(size: int, rounding) -> str:
    return format_decimal(rounding(size / MEGABYTE * 10) / 10, format="#,##0.#")


def _sizes(exc: MailTooLarge) -> dict:
    """The mail's size rounded up and the limit, as the reader's language writes them."""
    return {"size": _megabytes(exc.size, math.ceil),
            "limit": format_decimal(exc.limit / MEGABYTE)}


def decision_refused(exc: MailTooLarge, *, collection: bool) -> str:
    """What to do when a decision's mail would be too large; ``collection``: secure
    collection on the status page is offered (strong identification is set up)."""
    if collection:
        return _("With its files the mail would be about %(size)s MB, but the organisation's "
                 "mail server accepts at most %(limit)s MB, so it would not reach the "
                 "requester. Choose secure collection on the status page, or send fewer or "
                 "smaller files (for example, split the answer into parts), or deliver the "
                 "files another way and say so in the letter.", **_sizes(exc))
    return _("With its files the mail would be about %(size)s MB, but the organisation's mail "
             "server accepts at most %(limit)s MB, so it would not reach the requester. Send "
             "fewer or smaller files (for example, split the answer into parts), or deliver "
             "the files another way and say so in the letter.", **_sizes(exc))


def transfer_refused(exc: MailTooLarge) -> str:
    return _("With the request's files the mail to the authority would be about %(size)s MB, "
             "but the organisation's mail server accepts at most %(limit)s MB. Transfer the "
             "request without its files and deliver them to the authority another way.",
             **_sizes(exc))


def transmission_refused(exc: MailTooLarge) -> str:
    return _("With its files the mail would be about %(size)s MB, but the organisation's mail "
             "server accepts at most %(limit)s MB. Deliver the files to the receiving "
             "organisation another way.", **_sizes(exc))


@bp.app_template_global()
def mail_room() -> dict | None:
    """For the hint next to a decision's files, when one mail carries less than a staff form
    may upload: the megabytes of files it carries and the server's limit; else None."""
    settings = current_app.config["PORTAL"]
    room = room_for_files(settings.mail_max_mb)
    if room >= settings.staff_upload_max_mb * UPLOAD_MEGABYTE:
        return None
    return {"files": _megabytes(room, math.floor), "limit": format_decimal(settings.mail_max_mb)}
