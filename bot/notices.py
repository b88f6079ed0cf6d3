"""Chat notices from the chat-ops domain, through the outbox (never sent directly).

A notice's recipient is a channel ("#cp-duty") or an officer ("officer:<email>"); each chat
adapter resolves an officer to its own user id. Buttons travel as neutral actions in the
payload, which each adapter renders in its own way (Block Kit, Adaptive Cards, console prompts).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from heard import outbox
from heard.models import Officer, OutboxMessage

OFFICER_PREFIX = "officer:"


@dataclass(frozen=True)
class Action:
    """A button: ACTION_ID names the use case (e.g. "consultation.accept"), VALUE the record id."""

    action_id: str
    value: str
    label: str
    style: str = ""  # "primary" or "danger", as Slack has them


def officer_recipient(officer: Officer) -> str:
    return f"{OFFICER_PREFIX}{officer.email}"


def recipient_email(recipient: str) -> str | None:
    """The officer's email in an "officer:<email>" recipient, else None (a channel)."""
    return recipient.removeprefix(OFFICER_PREFIX) if recipient.startswith(OFFICER_PREFIX) else None


def notify(
    session: Session,
    *,
    key: str,
    recipient: str,
    text: str,
    now: datetime,
    due_at: datetime | None = None,
    actions: tuple[Action, ...] = (),
    title: str = "",
) -> OutboxMessage:
    """Queue one chat notice; KEY makes it once-only (a second call with KEY changes nothing)."""
    return outbox.enqueue(
        session,
        dedupe_key=key,
        channel="chat",
        recipient=recipient,
        subject=title or text.split("\n", 1)[0][:200],
        body=text,
        now=now,
        due_at=due_at,
        payload={"actions": [asdict(a) for a in actions]},
    )
