"""A local HTTP server standing in for Microsoft's side of a Teams bot; it records every call.

It serves what the Teams adapter reaches: the OpenID metadata and its signing keys (a JWKS of a
test RSA key), the login endpoint's client-credentials token, and the Bot Connector service that
an activity's serviceUrl names (new conversations and activities). `token` signs an inbound
activity's JWT as the Bot Connector service would, so the code under test checks real tokens.
"""

from __future__ import annotations

import functools
import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlparse

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm
from microsoft_teams.api.auth.cloud_environment import PUBLIC, CloudEnvironment, with_overrides

from tests.bot.local_server import LocalServer

APP_ID = "00000000-0000-0000-0000-00000000a11d"
APP_PASSWORD = "test-app-password"
TENANT_ID = "11111111-2222-3333-4444-555555555555"
ISSUER = PUBLIC.token_issuer  # "https://api.botframework.com", as the real tokens say
BOT_TOKEN = "bot-connector-token"
KID = "heard-test-key"


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@functools.cache
def shared_key() -> rsa.RSAPrivateKey:
    """One key for every fake: making a 2048-bit key takes a noticeable moment."""
    return new_key()


@dataclass(frozen=True)
class Call:
    """One request: its kind ("activity", "conversation", "token", "keys", "metadata")."""

    kind: str
    method: str
    path: str
    body: dict[str, Any]
    authorization: str


@dataclass
class FakeBotConnector(LocalServer):
    """The server. `fail` maps a kind of call to the HTTP status it should answer with;
    `chats` maps a member's id to their 1:1 chat with the bot (Teams has one per person)."""

    key: rsa.RSAPrivateKey = field(default_factory=shared_key)
    chats: dict[str, str] = field(default_factory=dict)
    fail: dict[str, int] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def handler(self) -> type[BaseHTTPRequestHandler]:
        return _handler(self)

    @property
    def service_url(self) -> str:
        """What an activity's serviceUrl says: the Bot Connector service for this chat."""
        return f"{self.base}/teams/"

    @property
    def cloud(self) -> CloudEnvironment:
        """Microsoft's public cloud, with its metadata and login endpoints pointed here."""
        return with_overrides(
            PUBLIC,
            openid_metadata_url=f"{self.base}/v1/.well-known/openidconfiguration",
            login_endpoint=self.base,
        )

    def token(
        self,
        *,
        audience: str = APP_ID,
        issuer: str = ISSUER,
        service_url: str | None = None,
        expires_in: int = 3600,
        key: rsa.RSAPrivateKey | None = None,
    ) -> str:
        """A JWT as the Bot Connector service signs one for an activity it sends us."""
        now = int(time.time())
        claims = {
            "iss": issuer,
            "aud": audience,
            "serviceurl": service_url or self.service_url,
            "nbf": now - 60,
            "iat": now - 60,
            "exp": now + expires_in,
        }
        return jwt.encode(claims, key or self.key, algorithm="RS256", headers={"kid": KID})

    def called(self, kind: str) -> list[Call]:
        with self._lock:
            return [call for call in self.calls if call.kind == kind]

    def record(self, call: Call) -> None:
        with self._lock:
            self.calls.append(call)

    def answer(self, call: Call) -> tuple[int, dict[str, Any]]:
        """The status and JSON body Microsoft's service would send back."""
        if call.kind in self.fail:
            return self.fail[call.kind], {"error": {"code": "Failed", "message": "as asked"}}
        if call.kind == "metadata":
            keys = f"{self.base}/v1/.well-known/keys"
            return 200, {
                "issuer": ISSUER,
                "jwks_uri": keys,
                "id_token_signing_alg_values_supported": ["RS256"],
            }
        if call.kind == "keys":
            jwk = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
            return 200, {"keys": [{**jwk, "kid": KID, "use": "sig", "endorsements": ["msteams"]}]}
        if call.kind == "token":
            return self._token(call)
        if call.authorization != f"Bearer {BOT_TOKEN}":
            return 401, {"error": {"code": "Unauthorized", "message": "bad bot token"}}
        if call.kind == "conversation":
            member = call.body.get("members", [{}])[0].get("id", "")
            return 201, {"id": self.chats.get(member, f"a:personal-{member}")}
        return 201, {"id": f"activity-{next(self._ids)}"}

    def _token(self, call: Call) -> tuple[int, dict[str, Any]]:
        good = (
            call.body.get("client_id") == APP_ID and call.body.get("client_secret") == APP_PASSWORD
        )
        if not good:
            return 401, {"error": "invalid_client"}
        return 200, {"token_type": "Bearer", "expires_in": 3600, "access_token": BOT_TOKEN}

    def activities(self) -> list[dict[str, Any]]:
        """Every activity the bot sent, with the conversation it went to as "conversation"."""
        found = []
        for call in self.called("activity"):
            conversation = call.path.split("/v3/conversations/", 1)[1].split("/", 1)[0]
            found.append({**call.body, "conversation": conversation})
        return found

    def cards(self, conversation: str | None = None) -> list[dict[str, Any]]:
        """The Adaptive Cards the bot sent (to CONVERSATION, if given), oldest first."""
        return [
            attachment["content"]
            for activity in self.activities()
            if conversation is None or activity["conversation"] == conversation
            for attachment in activity.get("attachments", [])
        ]


def _kind(path: str) -> str:
    if path.endswith("/openidconfiguration"):
        return "metadata"
    if path.endswith("/keys"):
        return "keys"
    if path.endswith("/oauth2/v2.0/token"):
        return "token"
    if path.rstrip("/").endswith("/v3/conversations"):
        return "conversation"
    return "activity"


def _handler(fake: FakeBotConnector) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            self._handle()

        def do_POST(self) -> None:
            self._handle()

        def do_PUT(self) -> None:
            self._handle()

        def _handle(self) -> None:
            path = urlparse(self.path).path
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode() if length else ""
            call = Call(
                _kind(path), self.command, path, _body(raw), self.headers.get("Authorization", "")
            )
            fake.record(call)
            status, answer = fake.answer(call)
            data = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # quiet: pytest shows the calls when a test fails

    return Handler


def _body(raw: str) -> dict[str, Any]:
    """A request's JSON body, or its form-encoded fields (the token request)."""
    if raw.startswith("{"):
        return dict(json.loads(raw))
    return {key: values[0] for key, values in parse_qs(raw).items()}
