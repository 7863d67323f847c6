"""No link token in any log line: the application's, the development server's or gunicorn's.

A logged confirmation, status or reset link lets whoever reads the log act on a request or an
account (ASVS 7.1.1). Flask logs the path of a request that failed ("Exception on
/fi/requests/status/<token>"), and the development server logs every request line, so each
record is redacted before a handler writes it; mail bodies are redacted the same way once sent.
"""

from __future__ import annotations

import logging
import re

from flask import Flask

#: The secret part of confirmation, status and password-reset links.
SECRET_PATH = re.compile(r"(/(?:requests/confirm|requests/status|admin/reset)/)[^/?\s\"'<>]+")
#: The loggers that write request paths: the app's, the development server's, gunicorn's.
LOGGERS = ("werkzeug", "gunicorn.error", "gunicorn.access")


def redact_tokens(text: str) -> str:
    return SECRET_PATH.sub(r"\1[token]", text or "")


class RedactTokens(logging.Filter):
    """Formats the record's message now, with the tokens replaced."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact_tokens(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


_FILTER = RedactTokens()


def init_app(app: Flask) -> None:
    for logger in (app.logger, *map(logging.getLogger, LOGGERS)):
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
