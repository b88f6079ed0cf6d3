"""The Slack adapter: a slack-bolt App whose listeners ack first, then make one command call.

Bolt runs a listener on a worker thread after the HTTP response has gone (unless
process_before_response), so every listener opens its own transaction from the injected session
factory. Slack retries a request it thinks timed out; records made from forms carry the view id
as their idempotency key, and a retry Slack makes only because our answer was slow is dropped.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from slack_bolt import Ack, App, BoltResponse, Respond
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_bolt.request import BoltRequest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from slack_sdk.webhook import WebhookClient
from sqlalchemy.orm import Session, sessionmaker

from bot.adapters import answer
from bot.adapters import slack_blocks as blocks
from bot.commands import handle_action, handle_command, handle_home, handle_submission
from bot.commands_submissions import check_submission
from bot.identity import Stranger, find_officer, link_slack_user
from bot.render import Reply, error
from heard.clock import utcnow
from heard.models import Officer
from heard.settings import Settings, SettingsError

logger = logging.getLogger(__name__)

COMMANDS = re.compile(r"^/(duty|consult|checklist|escalate|escalations|heard)$")
ANYTHING = re.compile(r".+")
SCOPES = ("commands", "chat:write", "im:write", "users:read", "users:read.email")
FAILED = "Sorry, Heard could not do that just now. Please try again in a minute."


def build_app(
    settings: Settings,
    factory: sessionmaker[Session],
    *,
    now: Callable[[], datetime] = utcnow,
    process_before_response: bool = False,
    socket_mode: bool = False,
) -> App:
    """Heard's bolt App: one workspace from SLACK_BOT_TOKEN, or OAuth when a client id is set."""
    if not settings.slack_signing_secret and not socket_mode:
        raise SettingsError("SLACK_SIGNING_SECRET must be set to receive requests from Slack")
    app = App(
        signing_secret=settings.slack_signing_secret,
        request_verification_enabled=True,
        process_before_response=process_before_response,
        # Checked once the signature is, before authorisation spends a Web API call on it.
        before_authorize=drop_retries_of_slow_answers,
        **_installation(settings, factory),
    )
    listeners = Listeners(factory=factory, settings=settings, now=now)
    app.command(COMMANDS)(listeners.command)
    app.action(ANYTHING)(listeners.action)
    app.view(ANYTHING)(listeners.submission)
    app.event("app_home_opened")(listeners.home)
    app.error(listeners.failed)
    return app


def oauth_enabled(settings: Settings) -> bool:
    return bool(settings.slack_client_id and settings.slack_client_secret)


def _installation(settings: Settings, factory: sessionmaker[Session]) -> dict[str, Any]:
    client = WebClient(token=settings.slack_bot_token or None, base_url=settings.slack_api_url)
    if not oauth_enabled(settings):
        if not settings.slack_bot_token:
            raise SettingsError("SLACK_BOT_TOKEN (or SLACK_CLIENT_ID and SECRET) must be set")
        # auth.test runs on the first request instead of at start-up: no network call here.
        return {"client": client, "token_verification_enabled": False}
    engine = factory.kw["bind"]
    store = SQLAlchemyInstallationStore(client_id=settings.slack_client_id, engine=engine)
    oauth = OAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        scopes=list(SCOPES),
        installation_store=store,
        state_store=SQLAlchemyOAuthStateStore(expiration_seconds=600, engine=engine),
        install_path="/slack/install",
        redirect_uri_path="/slack/oauth_redirect",
        # Straight to Slack's consent page: our CSP would block the default page's styles.
        install_page_rendering_enabled=False,
    )
    return {"client": WebClient(base_url=settings.slack_api_url), "oauth_settings": oauth}


def drop_retries_of_slow_answers(request: BoltRequest, next: Callable[[], Any]) -> Any:
    """Slack retries when our answer took over 3 s: the first request is still being worked on."""
    retry = request.headers.get("x-slack-retry-num", [""])[0]
    reason = request.headers.get("x-slack-retry-reason", [""])[0]
    if retry and reason == "http_timeout":
        return BoltResponse(status=200, body="", headers={"X-Slack-No-Retry": "1"})
    # Other retries (our server failed) are worked on again: forms carry idempotency keys.
    return next()


