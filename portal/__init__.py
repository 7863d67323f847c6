"""The privacy portal: public privacy notices and data-subject requests for Finnish public bodies.

``create_app`` only wires things together: it creates no tables, runs no migrations and makes no
network calls. gunicorn builds the app with ``portal:create_app()`` (deploy/systemd).
"""

from __future__ import annotations

from flask import Flask
from werkzeug.routing import BaseConverter

from . import cli, db, errors, i18n, logs, security, uploads
from .assets import STATIC, TEMPLATES
from .extensions import csrf, limiter, login_manager, mail
from .notices import pagecache
from .settings import Settings


class SlugConverter(BaseConverter):
    """Register and controller slugs: lower-case words joined by hyphens (no dots)."""

    regex = r"[a-z0-9]+(?:-[a-z0-9]+)*"


def create_app(settings: Settings | None = None) -> Flask:
    settings = settings or Settings.from_env()
    app = Flask(
        __name__,
        template_folder=str(TEMPLATES),
        static_folder=str(STATIC),
        instance_path=str(settings.instance_path),
    )
    app.config.update(
        PORTAL=settings,
        SECRET_KEY=settings.secret_key,
        TESTING=settings.env == "testing",
        RATELIMIT_STORAGE_URI=settings.ratelimit_storage_uri,
        WTF_CSRF_TIME_LIMIT=None,
        MAIL_SERVER=settings.mail_server or "localhost",
        MAIL_PORT=settings.mail_port,
        MAIL_USE_TLS=settings.mail_use_tls,
        MAIL_USERNAME=settings.mail_username or None,
        MAIL_PASSWORD=settings.mail_password or None,
        MAIL_DEFAULT_SENDER=settings.mail_sender,
        MAIL_SUPPRESS_SEND=False,
    )
    app.url_map.converters["slug"] = SlugConverter
    db.init_app(app, settings.database_url)
    uploads.init_app(app)  # before anything reads a request's body (CSRF does)
    csrf.init_app(app)
    mail.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "backoffice.login"
    limiter.init_app(app)
    i18n.init_app(app)
    security.init_app(app, settings)
    errors.init_app(app)
    logs.init_app(app)
    pagecache.init_app(app)

    from .backoffice import bp as backoffice_bp
    from .dsr import bp as dsr_bp
    from .identity import bp as identity_bp
    from .identity import root_bp as identity_root_bp
    from .identity import settings_views, staff_views  # noqa: F401  (routes join the back office's)
    from .notices import bp as notices_bp
    from .ops import bp as ops_bp
    from .site import bp as site_bp
    from .site import root_bp

    app.register_blueprint(root_bp)
    app.register_blueprint(notices_bp)
    app.register_blueprint(site_bp)
    app.register_blueprint(dsr_bp)
    app.register_blueprint(identity_bp)
    app.register_blueprint(identity_root_bp)
    app.register_blueprint(backoffice_bp)
    app.register_blueprint(ops_bp)
    cli.init_app(app)
    return app
