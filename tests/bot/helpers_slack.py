"""Signed Slack requests, as Slack sends them, to a Flask test client at /slack/events."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from werkzeug.test import TestResponse

from bot.adapters.slack import build_app
from heard.models import Officer
from heard.settings import Settings
from tests.bot.fake_slack import FakeSlack
from tests.bot.helpers_chat import SARA
from tests.factories import AMIRA, DANIEL, NOW
from webforms import slack as slack_endpoint
from webforms.app import create_app

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
FORM = "application/x-www-form-urlencoded"
SLACK_IDS = {AMIRA: "UAMIRA", DANIEL: "UDANIEL", SARA: "USARA"}


def give_slack_ids(session: Session) -> None:
    """Amira, Daniel and Sara are known to Heard by their Slack ids."""
    for email, slack_id in SLACK_IDS.items():
        officer = session.scalars(select(Officer).where(Officer.email == email)).one()
        officer.slack_user_id = slack_id
    session.commit()


class RunAtOnce(Executor):
    """An executor that runs the work after the ack at once, so a test sees it done."""

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as failure:
            future.set_exception(failure)
        return future


def web_app(settings: Settings, slack_settings: Settings, engine: Engine, **options: Any) -> Flask:
    """Heard's web app, serving Slack for SLACK_SETTINGS with the clock stopped at NOW."""
    app = create_app(settings, engine=engine)
    app.config["TESTING"] = True
    bolt = build_app(slack_settings, app.extensions["heard.sessions"], now=lambda: NOW, **options)
    slack_endpoint.init_app(app, bolt=bolt)
    return app


def signature(secret: str, timestamp: str, body: str) -> str:
    base = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def signed_headers(
    body: str, *, secret: str = SECRET, timestamp: int | None = None
) -> dict[str, str]:
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    return {
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": signature(secret, stamp, body),
    }


@dataclass
class SlackUser:
    """Slack, as seen by Heard: each method sends one signed request, as a person would."""

    client: FlaskClient
    fake: FakeSlack
    secret: str = SECRET
    counter: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def send(self, body: str, content_type: str = FORM, **headers: Any) -> TestResponse:
        extra = {key.replace("_", "-"): str(value) for key, value in headers.items()}
        signed = {**signed_headers(body, secret=self.secret), **extra}
        return self.client.post(
            "/slack/events", data=body, content_type=content_type, headers=signed
        )

    def command(self, user: str, command: str, text: str = "", **headers: Any) -> TestResponse:
        n = next(self.counter)
        form = {
            "token": "legacy",
            "team_id": "T1",
            "api_app_id": "A1",
            "channel_id": "C1",
            "user_id": user,
            "command": command,
            "text": text,
            "trigger_id": f"trigger-{n}",
            "response_url": self.fake.response_url(f"command-{n}"),
        }
        return self.send(urlencode(form), **headers)

    def press(self, user: str, action_id: str, value: str, **headers: Any) -> TestResponse:
        n = next(self.counter)
        return self.interact(
            {
                "type": "block_actions",
                "user": {"id": user},
                "team": {"id": "T1"},
                "api_app_id": "A1",
                "trigger_id": f"trigger-{n}",
                "response_url": self.fake.response_url(f"action-{n}"),
                "container": {"type": "message", "channel_id": "D1", "message_ts": "1.1"},
                "channel": {"id": "D1"},
                "actions": [
                    {"type": "button", "block_id": "b", "action_id": action_id, "value": value}
                ],
            },
            **headers,
        )

    def submit(
        self, user: str, view: dict[str, Any], values: dict[str, Any], **headers: Any
    ) -> TestResponse:
        """Submit VIEW (as opened through views.open) with VALUES typed or chosen in it."""
        payload = {
            "type": "view_submission",
            "user": {"id": user},
            "team": {"id": "T1"},
            "api_app_id": "A1",
            "trigger_id": "trigger-view",
            "view": {
                "id": view.get("id", "V1"),
                "type": "modal",
                "callback_id": view["callback_id"],
                "private_metadata": view.get("private_metadata", ""),
                "state": {"values": state(view, values)},
                "hash": "1.a",
            },
        }
        return self.interact(payload, **headers)

    def interact(self, payload: dict[str, Any], **headers: Any) -> TestResponse:
        return self.send(urlencode({"payload": json.dumps(payload)}), **headers)

    def event(self, event: dict[str, Any], **headers: Any) -> TestResponse:
        n = next(self.counter)
        body = {
            "type": "event_callback",
            "team_id": "T1",
            "api_app_id": "A1",
            "event_id": f"Ev{n}",
            "event_time": int(time.time()),
            "event": event,
        }
        return self.send(json.dumps(body), content_type="application/json", **headers)


def state(view: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """A modal's state as Slack sends it, for VALUES keyed by block id."""
    found: dict[str, Any] = {}
    for block in view["blocks"]:
        element = block["element"]
        value = values.get(block["block_id"])
        kind = element["type"]
        if kind == "static_select":
            entry = {"selected_option": {"value": value} if value else None}
        elif kind == "multi_static_select":
            entry = {"selected_options": [{"value": v} for v in value or []]}
        else:
            entry = {"value": value or None}
        found[block["block_id"]] = {element["action_id"]: {"type": kind, **entry}}
    return found


def message_text(body: dict[str, Any]) -> str:
    """Everything a person would read in a message or view: its text and every block's text."""
    parts = [str(body.get("text", ""))]
    for block in body.get("blocks") or (body.get("view") or {}).get("blocks", []):
        parts.append(str((block.get("text") or {}).get("text", "")))
        for element in block.get("elements", []):
            parts.append(str((element.get("text") or {}).get("text", "")))
    return "\n".join(part for part in parts if part)
