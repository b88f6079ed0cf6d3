"""The Flask application factory: public feedback pages, health, and (later) staff pages."""

from __future__ import annotations

from typing import Any

from flask import Flask
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader
from sqlalchemy.engine import Engine
from werkzeug.middleware.proxy_fix import ProxyFix

from heard import settings as settings_module
from heard.db import make_engine, session_factory
from heard.logging import install_log_redaction
from heard.settings import Settings
from webforms import (
    calendar,
    digest_charts,
    health,
    i18n,
    public,
    readaloud,
    security,
    slack,
    staff,
    teams,
)
from webforms.extensions import csrf, limiter


def create_app(settings: Settings | None = None, *, engine: Engine | None = None) -> Flask:
    """Build the web application for SETTINGS (from the environment when not given)."""
    settings = settings or settings_module.from_env()
    app = Flask(__name__, static_folder="static", static_url_path="/static")
    app.config.update(
        SECRET_KEY=settings.secret_key,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.production,
        WTF_CSRF_TIME_LIMIT=None,  # a parent may take a while; the session bounds it instead
        MAX_CONTENT_LENGTH=64 * 1024,
        RATELIMIT_STORAGE_URI=settings.ratelimit_storage_uri,
        RATELIMIT_HEADERS_ENABLED=True,
    )
    engine = engine or make_engine(settings.database_url, pool_pre_ping=True)
    app.extensions["heard.settings"] = settings
    app.extensions["heard.engine"] = engine
    app.extensions["heard.sessions"] = session_factory(engine)
    app.jinja_loader = ChoiceLoader(
        [
            FileSystemLoader(str(app.root_path) + "/templates"),
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        ]
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    csrf.init_app(app)
    limiter.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    readaloud.init_app(app)
    app.register_blueprint(health.blueprint)
    app.register_blueprint(public.blueprint)
    app.register_blueprint(calendar.blueprint)
    app.register_blueprint(digest_charts.blueprint)
    staff.init_app(app)
    if slack.enabled(settings):
        slack.init_app(app)
    if teams.enabled(settings):
        teams.init_app(app)
    if settings.proxy_hops:
        # Behind a load balancer every request comes from its address; trusting exactly that
        # many X-Forwarded-* hops restores the client's (rate limits, secure cookies, URLs).
        hops = settings.proxy_hops
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]
    install_log_redaction()
    return app


def heard_settings(app: Any) -> Settings:
    return app.extensions["heard.settings"]  # type: ignore[no-any-return]
