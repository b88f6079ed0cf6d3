"""Small hand-made records for the figures tests: each made with exactly what a test counts."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from sqlalchemy.orm import Session

from bot.models import Consultation, Escalation
from heard.clock import from_london
from heard.models import Conference
from surveys.models import Invitation
from tests.factories import NOW, make_officer, make_site


def conference(
    session: Session,
    on: date,
    kind: str = "ICPC",
    *,
    case: str = "CP-1",
    strategy: date | None = None,
    **recorded: object,
) -> Conference:
    item = Conference(
        case_reference=case,
        conference_type=kind,
        starts_on=on,
        starts_at=from_london(on, time(10, 0)),
        site=make_site(session),
        strategy_discussion_on=strategy,
        imported_at=NOW,
        **recorded,
    )
    session.add(item)
    session.flush()
    return item


def invitation(
    session: Session,
    held: Conference,
    respondent_type: str = "parent",
    *,
    family_role: str | None = None,
    attendance: str | None = None,
    agency: str | None = None,
    withdrawn: bool = False,
) -> Invitation:
    item = Invitation(
        conference_id=held.id,
        respondent_type=respondent_type,
        agency=agency,
        family_role=family_role,
        attendance=attendance,
        withdrawn=withdrawn,
        expires_at=held.starts_at,
        created_at=NOW,
    )
    session.add(item)
    session.flush()
    return item


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def consultation(
    session: Session,
    requested_at: datetime,
    *,
    category: str = "neglect",
    issues: tuple[str, ...] = ("domestic_abuse",),
    status: str = "waiting",
    outcome: str | None = None,
) -> Consultation:
    officer = make_officer(session)
    item = Consultation(
        case_reference="CP-1",
        site_id=officer.site_id,
        requested_by_id=officer.id,
        category=category,
        prevalent_issues=list(issues),
        urgency="routine",
        status=status,
        outcome=outcome,
        requested_at=requested_at,
    )
    session.add(item)
    session.flush()
    return item


def escalation(
    session: Session,
    raised_at: datetime,
    *,
    themes: tuple[str, ...] = ("drift_and_delay",),
    stage: str = "stage_1",
    resolved_at: datetime | None = None,
    prolonged_at: datetime | None = None,
) -> Escalation:
    officer = make_officer(session)
    item = Escalation(
        case_reference="CP-1",
        themes=list(themes),
        stage=stage,
        raised_by_id=officer.id,
        raised_with="Team manager",
        raised_at=raised_at,
        response_due_days=5,
        prolonged_after_days=20,
        response_due_on=raised_at.date(),
        resolved_at=resolved_at,
        prolonged_at=prolonged_at,
    )
    session.add(item)
    session.flush()
    return item
