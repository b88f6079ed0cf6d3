"""Slack slash-command ack latency: Heard's /slack/events against a bare bolt app that only acks.

Both run under gunicorn with the same settings on this machine; 20 client threads each send
signed `/duty` commands one after another, and we time each until its HTTP answer (the ack).
Heard then does the work after the ack (a database read, an answer to the response URL), so
that work competes with the acks, as in production. Slack's Web API and response URLs are a
local stand-in (tests/bot/fake_slack.py). Slack allows 3 s for an ack; the target is p99 < 200 ms.
Uses DATABASE_URL when it is PostgreSQL; otherwise a temporary SQLite file.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CLIENTS = int(os.environ.get("BENCH_CLIENTS", "20"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "40"))  # per client, after two to warm up
WORKERS = os.environ.get("BENCH_WORKERS", "2")
THREADS = os.environ.get("BENCH_THREADS", "8")
SECRET = "bench-signing-secret"
TOKEN = "xoxb-bench"


FACTORIES = (("bare bolt app (ack only)", "bare_wsgi"), ("Heard /duty", "heard_wsgi"))


def heard_wsgi() -> Any:
    """Heard's web app with its Slack endpoint, configured from the environment."""
    from webforms import slack
    from webforms.app import create_app

    app = create_app()
    if "slack" not in app.blueprints:
        slack.init_app(app)
    return app


def bare_wsgi() -> Any:
    """The baseline: a bolt app with one listener that only acks, behind the same adapter."""
    from flask import Flask, request
    from slack_bolt import Ack, App
    from slack_bolt.adapter.flask import SlackRequestHandler
    from slack_sdk import WebClient

    bolt = App(
        signing_secret=SECRET,
        client=WebClient(token=TOKEN, base_url=os.environ["SLACK_API_URL"]),
        token_verification_enabled=False,
    )

    @bolt.command("/duty")
    def ack_only(ack: Ack) -> None:
        ack()

    handler = SlackRequestHandler(bolt)
    app = Flask("bare")
    app.add_url_rule("/slack/events", "events", lambda: handler.handle(request), methods=["POST"])
    return app


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def prepare(url: str) -> None:
    from heard import migrate
    from heard.db import make_engine, session_factory
    from tests.bot.helpers_chat import chat_cast
    from tests.bot.helpers_slack import give_slack_ids

    migrate.upgrade(url)
    engine = make_engine(url)
    with session_factory(engine)() as session:
        chat_cast(session)
        give_slack_ids(session)
    engine.dispose()


def serve(factory: str, port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "--workers", WORKERS,
        "--threads", THREADS,
        "--bind", f"127.0.0.1:{port}",
        "--log-level", "warning",
        "--chdir", str(ROOT / "bench"),
        f"bench_slack_ack:{factory}()",
    ]  # fmt: skip
    return subprocess.Popen(command, cwd=ROOT, env={**env, "PYTHONPATH": str(ROOT)})


def wait_until_up(port: int, process: subprocess.Popen[bytes]) -> None:
    import requests

    for _ in range(300):
        try:
            requests.post(f"http://127.0.0.1:{port}/slack/events", timeout=1)
            return
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"the server on port {port} did not start")


def signed_duty(response_url: str) -> tuple[str, dict[str, str]]:
    from tests.bot.helpers_slack import FORM, signed_headers

    body = urlencode(
        {
            "command": "/duty",
            "text": "",
            "user_id": "USARA",
            "team_id": "T1",
            "channel_id": "C1",
            "trigger_id": "t",
            "response_url": response_url,
        }
    )
    return body, {**signed_headers(body, secret=SECRET), "Content-Type": FORM}


def measure(port: int, response_url: str) -> list[float]:
    """Ack latencies in ms of CLIENTS threads each sending REQUESTS signed /duty commands."""
    import requests

    latencies: list[float] = []
    lock = threading.Lock()
    url = f"http://127.0.0.1:{port}/slack/events"

    def client() -> None:
        http = requests.Session()
        for n in range(REQUESTS + 2):
            body, headers = signed_duty(response_url)
            started = time.perf_counter()
            answer = http.post(url, data=body, headers=headers, timeout=10)
            elapsed = (time.perf_counter() - started) * 1000
            if answer.status_code != 200:
                raise RuntimeError(f"HTTP {answer.status_code}")
            if n >= 2:
                with lock:
                    latencies.append(elapsed)

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies


def percentile(values: list[float], p: int) -> float:
    return statistics.quantiles(values, n=100)[p - 1]


def report(name: str, latencies: list[float]) -> tuple[float, float]:
    p50, p99 = percentile(latencies, 50), percentile(latencies, 99)
    print(f"{name:<34} n={len(latencies):<5} p50 {p50:7.1f} ms   p99 {p99:7.1f} ms")
    return p50, p99


def run(url: str, fake: Any) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "HEARD_SECRET_KEY": "bench-secret",
        "HEARD_MAIL_ADAPTER": "memory",
        "HEARD_CHAT_ADAPTER": "memory",
        "SLACK_BOT_TOKEN": TOKEN,
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": fake.api_url,
    }
    results = {}
    for name, factory in FACTORIES:
        port = free_port()
        process = serve(factory, port, env)
        try:
            wait_until_up(port, process)
            results[name] = report(name, measure(port, fake.response_url(factory)))
        finally:
            process.terminate()
            process.wait()
    answered = len(fake.called("response"))
    print(f"Heard's answers posted to the response URL after the ack: {answered}")
    (bare50, bare99), (heard50, heard99) = results.values()
    print(f"ratio Heard / bare: p50 {heard50 / bare50:.2f}x, p99 {heard99 / bare99:.2f}x")
    print(f"({CLIENTS} concurrent clients; gunicorn {WORKERS} workers x {THREADS} threads)")


def main() -> None:
    from sqlalchemy import text

    from heard.db import make_engine
    from tests.bot.fake_slack import FakeSlack

    with tempfile.TemporaryDirectory() as tmp, FakeSlack() as fake:
        url = os.environ.get("DATABASE_URL", "")
        if url.startswith("postgresql"):
            engine = make_engine(url)
            with engine.begin() as connection:
                connection.execute(text("DROP SCHEMA public CASCADE"))
                connection.execute(text("CREATE SCHEMA public"))
            engine.dispose()
        else:
            url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        prepare(url)
        run(url, fake)


if __name__ == "__main__":
    main()
