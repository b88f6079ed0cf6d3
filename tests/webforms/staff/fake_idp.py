"""A local OpenID Connect provider standing in for Microsoft Entra ID in the sign-in tests.

It serves the discovery document, its signing keys (a JWKS of a test RSA key) and the token
endpoint. The test plays the browser: it reads the authorize URL the app redirected to, asks
`code_for(...)` for the code the provider would have sent back for a given person, and follows
the callback. `tamper` makes the next id_token wrong in one way (signed with another key, for
another audience, with another nonce, from another issuer) so the app's checks are exercised.
"""

from __future__ import annotations

import base64
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from tests.bot.fake_bot_connector import new_key, shared_key
from tests.bot.local_server import LocalServer

CLIENT_ID = "heard-staff-test-client"
CLIENT_SECRET = "heard-staff-test-secret"
KID = "fake-idp-key"


@dataclass(frozen=True)
class Person:
    """Who signs in at the provider: Entra's `sub` (stable per app) and their work email."""

    subject: str
    email: str


@dataclass
class FakeIdentityProvider(LocalServer):
    key: rsa.RSAPrivateKey = field(default_factory=shared_key)
    # "", "signature", "audience", "audience-with-azp", "nonce" or "issuer"
    tamper: str = ""
    token_requests: list[dict[str, str]] = field(default_factory=list)
    _codes: dict[str, tuple[Person, dict[str, str]]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def handler(self) -> type[BaseHTTPRequestHandler]:
        return _handler(self)

    @property
    def issuer(self) -> str:
        return f"{self.base}/tenant/v2.0"

    @property
    def authorize_url(self) -> str:
        return f"{self.base}/tenant/oauth2/v2.0/authorize"

    def discovery(self) -> dict[str, Any]:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": self.authorize_url,
            "token_endpoint": f"{self.base}/tenant/oauth2/v2.0/token",
            "jwks_uri": f"{self.base}/tenant/discovery/v2.0/keys",
            "response_types_supported": ["code"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": ["openid", "email", "profile"],
        }

    def jwks(self) -> dict[str, Any]:
        jwk = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**jwk, "kid": KID, "use": "sig", "alg": "RS256"}]}

    def code_for(self, authorize_redirect: str, person: Person) -> str:
        """The code the provider sends back once PERSON has signed in at AUTHORIZE_REDIRECT."""
        query = {k: v[0] for k, v in parse_qs(urlparse(authorize_redirect).query).items()}
        code = secrets.token_urlsafe(16)
        with self._lock:
            self._codes[code] = (person, query)
        return code

    def token(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        with self._lock:
            self.token_requests.append(form)
            found = self._codes.pop(form.get("code", ""), None)
        if found is None:
            return 400, {"error": "invalid_grant"}
        person, asked = found
        client_ok = (
            form.get("client_id") == CLIENT_ID and form.get("client_secret") == CLIENT_SECRET
        )
        if not client_ok or form.get("redirect_uri") != asked.get("redirect_uri"):
            return 401, {"error": "invalid_client"}
        return 200, {
            "token_type": "Bearer",
            "expires_in": 3600,
            "access_token": secrets.token_urlsafe(24),
            "id_token": self.id_token(person, nonce=asked.get("nonce", "")),
        }

    def id_token(self, person: Person, *, nonce: str) -> str:
        now = int(time.time())
        claims = {
            "iss": "https://elsewhere.example/v2.0" if self.tamper == "issuer" else self.issuer,
            "aud": "someone-elses-app" if self.tamper.startswith("audience") else CLIENT_ID,
            "sub": person.subject,
            "email": person.email,
            "preferred_username": person.email,
            "name": person.email.split("@")[0],
            "nonce": "a-replayed-nonce" if self.tamper == "nonce" else nonce,
            # A token minted for another app that names us as its authorised party: only a
            # client that checks `aud` itself refuses it (azp alone does not make it ours).
            **({"azp": CLIENT_ID} if self.tamper == "audience-with-azp" else {}),
            "iat": now,
            "nbf": now,
            "exp": now + 3600,
        }
        key = new_key() if self.tamper == "signature" else self.key
        return jwt.encode(claims, key, algorithm="RS256", headers={"kid": KID})

    def answer(self, method: str, path: str, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        if path.endswith("/.well-known/openid-configuration"):
            return 200, self.discovery()
        if path.endswith("/keys"):
            return 200, self.jwks()
        if path.endswith("/token") and method == "POST":
            return self.token(form)
        return 404, {"error": "not_found"}


def _handler(fake: FakeIdentityProvider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            self._handle()

        def do_POST(self) -> None:
            self._handle()

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode() if length else ""
            form = {k: v[0] for k, v in parse_qs(raw).items()}
            basic = self.headers.get("Authorization", "")
            if basic.startswith("Basic "):  # client_secret_basic, Authlib's default
                client_id, _, secret = base64.b64decode(basic[6:]).decode().partition(":")
                form |= {"client_id": unquote(client_id), "client_secret": unquote(secret)}
            status, body = fake.answer(self.command, urlparse(self.path).path, form)
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # keep test output quiet

    return Handler
