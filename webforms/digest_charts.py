"""GET /digest-charts/<token>.png: a monthly digest's chart, for Slack and Teams to fetch.

Chat services fetch a message's images by URL without signing in, so the random token (128
bits, made when the digest was sent) is the only credential. A chart holds only aggregates that
have been through disclosure control. An unknown or malformed token is a 404, so the address
never says which tokens exist.
"""

from __future__ import annotations

import re

from flask import Blueprint, Response, abort, current_app
from sqlalchemy import select

from analysis.models import DigestChart

blueprint = Blueprint("digest_charts", __name__)

_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


@blueprint.get("/digest-charts/<token>.png")
def chart(token: str) -> Response:
    if not _TOKEN.match(token):
        abort(404)
    with current_app.extensions["heard.sessions"]() as session:
        png = session.scalar(select(DigestChart.png).where(DigestChart.token == token))
    if png is None:
        abort(404)
    return Response(
        png,
        mimetype="image/png",
        headers={
            # A sent digest's chart never changes; chat services may keep their copy.
            "Cache-Control": "public, max-age=86400",
            "X-Robots-Tag": "noindex",
        },
    )
