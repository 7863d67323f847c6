"""The relying party's conversations with the OpenID provider (Authlib).

Discovery, the signed request object that carries every authorization parameter (PKCE,
``state``, ``nonce``, ``acr_values``), and the code exchange authenticated with
``private_key_jwt``. The ID token is checked in :mod:`.tokens`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import requests
from authlib.common.security import generate_token
from authlib.common.urls import add_params_to_uri
from authlib.integrations.requests_client import OAuth2Session
from authlib.oauth2.rfc7523 import PrivateKeyJWT
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from joserfc import jwt
from joserfc.jwk import KeySet

from . import tokens
from .keys import SIGNING_ALG, PortalKeys
from .levels import acr_values

TIMEOUT = 10


class ProviderError(Exception):
    """The provider could not be reached or answered with an error."""


@dataclass(frozen=True)
class Pending:
    """What the browser's session keeps between leaving for the provider and returning."""

    state: str
    nonce: str
    code_verifier: str


def discover(issuer: str) -> dict:
    """The provider's metadata (OpenID Connect Discovery 1.0); its issuer must be ``issuer``."""
    try:
        response = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=TIMEOUT)
        response.raise_for_status()
        metadata = response.json()
    except (requests.RequestException, ValueError) as error:
        raise ProviderError(str(error)) from None
    if metadata.get("issuer") != issuer:
        raise ProviderError("issuer mismatch")
    return metadata


def provider_keys(metadata: dict) -> KeySet:
    try:
        response = requests.get(metadata["jwks_uri"], timeout=TIMEOUT)
        response.raise_for_status()
        return KeySet.import_key_set(response.json())
    except (requests.RequestException, ValueError, KeyError) as error:
        raise ProviderError(str(error)) from None


def authorization_url(metadata: dict, *, client_id: str, keys: PortalKeys, redirect_uri: str,
                      scope: str, level: str, locale: str) -> tuple[str, Pending]:
    """Where to send the browser, and what to remember until it returns."""
    pending = Pending(state=generate_token(43), nonce=generate_token(43),
                      code_verifier=generate_token(64))
    now = int(time.time())
    params = {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": redirect_uri,
        "scope": scope,
        "state": pending.state,
        "nonce": pending.nonce,
        "acr_values": " ".join(acr_values(level)),
        "code_challenge": create_s256_code_challenge(pending.code_verifier),
        "code_challenge_method": "S256",
        "ui_locales": locale,
    }
    signing_key = keys.current_signing
    request_object = jwt.encode(
        {"alg": SIGNING_ALG, "typ": "oauth-authz-req+jwt", "kid": signing_key.kid},
        {**params, "iss": client_id, "aud": metadata["issuer"], "iat": now, "nbf": now,
         "exp": now + 300, "jti": generate_token(32)},
        signing_key, algorithms=[SIGNING_ALG])
    url = add_params_to_uri(metadata["authorization_endpoint"], [
        ("client_id", client_id), ("response_type", "code"), ("scope", scope),
        ("request", request_object)])
    return url, pending


def exchange(metadata: dict, *, client_id: str, keys: PortalKeys, code: str, redirect_uri: str,
             pending: Pending, level: str) -> tokens.Identity:
    """Trade the code for an ID token and check it; :class:`tokens.Refused` if it fails."""
    endpoint = metadata["token_endpoint"]
    signing_key = keys.current_signing
    session = OAuth2Session(
        client_id, signing_key,
        token_endpoint_auth_method=PrivateKeyJWT(endpoint, headers={"kid": signing_key.kid},
                                                 alg=SIGNING_ALG))
    try:
        token = session.fetch_token(endpoint, grant_type="authorization_code", code=code,
                                    redirect_uri=redirect_uri,
                                    code_verifier=pending.code_verifier, timeout=TIMEOUT)
    except Exception:
        raise tokens.Refused("code") from None
    finally:
        session.close()
    if "id_token" not in token:
        raise tokens.Refused("code")
    return tokens.verify(token["id_token"], decryption_keys=keys.decryption,
                         provider_keys=provider_keys(metadata), issuer=metadata["issuer"],
                         client_id=client_id, nonce=pending.nonce, required_level=level)
