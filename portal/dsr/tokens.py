"""Secret links: unguessable tokens, stored only as SHA-256 hashes.

A token is 256 random bits, so hashing it without a salt is safe; the database never holds a
usable link, and a token is looked up by its hash, then compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets


def new_token() -> tuple[str, str]:
    """A fresh token for a link, and the hash to store."""
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def matches(token: str, stored_hash: str | None) -> bool:
    return stored_hash is not None and hmac.compare_digest(hash_token(token), stored_hash)
