"""A financial year (2025-26) at the scale of all of England, seeded into PostgreSQL with COPY.

About 150 local authorities' conference services: 225,000 conferences, three invitees each,
200,000 feedback responses with their answers, 40,000 consultations and 30,000 escalations.
Random but seeded, so two runs build the same data. Used by the dashboard and annual-report
benchmarks; seeding takes a minute or two on two cores and is skipped when already there.
"""

from __future__ import annotations

import csv
import os
import random
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import psycopg
from sqlalchemy import inspect, text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.escalations import ESCALATION_STAGES, ESCALATION_THEMES  # noqa: E402
from bot.vocabulary import (  # noqa: E402
    CONSULTATION_CATEGORIES,
    CONSULTATION_OUTCOMES,
    PREVALENT_ISSUES,
)
from heard import migrate  # noqa: E402
from heard.db import make_engine  # noqa: E402
from surveys.questionnaires import CHOICE, FACES, questionnaire_for  # noqa: E402

DEFAULT_URL = "postgresql://heard:heard@127.0.0.1:5432/heard_bench"
SITES, OFFICERS_PER_SITE = 150, 8
CONFERENCES, INVITEES_PER_CONFERENCE = 225_000, 3
RESPONSES, CONSULTATIONS, ESCALATIONS = 200_000, 40_000, 30_000
YEAR_START, DAYS = date(2025, 4, 1), 365
NOW = datetime(2026, 4, 2, 9, 0, tzinfo=UTC)
MANAGER_EMAIL = "manager@england.example"
COMMENTS = ROOT / "tests" / "analysis" / "data" / "comments_labelled.csv"


def url() -> str:
    given = os.environ.get("DATABASE_URL", "")
    return given if given.startswith("postgresql") else DEFAULT_URL


def _psycopg_url(sqlalchemy_url: str) -> str:
    return sqlalchemy_url.replace("postgresql+psycopg://", "postgresql://")


def seeded(database_url: str) -> bool:
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            count = connection.execute(text("SELECT count(*) FROM conference")).scalar_one()
            return bool(count >= CONFERENCES)
    except Exception:
        return False
    finally:
        engine.dispose()


def ensure(database_url: str | None = None) -> str:
    """The URL of a database holding the England-scale year, seeding it if it is not there."""
    database_url = database_url or url()
    if seeded(database_url):
        return database_url
    started = time.perf_counter()
    engine = make_engine(database_url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    migrate.upgrade(database_url)
    engine = make_engine(database_url)
    columns = {
        table: {c["name"] for c in inspect(engine).get_columns(table)}
        for table in ("conference", "invitation")
    }
    engine.dispose()
    with psycopg.connect(_psycopg_url(database_url)) as connection:
        _seed(connection, columns)
        connection.execute("ANALYZE")
    print(f"seeded an England-scale year in {time.perf_counter() - started:.0f} s", flush=True)
    return database_url


def _copy(connection: psycopg.Connection, table: str, columns: Sequence[str], rows: Iterable):
    with connection.cursor() as cursor:
        statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        with cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)


def _day(rng: random.Random) -> date:
    while True:
        day = YEAR_START + timedelta(days=rng.randrange(DAYS))
        if day.weekday() < 5:
            return day


def _at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC)


def _comments() -> list[str]:
    with COMMENTS.open(encoding="utf-8") as handle:
        return [row["text"] for row in csv.DictReader(handle) if row["language"] == "en"]


def _seed(connection: psycopg.Connection, columns: dict[str, set[str]]) -> None:
    rng = random.Random(2526)
    _copy(
        connection, "site", ("id", "name"), ((i, f"Authority {i:03d}") for i in range(1, SITES + 1))
    )
    officers = [
        (
            (s - 1) * OFFICERS_PER_SITE + o,
            f"PO {s}-{o}",
            f"po{s}.{o}@england.example",
            "principal_officer",
            s,
            True,
        )
        for s in range(1, SITES + 1)
        for o in range(1, OFFICERS_PER_SITE + 1)
    ]
    manager_id = len(officers) + 1
    officers.append((manager_id, "Manager", MANAGER_EMAIL, "manager", 1, True))
    _copy(
        connection,
        "officer",
        ("id", "display_name", "email", "role", "site_id", "active"),
        officers,
    )
    conferences = _conferences(rng, columns["conference"])
    _copy(connection, "conference", conferences[0], conferences[1])
    invitations = _invitations(rng, columns["invitation"], conferences[2])
    _copy(connection, "invitation", invitations[0], invitations[1])
    _responses(connection, rng, conferences[2])
    _consultations(connection, rng)
    _escalations(connection, rng)
    for table in ("site", "officer", "conference", "invitation", "response", "answer"):
        connection.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
        )
    for table in ("consultation", "escalation"):
        connection.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
        )


