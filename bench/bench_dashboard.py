"""The manager's dashboard over a year at the scale of all of England, on PostgreSQL.

Seeds (once) the England-scale year of bench/england.py, signs a manager in through the real
sign-in form, and times GET /staff/dashboard for the last month of the year and for the whole
year's first month, against a bare `SELECT count(*)` over the same tables in the same run.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import england  # noqa: E402

from heard.db import make_engine, transaction  # noqa: E402
from heard.settings import Settings  # noqa: E402
from staff.accounts import account_for, add_account  # noqa: E402
from staff.dashboard import clear_cache  # noqa: E402
from staff.roles import Role  # noqa: E402
from webforms.app import create_app  # noqa: E402

ROUNDS = 5
TABLES = ("conference", "response", "answer", "consultation", "escalation")
PASSWORD = "bench password for the dashboard"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def timed(action, rounds: int = ROUNDS) -> list[float]:
    action()  # warm: caches, the first query plan
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    url = england.ensure()
    settings = Settings(database_url=url, mail_adapter="memory", chat_adapter="memory")
    engine = make_engine(url)
    app = create_app(settings, engine=engine)
    with transaction(app.extensions["heard.sessions"]) as session:
        if account_for(session, england.MANAGER_EMAIL) is None:
            add_account(
                session,
                email=england.MANAGER_EMAIL,
                display_name="Manager",
                roles=[Role.MANAGER],
                site=None,
                now=england.NOW,
                actor="bench",
                password=PASSWORD,
                must_change_password=False,
            )
    client = app.test_client()
    page = client.get("/staff/sign-in")
    token = CSRF.search(page.text).group(1)
    signed_in = client.post(
        "/staff/sign-in",
        data={"email": england.MANAGER_EMAIL, "password": PASSWORD, "csrf_token": token},
    )
    assert signed_in.status_code == 302, signed_in.status_code

    def bare() -> None:
        with engine.connect() as connection:
            for table in TABLES:
                connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()

    def dashboard(month: str, *, cold: bool):
        def get() -> None:
            if cold:  # as after a new response arrives: the month's comments analysed again
                clear_cache()
            response = client.get(f"/staff/dashboard?month={month}")
            assert response.status_code == 200, response.status_code

        return get

    with engine.connect() as connection:
        counts = {
            t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES
        }
    print("rows: " + ", ".join(f"{t} {n:,}" for t, n in counts.items()))
    baseline = statistics.median(timed(bare))
    print(f"bare SELECT count(*) over {len(TABLES)} tables: {baseline * 1000:.0f} ms (median)")
    for month in ("2026-03", "2025-04"):
        for cold in (True, False):
            times = timed(dashboard(month, cold=cold))
            median = statistics.median(times)
            state = "first view (summary computed)" if cold else "cached summary"
            print(
                f"dashboard {month}, {state}: {median * 1000:.0f} ms median,"
                f" {max(times) * 1000:.0f} ms worst of {ROUNDS}; {median / baseline:.1f}x the"
                " bare counts"
            )


if __name__ == "__main__":
    main()
