"""Whether a mail with files fits through the organisation's mail server (plain rules).

A mail carries each file in base64 (RFC 2045 §6.8): every 3 bytes become 4 characters, and a
line break (CRLF on the wire, RFC 5322 §2.1.1) follows each 76 characters, so a file travels
as about 1.37 times its size. Servers limit the whole message (Postfix ``message_size_limit``,
by default 10,240,000 bytes; others 10-25 MB) and refuse a larger one for good with
``552 5.3.4``; the outbox would then mark the mail failed after the answer was recorded as sent,
and the requester would never get it. So staff are stopped when they send it.

The mail's own headers and text, and each file part's headers, are not known exactly when the
files are checked; a margin stands for them. A megabyte here is 1,000,000 bytes, as servers
state their limits, so that a limit read off the server errs on the safe side.
"""

from __future__ import annotations

from collections.abc import Iterable

MEGABYTE = 1_000_000
#: Base64 characters per line of a mail (RFC 2045 §6.8), and the line break after each.
LINE, LINE_BREAK = 76, 2
#: The mail's headers and its text (a decision mail's text is a few kilobytes).
HEADERS_AND_TEXT = 64 * 1024
#: One file part's own headers (type, disposition, an encoded file name).
PART_HEADERS = 1024


class MailTooLarge(Exception):
    """The mail would be ``size`` bytes, over the server's ``limit`` bytes."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"a mail of {size} bytes is over the limit of {limit} bytes")
        self.size, self.limit = size, limit


def encoded_size(data_size: int) -> int:
    """Bytes of a file of ``data_size`` bytes in base64, line breaks included."""
    characters = 4 * -(-data_size // 3)
    return characters + LINE_BREAK * -(-characters // LINE)


def mail_size(file_sizes: Iterable[int]) -> int:
    """The estimated size of a mail carrying files of ``file_sizes`` bytes."""
    return HEADERS_AND_TEXT + sum(PART_HEADERS + encoded_size(size) for size in file_sizes)


def check_fits(file_sizes: Iterable[int], limit_mb: int) -> None:
    """Raise :class:`MailTooLarge` unless a mail with these files fits in ``limit_mb``."""
    size, limit = mail_size(file_sizes), limit_mb * MEGABYTE
    if size > limit:
        raise MailTooLarge(size, limit)


def room_for_files(limit_mb: int) -> int:
    """The most bytes of files one mail of ``limit_mb`` carries (as one file; each further
    file takes its part's headers too)."""
    room = limit_mb * MEGABYTE - HEADERS_AND_TEXT - PART_HEADERS
    lines = room // (LINE + LINE_BREAK)
    return max(0, lines * LINE // 4 * 3)
