from __future__ import annotations

import shutil
from dataclasses import replace

import pytest
from cryptography.fernet import Fernet

from portal import create_app
from tests.conftest import make_settings, need
from tests.idp import provider as idp


@pytest.fixture(scope="session")
def portal_keys(tmp_path_factory):
    return idp.make_keys(tmp_path_factory.mktemp("portal-keys"))


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory, portal_keys):
    """The local OpenID provider, sending the browser back to the test client's address."""
    need(idp.available(), "node and oidc-provider (npm ci)")
    provider = idp.Provider(tmp_path_factory.mktemp("idp"), portal_keys,
                            ["http://localhost/identify/callback"])
    yield provider
    provider.stop()


CODE_KEY = Fernet.generate_key().decode("ascii")


def _app(folder, database_url, provider, keys, client_id="portal"):
    return create_app(replace(make_settings(folder / "instance", database_url),
                              oidc_issuer=provider.issuer, oidc_client_id=client_id,
                              identity_code_key=CODE_KEY, **keys))


@pytest.fixture
def identity_app(tmp_path, sqlite_template, oidc_provider, portal_keys, request):
    """An app that identifies through the local provider as client ``portal`` (or the
    client given by indirect parametrisation). The protocol tests keep nothing in the
    database, so one backend is enough for them."""
    shutil.copy(sqlite_template, tmp_path / "portal.db")
    application = _app(tmp_path, f"sqlite:///{tmp_path / 'portal.db'}", oidc_provider,
                       portal_keys, getattr(request, "param", "portal"))
    yield application
    application.extensions["db_engine"].dispose()


@pytest.fixture
def identity_db_app(tmp_path, database_url, oidc_provider, portal_keys):
    """The same on SQLite and on PostgreSQL, for what identification stores."""
    application = _app(tmp_path, database_url, oidc_provider, portal_keys)
    yield application
    application.extensions["db_engine"].dispose()
