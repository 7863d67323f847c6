"""Refusing common and breached passwords (OWASP ASVS 4.0.3 2.1.7, NIST SP 800-63B 5.1.1.2).

``common-passwords.txt.gz`` is the list of 20,000 passwords most often found in breaches that
Django ships (django/contrib/auth, BSD-3-Clause, from Royce Williams' compilation of breach
data); it travels with the portal, so the check needs no network. Length alone lets
``aaaaaaaaaaaa`` or ``password1234`` through, so a password is also refused when it is one
character or a short run repeated, or a listed password with digits or punctuation around it.
"""

from __future__ import annotations

import gzip
import re
from functools import cache
from pathlib import Path

LIST_FILE = Path(__file__).with_name("common-passwords.txt.gz")
#: Digits and punctuation that people add to a common word to pass a length rule.
_PADDING = re.compile(r"^[\W\d_]*(.*?)[\W\d_]*$")
#: The whole password is a run of at most four characters repeated (aaaa..., abcabc...).
_REPEATED = re.compile(r"^(.{1,4})\1+$", re.DOTALL)


@cache
def common_passwords() -> frozenset[str]:
    with gzip.open(LIST_FILE, "rt", encoding="utf-8") as lines:
        return frozenset(line.strip().casefold() for line in lines if line.strip())


def is_common(password: str) -> bool:
    """True when the password is on the list, a trivial repetition, or a listed one padded."""
    folded = password.casefold()
    core = _PADDING.match(folded).group(1)
    listed = common_passwords()
    return (folded in listed or _REPEATED.match(folded) is not None
            or (len(core) >= 4 and (core in listed or _REPEATED.match(core) is not None))
            or folded.isdigit())
