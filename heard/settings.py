"""Settings: the only reader of os.environ. Built once at start-up; tests build them directly."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

EMBEDDED = "embedded"
PRODUCTION = "production"
_DEFAULT_DB = Path("instance") / "heard.sqlite3"
_EMBEDDED_SECRET = "embedded-mode-not-secret"


class SettingsError(ValueError):
    """A setting is missing or malformed; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    """Everything configurable about one Heard deployment."""

    mode: str = EMBEDDED
    database_url: str = f"sqlite:///{_DEFAULT_DB}"
    secret_key: str = _EMBEDDED_SECRET
    contact_key: str = ""
    base_url: str = "http://127.0.0.1:5000"
    authority_name: str = "Children's Services"
    authority_colour: str = "#1d70b8"
    emergency_number: str = "999"
    advice_line_name: str = "Children's Advice and Support Service"
    advice_line_phone: str = "0121 303 1888"
    token_expiry_days: int = 28
    contact_retention_days: int = 30
    response_retention_days: int = 1096  # three years
    audit_retention_days: int = 2557  # seven years
    alert_ack_minutes: int = 60
    duty_inbox_email: str = "duty-po@example.org"
    duty_chat_channel: str = "#cp-duty"
    assistant_head_email: str = "assistant-heads@example.org"
    assistant_head_chat_channel: str = "#cp-assistant-heads"
    mail_adapter: str = "console"
    chat_adapter: str = "console"
    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_username: str = ""
    smtp_password: str = ""
    smtp_starttls: bool = False
    mail_from: str = "heard@example.org"
    ratelimit_storage_uri: str = "memory://"
    general_feedback_rate_limit: str = "20 per hour"
    token_page_rate_limit: str = "60 per minute"
    audio_dir: str = ""
    max_text_length: int = 4000
    service_chat_channel: str = "#cp-service"
    rota_keeper_email: str = "rota@example.org"
    out_of_hours_contact: str = "Emergency Duty Team on 0121 675 4806"
    consultation_accept_minutes: int = 30
    checklist_reminder_days: int = 2
    escalation_response_days: int = 5
    escalation_prolonged_days: int = 20
    escalation_themes_extra: str = ""
    slack_bot_token: str = ""
    slack_signing_secret: str = ""
    slack_app_token: str = ""
    slack_client_id: str = ""
    slack_client_secret: str = ""
    slack_api_url: str = "https://slack.com/api/"
    teams_app_id: str = ""
    teams_app_password: str = ""
    teams_tenant_id: str = ""
    teams_channels: str = ""
    teams_service_url: str = "https://smba.trafficmanager.net/teams/"
    staff_idle_minutes: int = 30
    proxy_hops: int = 0  # reverse proxies in front of Heard whose X-Forwarded-* it trusts
    local_sign_in: str = "auto"  # auto: on in embedded mode, off in production
    oidc_issuer: str = ""
    oidc_client_id: str = ""
    oidc_client_secret: str = ""
    oidc_provider_name: str = "Microsoft Entra ID"
    digest_emails: str = "head-of-service@example.org,assistant-heads@example.org"
    digest_chat_channel: str = "#cp-managers"
    screen_check_sample: int = 10
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def production(self) -> bool:
        return self.mode == PRODUCTION

    @property
    def local_sign_in_enabled(self) -> bool:
        return self.local_sign_in == "on" or (self.local_sign_in == "auto" and not self.production)

    @property
    def oidc_enabled(self) -> bool:
        return bool(self.oidc_issuer)

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


