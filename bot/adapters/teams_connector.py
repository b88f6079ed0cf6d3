"""The seam to Microsoft Teams: inbound tokens checked, messages sent, and the outbox's Teams port.

Built from the Teams SDK for Python's pieces rather than its `App`: the App hosts itself on
FastAPI/uvicorn with its own event loop, while Heard is one Flask (WSGI) application with one
transaction per request. So a thin Flask view uses the SDK's JWT validator (issuer, audience,
expiry, RS256 signature against the keys named by the OpenID metadata, and the serviceurl claim),
its activity and card models, and its Bot Connector clients; each async SDK call runs to
completion in `asyncio.run`, with an HTTP client of its own that is closed before it returns.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
import warnings
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeVar

import httpx
import jwt
from microsoft_teams.api import Account, ClientCredentials
from microsoft_teams.api.activities import MessageActivityInput
from microsoft_teams.api.auth.cloud_environment import PUBLIC, CloudEnvironment
from microsoft_teams.api.clients.bot.token_client import BotTokenClient
from microsoft_teams.api.clients.conversation import ConversationClient, CreateConversationParams
from microsoft_teams.api.models import Attachment
from microsoft_teams.common import Client, ClientOptions
from microsoft_teams.common.experimental import ExperimentalWarning
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.adapters.teams_cards import Card, notice_card
from bot.notices import recipient_email
from heard.db import make_engine, session_factory
from heard.models import Officer
from heard.notify import DeliveryError
from heard.settings import Settings

with warnings.catch_warnings():
    # The apps package announces a preview HTML widget at import; Heard does not use it.
    warnings.simplefilter("ignore", ExperimentalWarning)
    from microsoft_teams.apps.auth.token_validator import JwtValidationOptions, TokenValidator

logger = logging.getLogger(__name__)

CARD = "application/vnd.microsoft.card.adaptive"
PROACTIVE_SERVICE_URL = "https://smba.trafficmanager.net/teams/"  # the SDK's default, too
_REFRESH_BEFORE = 300  # seconds: a token about to expire is renewed first
_T = TypeVar("_T")


class Unauthorized(Exception):
    """The request's token is missing, forged, expired, or for another bot."""


class AuthUnavailable(Exception):
    """The OpenID metadata or its signing keys could not be fetched: nothing can be checked."""


class BotAuth:
    """Checks the Bot Framework JWT on each inbound activity; keys are fetched once and cached."""

    def __init__(self, *, app_id: str, cloud: CloudEnvironment = PUBLIC) -> None:
        self.app_id, self.cloud = app_id, cloud
        self._validator: TokenValidator | None = None
        self._lock = threading.Lock()

    def check(self, authorization: str, *, service_url: str) -> dict[str, Any]:
        """The token's claims, or Unauthorized; the token must name SERVICE_URL."""
        scheme, _, token = authorization.partition(" ")
        if scheme != "Bearer" or not token or not self.app_id:
            raise Unauthorized("no bearer token")
        if not service_url:
            raise Unauthorized("the activity names no serviceUrl")
        try:
            return asyncio.run(self.validator().validate_token(token, service_url))
        except jwt.PyJWKClientConnectionError as failure:
            raise AuthUnavailable(type(failure).__name__) from None
        except jwt.PyJWTError as failure:
            raise Unauthorized(str(failure)) from None

    def validator(self) -> TokenValidator:
        with self._lock:
            if self._validator is None:
                options = JwtValidationOptions(
                    valid_issuers=[self.cloud.token_issuer],
                    valid_audiences=[self.app_id],
                    jwks_uri=self._jwks_uri(),
                )
                self._validator = TokenValidator(options)
            return self._validator

    def _jwks_uri(self) -> str:
        try:
            response = httpx.get(self.cloud.openid_metadata_url, timeout=10)
            response.raise_for_status()
            return str(response.json()["jwks_uri"])
        except (httpx.HTTPError, ValueError, KeyError) as failure:
            raise AuthUnavailable(f"OpenID metadata: {type(failure).__name__}") from None


