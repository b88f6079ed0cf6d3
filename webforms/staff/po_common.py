"""What every Principal Officer page shares: the blueprint, the database, and refusals."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from typing import Any

from flask import Blueprint, abort, current_app, render_template
from sqlalchemy.orm import Session, sessionmaker

from heard.clock import london
from heard.db import transaction
from heard.errors import NotFound
from heard.models import Officer
from heard.settings import Settings
from webforms.staff.access import signed_in_staff

blueprint = Blueprint("staff_principal_officer", __name__, url_prefix="/staff")
TEMPLATES = "staff/principal_officer/"
STALE = 409  # the form was out of date: someone else changed the record first


def settings() -> Settings:
    return current_app.extensions["heard.settings"]  # type: ignore[no-any-return]


def sessions() -> sessionmaker[Session]:
    return current_app.extensions["heard.sessions"]  # type: ignore[no-any-return]


@contextmanager
def reading() -> Iterator[Session]:
    """A session for a page that only reads (closed, never committed)."""
    with sessions()() as session:
        yield session


def writing() -> Any:
    """One transaction around a use case: committed on success, rolled back on any error."""
    return transaction(sessions())


def me(session: Session) -> Officer:
    """The signed-in member's officer record, in SESSION."""
    officer = session.get(Officer, signed_in_staff().officer_id)
    if officer is None:  # an account always has an officer; a deleted one is not signed in
        abort(403)
    return officer


def found(call: Any, *args: Any, **kwargs: Any) -> Any:
    """CALL's result, or a 404 page when the record does not exist or is not the member's."""
    try:
        return call(*args, **kwargs)
    except NotFound:
        abort(404)


def when(moment: datetime | None) -> str:
    """A moment as people in England read it: "09:30 on Monday 23 November 2026"."""
    if moment is None:
        return ""
    local = london(moment)
    return f"{local:%H:%M} on {local:%A} {local.day} {local:%B %Y}"


def day(value: date) -> str:
    return f"{value:%A} {value.day} {value:%B %Y}"


def duration(span: timedelta | None) -> str:
    """How long, in days, hours and minutes: "1 day 2 hours", "45 minutes"."""
    if span is None:
        return ""
    minutes = max(int(span.total_seconds() // 60), 0)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [(days, "day"), (hours, "hour"), (minutes, "minute")]
    words = [f"{n} {unit}{'' if n == 1 else 's'}" for n, unit in parts if n]
    return " ".join(words[:2]) or "less than a minute"


def render(template: str, status: int = 200, **context: Any) -> tuple[str, int]:
    helpers = {"when": when, "day": day, "duration": duration}
    return render_template(TEMPLATES + template, **helpers, **context), status
