"""What every chat handler shares: who is asking, and refusals turned into replies."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from bot.render import Reply, error
from heard.errors import HeardError
from heard.models import Officer
from heard.settings import Settings


@dataclass(frozen=True)
class Ask:
    """Who is asking, when, in which transaction, under which settings."""

    session: Session
    officer: Officer
    now: datetime
    settings: Settings


def safely(handler: Callable[..., Reply], *args: object) -> Reply:
    """The handler's reply, or its refusal as an ephemeral error reply."""
    try:
        return handler(*args)
    except HeardError as refusal:
        return error(str(refusal))


def record_id(value: object, what: str = "record") -> int:
    """The id a button or form carries; a clear refusal when it is not one."""
    text = str(value or "").strip()
    if not text.isdigit():
        raise HeardError(f"That {what} button is out of date: open it again.")
    return int(text)