def _conferences(rng: random.Random, have: set[str]):
    names = [
        "id",
        "case_reference",
        "conference_type",
        "starts_on",
        "starts_at",
        "site_id",
        "chair_id",
        "strategy_discussion_on",
        "imported_at",
    ]
    optional = [c for c in ("outcome", "category_of_abuse") if c in have]
    names += optional
    facts: list[tuple[int, str, date, int]] = []  # id, type, day, site

    def schedule() -> Iterator[tuple[str, str, date, int]]:
        """Cases: an ICPC (or transfer-in), the first review 3 months on, then every 6 months."""
        case = 0
        while True:
            case += 1
            site = rng.randrange(1, SITES + 1)
            day = YEAR_START + timedelta(days=rng.randrange(-300, DAYS))
            kind = "ICPC" if rng.random() < 0.9 else "transfer-in"
            gap = 91
            while day < YEAR_START + timedelta(days=DAYS):
                held = day + timedelta(days=(7 - day.weekday()) % 7 if day.weekday() > 4 else 0)
                if held >= YEAR_START:
                    yield f"CP-{case:06d}", kind, held, site
                day, kind = day + timedelta(days=gap + rng.randrange(-6, 12)), "RCPC"
                gap = 182

    def rows() -> Iterator[tuple]:
        for i, (reference, kind, day, site) in enumerate(schedule(), start=1):
            if i > CONFERENCES:
                return
            chair = (site - 1) * OFFICERS_PER_SITE + rng.randrange(1, OFFICERS_PER_SITE + 1)
            strategy = day - timedelta(days=rng.randrange(7, 30)) if kind == "ICPC" else None
            facts.append((i, kind, day, site))
            row = [i, reference, kind, day, _at(day, 10), site, chair, strategy, NOW]
            if "outcome" in optional:
                if kind == "ICPC":
                    row.append("plan" if rng.random() < 0.85 else "no_plan")
                else:
                    row.append("plan_continued" if rng.random() < 0.7 else "plan_ended")
            if "category_of_abuse" in optional:
                row.append(
                    rng.choice(("neglect", "emotional_abuse", "physical_abuse", "multiple"))
                    if kind == "ICPC"
                    else None
                )
            yield tuple(row)

    materialised = list(rows())
    return names, materialised, facts


def _invitations(rng: random.Random, have: set[str], facts):
    names = [
        "id",
        "conference_id",
        "respondent_type",
        "agency",
        "language",
        "expires_at",
        "withdrawn",
        "created_at",
    ]
    optional = [c for c in ("family_role", "attendance") if c in have]
    names += optional
    kinds = (
        ("parent", None, "mother"),
        ("parent", None, "father"),
        ("professional", "school", None),
    )

    def rows() -> Iterator[tuple]:
        next_id = 1
        for conference_id, _kind, day, _site in facts:
            for respondent_type, agency, role in kinds[:INVITEES_PER_CONFERENCE]:
                row = [
                    next_id,
                    conference_id,
                    respondent_type,
                    agency,
                    "en",
                    _at(day, 10) + timedelta(days=28),
                    False,
                    NOW,
                ]
                if "family_role" in optional:
                    row.append(role)
                if "attendance" in optional:
                    row.append(rng.choice(("in_person", "virtual", "did_not_attend")))
                next_id += 1
                yield tuple(row)

    return names, rows()