class Connector:
    """Sends activities through the Bot Connector service with the bot's own token."""

    def __init__(
        self,
        *,
        app_id: str,
        password: str,
        tenant_id: str = "",
        cloud: CloudEnvironment = PUBLIC,
        timeout: float = 10.0,
    ) -> None:
        self.app_id, self.tenant_id, self.cloud, self.timeout = app_id, tenant_id, cloud, timeout
        self._credentials = ClientCredentials(
            client_id=app_id, client_secret=password, tenant_id=tenant_id or None
        )
        self._token: tuple[str, float] | None = None
        self._lock = threading.Lock()

    def send(self, service_url: str, conversation_id: str, card: Card, *, summary: str) -> str:
        """Post CARD to the conversation; the new activity's id."""

        async def work(conversations: ConversationClient) -> str:
            sent = await conversations.create_activity(conversation_id, _message(card, summary))
            return str(sent.id)

        return self._run(service_url, work)

    def open_personal(self, service_url: str, user_id: str) -> str:
        """The 1:1 conversation between the bot and USER_ID (Teams returns it if it exists)."""
        if not self.tenant_id:
            raise DeliveryError(
                "Teams: TEAMS_TENANT_ID must be set to message people", permanent=True
            )
        params = CreateConversationParams(
            members=[Account(id=user_id)],
            tenant_id=self.tenant_id,
            channel_data={"tenant": {"id": self.tenant_id}},
        )

        async def work(conversations: ConversationClient) -> str:
            return str((await conversations.create(params)).id)

        return self._run(service_url, work)

    def _run(self, service_url: str, work: Callable[[ConversationClient], Awaitable[_T]]) -> _T:
        async def run() -> _T:
            client = Client(ClientOptions(token=self._bearer, timeout=self.timeout))
            try:
                return await work(ConversationClient(service_url, client))
            finally:
                await client.http.aclose()

        try:
            return asyncio.run(run())
        except httpx.HTTPStatusError as failure:
            status = failure.response.status_code
            retry = status in (408, 429) or status >= 500
            raise DeliveryError(f"Teams: HTTP {status}", permanent=not retry) from None
        except httpx.HTTPError as failure:
            raise DeliveryError(
                f"Teams unreachable ({type(failure).__name__})", permanent=False
            ) from None

    async def _bearer(self) -> str:
        """The bot's token from the login endpoint, reused until shortly before it expires."""
        with self._lock:
            if self._token and self._token[1] > time.monotonic():
                return self._token[0]
        # The SDK's own client-credentials request to the cloud's login endpoint. Its App uses
        # MSAL instead, which insists on an https authority and so cannot meet a local fake.
        tokens = BotTokenClient(ClientOptions(timeout=self.timeout), cloud=self.cloud)
        try:
            answer = await tokens.get(self._credentials)
        finally:
            await tokens.http.http.aclose()
        with self._lock:
            expires = time.monotonic() + max(answer.expires_in - _REFRESH_BEFORE, 60)
            self._token = (answer.access_token, expires)
        return answer.access_token


def _message(card: Card, summary: str) -> MessageActivityInput:
    # The card carries the text; the summary is what a notification or the chat list shows.
    attachment = Attachment(content_type=CARD, content=card)
    # `summary` is a Bot Framework activity field the SDK's input model leaves to extra fields.
    return MessageActivityInput.model_validate(
        {"summary": summary[:200], "attachments": [attachment]}
    )


def teams_ids(factory: sessionmaker[Session]) -> Callable[[str], str | None]:
    """A lookup of an active officer's Teams id by email, one short session per call."""

    def lookup(email: str) -> str | None:
        with factory() as session:
            return session.scalar(
                select(Officer.teams_user_id).where(
                    func.lower(Officer.email) == email.lower(), Officer.active.is_(True)
                )
            )

    return lookup


def parse_channels(text: str) -> dict[str, str]:
    """'#cp-duty=19:a@thread.tacv2;#cp-service=19:b@thread.tacv2' as a mapping."""
    pairs = (item.partition("=") for item in text.split(";") if item.strip())
    return {name.strip(): conversation.strip() for name, _, conversation in pairs if conversation}


class TeamsChat:
    """The outbox's Teams port: an officer gets a 1:1 message, a channel its configured chat."""

    def __init__(
        self,
        connector: Connector,
        *,
        teams_id_of: Callable[[str], str | None],
        channels: Mapping[str, str],
        service_url: str = PROACTIVE_SERVICE_URL,
    ) -> None:
        self.connector, self.teams_id_of = connector, teams_id_of
        self.channels, self.service_url = dict(channels), service_url

    def post(
        self,
        *,
        channel: str,
        text: str,
        blocks: list[dict[str, Any]] | None = None,
        actions: list[dict[str, Any]] | None = None,
        card: dict[str, Any] | None = None,
    ) -> None:
        """Post TEXT (and its buttons) as a card to a channel or to an officer's personal chat;
        CARD, when given (the digest's, with its charts), is sent instead."""
        conversation = self._conversation(channel)
        summary = text.split("\n", 1)[0]
        self.connector.send(
            self.service_url, conversation, card or notice_card(text, actions), summary=summary
        )

    def _conversation(self, recipient: str) -> str:
        email = recipient_email(recipient)
        if email is None:
            found = self.channels.get(recipient) or (
                recipient if recipient.startswith("19:") else ""
            )
            if not found:
                raise DeliveryError(f"Teams: no channel set for {recipient[:40]}", permanent=True)
            return found
        teams_id = self.teams_id_of(email)
        if not teams_id:
            raise DeliveryError("Teams: the officer has no Teams id", permanent=True)
        return self.connector.open_personal(self.service_url, teams_id)


def connector_for(settings: Settings, cloud: CloudEnvironment = PUBLIC) -> Connector:
    return Connector(
        app_id=settings.teams_app_id,
        password=settings.teams_app_password,
        tenant_id=settings.teams_tenant_id,
        cloud=cloud,
    )


def teams_chat(settings: Settings, factory: sessionmaker[Session] | None = None) -> TeamsChat:
    """The Teams chat port for SETTINGS; officers are looked up in SETTINGS' database."""
    if factory is None:
        factory = session_factory(make_engine(settings.database_url))
    # TEAMS_CHANNELS and TEAMS_SERVICE_URL are read when the settings module has them.
    channels = parse_channels(str(getattr(settings, "teams_channels", "") or ""))
    service_url = str(getattr(settings, "teams_service_url", "") or PROACTIVE_SERVICE_URL)
    return TeamsChat(
        connector_for(settings),
        teams_id_of=teams_ids(factory),
        channels=channels,
        service_url=service_url,
    )
