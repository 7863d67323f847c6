"""Checking an ID token the way the FTN / Suomi.fi OpenID Connect profile requires.

The token must be encrypted to one of the portal's keys (JWE), and inside it signed by the
provider (JWS, never ``alg: none``); it must name the provider as issuer and this portal as its
audience, carry the nonce this browser was given, be current, and state a level at least the one
required (legal rules §8). Anything else is refused with a reason the page can name. The JOSE
work is Authlib's joserfc; this module only decides.
"""

from __future__ import annotations

from dataclasses import dataclass

from joserfc import jwe, jws, jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet
from joserfc.jwt import JWTClaimsRegistry
from joserfc.registry import HeaderParameter

from .keys import ENCRYPTION_ALG, ENCRYPTION_ENC
from .levels import level_of, meets

SIGNATURE_ALGS = ("RS256", "PS256", "ES256")
#: Providers may copy ``iss`` and ``aud`` into the JWE header (RFC 7519 §5.3); the values that
#: count are the signed ones inside, so these are accepted and ignored.
_JWE_REGISTRY = jwe.JWERegistry(
    header_registry={"iss": HeaderParameter("Issuer", "str"),
                     "aud": HeaderParameter("Audience", lambda value: None)},
    algorithms=[ENCRYPTION_ALG, ENCRYPTION_ENC])
#: Clocks of the provider and the portal may differ this much (seconds).
LEEWAY = 60


class Refused(Exception):
    """Identification refused; ``reason`` names why (the page explains each)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Identity:
    """Who the provider identified, and how strongly."""

    subject: str
    issuer: str
    level: str
    acr: str
    name: str
    birthdate: str | None
    identity_code: str | None


def _signature_alg(compact: bytes) -> str | None:
    try:
        return jws.extract_compact(compact).protected.get("alg")
    except (JoseError, ValueError):
        raise Refused("unsigned") from None


def verify(raw: str, *, decryption_keys: KeySet, provider_keys: KeySet, issuer: str,
           client_id: str, nonce: str, required_level: str,
           identity_code_claim: str = "personal_identity_code") -> Identity:
    """The identity in ``raw``, or :class:`Refused`."""
    if raw.count(".") != 4:
        raise Refused("unencrypted")
    try:
        inner = jwe.decrypt_compact(raw, decryption_keys, registry=_JWE_REGISTRY).plaintext
    except JoseError:
        raise Refused("decryption") from None
    if _signature_alg(inner) in (None, "none"):
        raise Refused("unsigned")
    try:
        token = jwt.decode(inner, provider_keys, algorithms=list(SIGNATURE_ALGS))
    except JoseError:
        raise Refused("signature") from None
    claims = token.claims
    registry = JWTClaimsRegistry(
        leeway=LEEWAY,
        iss={"essential": True, "value": issuer},
        sub={"essential": True},
        exp={"essential": True},
        iat={"essential": True},
    )
    try:
        registry.validate(claims)
    except JoseError as error:
        raise Refused("expired" if "exp" in str(error) else "issuer") from None
    audience = claims.get("aud")
    audiences = audience if isinstance(audience, list) else [audience]
    if client_id not in audiences or (len(audiences) > 1 and claims.get("azp") != client_id):
        raise Refused("audience")
    if not nonce or claims.get("nonce") != nonce:
        raise Refused("nonce")
    level = level_of(claims.get("acr"))
    if not meets(level, required_level):
        raise Refused("level")
    name = claims.get("name") or " ".join(
        part for part in (claims.get("given_name"), claims.get("family_name")) if part)
    return Identity(subject=claims["sub"], issuer=issuer, level=level, acr=claims["acr"],
                    name=name, birthdate=claims.get("birthdate"),
                    identity_code=claims.get(identity_code_claim))
