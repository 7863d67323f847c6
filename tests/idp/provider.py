"""Start the local OpenID provider (tests/idp/server.mjs, npm ``oidc-provider``) on a free port.

It knows the portal's public keys from the start (as a provider does after registration) and
registers, besides the correct client ``portal``, ``portal-plain``, which gets ID tokens signed
but not encrypted, as a misconfigured provider would send them. (oidc-provider never issues
``alg: none`` or a token for another audience; tests/identity/test_tokens.py forges those.)
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
from pathlib import Path

import requests

from portal.identity.keys import PortalKeys, generate_pem
from portal.settings import PROJECT_ROOT

SERVER = PROJECT_ROOT / "tests" / "idp" / "server.mjs"
INSTALLED = PROJECT_ROOT / "node_modules" / "oidc-provider" / "package.json"

PERSONS = [
    {"sub": "tester-1", "name": "Matti Meikäläinen", "given_name": "Matti",
     "family_name": "Meikäläinen", "birthdate": "1980-01-01",
     "personal_identity_code": "010180-9026"},
    {"sub": "tester-2", "name": "Anna-Liisa Virtanen", "given_name": "Anna-Liisa",
     "family_name": "Virtanen", "birthdate": "1975-05-15",
     "personal_identity_code": "150575-902N"},
]


def available() -> bool:
    return shutil.which("node") is not None and INSTALLED.exists()


def make_keys(folder: Path) -> dict[str, tuple[Path, ...]]:
    """Two signing keys and one encryption key for the portal, newest first."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name in ("sig-new", "sig-old", "enc"):
        path = folder / f"{name}.pem"
        path.write_bytes(generate_pem(2048))
        paths[name] = path
    return {"oidc_signing_keys": (paths["sig-new"], paths["sig-old"]),
            "oidc_encryption_keys": (paths["enc"],)}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def issuer_at(port: int) -> str:
    return f"http://127.0.0.1:{port}"


def _client(client_id: str, redirect_uris: list[str], jwks: dict, **overrides) -> dict:
    return {
        "client_id": client_id, "redirect_uris": redirect_uris, "jwks": jwks,
        "response_types": ["code"], "grant_types": ["authorization_code"],
        "token_endpoint_auth_method": "private_key_jwt",
        "token_endpoint_auth_signing_alg": "RS256",
        "request_object_signing_alg": "RS256",
        "id_token_signed_response_alg": "RS256",
        "id_token_encrypted_response_alg": "RSA-OAEP-256",
        "id_token_encrypted_response_enc": "A256GCM",
        **overrides,
    }


class Provider:
    def __init__(self, folder: Path, keys: dict, redirect_uris: list[str],
                 port: int | None = None) -> None:
        self.port = port or free_port()
        self.issuer = issuer_at(self.port)
        portal_keys = PortalKeys.load(keys["oidc_signing_keys"], keys["oidc_encryption_keys"])
        jwks = portal_keys.public_jwks()
        no_encryption = {"id_token_encrypted_response_alg": None,
                         "id_token_encrypted_response_enc": None}
        clients = [
            _client("portal", redirect_uris, jwks),
            _client("portal-plain", redirect_uris, jwks, **no_encryption),
        ]
        for client in clients:
            for name in [k for k, v in client.items() if v is None]:
                del client[name]
        config = folder / "idp.json"
        config.write_text(json.dumps({"port": self.port, "clients": clients, "persons": PERSONS}))
        self.log = (folder / "idp.log").open("wb")
        self.process = subprocess.Popen(["node", str(SERVER), str(config)], cwd=PROJECT_ROOT,
                                        stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while True:
            try:
                requests.get(f"{self.issuer}/.well-known/openid-configuration", timeout=1)
                break
            except requests.ConnectionError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((folder / "idp.log").read_text()) from None
                time.sleep(0.1)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        self.log.close()


def identify(authorization_url: str, stop_at: str, *, person: str = "tester-1",
             acr: str = "http://eidas.europa.eu/LoA/substantial") -> str:
    """Go through the provider as a browser would; the URL it sends back to ``stop_at``."""
    browser = requests.Session()
    url, method, data = authorization_url, "GET", None
    for _ in range(10):
        response = browser.request(method, url, data=data, allow_redirects=False, timeout=10)
        if response.status_code in (301, 302, 303):
            url = requests.compat.urljoin(url, response.headers["Location"])
            method, data = "GET", None
            if url.startswith(stop_at):
                return url
        elif response.status_code == 200 and "/interaction/" in url:
            method, data = "POST", {"sub": person, "acr": acr}
        else:
            raise AssertionError(f"{response.status_code} at {url}: {response.text[:500]}")
    raise AssertionError("too many redirects")
