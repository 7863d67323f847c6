"""ID tokens an attacker or a misconfigured provider could send are refused, each by name."""

from __future__ import annotations

import base64
import json
import time

import pytest
from joserfc import jwe, jwt
from joserfc.jwk import KeySet, RSAKey

from portal.identity import tokens

ISSUER = "https://idp.example"
PROVIDER = RSAKey.generate_key(2048, parameters={"kid": "idp", "alg": "RS256", "use": "sig"})
PORTAL = RSAKey.generate_key(2048, parameters={"kid": "enc", "alg": "RSA-OAEP-256",
                                               "use": "enc"})


def _claims(**changes):
    now = int(time.time())
    claims = {"iss": ISSUER, "sub": "s1", "aud": "portal", "iat": now, "exp": now + 300,
              "nonce": "n1", "acr": "http://ftn.ficora.fi/2017/loa2", "name": "Matti Meikäläinen",
              "personal_identity_code": "010180-9026"}
    claims.update(changes)
    return {k: v for k, v in claims.items() if v is not None}


def _signed(claims, key=PROVIDER):
    return jwt.encode({"alg": "RS256", "kid": key.kid}, claims, key)


def _encrypted(inner: str) -> str:
    return jwe.encrypt_compact({"alg": "RSA-OAEP-256", "enc": "A256GCM", "cty": "JWT"},
                               inner, RSAKey.import_key(PORTAL.as_dict(private=False)),
                               algorithms=["RSA-OAEP-256", "A256GCM"])


def _verify(raw, required="substantial"):
    return tokens.verify(raw, decryption_keys=KeySet([PORTAL]), provider_keys=KeySet([PROVIDER]),
                         issuer=ISSUER, client_id="portal", nonce="n1", required_level=required)


def _unsigned(claims):
    part = lambda data: base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()  # noqa: E731
    return f"{part({'alg': 'none'})}.{part(claims)}."


def test_a_good_token_gives_the_identity_and_its_level():
    identity = _verify(_encrypted(_signed(_claims())))
    assert (identity.name, identity.level, identity.identity_code) == (
        "Matti Meikäläinen", "substantial", "010180-9026")


@pytest.mark.parametrize(("raw", "reason"), [
    (lambda: _signed(_claims()), "unencrypted"),
    (lambda: _encrypted(_unsigned(_claims())), "unsigned"),
    (lambda: _encrypted(_signed(_claims(), RSAKey.generate_key(2048, parameters={"kid": "idp"}))),
     "signature"),
    (lambda: _encrypted(_signed(_claims(aud="another-service"))), "audience"),
    (lambda: _encrypted(_signed(_claims(aud=["portal", "x"], azp="x"))), "audience"),
    (lambda: _encrypted(_signed(_claims(iss="https://evil.example"))), "issuer"),
    (lambda: _encrypted(_signed(_claims(nonce="other"))), "nonce"),
    (lambda: _encrypted(_signed(_claims(nonce=None))), "nonce"),
    (lambda: _encrypted(_signed(_claims(exp=int(time.time()) - 3600))), "expired"),
    (lambda: _encrypted(_signed(_claims(acr="urn:weak"))), "level"),
])
def test_bad_tokens_are_refused(raw, reason):
    with pytest.raises(tokens.Refused) as refusal:
        _verify(raw())
    assert refusal.value.reason == reason


def test_substantial_is_refused_where_high_is_required():
    with pytest.raises(tokens.Refused) as refusal:
        _verify(_encrypted(_signed(_claims())), required="high")
    assert refusal.value.reason == "level"
    assert _verify(_encrypted(_signed(_claims(acr="http://eidas.europa.eu/LoA/high"))),
                   required="high").level == "high"
