"""What a Finnish or Swedish letter or mail must not contain (issue 17, docs/glossary.md).

A right's form title is a command ("Poista tietosi (poistaminen)") and reads wrong inside a
sentence; GDPR notation ("Art. 17(3)(b)") is not how Finnish or Swedish lawyers cite; Sweden's
ISO dates and colon times are not how Finland writes them.
"""

from __future__ import annotations

import re

from flask_babel import force_locale

from portal.dsr.rights import RIGHTS

NOTATION = re.compile(r"\bArt\.\s*\d|\b\d+\(\d+\)")
SWEDISH_DATE_OR_TIME = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b")


def problems(text: str, lang: str) -> list[str]:
    """Each way ``text`` (fi or sv, inside a request context) breaks the written forms."""
    with force_locale(lang):
        titles = [str(right.title) for right in RIGHTS.values()]
    found = [f"command title {title!r}" for title in titles if title in text]
    found += [f"GDPR notation {m.group(0)!r}" for m in NOTATION.finditer(text)]
    found += [f"date or time {m.group(0)!r}" for m in SWEDISH_DATE_OR_TIME.finditer(text)]
    return found
