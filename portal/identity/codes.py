"""The personal identity code: encrypted at rest, masked on screen, compared names.

Data Protection Act 1050/2018 §29 and legal rules §8: keep the code only as long as the case,
encrypted with a key that is not in the database (``PORTAL_IDENTITY_CODE_KEY``), and never show
it in full by default. Plain functions, no Flask or database.
"""

from __future__ import annotations

import unicodedata

from cryptography.fernet import Fernet


def encrypt(code: str, key: str) -> bytes:
    return Fernet(key.encode("ascii")).encrypt(code.encode("utf-8"))


def decrypt(token: bytes, key: str) -> str:
    return Fernet(key.encode("ascii")).decrypt(token).decode("utf-8")


def mask(code: str) -> str:
    """The date part and the century sign; the individual number and check mark hidden."""
    return f"{code[:7]}****" if len(code) == 11 else "*" * len(code)


def _words(name: str) -> set[str]:
    return set(unicodedata.normalize("NFKC", name).casefold().replace("-", " ").split())


def names_match(given: str, identified: str) -> bool:
    """Whether every word of the name the requester typed is in the identified name.

    People often leave out middle names, so "Matti Meikäläinen" matches "Matti Juhani
    Meikäläinen"; case, hyphens and Unicode forms do not count.
    """
    given_words = _words(given)
    return bool(given_words) and given_words <= _words(identified)
