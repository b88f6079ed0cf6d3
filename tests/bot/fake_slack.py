"""A local HTTP server standing in for Slack's Web API and response URLs; it records every call.

Modelled on bolt-python's tests/mock_web_api_server: a real server on 127.0.0.1 that slack_sdk's
WebClient talks to through `base_url`, so the code under test makes real HTTP calls.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlparse

from tests.bot.local_server import LocalServer

BOT_USER = "UBOT"


@dataclass(frozen=True)
class Call:
    """One request: the Web API method ("chat.postMessage") or "response" for a response URL."""

    method: str
    path: str
    body: dict[str, Any]
    authorization: str


@dataclass
class FakeSlack(LocalServer):
    """The server. `users` maps Slack ids to emails; `fail` maps a method to its error code."""

    users: dict[str, str] = field(default_factory=dict)
    fail: dict[str, str] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def handler(self) -> type[BaseHTTPRequestHandler]:
        return _handler(self)

    @property
    def api_url(self) -> str:
        return f"{self.base}/api/"

    def response_url(self, name: str) -> str:
        return f"{self.base}/response/{name}"

    def called(self, method: str) -> list[Call]:
        with self._lock:
            return [call for call in self.calls if call.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 3.0) -> list[Call]:
        """The calls of METHOD once there are COUNT of them (bolt may still be working)."""
        deadline = time.monotonic() + timeout
        while len(found := self.called(method)) < count and time.monotonic() < deadline:
            time.sleep(0.01)
        return found

    def record(self, call: Call) -> None:
        with self._lock:
            self.calls.append(call)

    def answer(self, call: Call) -> tuple[int, dict[str, Any]]:
        """The status and JSON body Slack would send back."""
        if call.method in self.fail:
            error = self.fail[call.method]
            return (429 if error == "ratelimited" else 200), {"ok": False, "error": error}
        if call.method == "response":
            return 200, {"ok": True}
        if not call.authorization.startswith("Bearer xoxb-"):
            return 200, {"ok": False, "error": "invalid_auth"}
        return 200, self._ok(call)

    def _ok(self, call: Call) -> dict[str, Any]:
        body = call.body
        if call.method == "auth.test":
            return {
                "ok": True,
                "team_id": "T1",
                "user_id": BOT_USER,
                "bot_id": "B1",
                "team": "Heard",
            }
        if call.method == "users.info":
            email = self.users.get(str(body.get("user")))
            if email is None:
                return {"ok": False, "error": "user_not_found"}
            return {"ok": True, "user": {"id": body["user"], "profile": {"email": email}}}
        if call.method == "users.lookupByEmail":
            found = [user for user, email in self.users.items() if email == body.get("email")]
            return {"ok": True, "user": {"id": found[0]}} if found else _error("users_not_found")
        if call.method == "chat.postMessage":
            return {"ok": True, "channel": body.get("channel"), "ts": f"{time.time():.6f}"}
        if call.method.startswith("views."):
            return {"ok": True, "view": {"id": f"V{len(self.calls)}", **(body.get("view") or {})}}
        return {"ok": True}


def _error(code: str) -> dict[str, Any]:
    return {"ok": False, "error": code}


def _handler(fake: FakeSlack) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            self._handle()

        def do_POST(self) -> None:
            self._handle()

        def _handle(self) -> None:
            parsed = urlparse(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode() if length else ""
            method = "response" if parsed.path.startswith("/response/") else parsed.path[5:]
            call = Call(
                method, parsed.path, _body(raw, parsed.query), self.headers.get("Authorization", "")
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


def _body(raw: str, query: str) -> dict[str, Any]:
    """A request's arguments, JSON or form-encoded; JSON-in-a-field values decoded."""
    if raw.startswith("{"):
        return dict(json.loads(raw))
    pairs = {key: values[0] for key, values in parse_qs(raw or query).items()}
    for key in ("blocks", "view"):
        if isinstance(pairs.get(key), str):
            pairs[key] = json.loads(pairs[key])
    return pairs
