"""Who is speaking (identity by Slack id, Teams id or email), the console adapter, `heard chat`,
and how the outbox hands a notice's buttons to a chat adapter."""

from __future__ import annotations

import io
from datetime import timedelta

import click
import pytest
import time_machine
from click.testing import CliRunner
from sqlalchemy.orm import Session, sessionmaker

from bot.adapters.console import Console
from bot.adapters.memory import MemoryBot
from bot.identity import Stranger, find_officer, link_slack_user
from bot.models import Consultation
from heard.cli import chat as chat_cli
from heard.cli import common
from heard.notify import ConsoleChat, MemoryChat, MemoryMailer
from heard.outbox import deliver_due
from heard.settings import Settings
from tests.bot.helpers_chat import SARA, ChatCast, chat_cast, count, request, the_consultation
from tests.factories import AMIRA, DANIEL, NOW, make_officer


@pytest.fixture
def cast(session: Session) -> ChatCast:
    return chat_cast(session)


@pytest.fixture
def bot(sessions: sessionmaker[Session], settings: Settings, cast: ChatCast) -> MemoryBot:
    return MemoryBot(sessions, settings, now=lambda: NOW)


def test_officers_are_found_by_slack_id_teams_id_or_email(session: Session) -> None:
    amira = make_officer(session, AMIRA)
    amira.slack_user_id, amira.teams_user_id = "U0AMIRA", "29:amira"

    assert find_officer(session, slack_user_id="U0AMIRA") is amira
    assert find_officer(session, teams_user_id="29:amira") is amira
    assert find_officer(session, email=" Amira.Hussain@example.org") is amira


def test_a_stranger_is_told_the_exact_command_to_add_them(session: Session) -> None:
    with pytest.raises(Stranger) as refused:
        find_officer(session, slack_user_id="U0NEW")

    assert str(refused.value) == (
        "You're not set up in Heard yet. Ask your business support team to add you "
        "(heard officers add --email YOUR-EMAIL --name 'YOUR NAME' --slack-id U0NEW)."
    )


def test_an_officer_who_has_left_is_a_stranger(session: Session) -> None:
    make_officer(session, AMIRA).active = False

    with pytest.raises(Stranger):
        find_officer(session, email=AMIRA)


def test_a_slack_id_is_linked_by_email_but_never_moved_silently(session: Session) -> None:
    amira = make_officer(session, AMIRA)

    assert link_slack_user(session, email=AMIRA, slack_user_id="U1").slack_user_id == "U1"
    with pytest.raises(Stranger):
        link_slack_user(session, email=AMIRA, slack_user_id="U2")
    assert amira.slack_user_id == "U1"


def test_now_is_the_clock_given(sessions: sessionmaker[Session], settings: Settings, cast) -> None:
    tuesday = MemoryBot(sessions, settings, now=lambda: NOW + timedelta(days=1))

    assert tuesday.command(SARA, "/duty").text == "Duty POs on Tuesday 24 November"


def console(sessions: sessionmaker[Session], settings: Settings, email: str, typed: str) -> str:
    shown = io.StringIO()
    Console(
        sessions,
        settings,
        email=email,
        stdin=io.StringIO(typed),
        stdout=shown,
        now=lambda: NOW,
    ).run()
    return shown.getvalue()


def test_the_console_takes_buttons_by_their_short_name_and_choices_by_number(
    sessions: sessionmaker[Session], settings: Settings, session: Session, cast: ChatCast
) -> None:
    typed = "/consult\nCP-1001\n1\n1, 2\nthis_week\nAfter 2pm\n"
    console(sessions, settings, SARA, typed)
    consultation_id = the_consultation(session).id

    shown = console(sessions, settings, DANIEL, f"!accept {consultation_id}\n")

    assert "You accepted consultation" in shown
    c = the_consultation(session)
    assert (c.category, c.prevalent_issues, c.urgency) == (
        "neglect",
        ["domestic_abuse", "parental_mental_health"],
        "this_week",
    )


def test_the_console_asks_again_after_a_bad_answer_and_can_be_cancelled(
    sessions: sessionmaker[Session], settings: Settings, session: Session, cast: ChatCast
) -> None:
    shown = console(sessions, settings, SARA, "/consult\nCP 1001!\nCP-1001\n9\ncancel\n")

    assert "Enter the case system's reference" in shown
    assert "Choose category of concern from the list." in shown
    assert "Cancelled: nothing was sent." in shown
    assert count(session, Consultation) == 0


def test_the_console_refuses_a_stranger_at_the_door(
    sessions: sessionmaker[Session], settings: Settings, cast: ChatCast
) -> None:
    shown = io.StringIO()
    code = Console(
        sessions, settings, email="who@example.org", stdin=io.StringIO(""), stdout=shown
    ).run()

    assert code == 1 and "You're not set up in Heard yet." in shown.getvalue()


def test_heard_chat_runs_the_console_for_the_officer_named(
    monkeypatch: pytest.MonkeyPatch, database_url: str, cast: ChatCast
) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url)
    common.reset()
    group = click.Group()
    chat_cli.register(group)
    try:
        with time_machine.travel(NOW, tick=False):
            result = CliRunner().invoke(group, ["chat", "--as", SARA], input="/duty\n")
    finally:
        common.sessions().kw["bind"].dispose()
        common.reset()

    assert result.exit_code == 0
    assert "Heard chat as Sara Ahmed." in result.output
    assert "Duty PO: Daniel Okafor." in result.output


def test_the_outbox_hands_a_notices_buttons_to_the_chat_adapter(
    bot: MemoryBot, sessions: sessionmaker[Session]
) -> None:
    request(bot)
    chat = MemoryChat()

    deliver_due(sessions, mailer=MemoryMailer(), chat=chat, now=lambda: NOW, worker="test")

    [offer] = chat.sent
    assert offer.channel == f"officer:{DANIEL}"
    assert [a["label"] for a in offer.actions or []] == ["Accept", "Pass on"]


def test_the_console_chat_prints_a_notices_buttons_as_lines_to_type(
    capsys: pytest.CaptureFixture[str],
) -> None:
    action = {"action_id": "consultation.accept", "value": "12", "label": "Accept"}

    ConsoleChat().post(channel="officer:x@example.org", text="A consultation", actions=[action])

    assert "[Accept]  !accept 12" in capsys.readouterr().out
