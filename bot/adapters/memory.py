"""The in-memory chat adapter: drives `bot.commands` directly and records every reply.

Used by the tests and the demo: the whole bot runs with no workspace. People are known by email.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.adapters import answer
from bot.commands import handle_action, handle_command, handle_home, handle_submission
from bot.identity import find_officer
from bot.render import Reply
from heard.clock import utcnow
from heard.models import Officer
from heard.settings import Settings

Values = dict[str, str | list[str]]


@dataclass
class MemoryBot:
    """A chat workspace in memory: `command`, `press` and `submit` as the person with EMAIL."""

    factory: sessionmaker[Session]
    settings: Settings
    now: Callable[[], datetime] = utcnow
    replies: list[tuple[str, Reply]] = field(default_factory=list)

    def command(self, email: str, command: str, text: str = "") -> Reply:
        """Type COMMAND (e.g. "/duty") with TEXT."""
        return self._run(
            email,
            lambda session, officer: handle_command(
                session,
                officer=officer,
                command=command,
                text=text,
                now=self.now(),
                settings=self.settings,
            ),
        )

    def press(self, email: str, action_id: str, value: str = "") -> Reply:
        """Press the button ACTION_ID carrying VALUE."""
        return self._run(
            email,
            lambda session, officer: handle_action(
                session,
                officer=officer,
                action_id=action_id,
                value=value,
                now=self.now(),
                settings=self.settings,
            ),
        )

    def submit(self, email: str, form: str, values: Values, key: str | None = None) -> Reply:
        """Send the form FORM with VALUES (hidden ids included); KEY as a retry would repeat it."""
        idempotency_key = key or f"memory:{uuid.uuid4()}"
        return self._run(
            email,
            lambda session, officer: handle_submission(
                session,
                officer=officer,
                form=form,
                values=values,
                now=self.now(),
                settings=self.settings,
                idempotency_key=idempotency_key,
            ),
        )

    def home(self, email: str) -> Reply:
        """Open the home tab."""
        return self._run(
            email,
            lambda session, officer: handle_home(
                session, officer=officer, now=self.now(), settings=self.settings
            ),
        )

    def _run(self, email: str, work: Callable[[Session, Officer], Reply]) -> Reply:
        reply = answer(self.factory, lambda session: find_officer(session, email=email), work)
        self.replies.append((email, reply))
        return reply

    @property
    def last(self) -> Reply:
        return self.replies[-1][1]
