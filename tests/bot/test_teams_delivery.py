"""Heard's Teams chat port: proactive notices through the Bot Connector (faked locally), the
failures worth trying again and the permanent ones, and the Adaptive Cards Heard draws."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from microsoft_teams.cards import AdaptiveCard
from sqlalchemy.orm import Session

from bot import commands_forms
from bot.adapters.teams_cards import form_card, notice_card, reply_card, submitted_values
from bot.adapters.teams_connector import (
    PROACTIVE_SERVICE_URL,
    TeamsChat,
    connector_for,
)
from bot.notices import Action
from bot.render import Reply, Section
from heard.notify import DeliveryError, make_chat
from heard.settings import Settings
from tests.bot.fake_bot_connector import APP_ID, APP_PASSWORD, FakeBotConnector
from tests.bot.helpers_chat import ChatCast, chat_cast
from tests.bot.helpers_teams import buttons, card_text, chat, teams_settings
from webforms import teams as teams_endpoint


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


def test_the_teams_chat_posts_a_channel_notice_to_its_configured_conversation(
    fake: FakeBotConnector, teams_settings: Settings, sessions: Any
) -> None:
    port = chat(fake, teams_settings, sessions, cp_service="19:service@thread.tacv2")

    port.post(channel="#cp-service", text="Duty this week\n\nAmira, Daniel")

    [card] = fake.cards("19:service@thread.tacv2")
    assert card_text(card) == "Duty this week\nAmira, Daniel"
    assert fake.activities()[0]["summary"] == "Duty this week"


def test_a_card_given_with_the_post_is_sent_in_place_of_the_plain_notice(
    fake: FakeBotConnector, teams_settings: Settings, sessions: Any
) -> None:
    port = chat(fake, teams_settings, sessions, cp_managers="19:managers@thread.tacv2")
    digest = {
        "type": "AdaptiveCard",
        "version": "1.5",
        "body": [
            {"type": "TextBlock", "text": "Heard digest: October 2026"},
            {"type": "Image", "url": "https://heard.test/digest-charts/x.png", "altText": "Chart"},
        ],
    }

    port.post(channel="#cp-managers", text="Heard digest: October 2026", card=digest)

    [card] = fake.cards("19:managers@thread.tacv2")
    assert card["body"][1]["url"] == "https://heard.test/digest-charts/x.png"
    assert fake.activities()[0]["summary"] == "Heard digest: October 2026"


def test_a_channel_with_no_teams_conversation_is_a_permanent_failure(
    fake: FakeBotConnector, teams_settings: Settings, sessions: Any
) -> None:
    with pytest.raises(DeliveryError) as failed:
        chat(fake, teams_settings, sessions).post(channel="#cp-duty", text="Hello")

    assert failed.value.permanent and fake.calls == []


def test_an_officer_without_a_teams_id_is_a_permanent_failure(
    fake: FakeBotConnector, teams_settings: Settings, sessions: Any, cast: ChatCast
) -> None:
    with pytest.raises(DeliveryError) as failed:
        chat(fake, teams_settings, sessions).post(channel="officer:mo.khan@example.org", text="Hi")

    assert failed.value.permanent


def test_the_connector_being_down_is_a_failure_worth_trying_again(
    fake: FakeBotConnector, teams_settings: Settings, sessions: Any
) -> None:
    fake.fail["activity"] = 503
    port = chat(fake, teams_settings, sessions, cp_duty="19:duty@thread.tacv2")

    with pytest.raises(DeliveryError) as failed:
        port.post(channel="#cp-duty", text="Hello")

    assert not failed.value.permanent


def test_a_wrong_app_password_is_a_permanent_failure(
    fake: FakeBotConnector, teams_settings: Settings, sessions: Any
) -> None:
    wrong = teams_settings.with_(teams_app_password="wrong")
    port = chat(fake, wrong, sessions, cp_duty="19:duty@thread.tacv2")

    with pytest.raises(DeliveryError) as failed:
        port.post(channel="#cp-duty", text="Hello")

    assert failed.value.permanent and fake.called("activity") == []


def test_teams_being_unreachable_is_a_failure_worth_trying_again(
    teams_settings: Settings, sessions: Any
) -> None:
    port = TeamsChat(
        connector_for(teams_settings),
        teams_id_of=lambda email: None,
        channels={"#cp-duty": "19:duty@thread.tacv2"},
        service_url="http://127.0.0.1:9/teams/",
    )
    port.connector._token = ("cached", float("inf"))  # no login call: straight to the service

    with pytest.raises(DeliveryError) as failed:
        port.post(channel="#cp-duty", text="Hello")

    assert not failed.value.permanent


def test_the_endpoint_is_served_only_with_an_app_id_and_password(settings: Settings) -> None:
    assert not teams_endpoint.enabled(settings)
    assert not teams_endpoint.enabled(settings.with_(teams_app_id=APP_ID))
    assert teams_endpoint.enabled(
        settings.with_(teams_app_id=APP_ID, teams_app_password=APP_PASSWORD)
    )


def test_the_chat_registry_builds_the_teams_adapter(teams_settings: Settings) -> None:
    port = make_chat(teams_settings.with_(chat_adapter="teams"))

    assert isinstance(port, TeamsChat)
    assert port.service_url == PROACTIVE_SERVICE_URL


def test_every_card_heard_draws_is_one_teams_accepts() -> None:
    reply = Reply(
        text="Your open consultations",
        fields=(("Case", "CP-1001"),),
        sections=(Section("Consultation 1", ("Free after 2pm",), (Action("a.b", "1", "Go"),)),),
        actions=(Action("c.d", "2", "Stop", "danger"),),
    )
    form = commands_forms.build(commands_forms.ESCALATE, Settings(), {"escalation_id": "3"})

    for card in (reply_card(reply), form_card(form, key="k"), notice_card("Hi", [])):
        assert (
            AdaptiveCard.model_validate(card).model_dump(by_alias=True, exclude_none=True) == card
        )


def test_text_from_people_is_never_read_as_markdown() -> None:
    card = reply_card(Reply(text="Free: [call me](https://evil.example) **now**"))

    [run] = card["body"][0]["inlines"]
    assert run["type"] == "TextRun" and run["text"].startswith("Free: [call me]")


def test_a_multi_select_is_sent_back_as_one_comma_separated_string() -> None:
    form = commands_forms.build(commands_forms.REQUEST, Settings(), {"site_id": "2"})

    values = submitted_values(form, {"prevalent_issues": "domestic_abuse,neglect", "hidden": {}})

    assert values["prevalent_issues"] == ["domestic_abuse", "neglect"]
    assert values["case_reference"] == ""
    assert "site_id" not in values  # hidden ids come from the card's data, not from the form


def test_buttons_carry_the_action_id_and_value_and_keep_their_style() -> None:
    card = notice_card(
        "Offer",
        [{"action_id": "consultation.accept", "value": "7", "label": "Accept", "style": "primary"}],
    )

    [accept] = buttons(card)
    assert accept["verb"] == "consultation.accept" and accept["style"] == "positive"
    assert accept["data"] == {"action_id": "consultation.accept", "value": "7"}
