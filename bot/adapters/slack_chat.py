"""The outbox's Slack port: posts a notice to a channel or to an officer, with its buttons.

An officer ("officer:<email>") is found by the Slack id Heard holds for them, else by Slack's
users.lookupByEmail. Failures say whether trying again could help, as every adapter's must.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.adapters.slack_blocks import notice_blocks
from bot.notices import recipient_email
from heard.db import make_engine, session_factory
from heard.models import Officer
from heard.notify import DeliveryError
from heard.settings import Settings

# Slack's answers that no retry can mend: the message would fail the same way again.
PERMANENT = frozenset(
    {
        "channel_not_found",
        "not_in_channel",
        "is_archived",
        "users_not_found",
        "user_not_found",
        "user_disabled",
        "cannot_dm_bot",
        "invalid_auth",
        "not_authed",
        "account_inactive",
        "token_revoked",
        "no_permission",
        "missing_scope",
        "invalid_blocks",
        "msg_too_long",
        "no_text",
    }
)


def slack_ids(factory: sessionmaker[Session]) -> Callable[[str], str | None]:
    """A lookup of an active officer's Slack id by email, one short session per call."""

    def lookup(email: str) -> str | None:
        with factory() as session:
            return session.scalar(
                select(Officer.slack_user_id).where(
                    func.lower(Officer.email) == email.lower(), Officer.active.is_(True)
                )
            )

    return lookup


class SlackChat:
    """Posts through Slack's Web API with the bot token."""

    def __init__(self, client: WebClient, *, slack_id_of: Callable[[str], str | None]) -> None:
        self.client = client
        self.slack_id_of = slack_id_of

    def post(
        self,
        *,
        channel: str,
        text: str,
        blocks: list[dict[str, Any]] | None = None,
        actions: list[dict[str, Any]] | None = None,
    ) -> None:
        """Post TEXT (and its buttons) to a channel, or to an officer's direct messages."""
        target = self._target(channel)
        _call(
            self.client.chat_postMessage,
            channel=target,
            text=text,
            blocks=blocks or notice_blocks(text, actions),
        )

    def _target(self, recipient: str) -> str:
        email = recipient_email(recipient)
        if email is None:
            return recipient  # a channel: "#cp-duty" or its id
        found = self.slack_id_of(email)
        if found:
            return found
        answer = _call(self.client.users_lookupByEmail, email=email)
        return str(answer["user"]["id"])


def _call(method: Callable[..., Any], **arguments: Any) -> Any:
    try:
        return method(**arguments)
    except SlackApiError as failure:
        code = str(failure.response.get("error", "")) or f"HTTP {failure.response.status_code}"
        raise DeliveryError(f"Slack: {code}", permanent=code in PERMANENT) from None
    except (URLError, OSError) as failure:
        raise DeliveryError(
            f"Slack unreachable ({type(failure).__name__})", permanent=False
        ) from None


def slack_chat(settings: Settings, factory: sessionmaker[Session] | None = None) -> SlackChat:
    """The Slack chat port for SETTINGS; officers are looked up in SETTINGS' database."""
    if factory is None:
        factory = session_factory(make_engine(settings.database_url))
    client = WebClient(token=settings.slack_bot_token, base_url=settings.slack_api_url, timeout=10)
    return SlackChat(client, slack_id_of=slack_ids(factory))
