"""The local OpenID provider as a demo identity provider for ``make run IDP=1``.

``python -m tests.idp.demo keys DIR`` writes the portal's demo keys into DIR once (signing and
encryption key, identity-code key); ``python -m tests.idp.demo serve DIR PORT PORTAL_URL``
runs the provider with the two test persons of :data:`tests.idp.provider.PERSONS` until it is
stopped, so a newcomer can identify as Matti Meikäläinen or Anna-Liisa Virtanen and follow a
request through (docs/identification.md). Demo keys only: never for a real provider.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path

from cryptography.fernet import Fernet

from portal.identity.keys import generate_pem

from .provider import PERSONS, Provider


def keys(folder: Path) -> dict[str, tuple[Path, ...]]:
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("sig.pem", "enc.pem"):
        if not (folder / name).exists():
            (folder / name).write_bytes(generate_pem(2048))
    if not (folder / "code.key").exists():
        (folder / "code.key").write_text(Fernet.generate_key().decode("ascii"))
    return {"oidc_signing_keys": (folder / "sig.pem",),
            "oidc_encryption_keys": (folder / "enc.pem",)}


def serve(folder: Path, port: int, portal_url: str) -> None:
    provider = Provider(folder, keys(folder), [f"{portal_url.rstrip('/')}/identify/callback"],
                        port=port)
    print(f"Demo identity provider on {provider.issuer}; test persons: "
          + ", ".join(person["name"] for person in PERSONS), flush=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        provider.process.wait()
    finally:
        provider.stop()


if __name__ == "__main__":
    command, folder = sys.argv[1], Path(sys.argv[2])
    if command == "keys":
        keys(folder)
    else:
        serve(folder, int(sys.argv[3]), sys.argv[4])
