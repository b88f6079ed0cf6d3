"""The Teams endpoint: POST /teams/messages, the bot's messaging endpoint in Azure Bot Service.

The Bot Connector service signs every request with a JWT, which `TeamsBot.receive` checks before
anything else (401 when it is missing or bad), so this route is exempt from CSRF, a browser
form's protection: Teams sends no CSRF token.
"""

from __future__ import annotations

import json

from flask import Blueprint, Flask, Response, request

from bot.adapters.teams import TeamsBot
from heard.settings import Settings
from webforms.extensions import csrf


def enabled(settings: Settings) -> bool:
    """Whether the Teams endpoint should be served: the bot's app id and password are set."""
    return bool(settings.teams_app_id and settings.teams_app_password)


def make_blueprint(bot: TeamsBot) -> Blueprint:
    """The /teams routes, handing each activity to BOT."""
    blueprint = Blueprint("teams", __name__, url_prefix="/teams")

    def messages() -> Response:
        status, body = bot.receive(
            request.get_json(silent=True), request.headers.get("Authorization", "")
        )
        text = "" if body is None else json.dumps(body)
        return Response(text, status=status, mimetype="application/json")

    blueprint.add_url_rule("/messages", "messages", messages, methods=["POST"])
    csrf.exempt(blueprint)
    return blueprint


def init_app(app: Flask, *, bot: TeamsBot | None = None) -> TeamsBot:
    """Serve Teams from APP (call only when `enabled`); return the bot."""
    settings: Settings = app.extensions["heard.settings"]
    bot = bot or TeamsBot(settings, app.extensions["heard.sessions"])
    app.register_blueprint(make_blueprint(bot))
    app.extensions["heard.teams"] = bot
    return bot
