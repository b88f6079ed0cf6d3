"""Midpoint checks: the chair is reminded halfway between a conference and the next one due.

The first RCPC is due within 3 months of the ICPC (or of a transfer-in conference), then each
RCPC within 6 months of the last. Once a later conference for the case is in the schedule, the
reminder is no longer needed.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from bot.notices import notify, officer_recipient
from heard.clock import from_london, london
from heard.db import transaction
from heard.models import Conference, ConferenceType, OutboxMessage
from heard.scheduler import Job, JobContext
from heard.workdays import next_working_day

REMIND_FROM = time(9, 0)
_MONTHS_TO_NEXT = {ConferenceType.ICPC: 3, ConferenceType.TRANSFER_IN: 3, ConferenceType.RCPC: 6}
_LONGEST = max(_MONTHS_TO_NEXT.values())


def add_months(day: date, months: int) -> date:
    """The same day MONTHS months later, or the month's last day when it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_conference_due(conference: Conference) -> date:
    """The date by which the next review conference must be held."""
    return add_months(
        conference.starts_on, _MONTHS_TO_NEXT[ConferenceType(conference.conference_type)]
    )


def midpoint_day(conference: Conference) -> date:
    """The working day on or after halfway between the conference and the next one due."""
    due = next_conference_due(conference)
    halfway = conference.starts_on + timedelta(days=(due - conference.starts_on).days // 2)
    return next_working_day(halfway)


def remind_midpoints(session: Session, *, now: datetime) -> int:
    """Remind chairs of midpoint checks that are due; return how many reminders were queued."""
    today = london(now).date()
    later = aliased(Conference)
    has_later = (
        select(later.id)
        .where(
            later.case_reference == Conference.case_reference,
            later.starts_on > Conference.starts_on,
        )
        .exists()
    )
    candidates = session.scalars(
        select(Conference)
        .where(
            Conference.starts_on.between(add_months(today, -_LONGEST), today),
            Conference.chair_id.is_not(None),
            ~has_later,
        )
        .order_by(Conference.starts_on, Conference.id)
    ).all()
    return sum(_remind(session, conference, now=now, today=today) for conference in candidates)


def remind_midpoints_job(context: JobContext) -> None:
    """Remind chairs of the midpoint checks due."""
    with transaction(context.factory) as session:
        remind_midpoints(session, now=context.now())


def jobs() -> list[Job]:
    return [Job("midpoint-checks", 15 * 60, remind_midpoints_job)]


def _remind(session: Session, conference: Conference, *, now: datetime, today: date) -> int:
    due = next_conference_due(conference)
    # Past the due date the check has lost its point: the review itself is what is missing.
    if now < from_london(midpoint_day(conference), REMIND_FROM) or today > due:
        return 0
    key = f"midpoint:{conference.id}"
    if session.scalar(select(OutboxMessage.id).where(OutboxMessage.dedupe_key == key)):
        return 0
    assert conference.chair is not None
    held = conference.starts_on
    notify(
        session,
        key=key,
        recipient=officer_recipient(conference.chair),
        title=f"Midpoint check: {conference.case_reference}",
        text=(
            f"You chaired the {conference.conference_type} for {conference.case_reference} on "
            f"{held.day} {held:%B %Y}. The next conference is due by {due.day} {due:%B %Y}: "
            "it is time for the midpoint check that the plan is progressing and that core "
            "groups and visits are happening."
        ),
        now=now,
    )
    return 1
