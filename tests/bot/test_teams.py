"""The Teams adapter end to end: signed activities to /teams/messages, Microsoft's side faked
locally (OpenID metadata and keys, the login endpoint, the Bot Connector service)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.adapters.memory import MemoryBot
from bot.models import Consultation
from heard.models import OutboxMessage
from heard.settings import Settings
from tests.bot.fake_bot_connector import (
    APP_ID,
    BOT_TOKEN,
    TENANT_ID,
    FakeBotConnector,
    new_key,
)
from tests.bot.helpers_chat import REQUEST_ANSWERS, ChatCast, chat_cast
from tests.bot.helpers_teams import (
    AMIRA_T,
    DANIEL_T,
    SARA_T,
    STRANGER_T,
    TeamsUser,
    buttons,
    card_text,
    deliver,
    inputs,
    teams_settings,
    teams_user,
)
from tests.factories import DANIEL, NOW

CARD = "application/vnd.microsoft.card.adaptive"


@pytest.fixture
def fake() -> Iterator[FakeBotConnector]:
    with FakeBotConnector() as fake:
        yield fake


@pytest.fixture(name="teams_settings")
def configured(settings: Settings) -> Settings:
    return teams_settings(settings)


@pytest.fixture
def cast(session: Session) -> ChatCast:
    return chat_cast(session)


@pytest.fixture
def teams(
    settings: Settings, engine: Any, sessions: Any, fake: FakeBotConnector, cast: ChatCast
) -> TeamsUser:
    return teams_user(settings, engine, sessions, fake)


def consultations(session: Session) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(Consultation)) or 0


def answered(fake: FakeBotConnector, who: Any) -> dict[str, Any]:
    """The last card Heard posted in WHO's personal chat."""
    return fake.cards(who.chat)[-1]


def shown(response: Any) -> dict[str, Any]:
    """The card an invoke response puts in place of the card that was pressed."""
    body = response.get_json()
    assert response.status_code == 200 and body["statusCode"] == 200, body
    assert body["type"] == CARD, body
    return dict(body["value"])


def request_form(teams: TeamsUser, fake: FakeBotConnector) -> dict[str, Any]:
    teams.say(SARA_T, "consult")
    return answered(fake, SARA_T)


def request_consultation(teams: TeamsUser, fake: FakeBotConnector, session: Session) -> str:
    teams.submit(SARA_T, request_form(teams, fake), REQUEST_ANSWERS)
    session.expire_all()
    return str(session.scalars(select(Consultation.id)).one())


def test_duty_answers_in_the_personal_chat_with_each_sites_duty_po(
    teams: TeamsUser, fake: FakeBotConnector
) -> None:
    response = teams.say(SARA_T, "duty")

    assert response.status_code == 200
    [activity] = fake.activities()
    assert activity["conversation"] == SARA_T.chat
    assert activity["attachments"][0]["contentType"] == CARD
    text = card_text(answered(fake, SARA_T))
    assert "Duty PO: Daniel Okafor." in text and "Duty PO: Amira Hussain." in text
    request = buttons(answered(fake, SARA_T))[0]
    assert request["data"]["action_id"] == "consultation.request"


def test_heard_posts_with_a_token_from_the_login_endpoint_fetched_once(
    teams: TeamsUser, fake: FakeBotConnector
) -> None:
    teams.say(SARA_T, "duty")
    teams.say(SARA_T, "help")

    [token] = fake.called("token")
    assert token.path == f"/{TENANT_ID}/oauth2/v2.0/token"
    assert token.body["client_id"] == APP_ID and token.body["grant_type"] == "client_credentials"
    assert {call.authorization for call in fake.called("activity")} == {f"Bearer {BOT_TOKEN}"}


def test_the_signing_keys_are_fetched_once_from_the_openid_metadata(
    teams: TeamsUser, fake: FakeBotConnector
) -> None:
    teams.say(SARA_T, "duty")
    teams.say(SARA_T, "duty")

    assert len(fake.called("metadata")) == 1 and len(fake.called("keys")) == 1


@pytest.mark.parametrize("typed", ["<at>Heard</at> duty", "/duty", "  DUTY  "])
def test_a_mention_a_slash_or_capitals_are_understood(
    teams: TeamsUser, fake: FakeBotConnector, typed: str
) -> None:
    teams.say(SARA_T, typed)

    assert "Duty POs on Monday 23 November" in card_text(answered(fake, SARA_T))


def test_help_lists_the_commands(teams: TeamsUser, fake: FakeBotConnector) -> None:
    teams.say(SARA_T, "help")

    text = card_text(answered(fake, SARA_T))
    assert "What you can ask Heard" in text and "/consult" in text and "/escalations" in text


