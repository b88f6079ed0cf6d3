"""The Slack adapter end to end: signed requests to /slack/events, Slack's Web API faked locally."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.adapters.slack import COMMANDS as COMMANDS_PATTERN
from bot.adapters.slack import SCOPES, build_app
from bot.adapters.slack_chat import SlackChat, slack_chat, slack_ids
from bot.commands import COMMANDS
from bot.models import Consultation
from heard.models import Officer, OutboxMessage
from heard.notify import DeliveryError, MemoryMailer, make_chat
from heard.outbox import deliver_due
from heard.settings import Settings, SettingsError
from tests.bot.fake_slack import FakeSlack
from tests.bot.helpers_chat import MANAGER, REQUEST_ANSWERS, ChatCast, chat_cast
from tests.bot.helpers_slack import (
    SECRET,
    RunAtOnce,
    SlackUser,
    give_slack_ids,
    message_text,
    signed_headers,
    web_app,
)
from tests.factories import NOW
from webforms import slack as slack_endpoint
from webforms.app import create_app


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


@pytest.fixture
def slack_settings(settings: Settings, fake: FakeSlack) -> Settings:
    return settings.with_(
        slack_bot_token="xoxb-test", slack_signing_secret=SECRET, slack_api_url=fake.api_url
    )


@pytest.fixture
def cast(session: Session) -> ChatCast:
    cast = chat_cast(session)
    give_slack_ids(session)
    return cast


@pytest.fixture
def slack(
    settings: Settings, slack_settings: Settings, engine: Any, fake: FakeSlack, cast: ChatCast
) -> SlackUser:
    app = web_app(settings, slack_settings, engine, executor=RunAtOnce())
    return SlackUser(app.test_client(), fake)


def answers(fake: FakeSlack) -> list[dict[str, Any]]:
    return [call.body for call in fake.called("response")]


def consultations(session: Session) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(Consultation)) or 0


def opened_view(fake: FakeSlack) -> dict[str, Any]:
    return dict(fake.called("views.open")[-1].body["view"])


def test_duty_answers_the_person_who_asked_with_each_sites_duty_po(
    slack: SlackUser, fake: FakeSlack
) -> None:
    response = slack.command("USARA", "/duty")

    assert response.status_code == 200
    [answer] = answers(fake)
    assert answer["response_type"] == "ephemeral"
    assert "Duty PO: Daniel Okafor." in message_text(answer)
    assert "Request a consultation (Lifford House)" in message_text(answer)


def test_a_request_with_a_bad_signature_is_refused_and_changes_nothing(
    slack: SlackUser, fake: FakeSlack
) -> None:
    slack.secret = "not-the-secret"

    response = slack.command("USARA", "/duty")

    assert response.status_code == 401
    assert fake.calls == []


def test_a_request_with_a_stale_timestamp_is_refused(slack: SlackUser, fake: FakeSlack) -> None:
    body = "command=%2Fduty&user_id=USARA"
    old = signed_headers(body, timestamp=int(time.time()) - 10 * 60)

    response = slack.client.post(
        "/slack/events", data=body, content_type="application/x-www-form-urlencoded", headers=old
    )

    assert response.status_code == 401
    assert fake.calls == []


def test_a_stranger_is_told_how_to_be_added(slack: SlackUser, fake: FakeSlack) -> None:
    slack.command("UNOBODY", "/duty")

    [answer] = answers(fake)
    assert "You're not set up in Heard yet." in answer["text"]
    assert "--slack-id UNOBODY" in answer["text"]


def test_a_stranger_whose_slack_email_is_an_officers_is_recognised_and_linked(
    slack: SlackUser, fake: FakeSlack, session: Session
) -> None:
    fake.users["UMO"] = MANAGER

    slack.command("UMO", "/duty")

    assert "Duty PO: Amira Hussain." in message_text(answers(fake)[0])
    session.expire_all()
    assert session.scalars(select(Officer.slack_user_id).where(Officer.email == MANAGER)).one() == (
        "UMO"
    )


def test_consult_opens_the_modal_with_the_trigger_id(slack: SlackUser, fake: FakeSlack) -> None:
    slack.command("USARA", "/consult", "CP-1001")

    [call] = fake.called("views.open")
    assert call.body["trigger_id"] == "trigger-1"
    view = call.body["view"]
    assert view["callback_id"] == "consultation.request"
    assert view["blocks"][0]["element"]["initial_value"] == "CP-1001"
    assert answers(fake) == []


def test_a_modal_without_a_case_reference_shows_the_error_in_the_modal(
    slack: SlackUser, fake: FakeSlack, session: Session
) -> None:
    slack.command("USARA", "/consult")

    response = slack.submit("USARA", opened_view(fake), {**REQUEST_ANSWERS, "case_reference": ""})

    assert response.status_code == 200
    assert response.get_json() == {
        "response_action": "errors",
        "errors": {"case_reference": "Enter case reference"},
    }
    assert consultations(session) == 0


def test_the_submission_creates_a_consultation_and_tells_the_social_worker(
    slack: SlackUser, fake: FakeSlack, session: Session
) -> None:
    slack.command("USARA", "/consult")

    response = slack.submit("USARA", opened_view(fake), REQUEST_ANSWERS)

    assert response.status_code == 200 and response.get_data() == b""
    assert consultations(session) == 1
    [answer] = answers(fake)
    assert "Waiting for Daniel Okafor to accept." in answer["text"]


def test_the_offer_reaches_the_duty_po_in_slack_with_accept_and_pass_on(
    slack: SlackUser, fake: FakeSlack, sessions: sessionmaker[Session], slack_settings: Settings
) -> None:
    slack.command("USARA", "/consult")
    slack.submit("USARA", opened_view(fake), REQUEST_ANSWERS)

    report = deliver(sessions, slack_settings)

    assert report.sent == 1
    [post] = fake.called("chat.postMessage")
    assert post.body["channel"] == "UDANIEL"
    buttons = post.body["blocks"][-1]["elements"]
    assert [(b["action_id"], b["text"]["text"]) for b in buttons] == [
        ("consultation.accept#0", "Accept"),
        ("consultation.pass#1", "Pass on"),
    ]


def deliver(sessions: sessionmaker[Session], settings: Settings) -> Any:
    chat = slack_chat(settings, sessions)
    return deliver_due(sessions, mailer=MemoryMailer(), chat=chat, now=lambda: NOW, worker="t")


def request_consultation(slack: SlackUser, fake: FakeSlack, session: Session) -> str:
    slack.command("USARA", "/consult")
    slack.submit("USARA", opened_view(fake), REQUEST_ANSWERS)
    session.expire_all()
    return str(session.scalars(select(Consultation.id)).one())


def test_accept_replaces_the_offer_and_the_social_worker_is_told_the_pos_name(
    slack: SlackUser, fake: FakeSlack, session: Session, sessions: Any, slack_settings: Settings
) -> None:
    consultation_id = request_consultation(slack, fake, session)

    slack.press("UDANIEL", "consultation.accept#0", consultation_id)
    deliver(sessions, slack_settings)

    answer = answers(fake)[-1]
    assert answer["replace_original"] is True
    assert "You accepted consultation" in answer["text"]
    told = [c.body for c in fake.called("chat.postMessage") if c.body["channel"] == "USARA"]
    assert "Daniel Okafor has accepted" in told[0]["text"]


def test_a_social_worker_pressing_accept_is_told_no_and_nothing_changes(
    slack: SlackUser, fake: FakeSlack, session: Session
) -> None:
    consultation_id = request_consultation(slack, fake, session)

    slack.press("USARA", "consultation.accept#0", consultation_id)

    answer = answers(fake)[-1]
    assert answer["replace_original"] is False and answer["response_type"] == "ephemeral"
    assert "Only a Principal Officer or an assistant head can do this." in answer["text"]
    session.expire_all()
    assert session.scalars(select(Consultation.status)).one() == "waiting"


def test_a_stale_accept_button_says_who_accepted(
    slack: SlackUser, fake: FakeSlack, session: Session
) -> None:
    consultation_id = request_consultation(slack, fake, session)
    slack.press("UDANIEL", "consultation.accept#0", consultation_id)

    slack.press("UAMIRA", "consultation.accept#0", consultation_id)

    answer = answers(fake)[-1]
    assert answer["text"] == "Already accepted by Daniel Okafor."
    assert answer["replace_original"] is False


def test_a_retried_submission_makes_no_second_consultation_or_offer(
    slack: SlackUser, fake: FakeSlack, session: Session
) -> None:
    slack.command("USARA", "/consult")
    view = opened_view(fake)

    slack.submit("USARA", view, REQUEST_ANSWERS)
    slack.submit(
        "USARA", view, REQUEST_ANSWERS, X_Slack_Retry_Num=1, X_Slack_Retry_Reason="http_error"
    )

    assert consultations(session) == 1
    offers = session.scalar(select(func.count()).select_from(OutboxMessage))
    assert offers == 1


def test_a_retry_slack_makes_because_we_were_slow_is_dropped(
    slack: SlackUser, fake: FakeSlack
) -> None:
    response = slack.command(
        "USARA", "/duty", X_Slack_Retry_Num=1, X_Slack_Retry_Reason="http_timeout"
    )

    assert response.status_code == 200
    assert fake.calls == []


def test_opening_the_home_tab_publishes_todays_duty_and_my_open_items(
    slack: SlackUser, fake: FakeSlack
) -> None:
    slack.event({"type": "app_home_opened", "user": "UAMIRA", "channel": "D1", "tab": "home"})

    [call] = fake.wait_for("views.publish")
    assert call.body["user_id"] == "UAMIRA" and call.body["view"]["type"] == "home"
    text = message_text(call.body)
    assert "Duty PO: Amira Hussain." in text
    assert "ICPC CP-2001" in text


def test_a_checklist_button_ticks_the_item_and_redraws_the_checklist(
    slack: SlackUser, fake: FakeSlack, cast: ChatCast
) -> None:
    slack.press("UAMIRA", "checklist.tick#3", f"{cast.icpc.id}:parents_contacted")

    answer = answers(fake)[-1]
    assert answer["replace_original"] is True
    assert "[x] Parents contacted before the conference" in message_text(answer)


def test_a_button_on_the_home_tab_answers_in_a_direct_message_and_redraws_home(
    slack: SlackUser, fake: FakeSlack, cast: ChatCast
) -> None:
    payload = {
        "type": "block_actions",
        "user": {"id": "UAMIRA"},
        "team": {"id": "T1"},
        "api_app_id": "A1",
        "trigger_id": "t",
        "container": {"type": "view", "view_id": "VHOME"},
        "view": {"id": "VHOME", "type": "home"},
        "actions": [
            {
                "type": "button",
                "action_id": "checklist.tick#0",
                "block_id": "b",
                "value": f"{cast.icpc.id}:wider_family_invited",
            }
        ],
    }

    slack.interact(payload)

    [dm] = fake.called("chat.postMessage")
    assert dm.body["channel"] == "UAMIRA" and "Ticked: Wider family invited" in dm.body["text"]
    assert len(fake.called("views.publish")) == 1


def test_escalate_opens_the_form_and_the_submission_logs_it(
    slack: SlackUser, fake: FakeSlack
) -> None:
    slack.command("UAMIRA", "/escalate", "CP-3003")
    slack.submit(
        "UAMIRA",
        opened_view(fake),
        {
            "case_reference": "CP-3003",
            "themes": ["drift_and_delay"],
            "stage": "informal",
            "raised_with": "Team manager",
            "note": "",
        },
    )
    slack.command("UAMIRA", "/escalations")

    assert "Escalation 1 logged" in answers(fake)[0]["text"]
    assert "Drift and delay in planning" in message_text(answers(fake)[1])


def test_slack_acks_before_the_work_is_done_and_the_answer_follows(
    settings: Settings, slack_settings: Settings, engine: Any, fake: FakeSlack, cast: ChatCast
) -> None:
    app = web_app(settings, slack_settings, engine)  # bolt's default: work after the ack
    slack = SlackUser(app.test_client(), fake)

    response = slack.command("USARA", "/duty")

    assert response.status_code == 200 and response.get_data() == b""
    [answer] = fake.wait_for("response")
    assert "Duty PO: Daniel Okafor." in message_text(answer.body)


def test_the_endpoint_needs_a_signing_secret_and_a_token(settings: Settings) -> None:
    assert not slack_endpoint.enabled(settings)
    assert not slack_endpoint.enabled(settings.with_(slack_bot_token="xoxb-1"))
    assert slack_endpoint.enabled(
        settings.with_(slack_bot_token="xoxb-1", slack_signing_secret="s")
    )
    with pytest.raises(SettingsError, match="SLACK_SIGNING_SECRET"):
        build_app(settings.with_(slack_bot_token="xoxb-1"), sessionmaker())


def test_oauth_install_sends_the_installer_to_slack_with_heards_scopes(
    settings: Settings, engine: Any, fake: FakeSlack
) -> None:
    oauth = settings.with_(
        slack_signing_secret=SECRET,
        slack_client_id="111.222",
        slack_client_secret="shh",
        slack_api_url=fake.api_url,
    )
    app = create_app(settings, engine=engine)
    bolt = build_app(oauth, app.extensions["heard.sessions"])
    bolt.oauth_flow.settings.installation_store.create_tables()  # Alembic's job in production
    bolt.oauth_flow.settings.state_store.metadata.create_all(engine)
    app.config["TESTING"] = True
    app.register_blueprint(slack_endpoint.make_blueprint(bolt, oauth=True))

    response = app.test_client().get("/slack/install")

    assert response.status_code == 302
    location = response.headers["Location"]
    assert location.startswith("https://slack.com/oauth/v2/authorize?state=")
    assert "client_id=111.222" in location
    assert "scope=commands,chat:write,im:write,users:read,users:read.email" in location


def test_the_chat_registry_builds_the_slack_adapter(slack_settings: Settings) -> None:
    assert isinstance(make_chat(slack_settings.with_(chat_adapter="slack")), SlackChat)


def test_the_slack_chat_posts_to_a_channel_as_named(fake: FakeSlack, sessions: Any) -> None:
    chat = SlackChat(_client(fake), slack_id_of=slack_ids(sessions))

    chat.post(channel="#cp-service", text="Duty this week", actions=None)

    [post] = fake.called("chat.postMessage")
    assert post.body["channel"] == "#cp-service" and post.body["text"] == "Duty this week"


def test_the_slack_chat_finds_an_officer_without_an_id_by_email(
    fake: FakeSlack, sessions: Any, session: Session, cast: ChatCast
) -> None:
    fake.users["UMO"] = MANAGER
    chat = SlackChat(_client(fake), slack_id_of=slack_ids(sessions))

    chat.post(channel=f"officer:{MANAGER}", text="Hello")

    assert fake.called("chat.postMessage")[0].body["channel"] == "UMO"


def test_an_officer_slack_does_not_know_is_a_permanent_failure(
    fake: FakeSlack, sessions: Any
) -> None:
    chat = SlackChat(_client(fake), slack_id_of=lambda email: None)

    with pytest.raises(DeliveryError) as failed:
        chat.post(channel="officer:gone@example.org", text="Hello")

    assert failed.value.permanent and "users_not_found" in str(failed.value)


def test_a_rate_limit_is_a_failure_worth_trying_again(fake: FakeSlack) -> None:
    fake.fail["chat.postMessage"] = "ratelimited"
    chat = SlackChat(_client(fake), slack_id_of=lambda email: None)

    with pytest.raises(DeliveryError) as failed:
        chat.post(channel="#cp-duty", text="Hello")

    assert not failed.value.permanent


def test_slack_being_unreachable_is_a_failure_worth_trying_again() -> None:
    from slack_sdk import WebClient

    chat = SlackChat(
        WebClient(token="xoxb-1", base_url="http://127.0.0.1:9/api/", timeout=1),
        slack_id_of=lambda email: None,
    )

    with pytest.raises(DeliveryError) as failed:
        chat.post(channel="#cp-duty", text="Hello")

    assert not failed.value.permanent


def _client(fake: FakeSlack) -> Any:
    from slack_sdk import WebClient

    return WebClient(token="xoxb-test", base_url=fake.api_url)


def test_the_slack_app_manifest_lists_every_command_and_scope_heard_uses() -> None:
    manifest = (Path(__file__).parents[2] / "slack" / "manifest.yaml").read_text()

    commands = re.findall(r"^\s+- command: (/\w+)$", manifest, re.MULTILINE)
    scopes = re.findall(r"^\s+- ([a-z:.]+)$", manifest.split("bot:", 1)[1], re.MULTILINE)
    urls = set(re.findall(r"https://YOUR-HOST/slack/\w+", manifest))
    assert sorted(commands) == sorted(COMMANDS)
    assert scopes == list(SCOPES)
    assert urls == {"https://YOUR-HOST/slack/events", "https://YOUR-HOST/slack/oauth_redirect"}
    assert all(COMMANDS_PATTERN.match(command) for command in commands)
