"""Full feedback-form submissions per second through gunicorn, against a bare Flask endpoint.

Both servers run with the same gunicorn settings on this machine; 32 client threads each walk
whole forms (follow the QR link, answer every question, send) for a fixed time. The baseline
client makes the same number of GET and POST requests per "submission" against the bare app.
Uses DATABASE_URL when it is PostgreSQL (as in production); otherwise a temporary SQLite file.
"""

from __future__ import annotations

import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import requests
from sqlalchemy import text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from heard import migrate  # noqa: E402
from heard.db import Base, make_engine, session_factory  # noqa: E402
from surveys.questionnaires import questionnaire_for  # noqa: E402
from tests.factories import make_conference, make_invitation  # noqa: E402

CLIENTS = int(os.environ.get("BENCH_CLIENTS", "32"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "20"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(2 * (os.cpu_count() or 2) + 1)))
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
QUESTIONS = questionnaire_for("parent", "ICPC").questions


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def database_url(tmp: Path) -> str:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgresql"):
        engine = make_engine(url)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        engine.dispose()
        return url
    return f"sqlite:///{tmp / 'bench.sqlite3'}"


def prepare(url: str, count: int) -> list[str]:
    migrate.upgrade(url)
    engine = make_engine(url)
    tokens = []
    with session_factory(engine)() as session:
        conference = make_conference(session)
        for _ in range(count):
            tokens.append(make_invitation(session, conference=conference).token)
        session.commit()
    engine.dispose()
    assert Base.metadata.tables
    return tokens


def serve(app: str, port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "--workers",
        str(WORKERS),
        "--threads",
        "4",
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
        app,
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    for _ in range(1200):
        try:
            requests.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
            return process
        except requests.RequestException:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"{app} did not start")


class Recorder:
    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.completed = 0
        self.errors = 0
        self.lock = threading.Lock()

    def timed(self, call: Callable[[], requests.Response]) -> requests.Response:
        start = time.perf_counter()
        reply = call()
        elapsed = time.perf_counter() - start
        with self.lock:
            self.latencies.append(elapsed)
        return reply


def submit_form(base: str, token: str, rec: Recorder) -> None:
    http = requests.Session()
    rec.timed(lambda: http.get(f"{base}/f/{token}", allow_redirects=False))
    rec.timed(lambda: http.get(f"{base}/feedback"))
    for q in QUESTIONS:
        page = rec.timed(lambda q=q: http.get(f"{base}/feedback/q/{q.key}"))
        csrf = CSRF.search(page.text).group(1)  # type: ignore[union-attr]
        value = (
            "Thank you, the chair explained everything." if q.kind == "text" else q.options[0].value
        )
        rec.timed(
            lambda q=q, c=csrf, v=value: http.post(
                f"{base}/feedback/q/{q.key}",
                data={"answer": v, "csrf_token": c},
                allow_redirects=False,
            )
        )
    page = rec.timed(lambda: http.get(f"{base}/feedback/contact"))
    csrf = CSRF.search(page.text).group(1)  # type: ignore[union-attr]
    done = rec.timed(
        lambda: http.post(
            f"{base}/feedback/contact",
            data={"wants_contact": "no", "csrf_token": csrf},
            allow_redirects=False,
        )
    )
    if done.status_code != 303:
        raise RuntimeError(f"submission failed: {done.status_code}")


def submit_bare(base: str, _token: str, rec: Recorder) -> None:
    http = requests.Session()
    rec.timed(lambda: http.get(f"{base}/bare"))
    rec.timed(lambda: http.get(f"{base}/bare"))
    for _ in QUESTIONS:
        rec.timed(lambda: http.get(f"{base}/bare"))
        rec.timed(lambda: http.post(f"{base}/bare", data={"answer": "x"}, allow_redirects=False))
    rec.timed(lambda: http.get(f"{base}/bare"))
    rec.timed(lambda: http.post(f"{base}/bare", data={"answer": "x"}, allow_redirects=False))


def load(base: str, tokens: list[str], walk: Callable[[str, str, Recorder], None]) -> Recorder:
    rec = Recorder()
    deadline = time.perf_counter() + SECONDS
    pool = iter(tokens)
    pool_lock = threading.Lock()

    def client() -> None:
        while time.perf_counter() < deadline:
            with pool_lock:
                token = next(pool, None)
            if token is None:
                return
            try:
                walk(base, token, rec)
                with rec.lock:
                    rec.completed += 1
            except (requests.RequestException, RuntimeError, AttributeError):
                with rec.lock:
                    rec.errors += 1

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    rec.elapsed = time.perf_counter() - started  # type: ignore[attr-defined]
    return rec


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] * 1000 if len(values) > 20 else float("nan")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp_dir:
        url = database_url(Path(tmp_dir))
        tokens = prepare(url, 20_000 if url.startswith("postgresql") else 6_000)
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "HEARD_MAIL_ADAPTER": "memory",
            "HEARD_CHAT_ADAPTER": "memory",
            "HEARD_TOKEN_PAGE_RATE_LIMIT": "1000000 per minute",
            "HEARD_SECRET_KEY": "bench-secret",
        }
        heard_port, bare_port = free_port(), free_port()
        heard = serve("webforms.wsgi:app", heard_port, env)
        try:
            form = load(f"http://127.0.0.1:{heard_port}", tokens, submit_form)
        finally:
            heard.terminate()
            heard.wait()
        bare = serve("bench.bare_app:app", bare_port, {**env, "PYTHONPATH": str(ROOT)})
        try:
            # /healthz is not on the bare app: serve() accepts any HTTP answer as "up".
            baseline = load(f"http://127.0.0.1:{bare_port}", tokens, submit_bare)
        finally:
            bare.terminate()
            bare.wait()
    form_rate = form.completed / form.elapsed  # type: ignore[attr-defined]
    bare_rate = baseline.completed / baseline.elapsed  # type: ignore[attr-defined]
    database = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
    print(
        f"form submissions ({database}, gunicorn {WORKERS} workers x 4 threads, {CLIENTS} clients, {SECONDS:.0f} s)"
    )
    print(
        f"  Heard full form:   {form_rate:8.1f} submissions/s  p95 {p95(form.latencies):6.1f} ms/request  errors {form.errors}"
    )
    print(
        f"  bare Flask (same requests): {bare_rate:8.1f} submissions/s  p95 {p95(baseline.latencies):6.1f} ms/request"
    )
    print(
        f"  ratio: {form_rate / bare_rate:.2f} of bare Flask's rate ({len(QUESTIONS) * 2 + 4} requests per submission)"
    )


if __name__ == "__main__":
    main()
