from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

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


@pytest.fixture
def identity_app(tmp_path, sqlite_template, oidc_provider, portal_keys, request):
    """An app that identifies through the local provider as client ``portal`` (or the
    client named by ``@pytest.mark.parametrize('client_id', ...)``)."""
    shutil.copy(sqlite_template, tmp_path / "portal.db")
    settings = replace(make_settings(tmp_path / "instance", f"sqlite:///{tmp_path / 'portal.db'}"),
                       oidc_issuer=oidc_provider.issuer,
                       oidc_client_id=getattr(request, "param", "portal"), **portal_keys)
    application = create_app(settings)
    yield application
    application.extensions["db_engine"].dispose()
