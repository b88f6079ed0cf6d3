"""Chat adapters: each turns its platform's input into a call of `bot.commands` and draws the
Reply in its own way. `memory` (tests, the demo), `console` (`heard chat`), `slack` (slack-bolt).

Every adapter opens one transaction per request from a session factory, finds the officer who is
speaking (`bot.identity`), calls one handler, and rolls back when the reply is a refusal.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from bot.commands_base import safely
from bot.render import Reply
from heard.db import transaction
from heard.models import Officer


def answer(
    factory: sessionmaker[Session],
    identify: Callable[[Session], Officer],
    work: Callable[[Session, Officer], Reply],
) -> Reply:
    """One transaction: find who is asking, do the work; a refusal rolls everything back."""
    with transaction(factory) as session:
        reply = safely(lambda: work(session, identify(session)))
        if reply.error:
            session.rollback()
    return reply
