"""The Slack endpoint: POST /slack/events (commands, buttons, modals, events), and the OAuth
install pages when SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are set.

Slack signs every request, and bolt refuses any with a bad signature or an old timestamp, so
these routes are exempt from CSRF (a browser form's protection; Slack sends no CSRF token).
"""

from __future__ import annotations

from flask import Blueprint, Flask, Response, request
from slack_bolt import App
from slack_bolt.adapter.flask import SlackRequestHandler

from bot.adapters.slack import build_app, oauth_enabled
from heard.settings import Settings
from webforms.extensions import csrf


def enabled(settings: Settings) -> bool:
    """Whether the Slack endpoint should be served: a signing secret, and a token or OAuth."""
    return bool(settings.slack_signing_secret) and bool(
        settings.slack_bot_token or oauth_enabled(settings)
    )


def make_blueprint(bolt: App, *, oauth: bool) -> Blueprint:
    """The /slack routes, handing each request to BOLT."""
    handler = SlackRequestHandler(bolt)
    blueprint = Blueprint("slack", __name__, url_prefix="/slack")

    def handle() -> Response:
        return handler.handle(request)

    blueprint.add_url_rule("/events", "events", handle, methods=["POST"])
    if oauth:
        blueprint.add_url_rule("/install", "install", handle, methods=["GET"])
        blueprint.add_url_rule("/oauth_redirect", "oauth_redirect", handle, methods=["GET"])
    csrf.exempt(blueprint)
    return blueprint


def init_app(app: Flask, *, bolt: App | None = None) -> App:
    """Serve Slack from APP (call only when `enabled`); return the bolt App."""
    settings: Settings = app.extensions["heard.settings"]
    bolt = bolt or build_app(settings, app.extensions["heard.sessions"])
    app.register_blueprint(make_blueprint(bolt, oauth=oauth_enabled(settings)))
    app.extensions["heard.slack"] = bolt
    return bolt