BAD_TOKENS = {
    "signed with another key": {"key": new_key()},
    "expired": {"expires_in": -3600},
    "for another bot": {"audience": "another-bot"},
    "from another issuer": {"issuer": "https://sts.example.org"},
    "naming another service": {"service_url": "https://elsewhere.example.org/"},
}


@pytest.mark.parametrize("bad", BAD_TOKENS.values(), ids=BAD_TOKENS.keys())
def test_a_bad_token_is_refused_and_changes_nothing(
    teams: TeamsUser, fake: FakeBotConnector, session: Session, bad: dict[str, Any]
) -> None:
    form = request_form(teams, fake)

    response = teams.submit(SARA_T, form, REQUEST_ANSWERS, token=fake.token(**bad))

    assert response.status_code == 401
    assert consultations(session) == 0


def test_a_request_without_a_token_is_refused_and_nothing_is_sent(
    teams: TeamsUser, fake: FakeBotConnector
) -> None:
    response = teams.send(teams.activity(SARA_T, text="duty"), token="")

    assert response.status_code == 401
    assert fake.activities() == []


def test_anything_but_a_signed_activity_is_refused(teams: TeamsUser) -> None:
    response = teams.client.post("/teams/messages", data="not json", content_type="text/plain")

    assert response.status_code == 401


def test_keys_that_cannot_be_fetched_mean_try_again_later(
    teams: TeamsUser, fake: FakeBotConnector
) -> None:
    fake.fail["metadata"] = 500

    assert teams.say(SARA_T, "duty").status_code == 503


def test_a_stranger_is_told_how_to_be_added(teams: TeamsUser, fake: FakeBotConnector) -> None:
    teams.say(STRANGER_T, "duty")

    text = card_text(answered(fake, STRANGER_T))
    assert "Sorry: You're not set up in Heard yet" in text
    assert "--teams-id aad-stranger" in text


def test_a_command_typed_in_a_channel_points_to_the_personal_chat(
    teams: TeamsUser, fake: FakeBotConnector
) -> None:
    activity = teams.activity(SARA_T, text="<at>Heard</at> consult list")
    activity["conversation"] = {"id": "19:general@thread.tacv2", "conversationType": "channel"}

    teams.send(activity)

    [card] = fake.cards("19:general@thread.tacv2")
    assert "Heard answers in your personal chat" in card_text(card)


def test_consult_opens_the_request_form_card(teams: TeamsUser, fake: FakeBotConnector) -> None:
    teams.say(SARA_T, "consult CP-1001")

    card = answered(fake, SARA_T)
    fields = inputs(card)
    assert list(fields) == [
        "case_reference",
        "category",
        "prevalent_issues",
        "urgency",
        "availability",
    ]
    assert fields["case_reference"]["type"] == "Input.Text"
    assert fields["case_reference"]["value"] == "CP-1001"
    assert fields["category"]["type"] == "Input.ChoiceSet"
    assert fields["prevalent_issues"]["isMultiSelect"] is True
    assert fields["availability"]["isMultiline"] is True
    [send] = card["actions"]
    assert send["type"] == "Action.Execute" and send["data"]["form"] == "consultation.request"


def test_the_submission_creates_a_consultation_and_replaces_the_form_with_the_answer(
    teams: TeamsUser, fake: FakeBotConnector, session: Session
) -> None:
    response = teams.submit(SARA_T, request_form(teams, fake), REQUEST_ANSWERS)

    text = card_text(shown(response))
    assert "requested for case CP-1001" in text and "Waiting for Daniel Okafor" in text
    consultation = session.scalars(select(Consultation)).one()
    assert consultation.prevalent_issues == ["domestic_abuse", "parental_mental_health"]


def test_a_malformed_submission_comes_back_as_the_form_with_the_problem(
    teams: TeamsUser, fake: FakeBotConnector, session: Session
) -> None:
    answers = {**REQUEST_ANSWERS, "case_reference": "", "category": "not-a-category"}

    card = shown(teams.submit(SARA_T, request_form(teams, fake), answers))

    text = card_text(card)
    assert "Sorry: Enter case reference." in text
    assert "Choose category of concern from the list." in text
    assert inputs(card)["availability"]["value"] == REQUEST_ANSWERS["availability"]
    assert inputs(card)["prevalent_issues"]["value"] == "domestic_abuse,parental_mental_health"
    assert consultations(session) == 0


def test_a_form_sent_twice_makes_one_consultation(
    teams: TeamsUser, fake: FakeBotConnector, session: Session
) -> None:
    form = request_form(teams, fake)

    teams.submit(SARA_T, form, REQUEST_ANSWERS)
    teams.submit(SARA_T, form, REQUEST_ANSWERS)

    assert consultations(session) == 1