class Listeners:
    """Bolt listeners. Each acks first, answers through bot.commands, then shows the Reply."""

    def __init__(
        self, *, factory: sessionmaker[Session], settings: Settings, now: Callable[[], datetime]
    ) -> None:
        self.factory, self.settings, self.now = factory, settings, now

    def command(self, ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        """A slash command: /duty, /consult, /checklist, /escalate, /escalations, /heard."""
        ack()
        reply = self._answer(
            client,
            body["user_id"],
            lambda session, officer: handle_command(
                session,
                officer=officer,
                command=body["command"],
                text=body.get("text", ""),
                now=self.now(),
                settings=self.settings,
            ),
        )
        answer_url = body.get("response_url", "")
        if reply.form is not None:
            self._open(client, body["trigger_id"], reply, answer_url)
        else:
            respond(text=reply.text, blocks=blocks.reply_blocks(reply), response_type="ephemeral")

    def action(self, ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        """A button in a message or on the home tab."""
        ack()
        pressed = body["actions"][0]
        user = body["user"]["id"]
        reply = self._answer(
            client,
            user,
            lambda session, officer: handle_action(
                session,
                officer=officer,
                action_id=blocks.action_id(pressed.get("action_id", "")),
                value=str(pressed.get("value", "")),
                now=self.now(),
                settings=self.settings,
            ),
        )
        answer_url = body.get("response_url", "")
        if reply.form is not None:
            self._open(client, body["trigger_id"], reply, answer_url)
        elif answer_url:
            # Done: the message now shows the new state. Refused: the message stays as it was.
            replace = not reply.ephemeral and not reply.error
            respond(
                text=reply.text,
                blocks=blocks.reply_blocks(reply),
                response_type="ephemeral",
                replace_original=replace,
            )
        else:
            self._tell(client, user, "", reply)
            self.home({"user": user}, client)

    def submission(
        self, ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient
    ) -> None:
        """A modal's Submit: checked before the ack, so problems show inside the modal."""
        meta = blocks.metadata(view)
        values = {**blocks.submitted_values(view["state"]["values"]), **meta.get("hidden", {})}
        problems = check_submission(view["callback_id"], values, self.settings)
        shown = {name: text for name, text in problems.items() if name in values}
        if shown:
            ack(response_action="errors", errors=shown)
            return
        ack()
        user = body["user"]["id"]
        reply = (
            error(next(iter(problems.values())))
            if problems
            else self._answer(
                client,
                user,
                lambda session, officer: handle_submission(
                    session,
                    officer=officer,
                    form=view["callback_id"],
                    values=values,
                    now=self.now(),
                    settings=self.settings,
                    idempotency_key=f"slack:view:{view['id']}",
                ),
            )
        )
        self._tell(client, user, str(meta.get("answer_url", "")), reply)

    def home(self, event: dict[str, Any], client: WebClient) -> None:
        """The App Home tab: today's duty POs and my open items."""
        if event.get("tab", "home") != "home":
            return
        user = event["user"]
        reply = self._answer(
            client,
            user,
            lambda session, officer: handle_home(
                session, officer=officer, now=self.now(), settings=self.settings
            ),
        )
        client.views_publish(user_id=user, view=blocks.home_view(reply))

    def failed(self, error: Exception, body: dict[str, Any]) -> None:
        """Anything unexpected: log where (never what was sent) and say sorry."""
        logger.error("slack listener failed: %s", type(error).__name__, exc_info=error)
        answer_url = body.get("response_url") if isinstance(body, dict) else None
        if answer_url:
            WebhookClient(answer_url).send(text=FAILED, response_type="ephemeral")

    def _answer(
        self, client: WebClient, user: str, work: Callable[[Session, Officer], Reply]
    ) -> Reply:
        return answer(self.factory, lambda session: self._officer(session, client, user), work)

    def _officer(self, session: Session, client: WebClient, user: str) -> Officer:
        """The officer with this Slack id; else the one with the email Slack has verified."""
        try:
            return find_officer(session, slack_user_id=user)
        except Stranger:
            email = _email_of(client, user)
            if not email:
                raise
            return link_slack_user(session, email=email, slack_user_id=user)

    def _open(self, client: WebClient, trigger_id: str, reply: Reply, answer_url: str) -> None:
        assert reply.form is not None
        meta = {"hidden": dict(reply.form.hidden), "answer_url": answer_url}
        client.views_open(trigger_id=trigger_id, view=blocks.modal(reply.form, meta))

    def _tell(self, client: WebClient, user: str, answer_url: str, reply: Reply) -> None:
        """Answer where the person asked (the command's response URL), else in a direct message."""
        shown = blocks.reply_blocks(reply)
        if answer_url:
            WebhookClient(answer_url).send(text=reply.text, blocks=shown, response_type="ephemeral")
        else:
            client.chat_postMessage(channel=user, text=reply.text, blocks=shown)


def _email_of(client: WebClient, user: str) -> str:
    """The email on the user's Slack profile (Slack verifies it), or "" when it cannot be read."""
    try:
        profile = client.users_info(user=user)["user"].get("profile", {})
    except (SlackApiError, KeyError, TypeError):
        return ""
    return str(profile.get("email") or "")
