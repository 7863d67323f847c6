"""Settings: no default secret in production, clear errors, a generated development secret."""

import pytest

from portal.settings import Settings, SettingsError


def test_production_refuses_to_start_without_a_secret(tmp_path):
    with pytest.raises(SettingsError, match="PORTAL_SECRET_KEY"):
        Settings.from_env({"PORTAL_ENV": "production", "PORTAL_INSTANCE_PATH": str(tmp_path)})


def test_development_generates_a_private_secret_once(tmp_path):
    env = {"PORTAL_INSTANCE_PATH": str(tmp_path)}
    first, second = Settings.from_env(env), Settings.from_env(env)
    assert len(first.secret_key) == 64 and first.secret_key == second.secret_key
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("name, value", [("PORTAL_MAIL_PORT", "twenty-five"),
                                         ("PORTAL_MAIL_USE_TLS", "maybe"),
                                         ("PORTAL_ENV", "staging"),
                                         ("PORTAL_STAFF_UPLOAD_MAX_MB", "20MB"),
                                         ("PORTAL_STAFF_UPLOAD_MAX_MB", "1"),
                                         ("PORTAL_STAFF_UPLOAD_MAX_MB", "500"),
                                         ("PORTAL_MAIL_MAX_MB", "10MB"),
                                         ("PORTAL_MAIL_MAX_MB", "0"),
                                         ("PORTAL_MAIL_MAX_MB", "1000")])
def test_malformed_values_name_the_variable(tmp_path, name, value):
    with pytest.raises(SettingsError, match=name):
        Settings.from_env({name: value, "PORTAL_INSTANCE_PATH": str(tmp_path)})


def test_defaults_and_contract_variables(tmp_path):
    settings = Settings.from_env({
        "PORTAL_INSTANCE_PATH": str(tmp_path), "PORTAL_MAIL_SERVER": "smtp.example.fi",
        "PORTAL_MAIL_PORT": "587", "PORTAL_BASE_URL": "https://tietosuoja.example.fi/",
        "PORTAL_A11Y_AUTHORITY_SV": "Tillsynsmyndigheten",
    })
    assert settings.database_url == f"sqlite:///{tmp_path / 'portal.db'}"
    assert (settings.mail_server, settings.mail_port) == ("smtp.example.fi", 587)
    assert settings.base_url == "https://tietosuoja.example.fi"
    assert settings.a11y_authority["sv"] == "Tillsynsmyndigheten"
    assert "Traficom" in settings.a11y_authority["fi"]
    assert settings.staff_upload_max_mb == 20
    assert Settings.from_env({"PORTAL_INSTANCE_PATH": str(tmp_path),
                              "PORTAL_STAFF_UPLOAD_MAX_MB": "15"}).staff_upload_max_mb == 15
    assert settings.mail_max_mb == 10
    assert Settings.from_env({"PORTAL_INSTANCE_PATH": str(tmp_path),
                              "PORTAL_MAIL_MAX_MB": "25"}).mail_max_mb == 25



PRODUCTION = {"PORTAL_ENV": "production", "PORTAL_BASE_URL": "https://tietosuoja.example.fi",
              "PORTAL_SECRET_KEY": "k3Jx9-tQv2_Lw8ZpR4mN7yHc1bF6dGsA0eUoIiVrT5"}


@pytest.mark.parametrize("variables, named", [
    ({"PORTAL_BASE_URL": "http://tietosuoja.example.fi"}, "PORTAL_BASE_URL"),
    ({"PORTAL_SECRET_KEY": "x" * 64}, "PORTAL_SECRET_KEY"),
    ({"PORTAL_SECRET_KEY": "changeme"}, "PORTAL_SECRET_KEY"),
])
def test_production_refuses_plain_http_and_weak_secrets(tmp_path, variables, named):
    env = {**PRODUCTION, "PORTAL_INSTANCE_PATH": str(tmp_path)}
    assert Settings.from_env(env).is_production
    with pytest.raises(SettingsError, match=named):
        Settings.from_env({**env, **variables})
