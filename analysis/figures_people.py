"""Attendance and participation: who was invited to conferences, and how they took part, by
role (mothers, fathers, carers, children, professionals) per quarter, and professionals by agency.
Withdrawn invitations (invitees no longer on the schedule) are not counted."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from analysis.figures_common import check_period, count_table, date_bucket, quarter_buckets
from analysis.tables import Table
from heard.models import Conference
from surveys.models import ATTENDANCE, FAMILY_ROLES, Invitation, RespondentType

ROLES: dict[str, str] = {
    **{key: label for key, label in FAMILY_ROLES.items() if key != "child"},
    "parent": "Parents or carers (role not recorded)",
    "child": FAMILY_ROLES["child"],
    "professional": "Professionals",
}
_WAYS: list[str | None] = [*ATTENDANCE, None]
_WAY_COLUMNS = (*(label.lower() for label in ATTENDANCE.values()), "not recorded")
_PERCENTAGES = {
    "% in person": ("in person", "invited"),
    "% virtual": ("virtual", "invited"),
}


def _role() -> object:
    return case(
        (Invitation.family_role.is_not(None), Invitation.family_role),
        (Invitation.respondent_type == RespondentType.CHILD, "child"),
        (Invitation.respondent_type == RespondentType.PARENT, "parent"),
        else_="professional",
    )


def attendance_by_role(session: Session, start: date, end: date) -> Table:
    """Per quarter and role: invited, and how they took part."""
    buckets = quarter_buckets(start, end)
    quarter = date_bucket(Conference.starts_on, buckets)
    role = _role()
    query = (
        select(quarter, role, Invitation.attendance, func.count())
        .join(Conference, Invitation.conference_id == Conference.id)
        .where(Conference.starts_on.between(start, end), Invitation.withdrawn.is_(False))
        .group_by(quarter, role, Invitation.attendance)
    )
    counts = Counter({(q, r, a): n for q, r, a, n in session.execute(query)})
    rows = [
        ((bucket.label, ROLES[r]), [counts[(i, r, way)] for way in _WAYS])
        for i, bucket in enumerate(buckets)
        for r in ROLES
    ]
    return count_table(
        key="attendance_by_role",
        title="Attendance and participation by role and quarter",
        labels=("Quarter", "Role"),
        counts=_WAY_COLUMNS,
        rows=rows,
        total_column="invited",
        percentages=_PERCENTAGES,
        note="Quarters of the financial year: Q1 is April to June.",
    )


def attendance_by_agency(session: Session, start: date, end: date) -> Table:
    """Professionals invited in the period by agency, and how they took part."""
    check_period(start, end)
    agency = func.lower(Invitation.agency)
    query = (
        select(agency, Invitation.attendance, func.count())
        .join(Conference, Invitation.conference_id == Conference.id)
        .where(
            Conference.starts_on.between(start, end),
            Invitation.withdrawn.is_(False),
            Invitation.respondent_type == RespondentType.PROFESSIONAL,
        )
        .group_by(agency, Invitation.attendance)
    )
    counts = Counter({(g, a): n for g, a, n in session.execute(query)})
    agencies = sorted({g for g, _ in counts if g is not None}) + (
        [None] if any(g is None for g, _ in counts) else []
    )
    rows = [
        (((g or "not recorded").capitalize(),), [counts[(g, way)] for way in _WAYS])
        for g in agencies
    ]
    return count_table(
        key="attendance_by_agency",
        title="Professionals' attendance by agency",
        labels=("Agency",),
        counts=_WAY_COLUMNS,
        rows=rows,
        total_column="invited",
        total_row=True,
        percentages=_PERCENTAGES,
    )
