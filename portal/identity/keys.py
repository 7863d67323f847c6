"""The portal's own keys: one list for signing, one for decrypting ID tokens.

Each list is newest first: the first key is the one used, every key is published, so a new key
can be published before it is used and an old one kept until no provider still holds it
(rotation without downtime, docs/identification.md). Keys are PEM files outside the database;
the ``kid`` is the RFC 7638 thumbprint, so it never needs to be configured.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from joserfc.jwk import KeySet, RSAKey

SIGNING_ALG = "RS256"
ENCRYPTION_ALG = "RSA-OAEP-256"
ENCRYPTION_ENC = "A256GCM"


def load_key(path: Path, use: str) -> RSAKey:
    """A private RSA key from a PEM file, labelled for ``use`` (``sig`` or ``enc``)."""
    key = RSAKey.import_key(path.read_bytes())
    alg = SIGNING_ALG if use == "sig" else ENCRYPTION_ALG
    return RSAKey.import_key(key.as_dict(private=True), {"use": use, "alg": alg,
                                                         "kid": key.thumbprint()})


@dataclass(frozen=True)
class PortalKeys:
    signing: tuple[RSAKey, ...]
    encryption: tuple[RSAKey, ...]

    @classmethod
    def load(cls, signing: tuple[Path, ...], encryption: tuple[Path, ...]) -> PortalKeys:
        return cls(tuple(load_key(p, "sig") for p in signing),
                   tuple(load_key(p, "enc") for p in encryption))

    @property
    def current_signing(self) -> RSAKey:
        return self.signing[0]

    @property
    def decryption(self) -> KeySet:
        """Every encryption key: a token encrypted to a key being retired still opens."""
        return KeySet(list(self.encryption))

    def public_jwks(self) -> dict:
        """The JWKS a provider fetches: public halves only, signing keys then encryption keys."""
        return {"keys": [key.as_dict(private=False) for key in self.signing + self.encryption]}


def generate_pem(bits: int = 3072) -> bytes:
    """A new private RSA key as PKCS#8 PEM (``flask --app portal identity keygen``)."""
    return RSAKey.generate_key(bits, private=True).as_pem(private=True)
