"""The Teams adapter: Bot Framework activities in, one command call each, Adaptive Cards out.

A typed message ("duty", "consult CP-1001", "help") is a command; its answer is posted back to
the conversation through the Bot Connector. A card's button or form (Action.Execute) arrives as
an `adaptiveCard/action` invoke, answered in the HTTP response: the card that was pressed is
replaced by the answer for the person who pressed it, as Slack replaces a message. A refusal
leaves the card as it was and shows a short message, except on a form, which comes back with
the problem and what was typed. Each request is one transaction, rolled back on a refusal.
"""

from __future__ import annotations

import html
import logging
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from microsoft_teams.api import Account
from microsoft_teams.api.activities import ActivityTypeAdapter, MessageActivity
from microsoft_teams.api.activities.invoke.adaptive_card import AdaptiveCardInvokeActivity
from microsoft_teams.api.auth.cloud_environment import PUBLIC, CloudEnvironment
from microsoft_teams.api.models.adaptive_card import (
    AdaptiveCardActionCardResponse,
    AdaptiveCardActionMessageResponse,
)
from microsoft_teams.cards import AdaptiveCard
from pydantic import ValidationError
from sqlalchemy.orm import Session, sessionmaker

from bot import commands_forms as forms
from bot.adapters import answer
from bot.adapters.teams_cards import Card, form_card, reply_card, submitted_values
from bot.adapters.teams_connector import (
    AuthUnavailable,
    BotAuth,
    Connector,
    Unauthorized,
    connector_for,
)
from bot.commands import handle_action, handle_command, handle_home, handle_submission
from bot.identity import Stranger, find_officer
from bot.render import Reply, error
from heard.clock import utcnow
from heard.models import Officer
from heard.notify import DeliveryError
from heard.settings import Settings

logger = logging.getLogger(__name__)

# What people type in Teams, without Slack's slash; "help" is "/heard help".
COMMANDS = {
    "duty": "/duty",
    "consult": "/consult",
    "checklist": "/checklist",
    "escalate": "/escalate",
    "escalations": "/escalations",
    "help": "/heard",
    "heard": "/heard",
}
PERSONAL_ONLY = (
    "Heard answers in your personal chat with it, so that case details stay between you and "
    "Heard: open Heard from the Apps bar and ask there."
)
STALE_BUTTON = "That button is out of date: ask Heard again."
STALE_FORM = "That form is out of date: open it again."
_TAGS = re.compile(r"<at>.*?</at>|<[^>]+>", re.DOTALL)
Response = tuple[int, dict[str, Any] | None]


@dataclass(frozen=True)
class Shown:
    """What to show for a press: a card in place of the pressed one, or a message beside it."""

    card: Card
    text: str
    in_place: bool = True


