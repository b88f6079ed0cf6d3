from __future__ import annotations

from pathlib import Path

import pytest

from heard.settings import ENVIRONMENT, Settings, SettingsError, from_env

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()
PRODUCTION = {
    "HEARD_ENV": "production",
    "HEARD_SECRET_KEY": "s" * 40,
    "HEARD_CONTACT_KEY": "k" * 44,
    "DATABASE_URL": "postgresql://heard@db/heard",
    "HEARD_BASE_URL": "https://feedback.example.gov.uk",
    "HEARD_OIDC_ISSUER": "https://login.microsoftonline.com/tenant/v2.0",
    "HEARD_OIDC_CLIENT_ID": "heard",
    "HEARD_OIDC_CLIENT_SECRET": "oidc-secret",
}


def test_every_setting_is_documented_in_the_readme():
    missing = [name for name in ENVIRONMENT if f"`{name}`" not in README]
    assert missing == []


def test_the_embedded_defaults_need_no_environment():
    settings = from_env({})
    assert settings == Settings() and settings.database_url.startswith("sqlite")


def test_a_complete_production_configuration_starts():
    assert from_env(PRODUCTION).production


@pytest.mark.parametrize(
    ("missing", "named"),
    [
        ({"HEARD_SECRET_KEY": ""}, "HEARD_SECRET_KEY"),
        ({"HEARD_SECRET_KEY": "short"}, "HEARD_SECRET_KEY"),
        ({"HEARD_CONTACT_KEY": ""}, "HEARD_CONTACT_KEY"),
        ({"DATABASE_URL": "sqlite:///x.db"}, "DATABASE_URL"),
        ({"HEARD_BASE_URL": "http://feedback.example.gov.uk"}, "HEARD_BASE_URL"),
    ],
)
def test_production_refuses_to_start_without_a_secret_or_with_sqlite(missing, named):
    with pytest.raises(SettingsError, match=named):
        from_env({**PRODUCTION, **missing})


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("HEARD_ENV", "staging"),
        ("HEARD_TOKEN_EXPIRY_DAYS", "soon"),
        ("SMTP_STARTTLS", "perhaps"),
        ("HEARD_ALERT_ACK_MINUTES", "-5"),
        ("HEARD_MAIL_ADAPTER", "pigeon"),
    ],
)
def test_a_malformed_setting_is_refused_with_its_name(name, value):
    with pytest.raises(SettingsError, match=name):
        from_env({name: value})


def test_production_refuses_to_start_when_staff_have_no_way_to_sign_in():
    no_sign_in = {k: v for k, v in PRODUCTION.items() if not k.startswith("HEARD_OIDC")}
    with pytest.raises(SettingsError, match="HEARD_LOCAL_SIGN_IN"):
        from_env(no_sign_in)
    assert from_env({**no_sign_in, "HEARD_LOCAL_SIGN_IN": "on"}).local_sign_in_enabled


def test_single_sign_on_needs_its_client_secret():
    with pytest.raises(SettingsError, match="HEARD_OIDC_CLIENT_SECRET"):
        from_env({**PRODUCTION, "HEARD_OIDC_CLIENT_SECRET": ""})
    production = from_env(PRODUCTION)
    assert production.oidc_enabled and not production.local_sign_in_enabled
    assert from_env({}).local_sign_in_enabled