def _responses(connection: psycopg.Connection, rng: random.Random, facts) -> None:
    comments = _comments()
    chosen = rng.sample(range(len(facts) * INVITEES_PER_CONFERENCE), RESPONSES)
    responses, answers = [], []
    answer_id = 0
    for response_id, invitation_index in enumerate(sorted(chosen), start=1):
        conference_id, kind, day, site = facts[invitation_index // INVITEES_PER_CONFERENCE]
        slot = invitation_index % INVITEES_PER_CONFERENCE
        respondent_type = "professional" if slot == 2 else "parent"
        if slot == 1 and rng.random() < 0.3:
            respondent_type = "child"
        questionnaire = questionnaire_for(respondent_type, kind)
        submitted = _at(day, 15) + timedelta(hours=rng.randrange(0, 24 * 10))
        responses.append(
            (
                response_id,
                invitation_index + 1,
                conference_id,
                site,
                respondent_type,
                kind,
                questionnaire.key,
                "en",
                True,
                submitted - timedelta(minutes=6),
                submitted,
                submitted,
                rng.random() < 0.005,
            )
        )
        for question in questionnaire.questions:
            if question.kind in (CHOICE, FACES):
                value = rng.choice(question.options).value
            elif rng.random() < 0.6:
                value = rng.choice(comments)
            else:
                continue
            answer_id += 1
            answers.append((answer_id, response_id, question.key, value, submitted))
    _copy(
        connection,
        "response",
        (
            "id",
            "invitation_id",
            "conference_id",
            "site_id",
            "respondent_type",
            "conference_type",
            "questionnaire",
            "language",
            "verified",
            "started_at",
            "updated_at",
            "submitted_at",
            "flagged",
        ),
        responses,
    )
    _copy(
        connection,
        "answer",
        ("id", "response_id", "question_key", "value", "answered_at"),
        answers,
    )


def _consultations(connection: psycopg.Connection, rng: random.Random) -> None:
    categories, issues = list(CONSULTATION_CATEGORIES), list(PREVALENT_ISSUES)[:-1]
    outcomes = list(CONSULTATION_OUTCOMES)
    rows = []
    for i in range(1, CONSULTATIONS + 1):
        site = rng.randrange(1, SITES + 1)
        requested = _at(_day(rng), 11)
        done = rng.random() < 0.9
        officer = (site - 1) * OFFICERS_PER_SITE + 1
        rows.append(
            (
                i,
                f"CP-C{i:06d}",
                site,
                officer + 1,
                rng.choice(categories),
                f'["{rng.choice(issues)}"]',
                "routine",
                "",
                "completed" if done else "waiting",
                requested,
                0,
                officer if done else None,
                requested + timedelta(hours=1) if done else None,
                rng.choice(outcomes) if done else None,
                requested + timedelta(days=1) if done else None,
            )
        )
    _copy(
        connection,
        "consultation",
        (
            "id",
            "case_reference",
            "site_id",
            "requested_by_id",
            "category",
            "prevalent_issues",
            "urgency",
            "availability",
            "status",
            "requested_at",
            "offer_round",
            "accepted_by_id",
            "accepted_at",
            "outcome",
            "completed_at",
        ),
        rows,
    )


def _escalations(connection: psycopg.Connection, rng: random.Random) -> None:
    themes, stages = list(ESCALATION_THEMES), list(ESCALATION_STAGES)
    rows = []
    for i in range(1, ESCALATIONS + 1):
        raised_day = _day(rng)
        resolved = rng.random() < 0.85
        prolonged = rng.random() < 0.15
        rows.append(
            (
                i,
                f"CP-E{i:06d}",
                f'["{rng.choice(themes)}"]',
                rng.choice(stages),
                rng.randrange(1, SITES * OFFICERS_PER_SITE + 1),
                "Team manager",
                _at(raised_day, 12),
                5,
                20,
                raised_day + timedelta(days=7),
                _at(raised_day + timedelta(days=28), 9) if prolonged else None,
                _at(raised_day + timedelta(days=rng.randrange(1, 40)), 16) if resolved else None,
            )
        )
    _copy(
        connection,
        "escalation",
        (
            "id",
            "case_reference",
            "themes",
            "stage",
            "raised_by_id",
            "raised_with",
            "raised_at",
            "response_due_days",
            "prolonged_after_days",
            "response_due_on",
            "prolonged_at",
            "resolved_at",
        ),
        rows,
    )


if __name__ == "__main__":
    print(ensure())
