"""Activities as the Bot Connector service sends them, signed, to a Flask test client."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from werkzeug.test import TestResponse

from bot.adapters.teams import TeamsBot
from bot.adapters.teams_connector import TeamsChat, connector_for, teams_ids
from heard.models import Officer
from heard.notify import MemoryMailer
from heard.outbox import DeliveryReport, deliver_due
from heard.settings import Settings
from tests.bot.fake_bot_connector import APP_ID, APP_PASSWORD, TENANT_ID, FakeBotConnector
from tests.bot.helpers_chat import SARA
from tests.factories import AMIRA, DANIEL, NOW
from webforms import teams as teams_endpoint
from webforms.app import create_app


@dataclass(frozen=True)
class Person:
    """Someone in Teams: the Teams user id, the Entra object id, and their chat with Heard."""

    id: str
    aad: str
    name: str

    @property
    def chat(self) -> str:
        return f"a:personal-{self.aad}"


SARA_T = Person("29:sara", "aad-sara", "Sara Ahmed")
DANIEL_T = Person("29:daniel", "aad-daniel", "Daniel Okafor")
AMIRA_T = Person("29:amira", "aad-amira", "Amira Hussain")
STRANGER_T = Person("29:stranger", "aad-stranger", "Sam Stranger")


def introduce(fake: FakeBotConnector, *people: Person) -> None:
    """Tell the fake each person's chat with Heard, found by either of their ids."""
    for person in people:
        fake.chats[person.id] = fake.chats[person.aad] = person.chat


def give_teams_ids(session: Session) -> None:
    """Sara is known by her Teams user id; the POs by their Entra object ids."""
    known = {SARA: SARA_T.id, DANIEL: DANIEL_T.aad, AMIRA: AMIRA_T.aad}
    for officer in session.scalars(select(Officer).where(Officer.email.in_(known))):
        officer.teams_user_id = known[officer.email]
    session.commit()


@dataclass
class TeamsUser:
    """Teams, as seen by Heard: each method sends one activity with a signed token."""

    client: FlaskClient
    fake: FakeBotConnector
    counter: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def send(self, activity: dict[str, Any], token: str | None = None) -> TestResponse:
        token = self.fake.token() if token is None else token
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return self.client.post("/teams/messages", json=activity, headers=headers)

    def activity(self, who: Person, kind: str = "message", **fields: Any) -> dict[str, Any]:
        return {
            "type": kind,
            "id": f"incoming-{next(self.counter)}",
            "channelId": "msteams",
            "serviceUrl": self.fake.service_url,
            "from": {"id": who.id, "aadObjectId": who.aad, "name": who.name},
            "recipient": {"id": f"28:{APP_ID}", "name": "Heard"},
            "conversation": {
                "id": who.chat,
                "conversationType": "personal",
                "tenantId": TENANT_ID,
            },
            "channelData": {"tenant": {"id": TENANT_ID}},
            **fields,
        }

    def say(self, who: Person, text: str, **fields: Any) -> TestResponse:
        return self.send(self.activity(who, text=text, **fields))

    def press(self, who: Person, data: dict[str, Any], token: str | None = None) -> TestResponse:
        """Press an Action.Execute whose data is DATA (with any inputs' values added)."""
        value = {
            "action": {"type": "Action.Execute", "verb": "x", "data": data},
            "trigger": "manual",
        }
        activity = self.activity(who, "invoke", name="adaptiveCard/action", value=value)
        return self.send(activity, token)

    def submit(
        self, who: Person, card: dict[str, Any], values: dict[str, Any], token: str | None = None
    ) -> TestResponse:
        """Fill in CARD's inputs with VALUES and press its button, as Teams would send it."""
        typed = {k: ",".join(v) if isinstance(v, list) else v for k, v in values.items()}
        return self.press(who, {**card["actions"][0]["data"], **typed}, token)


