"""The portal as an OpenID relying party against a real provider (oidc-provider)."""

from __future__ import annotations

import json
from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

import pytest
from joserfc import jwt
from joserfc.jwk import KeySet

from portal.settings import Settings, SettingsError
from tests.htmlcheck import html_problems
from tests.idp.provider import identify

CALLBACK = "http://localhost/identify/callback"
HIGH = "http://eidas.europa.eu/LoA/high"


def _leave(client, lang="en"):
    response = client.get(f"/{lang}/identify/start")
    assert response.status_code == 303
    return response.headers["Location"]


def _return(client, url):
    parts = urlsplit(url)
    return client.get(f"{parts.path}?{parts.query}")


def test_identifies_strongly_with_a_signed_request_and_encrypted_token(identity_app):
    client = identity_app.test_client()
    location = _leave(client)
    request_object = parse_qs(urlsplit(location).query)["request"][0]
    keys = KeySet.import_key_set(client.get("/.well-known/jwks.json").get_json())
    claims = jwt.decode(request_object, keys).claims
    assert claims["code_challenge_method"] == "S256" and claims["nonce"] and claims["state"]
    assert "http://eidas.europa.eu/LoA/substantial" in claims["acr_values"]

    response = _return(client, identify(location, CALLBACK))
    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Matti Meikäläinen" in page and "strong (substantial)" in page
    assert "010180" not in page


def test_the_jwks_publishes_every_key_and_no_private_part(identity_app):
    keys = identity_app.test_client().get("/.well-known/jwks.json").get_json()["keys"]
    assert [key["use"] for key in keys] == ["sig", "sig", "enc"]
    assert not any("d" in key for key in keys)


def test_a_wrong_nonce_is_refused_and_nothing_kept(identity_app):
    client = identity_app.test_client()
    location = _leave(client)
    with client.session_transaction() as session:
        session["oidc_pending"] = {**session["oidc_pending"], "nonce": "another-nonce"}
    response = _return(client, identify(location, CALLBACK))
    assert response.status_code == 403
    assert "could not be verified" in response.get_data(as_text=True)
    with client.session_transaction() as session:
        assert "identified" not in session and "oidc_pending" not in session


def test_a_replayed_code_is_refused(identity_app):
    client = identity_app.test_client()
    location = _leave(client)
    with client.session_transaction() as session:
        pending = dict(session["oidc_pending"])
    back = identify(location, CALLBACK)
    assert _return(client, back).status_code == 303
    # The same answer again, even with the original one-time values put back: the provider
    # refuses the spent code, and the earlier identification is gone too.
    with client.session_transaction() as session:
        session["oidc_pending"] = pending
    response = _return(client, back)
    assert response.status_code == 403
    assert "already been used" in response.get_data(as_text=True)
    with client.session_transaction() as session:
        assert "identified" not in session


def test_a_level_below_the_required_is_refused(identity_app):
    identity_app.config["PORTAL"] = replace(identity_app.config["PORTAL"], oidc_level="high")
    client = identity_app.test_client()
    location = _leave(client)
    response = _return(client, identify(location, CALLBACK))
    assert response.status_code == 403
    assert "not strong enough" in response.get_data(as_text=True)
    response = _return(client, identify(_leave(client), CALLBACK, acr=HIGH))
    assert response.status_code == 303


@pytest.mark.parametrize("identity_app", ["portal-plain"], indirect=True)
def test_an_unencrypted_id_token_is_refused(identity_app):
    client = identity_app.test_client()
    response = _return(client, identify(_leave(client), CALLBACK))
    assert response.status_code == 403
    assert "could not be verified" in response.get_data(as_text=True)
    with client.session_transaction() as session:
        assert "identified" not in session


def test_the_feature_is_off_without_an_issuer(client):
    assert client.get("/en/identify").status_code == 404
    assert client.get("/.well-known/jwks.json").status_code == 404


def test_keygen_writes_a_private_key_once_that_the_portal_publishes(runner, tmp_path):
    path = tmp_path / "sig.pem"
    assert runner.invoke(args=["identity", "keygen", str(path)]).exit_code == 0
    assert path.stat().st_mode & 0o777 == 0o600
    again = runner.invoke(args=["identity", "keygen", str(path)])
    assert again.exit_code != 0 and "never overwritten" in again.output
    result = runner.invoke(args=["identity", "jwks", "--signing", str(path),
                                 "--encryption", str(path)])
    keys = json.loads(result.output)["keys"]
    assert [key["use"] for key in keys] == ["sig", "enc"] and "d" not in keys[0]


def test_identification_pages_are_valid_html_in_every_language(identity_app, tmp_path):
    client = identity_app.test_client()
    pages = {}
    for lang in ("fi", "sv", "en"):
        pages[f"/{lang}/identify"] = client.get(f"/{lang}/identify").data
        _leave(client, lang)
        pages[f"refused-{lang}"] = client.get("/identify/callback?state=forged&code=x").data
    assert html_problems(pages, tmp_path) == []
    assert "Tunnistautuminen ei onnistunut" in pages["refused-fi"].decode()
    assert "Identifieringen lyckades inte" in pages["refused-sv"].decode()


def test_an_issuer_without_keys_or_code_key_is_refused_at_start():
    with pytest.raises(SettingsError, match="PORTAL_IDENTITY_CODE_KEY"):
        Settings.from_env({"PORTAL_OIDC_ISSUER": "https://idp.example",
                           "PORTAL_OIDC_CLIENT_ID": "portal", "PORTAL_SECRET_KEY": "x" * 32})
    with pytest.raises(SettingsError, match="PORTAL_OIDC_LEVEL"):
        Settings.from_env({"PORTAL_OIDC_LEVEL": "low", "PORTAL_SECRET_KEY": "x" * 32})
