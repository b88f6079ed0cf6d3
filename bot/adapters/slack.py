"""The Slack adapter: a slack-bolt App whose listeners ack first, then make one command call.

Each listener is bolt's pair of an ack function and a "lazy" one: the ack runs in the request's
own thread and answers Slack at once; the work then runs on a small pool of worker threads,
after the HTTP response has gone. A small pool, because Python runs one thread at a time: more
workers would only take turns with the threads that ack. The work opens its own transaction
from the injected session factory. Slack retries a request it thinks timed out; records made
from forms carry the view id as their idempotency key, and a retry Slack makes only because our
answer was slow is dropped.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ThreadPoolExecutor
from contextlib import contextmanager
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
WORKERS = 2


def build_app(
    settings: Settings,
    factory: sessionmaker[Session],
    *,
    now: Callable[[], datetime] = utcnow,
    executor: Executor | None = None,
    socket_mode: bool = False,
) -> App:
    """Heard's bolt App: one workspace from SLACK_BOT_TOKEN, or OAuth when a client id is set.
    EXECUTOR runs the work after each ack (tests pass one that runs it at once)."""
    if not settings.slack_signing_secret and not socket_mode:
        raise SettingsError("SLACK_SIGNING_SECRET must be set to receive requests from Slack")
    app = App(
        signing_secret=settings.slack_signing_secret,
        request_verification_enabled=True,
        # The ack function runs before the response; the lazy work runs on EXECUTOR after it.
        process_before_response=True,
        listener_executor=executor or ThreadPoolExecutor(WORKERS, thread_name_prefix="slack"),
        # Checked once the signature is, before authorisation spends a Web API call on it.
        before_authorize=drop_retries_of_slow_answers,
        **_installation(settings, factory),
    )
    listeners = Listeners(factory=factory, settings=settings, now=now)
    app.command(COMMANDS)(ack=just_ack, lazy=[listeners.command])
    app.action(ANYTHING)(ack=just_ack, lazy=[listeners.action])
    app.view(ANYTHING)(ack=listeners.check, lazy=[listeners.submission])
    app.event("app_home_opened")(ack=just_ack, lazy=[listeners.home])
    app.error(listeners.failed)
    return app


def just_ack(ack: Ack) -> None:
    """Tell Slack at once that the request arrived; the work follows."""
    ack()


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
    """Bolt's lazy listeners: each answers through bot.commands after the ack, then shows it."""

    def __init__(
        self, *, factory: sessionmaker[Session], settings: Settings, now: Callable[[], datetime]
    ) -> None:
        self.factory, self.settings, self.now = factory, settings, now

    def command(self, body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        """A slash command: /duty, /consult, /checklist, /escalate, /escalations, /heard."""
        with self._reporting(body):
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
            if reply.form is not None:
                self._open(client, body["trigger_id"], reply, body.get("response_url", ""))
            else:
                respond(
                    text=reply.text, blocks=blocks.reply_blocks(reply), response_type="ephemeral"
                )

    def action(self, body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        """A button in a message or on the home tab."""
        with self._reporting(body):
            pressed, user = body["actions"][0], body["user"]["id"]
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
                # Done: the message now shows the new state. Refused: it stays as it was.
                respond(
                    text=reply.text,
                    blocks=blocks.reply_blocks(reply),
                    response_type="ephemeral",
                    replace_original=not reply.ephemeral and not reply.error,
                )
            else:  # a button on the home tab
                self._tell(client, user, "", reply)
                self.home({"user": user}, client)

    def check(self, ack: Ack, view: dict[str, Any]) -> None:
        """A modal's Submit, checked before the ack so that problems show inside the modal."""
        shown = self._problems(view)[1]
        if shown:
            ack(response_action="errors", errors=shown)
        else:
            ack()

    def submission(self, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        """A modal's Submit, once acked: one use case, its answer where the form was opened."""
        with self._reporting(body):
            values, shown, problems = self._problems(view)
            if shown:
                return  # the modal shows them; nothing to do
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
            self._tell(client, user, str(blocks.metadata(view).get("answer_url", "")), reply)

    def _problems(
        self, view: dict[str, Any]
    ) -> tuple[blocks.Values, dict[str, str], dict[str, str]]:
        """The submitted values, the problems the modal can show, and all problems."""
        hidden = blocks.metadata(view).get("hidden", {})
        values = {**blocks.submitted_values(view["state"]["values"]), **hidden}
        problems = check_submission(view["callback_id"], values, self.settings)
        shown = {name: text for name, text in problems.items() if name in view["state"]["values"]}
        return values, shown, problems

    def home(self, event: dict[str, Any], client: WebClient) -> None:
        """The App Home tab: today's duty POs and my open items."""
        if event.get("tab", "home") != "home":
            return
        with self._reporting({}):
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

    @contextmanager
    def _reporting(self, body: dict[str, Any]) -> Iterator[None]:
        # Bolt only logs a lazy function's exception, in a line that quotes it: report it here.
        try:
            yield
        except Exception as failure:
            self.failed(failure, body)

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