# (environment variable, attribute, parser). Documented in README.md; a test keeps them in step.
def _int(name: str, raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not {raw!r}") from None
    if value < 0:
        raise SettingsError(f"{name} must not be negative, not {raw!r}")
    return value


def _bool(name: str, raw: str) -> bool:
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise SettingsError(f"{name} must be true or false, not {raw!r}")


def _choice(*choices: str):  # type: ignore[no-untyped-def]
    def parse(name: str, raw: str) -> str:
        if raw not in choices:
            raise SettingsError(f"{name} must be one of {', '.join(choices)}, not {raw!r}")
        return raw

    return parse


def _text(name: str, raw: str) -> str:
    return raw


ENVIRONMENT = {
    "HEARD_ENV": ("mode", _choice(EMBEDDED, PRODUCTION)),
    "DATABASE_URL": ("database_url", _text),
    "HEARD_SECRET_KEY": ("secret_key", _text),
    "HEARD_CONTACT_KEY": ("contact_key", _text),
    "HEARD_BASE_URL": ("base_url", _text),
    "HEARD_AUTHORITY_NAME": ("authority_name", _text),
    "HEARD_AUTHORITY_COLOUR": ("authority_colour", _text),
    "HEARD_EMERGENCY_NUMBER": ("emergency_number", _text),
    "HEARD_ADVICE_LINE_NAME": ("advice_line_name", _text),
    "HEARD_ADVICE_LINE_PHONE": ("advice_line_phone", _text),
    "HEARD_TOKEN_EXPIRY_DAYS": ("token_expiry_days", _int),
    "HEARD_CONTACT_RETENTION_DAYS": ("contact_retention_days", _int),
    "HEARD_RESPONSE_RETENTION_DAYS": ("response_retention_days", _int),
    "HEARD_AUDIT_RETENTION_DAYS": ("audit_retention_days", _int),
    "HEARD_ALERT_ACK_MINUTES": ("alert_ack_minutes", _int),
    "HEARD_DUTY_INBOX_EMAIL": ("duty_inbox_email", _text),
    "HEARD_DUTY_CHAT_CHANNEL": ("duty_chat_channel", _text),
    "HEARD_ASSISTANT_HEAD_EMAIL": ("assistant_head_email", _text),
    "HEARD_ASSISTANT_HEAD_CHAT_CHANNEL": ("assistant_head_chat_channel", _text),
    "HEARD_MAIL_ADAPTER": ("mail_adapter", _choice("console", "memory", "smtp")),
    "HEARD_CHAT_ADAPTER": ("chat_adapter", _choice("console", "memory", "slack", "teams")),
    "SMTP_HOST": ("smtp_host", _text),
    "SMTP_PORT": ("smtp_port", _int),
    "SMTP_USERNAME": ("smtp_username", _text),
    "SMTP_PASSWORD": ("smtp_password", _text),
    "SMTP_STARTTLS": ("smtp_starttls", _bool),
    "HEARD_MAIL_FROM": ("mail_from", _text),
    "HEARD_RATELIMIT_STORAGE_URI": ("ratelimit_storage_uri", _text),
    "HEARD_GENERAL_FEEDBACK_RATE_LIMIT": ("general_feedback_rate_limit", _text),
    "HEARD_TOKEN_PAGE_RATE_LIMIT": ("token_page_rate_limit", _text),
    "HEARD_AUDIO_DIR": ("audio_dir", _text),
    "HEARD_MAX_TEXT_LENGTH": ("max_text_length", _int),
    "HEARD_SERVICE_CHAT_CHANNEL": ("service_chat_channel", _text),
    "HEARD_ROTA_KEEPER_EMAIL": ("rota_keeper_email", _text),
    "HEARD_OUT_OF_HOURS_CONTACT": ("out_of_hours_contact", _text),
    "HEARD_CONSULTATION_ACCEPT_MINUTES": ("consultation_accept_minutes", _int),
    "HEARD_CHECKLIST_REMINDER_DAYS": ("checklist_reminder_days", _int),
    "HEARD_ESCALATION_RESPONSE_DAYS": ("escalation_response_days", _int),
    "HEARD_ESCALATION_PROLONGED_DAYS": ("escalation_prolonged_days", _int),
    "HEARD_ESCALATION_THEMES_EXTRA": ("escalation_themes_extra", _text),
    "SLACK_BOT_TOKEN": ("slack_bot_token", _text),
    "SLACK_SIGNING_SECRET": ("slack_signing_secret", _text),
    "SLACK_APP_TOKEN": ("slack_app_token", _text),
    "SLACK_CLIENT_ID": ("slack_client_id", _text),
    "SLACK_CLIENT_SECRET": ("slack_client_secret", _text),
    "SLACK_API_URL": ("slack_api_url", _text),
    "TEAMS_APP_ID": ("teams_app_id", _text),
    "TEAMS_APP_PASSWORD": ("teams_app_password", _text),
    "TEAMS_TENANT_ID": ("teams_tenant_id", _text),
    "TEAMS_CHANNELS": ("teams_channels", _text),
    "TEAMS_SERVICE_URL": ("teams_service_url", _text),
    "HEARD_STAFF_IDLE_MINUTES": ("staff_idle_minutes", _int),
    "HEARD_PROXY_HOPS": ("proxy_hops", _int),
    "HEARD_LOCAL_SIGN_IN": ("local_sign_in", _choice("auto", "on", "off")),
    "HEARD_OIDC_ISSUER": ("oidc_issuer", _text),
    "HEARD_OIDC_CLIENT_ID": ("oidc_client_id", _text),
    "HEARD_OIDC_CLIENT_SECRET": ("oidc_client_secret", _text),
    "HEARD_OIDC_PROVIDER_NAME": ("oidc_provider_name", _text),
    "HEARD_DIGEST_EMAILS": ("digest_emails", _text),
    "HEARD_DIGEST_CHAT_CHANNEL": ("digest_chat_channel", _text),
    "HEARD_SCREEN_CHECK_SAMPLE": ("screen_check_sample", _int),
}


def from_env(environ: Mapping[str, str] | None = None) -> Settings:
    """Build settings from the environment, refusing unsafe production configurations."""
    env = os.environ if environ is None else environ
    values: dict[str, object] = {}
    for name, (attribute, parse) in ENVIRONMENT.items():
        raw = env.get(name)
        if raw is not None and raw != "":
            values[attribute] = parse(name, raw)
    settings = Settings(**values)  # type: ignore[arg-type]
    check(settings)
    return settings


def check(settings: Settings) -> None:
    """Refuse a production configuration with a missing secret or an embedded database."""
    if settings.oidc_enabled and not (settings.oidc_client_id and settings.oidc_client_secret):
        raise SettingsError(
            "HEARD_OIDC_ISSUER is set, so HEARD_OIDC_CLIENT_ID and HEARD_OIDC_CLIENT_SECRET "
            "must be set too"
        )
    if not settings.production:
        return
    if settings.secret_key in ("", _EMBEDDED_SECRET) or len(settings.secret_key) < 32:
        raise SettingsError("HEARD_SECRET_KEY must be set to at least 32 random characters")
    if not settings.contact_key:
        raise SettingsError("HEARD_CONTACT_KEY must be set (a Fernet key) in production")
    if settings.database_url.startswith("sqlite"):
        raise SettingsError("DATABASE_URL must point at PostgreSQL in production, not SQLite")
    if not settings.base_url.startswith("https://"):
        raise SettingsError("HEARD_BASE_URL must be an https:// address in production")
    if not (settings.oidc_enabled or settings.local_sign_in_enabled):
        raise SettingsError(
            "Staff cannot sign in: set HEARD_OIDC_ISSUER (single sign-on) or HEARD_LOCAL_SIGN_IN=on"
        )
