"""Typed settings, read once from ``PORTAL_*`` environment variables.

Every setting has a safe development default except the secret key, which production must
supply: a default secret is a published secret. In development a random key is generated once
into ``instance/secret_key`` so sessions survive restarts without anything secret in the
repository.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

ENVIRONMENTS = ("development", "testing", "production")
#: A staff form may carry no less than a public one (2 MB), and no more than what one request
#: of a synchronous worker, a database row and a mail can reasonably hold.
MIN_STAFF_UPLOAD_MB, MAX_STAFF_UPLOAD_MB = 2, 100
#: The largest mail the organisation's mail server accepts: no server takes less than 1 MB, and
#: over 150 MB is no longer a mail limit but a typing error.
MIN_MAIL_MB, MAX_MAIL_MB = 1, 150
PROJECT_ROOT = Path(__file__).resolve().parent.parent


class SettingsError(RuntimeError):
    """A setting is missing or malformed; the message names the variable."""


def _bool(value: str, name: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise SettingsError(f"{name} must be true or false, not {value!r}")


def _int(value: str, name: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not {value!r}") from None


def _paths(value: str) -> tuple[Path, ...]:
    return tuple(Path(part.strip()) for part in value.split(",") if part.strip())


@dataclass(frozen=True)
class Settings:
    """The portal's configuration. Build it with :meth:`from_env`; tests pass overrides."""

    env: str = "development"
    instance_path: Path = PROJECT_ROOT / "instance"
    database_url: str = ""
    secret_key: str = ""
    base_url: str = "http://127.0.0.1:5000"
    mail_server: str = ""
    mail_port: int = 25
    mail_use_tls: bool = False
    mail_username: str = ""
    mail_password: str = ""
    mail_sender: str = "tietosuoja@localhost"
    ratelimit_storage_uri: str = "memory://"
    #: How many reverse proxies in front of the app set X-Forwarded-For/-Proto (0: none).
    #: Behind one nginx it is 1, so that rate limits count the visitor's address.
    trusted_proxies: int = 0
    #: Days a confirmation link stays valid; unconfirmed requests are purged after it.
    unconfirmed_days: int = 7
    #: Days a closed request is kept before retention deletes it (the information management
    #: plan of the controller decides; two years is a common period for such case files).
    retention_days: int = 730
    #: Days a requester's status link keeps working after the request was closed.
    status_link_days: int = 90
    #: Days after a question to the requester when they are reminded once of it.
    question_reminder_days: int = 14
    #: Days a document requester has to say whether they want a written decision after an
    #: official withheld documents (Openness Act §14(3)); then ``deadlines remind`` closes it.
    openness_answer_days: int = 14
    #: Hours after sign-in when a staff session ends however active it is (ASVS 3.3.2).
    session_lifetime_hours: int = 12
    #: Megabytes a signed-in staff member may send with one form that takes files (scans of a
    #: letter, a decision's redacted documents); public forms keep 2 MB (:mod:`portal.uploads`).
    #: nginx's ``client_max_body_size`` for ``/admin/`` must stay just above it.
    staff_upload_max_mb: int = 20
    #: Megabytes (1,000,000 bytes) of the largest mail the organisation's mail server accepts,
    #: files encoded included; a mail with files that would not fit is refused when staff send
    #: it, not bounced later (:mod:`portal.mail.size`).
    mail_max_mb: int = 10
    #: OpenID provider (Suomi.fi e-Identification or an FTN broker) for strong electronic
    #: identification; empty turns the feature off (docs/identification.md).
    oidc_issuer: str = ""
    oidc_client_id: str = ""
    #: The portal's private keys (PEM files), newest first: the first of each list is used,
    #: every one is published at /.well-known/jwks.json so that keys rotate without downtime.
    oidc_signing_keys: tuple[Path, ...] = ()
    oidc_encryption_keys: tuple[Path, ...] = ()
    #: The eIDAS level a sign-in must reach: ``substantial`` or ``high``.
    oidc_level: str = "substantial"
    #: Fernet key (``flask --app portal identity codekey``) that encrypts personal identity
    #: codes; kept outside the database so a database copy alone reveals none (legal rules §8).
    identity_code_key: str = ""
    #: Scopes asked for; the FTN profile's ``personal_identity_code`` gives the code.
    oidc_scope: str = "openid profile personal_identity_code"
    #: Slug of the register that describes the portal's own processing (``/<lang>/privacy``).
    privacy_register: str = "tietosuojaportaali"
    #: Accessibility supervisory authority (Act 306/2019 §15); it moved to Traficom in 2025.
    a11y_authority: Mapping[str, str] = field(
        default_factory=lambda: {
            "fi": "Liikenne- ja viestintävirasto Traficom, saavutettavuuden valvonta",
            "sv": "Transport- och kommunikationsverket Traficom, tillsynen över tillgänglighet",
            "en": "Finnish Transport and Communications Agency Traficom, accessibility supervision",
        }
    )
    #: Its postal address in each language (the box is "PL" only in Finnish).
    a11y_authority_address: Mapping[str, str] = field(
        default_factory=lambda: {
            "fi": "PL 320, 00059 TRAFICOM",
            "sv": "PB 320, 00059 TRAFICOM",
            "en": "P.O. Box 320, FI-00059 TRAFICOM, Finland",
        }
    )
    a11y_authority_url: str = "https://www.saavutettavuusvaatimukset.fi"
    a11y_feedback_email: str = "saavutettavuus@localhost"
    #: ISO dates: when the accessibility statement was prepared and last reviewed.
    a11y_statement_prepared: str = "2026-11-22"
    a11y_statement_reviewed: str = "2026-11-29"

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @property
    def identification_enabled(self) -> bool:
        """Strong identification is offered only when an OpenID provider is configured."""
        return bool(self.oidc_issuer)

    @property
    def mail_dir(self) -> Path:
        """Where development delivers mail as ``.eml`` files when no SMTP server is set."""
        return self.instance_path / "mail"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides) -> Settings:
        """Read the environment; raise :class:`SettingsError` naming any bad variable."""
        env_vars = os.environ if environ is None else environ

        def get(name: str, default: str = "") -> str:
            return env_vars.get(f"PORTAL_{name}", default)

        env = get("ENV", "development")
        if env not in ENVIRONMENTS:
            raise SettingsError(f"PORTAL_ENV must be one of {', '.join(ENVIRONMENTS)}")
        instance_path = Path(get("INSTANCE_PATH", str(PROJECT_ROOT / "instance"))).resolve()
        values: dict = {
            "env": env,
            "instance_path": instance_path,
            "database_url": get("DATABASE_URL", f"sqlite:///{instance_path / 'portal.db'}"),
            "secret_key": get("SECRET_KEY"),
            "base_url": get("BASE_URL", cls.base_url).rstrip("/"),
            "mail_server": get("MAIL_SERVER"),
            "mail_port": _int(get("MAIL_PORT", "25"), "PORTAL_MAIL_PORT"),
            "mail_use_tls": _bool(get("MAIL_USE_TLS", "false"), "PORTAL_MAIL_USE_TLS"),
            "mail_username": get("MAIL_USERNAME"),
            "mail_password": get("MAIL_PASSWORD"),
            "mail_sender": get("MAIL_SENDER", cls.mail_sender),
            "ratelimit_storage_uri": get("RATELIMIT_STORAGE_URI", cls.ratelimit_storage_uri),
            "trusted_proxies": _int(get("TRUSTED_PROXIES", "0"), "PORTAL_TRUSTED_PROXIES"),
            "unconfirmed_days": _int(get("UNCONFIRMED_DAYS", "7"), "PORTAL_UNCONFIRMED_DAYS"),
            "retention_days": _int(get("RETENTION_DAYS", "730"), "PORTAL_RETENTION_DAYS"),
            "status_link_days": _int(get("STATUS_LINK_DAYS", "90"), "PORTAL_STATUS_LINK_DAYS"),
            "question_reminder_days": _int(get("QUESTION_REMINDER_DAYS", "14"),
                                           "PORTAL_QUESTION_REMINDER_DAYS"),
            "openness_answer_days": _int(get("OPENNESS_ANSWER_DAYS", "14"),
                                         "PORTAL_OPENNESS_ANSWER_DAYS"),
            "session_lifetime_hours": _int(get("SESSION_LIFETIME_HOURS", "12"),
                                           "PORTAL_SESSION_LIFETIME_HOURS"),
            "staff_upload_max_mb": _int(get("STAFF_UPLOAD_MAX_MB", "20"),
                                        "PORTAL_STAFF_UPLOAD_MAX_MB"),
            "mail_max_mb": _int(get("MAIL_MAX_MB", "10"), "PORTAL_MAIL_MAX_MB"),
            "privacy_register": get("PRIVACY_REGISTER", cls.privacy_register),
            "oidc_issuer": get("OIDC_ISSUER").rstrip("/"),
            "oidc_client_id": get("OIDC_CLIENT_ID"),
            "oidc_signing_keys": _paths(get("OIDC_SIGNING_KEYS")),
            "oidc_encryption_keys": _paths(get("OIDC_ENCRYPTION_KEYS")),
            "oidc_level": get("OIDC_LEVEL", cls.oidc_level),
            "oidc_scope": get("OIDC_SCOPE", cls.oidc_scope),
            "identity_code_key": get("IDENTITY_CODE_KEY"),
            "a11y_authority_url": get("A11Y_AUTHORITY_URL", cls.a11y_authority_url),
            "a11y_feedback_email": get("A11Y_FEEDBACK_EMAIL", cls.a11y_feedback_email),
            "a11y_statement_prepared": get("A11Y_STATEMENT_PREPARED", cls.a11y_statement_prepared),
            "a11y_statement_reviewed": get("A11Y_STATEMENT_REVIEWED", cls.a11y_statement_reviewed),
        }
        defaults = cls()
        for name, prefix in (("a11y_authority", "A11Y_AUTHORITY_"),
                             ("a11y_authority_address", "A11Y_AUTHORITY_ADDRESS_")):
            values[name] = {lang: get(f"{prefix}{lang.upper()}", text)
                            for lang, text in getattr(defaults, name).items()}
        values.update(overrides)
        if not MIN_STAFF_UPLOAD_MB <= values["staff_upload_max_mb"] <= MAX_STAFF_UPLOAD_MB:
            raise SettingsError(f"PORTAL_STAFF_UPLOAD_MAX_MB must be from {MIN_STAFF_UPLOAD_MB} "
                                f"to {MAX_STAFF_UPLOAD_MB} (megabytes)")
        if not MIN_MAIL_MB <= values["mail_max_mb"] <= MAX_MAIL_MB:
            raise SettingsError(f"PORTAL_MAIL_MAX_MB must be from {MIN_MAIL_MB} to {MAX_MAIL_MB} "
                                "(megabytes)")
        if values["oidc_level"] not in ("substantial", "high"):
            raise SettingsError("PORTAL_OIDC_LEVEL must be substantial or high")
        if values["oidc_issuer"] and not (values["oidc_client_id"] and values["oidc_signing_keys"]
                                          and values["oidc_encryption_keys"]
                                          and values["identity_code_key"]):
            raise SettingsError("PORTAL_OIDC_ISSUER needs PORTAL_OIDC_CLIENT_ID, "
                                "PORTAL_OIDC_SIGNING_KEYS, PORTAL_OIDC_ENCRYPTION_KEYS and "
                                "PORTAL_IDENTITY_CODE_KEY")
        settings = cls(**values).with_secret()
        if settings.is_production:
            settings.refuse_unsafe_production()
        return settings

    def refuse_unsafe_production(self) -> None:
        """Production runs only on https with a strong secret: links in mail and the Secure
        cookies assume https, and a short or repetitive key can be guessed (OWASP ASVS 6.4)."""
        if not self.base_url.startswith("https://"):
            raise SettingsError("PORTAL_BASE_URL must be an https:// address in production")
        if len(self.secret_key) < 32 or len(set(self.secret_key)) < 16:
            raise SettingsError(
                "PORTAL_SECRET_KEY is too weak: use at least 32 random characters, e.g. "
                'python3 -c "import secrets; print(secrets.token_urlsafe(64))"')

    def with_secret(self) -> Settings:
        """Return settings with a secret key, refusing to invent one in production."""
        if self.secret_key:
            return self
        if self.is_production:
            raise SettingsError("PORTAL_SECRET_KEY is required when PORTAL_ENV=production")
        key_file = self.instance_path / "secret_key"
        if not key_file.exists():
            key_file.parent.mkdir(parents=True, exist_ok=True)
            key_file.write_text(secrets.token_hex(32))
            key_file.chmod(0o600)
        return replace(self, secret_key=key_file.read_text().strip())
