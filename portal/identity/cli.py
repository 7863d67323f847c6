"""``flask --app portal identity ...``: the portal's keys for the OpenID provider."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click
from cryptography.fernet import Fernet
from flask import current_app
from flask.cli import AppGroup

from .keys import PortalKeys, generate_pem

identity_cli = AppGroup("identity", help="Strong electronic identification (OpenID Connect).")


@identity_cli.command("keygen")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def keygen(path: Path) -> None:
    """Write a new private RSA key (3072 bits, PEM) to PATH, readable by its owner only."""
    if path.exists():
        raise click.ClickException(f"{path} exists; a key is never overwritten")
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(generate_pem())
    click.echo(f"Wrote {path}. Add it to PORTAL_OIDC_SIGNING_KEYS or PORTAL_OIDC_ENCRYPTION_KEYS.")


@identity_cli.command("codekey")
def codekey() -> None:
    """Print a new key for PORTAL_IDENTITY_CODE_KEY. Keep it with the other secrets, never
    in the database or its backups: without it the stored identity codes cannot be read."""
    click.echo(Fernet.generate_key().decode("ascii"))


@identity_cli.command("jwks")
@click.option("--signing", multiple=True, type=click.Path(exists=True, path_type=Path))
@click.option("--encryption", multiple=True, type=click.Path(exists=True, path_type=Path))
def jwks(signing: tuple[Path, ...], encryption: tuple[Path, ...]) -> None:
    """Print the public JWKS of the given keys (default: the configured ones), for a provider
    that takes the keys at registration instead of fetching /.well-known/jwks.json."""
    settings = current_app.config["PORTAL"]
    keys = PortalKeys.load(signing or settings.oidc_signing_keys,
                           encryption or settings.oidc_encryption_keys)
    click.echo(json.dumps(keys.public_jwks(), indent=2))