class TeamsBot:
    """Heard's Teams bot: `receive` answers one POST from the Bot Connector service."""

    def __init__(
        self,
        settings: Settings,
        factory: sessionmaker[Session],
        *,
        now: Callable[[], datetime] = utcnow,
        cloud: CloudEnvironment = PUBLIC,
        auth: BotAuth | None = None,
        connector: Connector | None = None,
    ) -> None:
        self.settings, self.factory, self.now = settings, factory, now
        self.auth = auth or BotAuth(app_id=settings.teams_app_id, cloud=cloud)
        self.connector = connector or connector_for(settings, cloud)

    def receive(self, body: object, authorization: str) -> Response:
        """The HTTP status and JSON body for one activity; 401 unless its token is good."""
        # The token is checked first, whatever was sent: anything not from Teams gets only a 401.
        service_url = str(body.get("serviceUrl") or "") if isinstance(body, dict) else ""
        try:
            self.auth.check(authorization, service_url=service_url)
        except Unauthorized as refusal:
            logger.warning("teams activity refused: %s", refusal)
            return 401, {"error": "Unauthorized"}
        except AuthUnavailable as failure:
            logger.error("teams activity not checked: %s", failure)
            return 503, {"error": "Cannot check tokens just now"}
        if not isinstance(body, dict) or body.get("type") not in ("message", "invoke"):
            return 200, None  # installs, members joining, reactions: nothing to answer
        try:
            activity = ActivityTypeAdapter.validate_python(body)
        except ValidationError:
            return 400, {"error": "Malformed activity"}
        if isinstance(activity, AdaptiveCardInvokeActivity):
            return 200, self.invoke(activity)
        if isinstance(activity, MessageActivity):
            self.message(activity)
        return 200, None

    def invoke(self, activity: AdaptiveCardInvokeActivity) -> dict[str, Any]:
        """A card's Action.Execute: the invoke response Teams shows."""
        shown = self.press(activity, activity.value.action.data)
        if shown.in_place:
            card = AdaptiveCard.model_validate(shown.card)
            response: Any = AdaptiveCardActionCardResponse(value=card)
        else:
            response = AdaptiveCardActionMessageResponse(value=shown.text)
        return dict(response.model_dump(by_alias=True, exclude_none=True))

    def message(self, activity: MessageActivity) -> None:
        """A typed command, or an older card's Action.Submit (its data in `value`)."""
        data = activity.value if isinstance(activity.value, Mapping) else None
        if data is not None:
            card = self.press(activity, data).card
        elif activity.conversation.conversation_type not in (None, "personal"):
            card = reply_card(Reply(text=PERSONAL_ONLY))
        else:
            card = self._card(self.command(activity))
        service_url = activity.service_url or ""  # the token has been checked against it
        try:
            self.connector.send(service_url, activity.conversation.id, card, summary="Heard")
        except DeliveryError as failure:
            logger.error("teams answer not delivered: %s", failure)

    def command(self, activity: MessageActivity) -> Reply:
        words = _plain(activity.text).split(maxsplit=1) or ["help"]
        word, text = words[0].lstrip("/").lower(), (words[1] if len(words) > 1 else "")
        if word == "home":
            return self._answer(
                activity,
                lambda session, officer: handle_home(
                    session, officer=officer, now=self.now(), settings=self.settings
                ),
            )
        return self._answer(
            activity,
            lambda session, officer: handle_command(
                session,
                officer=officer,
                command=COMMANDS.get(word, f"/{word}"),
                text="help" if word == "help" else text,
                now=self.now(),
                settings=self.settings,
            ),
        )

    def press(self, activity: Any, data: Mapping[str, Any]) -> Shown:
        """A button or a form sent from a card."""
        if "form" in data:
            return self.submit(activity, data)
        action_id = data.get("action_id")
        if not isinstance(action_id, str) or not action_id:
            return _refused(STALE_BUTTON)
        reply = self._answer(
            activity,
            lambda session, officer: handle_action(
                session,
                officer=officer,
                action_id=action_id,
                value=str(data.get("value") or ""),
                now=self.now(),
                settings=self.settings,
            ),
        )
        return _refused(reply.text) if reply.error else Shown(self._card(reply), reply.text)

    def submit(self, activity: Any, data: Mapping[str, Any]) -> Shown:
        name, key = str(data.get("form")), str(data.get("key") or activity.id or "")[:64]
        hidden = data.get("hidden")
        ids = {str(k): str(v) for k, v in hidden.items()} if isinstance(hidden, Mapping) else {}
        try:
            form = forms.build(name, self.settings, ids)
        except KeyError:
            return _refused(STALE_FORM)
        key = key or uuid.uuid4().hex
        values = submitted_values(form, data)
        reply = self._answer(
            activity,
            lambda session, officer: handle_submission(
                session,
                officer=officer,
                form=name,
                values=values,
                now=self.now(),
                settings=self.settings,
                idempotency_key=f"teams:form:{key}",
            ),
        )
        if reply.error:
            return Shown(form_card(form, key=key, values=values, problem=reply.text), reply.text)
        return Shown(self._card(reply), reply.text)

    def _answer(self, activity: Any, work: Callable[[Session, Officer], Reply]) -> Reply:
        return answer(self.factory, lambda session: _officer(session, activity.from_), work)

    def _card(self, reply: Reply) -> Card:
        return form_card(reply.form, key=uuid.uuid4().hex) if reply.form else reply_card(reply)


def _officer(session: Session, account: Account) -> Officer:
    """The officer with this Teams id: the Entra object id, or the Teams user id ("29:...")."""
    refusal = Stranger(how="")
    # The Entra object id is tried last so that a stranger is told that one: it never changes
    # and an administrator can find it.
    for teams_id in filter(None, (account.id, account.aad_object_id)):
        try:
            return find_officer(session, teams_user_id=teams_id)
        except Stranger as stranger:
            refusal = stranger
    raise refusal


def _refused(text: str) -> Shown:
    return Shown(reply_card(error(text)), f"Sorry: {text}", in_place=False)


def _plain(text: str | None) -> str:
    """The words typed, without mentions of the bot or the HTML Teams may wrap them in."""
    return " ".join(html.unescape(_TAGS.sub(" ", text or "")).split())
