from __future__ import annotations

from webforms.app import create_app


def routes(app) -> set[str]:
    return {rule.rule for rule in app.url_map.iter_rules()}


def test_slack_and_teams_endpoints_exist_only_when_configured(settings, engine):
    bare = routes(create_app(settings, engine=engine))
    assert "/slack/events" not in bare and "/teams/messages" not in bare
    configured = settings.with_(
        slack_bot_token="xoxb-test",
        slack_signing_secret="s" * 32,
        teams_app_id="00000000-0000-0000-0000-000000000000",
        teams_app_password="secret",
    )
    wired = routes(create_app(configured, engine=engine))
    assert {"/slack/events", "/teams/messages"} <= wired


def test_every_public_and_chat_route_is_known(settings, engine):
    found = routes(create_app(settings, engine=engine))
    assert {"/", "/healthz", "/f/<token>", "/code", "/feedback", "/feedback/open"} <= found
    assert {"/calendar/site/<int:site_id>.ics", "/calendar/officer/<int:officer_id>.ics"} <= found