def test_a_form_heard_no_longer_has_is_refused_clearly(teams: TeamsUser) -> None:
    body = teams.press(SARA_T, {"form": "consultation.gone", "key": "k"}).get_json()

    assert body["type"] == "application/vnd.microsoft.activity.message"
    assert body["value"] == "Sorry: That form is out of date: open it again."


def test_the_offer_reaches_the_duty_po_in_teams_with_accept_and_pass_on(
    teams: TeamsUser, fake: FakeBotConnector, session: Session, sessions: Any, teams_settings: Any
) -> None:
    request_consultation(teams, fake, session)

    report = deliver(fake, teams_settings, sessions)

    assert report.sent == 1
    [opened] = fake.called("conversation")
    assert opened.body["members"] == [{"id": DANIEL_T.aad}]
    assert opened.body["tenantId"] == TENANT_ID
    offer = answered(fake, DANIEL_T)
    assert [(b["title"], b["data"]["action_id"]) for b in buttons(offer)] == [
        ("Accept", "consultation.accept"),
        ("Pass on", "consultation.pass"),
    ]


def test_accept_replaces_the_offer_and_the_social_worker_is_told_the_pos_name(
    teams: TeamsUser, fake: FakeBotConnector, session: Session, sessions: Any, teams_settings: Any
) -> None:
    consultation_id = request_consultation(teams, fake, session)
    deliver(fake, teams_settings, sessions)
    accept = buttons(answered(fake, DANIEL_T))[0]

    response = teams.press(DANIEL_T, accept["data"])
    deliver(fake, teams_settings, sessions)

    assert f"You accepted consultation {consultation_id}" in card_text(shown(response))
    assert "Daniel Okafor has accepted" in card_text(answered(fake, SARA_T))


def test_a_stale_accept_says_who_accepted_and_leaves_the_card_as_it_was(
    teams: TeamsUser, fake: FakeBotConnector, session: Session
) -> None:
    consultation_id = request_consultation(teams, fake, session)
    accept = {"action_id": "consultation.accept", "value": consultation_id}
    teams.press(DANIEL_T, accept)

    body = teams.press(AMIRA_T, accept).get_json()

    assert body["statusCode"] == 200
    assert body["type"] == "application/vnd.microsoft.activity.message"
    assert body["value"] == "Sorry: Already accepted by Daniel Okafor."


def test_a_button_heard_does_not_know_is_out_of_date(teams: TeamsUser) -> None:
    body = teams.press(SARA_T, {"action_id": "consultation.gone", "value": "1"}).get_json()

    assert body["value"] == "Sorry: That button is out of date: ask Heard again."


def test_a_social_worker_pressing_accept_is_told_no_and_nothing_changes(
    teams: TeamsUser, fake: FakeBotConnector, session: Session
) -> None:
    consultation_id = request_consultation(teams, fake, session)

    body = teams.press(SARA_T, {"action_id": "consultation.accept", "value": consultation_id})

    assert "Only a Principal Officer" in body.get_json()["value"]
    session.expire_all()
    assert session.scalars(select(Consultation.status)).one() == "waiting"


def test_an_older_cards_action_submit_is_answered_in_the_chat(
    teams: TeamsUser, fake: FakeBotConnector
) -> None:
    teams.send(teams.activity(SARA_T, value={"action_id": "consultation.request", "value": ""}))

    assert "case_reference" in inputs(answered(fake, SARA_T))


def test_an_invoke_without_its_action_is_a_bad_request(teams: TeamsUser) -> None:
    activity = teams.activity(SARA_T, "invoke", name="adaptiveCard/action", value={"x": 1})

    assert teams.send(activity).status_code == 400


def test_a_consultation_requested_in_teams_can_be_accepted_in_slack(
    teams: TeamsUser,
    fake: FakeBotConnector,
    session: Session,
    sessions: sessionmaker[Session],
    teams_settings: Settings,
) -> None:
    consultation_id = request_consultation(teams, fake, session)
    elsewhere = MemoryBot(sessions, teams_settings, now=lambda: NOW)

    reply = elsewhere.press(DANIEL, "consultation.accept", consultation_id)
    deliver(fake, teams_settings, sessions)

    assert not reply.error, reply.text
    assert "Daniel Okafor has accepted" in card_text(answered(fake, SARA_T))


def test_nothing_is_queued_for_a_refused_request(
    teams: TeamsUser, fake: FakeBotConnector, session: Session
) -> None:
    teams.submit(
        SARA_T, request_form(teams, fake), REQUEST_ANSWERS, token=fake.token(expires_in=-3600)
    )

    assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 0