def card_text(card: dict[str, Any]) -> str:
    """Everything a person would read on a card: every text run, fact and button title."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") in ("TextRun", "TextBlock"):
                parts.append(str(node.get("text", "")))
            if node.get("type", "").startswith("Action."):
                parts.append(f"[{node.get('title', '')}]")
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(card)
    return "\n".join(parts)


def buttons(card: dict[str, Any]) -> list[dict[str, Any]]:
    """Every Action.Execute on CARD, in order."""
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "Action.Execute":
                found.append(node)
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(card)
    return found


def inputs(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The card's inputs by id."""
    return {
        element["id"]: element
        for element in card.get("body", [])
        if str(element.get("type", "")).startswith("Input.")
    }


def teams_settings(settings: Settings) -> Settings:
    return settings.with_(
        teams_app_id=APP_ID, teams_app_password=APP_PASSWORD, teams_tenant_id=TENANT_ID
    )


def teams_user(
    settings: Settings, engine: Engine, sessions: sessionmaker[Session], fake: FakeBotConnector
) -> TeamsUser:
    """The web app with the Teams endpoint, Microsoft's side faked, the cast given Teams ids."""
    introduce(fake, SARA_T, DANIEL_T, AMIRA_T)
    with sessions() as session:
        give_teams_ids(session)
    configured = teams_settings(settings)
    app = create_app(settings, engine=engine)  # Teams off: the endpoint is added below
    bot = TeamsBot(configured, sessions, now=lambda: NOW, cloud=fake.cloud)
    teams_endpoint.init_app(app, bot=bot)
    return TeamsUser(app.test_client(), fake)


PEOPLE = {SARA: SARA_T, DANIEL: DANIEL_T, AMIRA: AMIRA_T}


class TeamsDriver:
    """The shared chat-ops cases' driver for Teams: what a person reads after each step."""

    def __init__(self, teams: TeamsUser) -> None:
        self.teams, self.fake = teams, teams.fake

    def person(self, email: str) -> Person:
        return PEOPLE.get(email, STRANGER_T)

    def command(self, email: str, command: str, text: str = "") -> str:
        word = command.lstrip("/")
        return self.said(email, f"{word} {text}".strip() if word != "heard" else "help")

    def press(self, email: str, action_id: str, value: str) -> str:
        return self.read(
            self.teams.press(self.person(email), {"action_id": action_id, "value": value})
        )

    def fill(self, email: str, opener: str, values: dict[str, Any]) -> str:
        word, _, rest = opener.partition(" ")
        if word.startswith("/"):
            before = len(self.fake.cards())
            shown = self.command(email, word, rest)
            cards = self.fake.cards()[before:]
        else:
            data = {"action_id": word[1:], "value": rest}
            response = self.teams.press(self.person(email), data)
            shown, cards = self.read(response), [response.get_json().get("value")]
        form = next((c for c in cards if isinstance(c, dict) and _is_form(c)), None)
        if form is None:
            return shown
        return self.read(self.teams.submit(self.person(email), form, values))

    def home(self, email: str) -> str:
        return self.said(email, "home")

    def said(self, email: str, text: str) -> str:
        before = len(self.fake.cards())
        assert self.teams.say(self.person(email), text).status_code == 200
        return "\n".join(card_text(card) for card in self.fake.cards()[before:])

    def read(self, response: TestResponse) -> str:
        """What an invoke response shows: the card put in place, or the message beside it."""
        body = response.get_json()
        value = body["value"]
        return card_text(value) if isinstance(value, dict) else str(value)


def _is_form(card: dict[str, Any]) -> bool:
    return any("form" in (a.get("data") or {}) for a in card.get("actions", []))


def chat(fake: FakeBotConnector, settings: Settings, sessions: Any, **channels: str) -> TeamsChat:
    return TeamsChat(
        connector_for(settings, fake.cloud),
        teams_id_of=teams_ids(sessions),
        channels={
            f"#{name.replace('_', '-')}": conversation for name, conversation in channels.items()
        },
        service_url=fake.service_url,
    )


def deliver(fake: FakeBotConnector, settings: Settings, sessions: Any) -> DeliveryReport:
    port = chat(fake, settings, sessions)
    return deliver_due(sessions, mailer=MemoryMailer(), chat=port, now=lambda: NOW, worker="t")
