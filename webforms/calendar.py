"""GET /calendar/site/<id>.ics and /calendar/officer/<id>.ics: the duty rota's iCal feeds.

The key in the address is the only credential (calendar apps cannot log in); a wrong or missing
key is a 404, as is an unknown id, so the feed never says which ids exist.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from flask import Blueprint, Response, abort, current_app, request
from sqlalchemy.orm import Session

from bot.ical import key_matches, officer_calendar, site_calendar
from heard.clock import utcnow
from heard.db import transaction
from heard.errors import NotFound
from heard.settings import Settings

blueprint = Blueprint("calendar", __name__)

Build = Callable[[Session, int, datetime], bytes]


@blueprint.get("/calendar/site/<int:site_id>.ics")
def site_feed(site_id: int) -> Response:
    return _feed("site", site_id, lambda s, i, now: site_calendar(s, site_id=i, now=now))


@blueprint.get("/calendar/officer/<int:officer_id>.ics")
def officer_feed(officer_id: int) -> Response:
    return _feed(
        "officer", officer_id, lambda s, i, now: officer_calendar(s, officer_id=i, now=now)
    )


def _feed(kind: str, record_id: int, build: Build) -> Response:
    settings: Settings = current_app.extensions["heard.settings"]
    if not key_matches(settings.secret_key, kind, record_id, request.args.get("key", "")):
        abort(404)
    try:
        with transaction(current_app.extensions["heard.sessions"]) as session:
            body = build(session, record_id, utcnow())
    except NotFound:
        abort(404)
    return Response(
        body,
        mimetype="text/calendar",
        headers={"Content-Disposition": f'inline; filename="duty-{kind}-{record_id}.ics"'},
    )
