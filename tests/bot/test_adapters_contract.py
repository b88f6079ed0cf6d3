"""One set of chat-ops cases, run through every chat adapter: memory, console and Slack.

Each driver speaks as a person would on its platform (a call, a typed line, a signed HTTP request
with Slack's Web API faked locally) and returns what that person would read. The database is
then checked directly, so an adapter cannot drift from the others unnoticed.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any, Protocol

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot import commands_forms
from bot.adapters.console import Console
from bot.adapters.memory import MemoryBot
from bot.models import ChecklistItem, Consultation
from bot.render import Reply, as_text
from heard.settings import Settings
from tests.bot.fake_bot_connector import FakeBotConnector
from tests.bot.fake_slack import FakeSlack
from tests.bot.helpers_chat import (
    ESCALATION_ANSWERS,
    REQUEST_ANSWERS,
    SARA,
    ChatCast,
    chat_cast,
    chats_to,
)
from tests.bot.helpers_slack import (
    SECRET,
    SLACK_IDS,
    RunAtOnce,
    SlackUser,
    give_slack_ids,
    message_text,
    web_app,
)
from tests.bot.helpers_teams import TeamsDriver, teams_user
from tests.factories import AMIRA, DANIEL, NOW

Values = dict[str, Any]


class Driver(Protocol):
    def command(self, email: str, command: str, text: str = "") -> str: ...

    def press(self, email: str, action_id: str, value: str) -> str: ...

    def fill(self, email: str, opener: str, values: Values) -> str:
        """Open a form by typing OPENER ("/consult" or "!consultation.outcome 12"), answer it."""
        ...

    def home(self, email: str) -> str: ...


class MemoryDriver:
    def __init__(self, sessions: sessionmaker[Session], settings: Settings) -> None:
        self.bot = MemoryBot(sessions, settings, now=lambda: NOW)

    def command(self, email: str, command: str, text: str = "") -> str:
        return as_text(self.bot.command(email, command, text))

    def press(self, email: str, action_id: str, value: str) -> str:
        return as_text(self.bot.press(email, action_id, value))

    def fill(self, email: str, opener: str, values: Values) -> str:
        word, _, rest = opener.partition(" ")
        reply: Reply = (
            self.bot.command(email, word, rest)
            if word.startswith("/")
            else self.bot.press(email, word[1:], rest)
        )
        if reply.form is None:
            return as_text(reply)
        return as_text(self.bot.submit(email, reply.form.name, {**values, **reply.form.hidden}))

    def home(self, email: str) -> str:
        return as_text(self.bot.home(email))


LABELS = {
    field.label: field.name
    for build in commands_forms.FORMS.values()
    for field in build(Settings(), {}, "").inputs
}


class Typist(io.StringIO):
    """Standard input for the console: the lines given, then answers to each question it asks."""

    def __init__(self, lines: list[str], values: Values, shown: io.StringIO) -> None:
        super().__init__()
        self.lines, self.values, self.shown, self.seen = lines, values, shown, 0

    def readline(self, size: int | None = -1) -> str:
        if self.lines:
            return self.lines.pop(0) + "\n"
        printed = self.shown.getvalue()[self.seen :]
        self.seen = len(self.shown.getvalue())
        asked = [
            LABELS[line.removesuffix(" (optional)")]
            for line in printed.splitlines()
            if line.removesuffix(" (optional)") in LABELS
        ]
        if not asked:
            return ""  # nothing asked: the end of input
        value = self.values.get(asked[-1], "")
        return (",".join(value) if isinstance(value, list) else str(value)) + "\n"


class ConsoleDriver:
    def __init__(self, sessions: sessionmaker[Session], settings: Settings) -> None:
        self.sessions, self.settings = sessions, settings

    def type(self, email: str, lines: list[str], values: Values | None = None) -> str:
        shown = io.StringIO()
        console = Console(
            self.sessions,
            self.settings,
            email=email,
            stdin=Typist(lines, values or {}, shown),
            stdout=shown,
            now=lambda: NOW,
        )
        console.run()
        return shown.getvalue()

    def command(self, email: str, command: str, text: str = "") -> str:
        return self.type(email, [f"{command} {text}".strip()])

    def press(self, email: str, action_id: str, value: str) -> str:
        return self.type(email, [f"!{action_id} {value}"])

    def fill(self, email: str, opener: str, values: Values) -> str:
        return self.type(email, [opener], values)

    def home(self, email: str) -> str:
        return self.type(email, ["home"])


class SlackDriver:
    def __init__(self, slack: SlackUser, fake: FakeSlack) -> None:
        self.slack, self.fake = slack, fake

    def user(self, email: str) -> str:
        return SLACK_IDS.get(email, "USTRANGER")

    def command(self, email: str, command: str, text: str = "") -> str:
        return self.shown(lambda: self.slack.command(self.user(email), command, text))

    def press(self, email: str, action_id: str, value: str) -> str:
        return self.shown(lambda: self.slack.press(self.user(email), f"{action_id}#0", value))

    def fill(self, email: str, opener: str, values: Values) -> str:
        word, _, rest = opener.partition(" ")
        opened = len(self.fake.called("views.open"))
        shown = (
            self.command(email, word, rest)
            if word.startswith("/")
            else self.press(email, word[1:], rest)
        )
        views = self.fake.called("views.open")
        if len(views) == opened:
            return shown
        before = len(self.fake.calls)
        response = self.slack.submit(self.user(email), views[-1].body["view"], values)
        if response.get_data():
            return str(response.get_json()["errors"])
        return "\n".join(message_text(call.body) for call in self.fake.calls[before:])

    def home(self, email: str) -> str:
        self.slack.event({"type": "app_home_opened", "user": self.user(email), "tab": "home"})
        return message_text(self.fake.called("views.publish")[-1].body)

    def shown(self, send: Any) -> str:
        before = len(self.fake.calls)
        assert send().status_code == 200
        return "\n".join(message_text(call.body) for call in self.fake.calls[before:])


@pytest.fixture
def cast(session: Session) -> ChatCast:
    cast = chat_cast(session)
    give_slack_ids(session)
    return cast


@pytest.fixture(params=["memory", "console", "slack", "teams"])
def chat(
    request: pytest.FixtureRequest,
    sessions: sessionmaker[Session],
    settings: Settings,
    engine: Engine,
    cast: ChatCast,
) -> Iterator[Driver]:
    if request.param == "memory":
        yield MemoryDriver(sessions, settings)
    elif request.param == "console":
        yield ConsoleDriver(sessions, settings)
    elif request.param == "teams":
        with FakeBotConnector() as connector:
            yield TeamsDriver(teams_user(settings, engine, sessions, connector))
    else:
        with FakeSlack() as fake:
            slack_settings = settings.with_(
                slack_bot_token="xoxb-test", slack_signing_secret=SECRET, slack_api_url=fake.api_url
            )
            app = web_app(settings, slack_settings, engine, executor=RunAtOnce())
            yield SlackDriver(SlackUser(app.test_client(), fake), fake)


def the_consultation(session: Session) -> Consultation:
    session.expire_all()
    return session.scalars(select(Consultation)).one()


def consultations(session: Session) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(Consultation)) or 0


def test_duty_shows_todays_duty_po_at_each_site(chat: Driver) -> None:
    shown = chat.command(SARA, "/duty")

    assert "Duty PO: Daniel Okafor." in shown
    assert "Duty PO: Amira Hussain." in shown


def test_a_social_workers_request_is_offered_to_her_sites_duty_po(
    chat: Driver, session: Session
) -> None:
    shown = chat.fill(SARA, "/consult", REQUEST_ANSWERS)

    assert "Waiting for Daniel Okafor to accept." in shown
    assert the_consultation(session).offered_to.email == DANIEL
    [offer] = chats_to(session, DANIEL)
    assert [a["label"] for a in offer.payload["actions"]] == ["Accept", "Pass on"]


def test_the_duty_po_accepts_and_the_social_worker_is_told_her_name(
    chat: Driver, session: Session
) -> None:
    chat.fill(SARA, "/consult", REQUEST_ANSWERS)

    shown = chat.press(DANIEL, "consultation.accept", str(the_consultation(session).id))

    assert "You accepted consultation" in shown
    assert the_consultation(session).accepted_by.email == DANIEL
    assert "Daniel Okafor has accepted" in chats_to(session, SARA)[-1].body


def test_the_po_records_the_outcome(chat: Driver, session: Session) -> None:
    chat.fill(SARA, "/consult", REQUEST_ANSWERS)
    consultation_id = the_consultation(session).id
    chat.press(DANIEL, "consultation.accept", str(consultation_id))

    shown = chat.fill(
        DANIEL, f"!consultation.outcome {consultation_id}", {"outcome": "strategy_meeting"}
    )

    assert "Outcome recorded" in shown
    assert the_consultation(session).outcome == "strategy_meeting"


def test_the_chair_ticks_the_pre_icpc_checklist(
    chat: Driver, session: Session, cast: ChatCast
) -> None:
    assert "Parents contacted before the conference" in chat.command(AMIRA, "/checklist")

    shown = chat.press(AMIRA, "checklist.tick", f"{cast.icpc.id}:parents_contacted")

    assert "[x] Parents contacted before the conference" in shown
    session.expire_all()
    item = session.scalars(select(ChecklistItem).where(ChecklistItem.key == "parents_contacted"))
    assert item.one().done_at == NOW


def test_a_po_logs_an_escalation_and_sees_it_listed(chat: Driver) -> None:
    logged = chat.fill(AMIRA, "/escalate", ESCALATION_ANSWERS)

    assert "Escalation 1 logged for case CP-3003." in logged
    listed = chat.command(AMIRA, "/escalations")
    assert "Drift and delay in planning" in listed and "Stage 1 (team manager)" in listed


def test_the_home_shows_duty_and_my_open_items(chat: Driver) -> None:
    shown = chat.home(AMIRA)

    assert "Duty PO: Amira Hussain." in shown
    assert "ICPC CP-2001" in shown


def test_a_stranger_is_told_how_to_be_added(chat: Driver) -> None:
    assert "You're not set up in Heard yet." in chat.command("who@example.org", "/duty")


def test_a_social_worker_pressing_accept_is_refused_and_nothing_changes(
    chat: Driver, session: Session
) -> None:
    chat.fill(SARA, "/consult", REQUEST_ANSWERS)

    shown = chat.press(SARA, "consultation.accept", str(the_consultation(session).id))

    assert "Only a Principal Officer or an assistant head can do this." in shown
    assert the_consultation(session).status == "waiting"


def test_a_request_without_a_case_reference_is_refused_and_changes_nothing(
    chat: Driver, session: Session
) -> None:
    shown = chat.fill(SARA, "/consult", {**REQUEST_ANSWERS, "case_reference": ""})

    assert "Enter case reference" in shown
    assert consultations(session) == 0


def test_a_stale_accept_button_says_who_accepted(chat: Driver, session: Session) -> None:
    chat.fill(SARA, "/consult", REQUEST_ANSWERS)
    consultation_id = str(the_consultation(session).id)
    chat.press(DANIEL, "consultation.accept", consultation_id)

    shown = chat.press(AMIRA, "consultation.accept", consultation_id)

    assert "Already accepted by Daniel Okafor." in shown
    assert the_consultation(session).accepted_by.email == DANIEL
