"""Retention: what is deleted, and when. Run hourly by the clock (staff/jobs.py).

- Contact details: after the contact retention period (surveys.contact_requests), unless contact
  was recorded first, which deletes them at once.
- Responses: with their answers, contact request and alert, once submitted longer ago than the
  response retention period. A response never submitted (abandoned part way) goes once it was
  last changed longer ago than the same period.
- Audit rows: once older than the audit retention period.

A period of N days is N x 24 hours of elapsed time (all times are stored in UTC), so the change
to or from British Summer Time neither shortens nor lengthens it. A record exactly N days old is
deleted: "kept for N days" and no longer. What was purged is recorded as an audit row holding
counts only, never content. Running it twice, or in two clocks at once, deletes nothing twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Select, and_, delete, select
from sqlalchemy.orm import Session

from heard import audit
from heard.models import AuditEntry
from heard.settings import Settings
from staff.service_settings import effective
from surveys.contact_requests import purge_expired_contact_details
from surveys.models import Alert, Answer, ContactRequest, Response

ACTOR = "clock"


@dataclass(frozen=True)
class Purged:
    """How many of each were deleted: counts only."""

    contact_details: int = 0
    responses: int = 0
    answers: int = 0
    contact_requests: int = 0
    alerts: int = 0
    audit_entries: int = 0

    @property
    def anything(self) -> bool:
        return any(
            (self.contact_details, self.responses, self.answers, self.contact_requests)
        ) or bool(self.alerts or self.audit_entries)

    def describe(self) -> str:
        return (
            f"contact details {self.contact_details}; responses {self.responses} "
            f"(answers {self.answers}, contact requests {self.contact_requests}, "
            f"alerts {self.alerts}); audit rows {self.audit_entries}"
        )


def cutoff(now: datetime, days: int) -> datetime:
    """Records at or before this instant are past a period of DAYS days."""
    if days < 1:
        raise ValueError(f"a retention period must be at least one day, not {days}")
    return now - timedelta(days=days)


def purge(session: Session, *, now: datetime, settings: Settings) -> Purged:
    """Delete everything past its retention period (the admin's settings over the defaults)."""
    applied = effective(session, settings)
    contact = purge_expired_contact_details(
        session, now=now, retention_days=applied.contact_retention_days
    )
    responses = purge_responses(session, before=cutoff(now, applied.response_retention_days))
    audit_rows = purge_audit(session, before=cutoff(now, applied.audit_retention_days))
    purged = Purged(contact_details=contact, audit_entries=audit_rows, **responses)
    if purged.anything:
        audit.record(
            session,
            actor=ACTOR,
            action="retention purge",
            record_type="retention",
            record_id="*",
            now=now,
            detail=purged.describe(),
        )
        session.flush()
    return purged


def expired_responses(before: datetime) -> Select[int]:
    """The ids of responses past their retention at BEFORE."""
    expired: ColumnElement[bool] = (Response.submitted_at <= before) | and_(
        Response.submitted_at.is_(None), Response.updated_at <= before
    )
    return select(Response.id).where(expired)


def purge_responses(session: Session, *, before: datetime) -> dict[str, int]:
    """Delete responses past retention and everything hanging from them; returns the counts."""
    ids = expired_responses(before).scalar_subquery()
    counts = {}
    # Children first: ON DELETE CASCADE is in the schema, but counting them needs their own
    # statements, and this does not rely on SQLite's foreign-key pragma being on.
    for name, model in (
        ("answers", Answer),
        ("contact_requests", ContactRequest),
        ("alerts", Alert),
    ):
        counts[name] = _delete(session, delete(model).where(model.response_id.in_(ids)))
    counts["responses"] = _delete(session, delete(Response).where(Response.id.in_(ids)))
    return counts


def purge_audit(session: Session, *, before: datetime) -> int:
    return _delete(session, delete(AuditEntry).where(AuditEntry.at <= before))


def _delete(session: Session, statement: object) -> int:
    result = session.execute(
        statement,  # type: ignore[call-overload]
        execution_options={"synchronize_session": False},
    )
    return int(result.rowcount or 0)
