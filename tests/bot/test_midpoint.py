"""Midpoint checks: the chair is reminded halfway to the next conference, once."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot import midpoint
from bot.midpoint import add_months, midpoint_day, next_conference_due, remind_midpoints
from heard.clock import from_london
from heard.models import OutboxMessage
from heard.notify import make_chat, make_mailer
from heard.scheduler import JobContext
from heard.settings import Settings
from tests.factories import AMIRA, make_conference


def at_london(day: date, hour: int, minute: int = 0) -> datetime:
    return from_london(day, time(hour, minute))


def reminders(session: Session) -> list[OutboxMessage]:
    return list(
        session.scalars(select(OutboxMessage).where(OutboxMessage.dedupe_key.like("midpoint:%")))
    )


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2027, 11, 30), 3, date(2028, 2, 29)),  # a leap year
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 10, 15), 3, date(2027, 1, 15)),
        (date(2027, 2, 28), -6, date(2026, 8, 28)),
        (date(2026, 12, 31), -1, date(2026, 11, 30)),
    ],
)
def test_months_are_added_with_the_day_clamped_to_the_months_end(
    day: date, months: int, expected: date
) -> None:
    assert add_months(day, months) == expected


def test_an_icpc_on_30_november_has_its_rcpc_due_by_28_february_and_a_midpoint_in_january(
    session: Session,
) -> None:
    icpc = make_conference(session, on=date(2026, 11, 30))

    assert next_conference_due(icpc) == date(2027, 2, 28)
    assert midpoint_day(icpc) == date(2027, 1, 14)
    assert remind_midpoints(session, now=at_london(date(2027, 1, 14), 8, 59)) == 0
    assert remind_midpoints(session, now=at_london(date(2027, 1, 14), 9)) == 1
    assert remind_midpoints(session, now=at_london(date(2027, 1, 15), 9)) == 0

    [notice] = reminders(session)
    assert notice.recipient == f"officer:{AMIRA}"
    assert "due by 28 February 2027" in notice.body


def test_a_midpoint_on_christmas_day_waits_for_the_next_working_day(session: Session) -> None:
    icpc = make_conference(session, on=date(2026, 11, 9))  # halfway is 25 December

    assert midpoint_day(icpc) == date(2026, 12, 29)
    assert remind_midpoints(session, now=at_london(date(2026, 12, 28), 12)) == 0
    assert remind_midpoints(session, now=at_london(date(2026, 12, 29), 9)) == 1


def test_a_review_is_followed_by_the_next_within_six_months(session: Session) -> None:
    rcpc = make_conference(session, conference_type="RCPC", on=date(2026, 8, 31))

    assert next_conference_due(rcpc) == date(2027, 2, 28)
    # Halfway is Sunday 29 November.
    assert midpoint_day(rcpc) == date(2026, 11, 30)


def test_in_summer_time_the_reminder_comes_at_nine_on_the_wall_clock(session: Session) -> None:
    make_conference(session, conference_type="RCPC", on=date(2027, 1, 15))  # midpoint 15 April

    assert remind_midpoints(session, now=datetime(2027, 4, 15, 7, 59, tzinfo=UTC)) == 0
    assert remind_midpoints(session, now=datetime(2027, 4, 15, 8, 0, tzinfo=UTC)) == 1


def test_no_reminder_once_a_later_conference_for_the_case_is_scheduled(session: Session) -> None:
    make_conference(session, on=date(2026, 11, 30))
    make_conference(session, conference_type="RCPC", on=date(2027, 1, 12))

    # The ICPC needs none; the RCPC's own midpoint is months away.
    assert remind_midpoints(session, now=at_london(date(2027, 1, 14), 9)) == 0


def test_another_case_s_conference_does_not_stop_the_reminder(session: Session) -> None:
    make_conference(session, on=date(2026, 11, 30))
    make_conference(session, case_reference="CP-2", conference_type="RCPC", on=date(2027, 1, 12))

    assert remind_midpoints(session, now=at_london(date(2027, 1, 14), 9)) == 1


def test_no_reminder_without_a_chair_or_once_the_next_conference_is_overdue(
    session: Session,
) -> None:
    make_conference(session, on=date(2026, 11, 30), chair=None)
    make_conference(session, case_reference="CP-2", on=date(2026, 9, 1))  # RCPC due 1 December

    assert remind_midpoints(session, now=at_london(date(2027, 1, 14), 9)) == 0


def test_the_clock_job_reminds_once_however_often_it_runs(
    sessions: sessionmaker[Session], settings: Settings
) -> None:
    with sessions.begin() as session:
        make_conference(session, on=date(2026, 11, 30))
    context = JobContext(
        settings=settings,
        factory=sessions,
        mailer=make_mailer(settings),
        chat=make_chat(settings),
        worker="test",
        now=lambda: at_london(date(2027, 1, 20), 9),
    )

    midpoint.remind_midpoints_job(context)
    midpoint.remind_midpoints_job(context)

    with sessions() as session:
        assert len(reminders(session)) == 1
    assert [job.name for job in midpoint.jobs()] == ["midpoint-checks"]
