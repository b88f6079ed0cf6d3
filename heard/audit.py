"""The audit log: every staff read or change of feedback data leaves a row."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from heard.models import AuditEntry


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    record_type: str,
    record_id: object,
    now: datetime,
    detail: str = "",
) -> AuditEntry:
    """Append who did ACTION to which record, and when. DETAIL must never hold feedback content."""
    entry = AuditEntry(
        at=now,
        actor=actor,
        action=action,
        record_type=record_type,
        record_id=str(record_id),
        detail=detail,
    )
    session.add(entry)
    return entry
