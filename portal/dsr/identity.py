"""What a requester may give as their name, and how a look-alike e-mail domain is shown.

The name is the one thing a stranger types that the portal repeats in a mail from the
official sender to an address nobody has confirmed yet. So it must read as a name: one line,
no web address, no control or invisible characters (a right-to-left override can reverse
what staff read), some letters, and short (security review findings 4 and 15).
"""

from __future__ import annotations

import re
import unicodedata

import idna

MAX_NAME = 100
#: Joiners that some scripts need inside words; every other format character is refused.
_JOINERS = {"\u200c", "\u200d"}
_WEB_ADDRESS = re.compile(r"://|www\.|@|[\w-]+\.(?:[a-z]{2,})\b", re.IGNORECASE)


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be used: ``lines``, ``control``, ``address`` or ``letters``;
    None when it can. (The form limits the length to ``MAX_NAME``.)"""
    if "\n" in name or "\r" in name or "\u2028" in name or "\u2029" in name:
        return "lines"
    categories = [unicodedata.category(c) for c in name]
    if any(cat in ("Cc", "Co", "Cs", "Cn") or (cat == "Cf" and c not in _JOINERS)
           for c, cat in zip(name, categories, strict=True)):
        return "control"
    if _WEB_ADDRESS.search(name):
        return "address"
    if not any(cat.startswith("L") for cat in categories):
        return "letters"
    return None


def ascii_domain(email: str) -> str | None:
    """The punycode (``xn--``) form of an internationalised e-mail domain, else None.

    Staff see it beside the address, so ``pаypal.fi`` with a Cyrillic ``а`` does not pass
    for the real domain: every non-ASCII domain gets it, mixed-script look-alikes included.
    """
    domain = email.rpartition("@")[2]
    if domain.isascii():
        return None
    try:
        return idna.encode(domain, uts46=True).decode("ascii")
    except idna.IDNAError:
        return domain.encode("ascii", "backslashreplace").decode("ascii")
