"""Responses with an answer, a contact request and an alert, and audit rows, at given times."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from heard.models import AuditEntry
from surveys.models import Alert, Answer, ContactRequest, Response


def make_response(
    session: Session, submitted_at: datetime | None, *, updated_at: datetime | None = None
) -> Response:
    """A parent's response submitted at SUBMITTED_AT (None: never submitted), with one answer,
    a contact request still holding its details and an open alert."""
    when = submitted_at or updated_at
    assert when is not None
    response = Response(
        respondent_type="parent",
        conference_type="ICPC",
        questionnaire="parent-icpc",
        language="en",
        started_at=when - timedelta(minutes=5),
        updated_at=updated_at or when,
        submitted_at=submitted_at,
        answers=[Answer(question_key="comments", value="words", answered_at=when)],
    )
    session.add(response)
    session.flush()
    session.add(
        ContactRequest(
            response_id=response.id,
            method="phone",
            details_encrypted=b"sealed",
            created_at=when,
        )
    )
    session.add(Alert(response_id=response.id, kind="contact_request", created_at=when))
    session.flush()
    return response


def make_audit(session: Session, at: datetime, *, action: str = "read") -> AuditEntry:
    entry = AuditEntry(
        at=at,
        actor="amira.hussain@example.org",
        action=action,
        record_type="response",
        record_id="1",
        detail="",
    )
    session.add(entry)
    session.flush()
    return entry


def count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def make_feedback(
    session: Session,
    submitted_at: datetime,
    *,
    respondent_type: str = "parent",
    site_id: int | None = None,
    answers: dict[str, str] | None = None,
) -> Response:
    """A submitted response with ANSWERS (question key -> value) and nothing else."""
    response = Response(
        respondent_type=respondent_type,
        conference_type="ICPC",
        questionnaire=f"{respondent_type}-ICPC-v1",
        language="en",
        site_id=site_id,
        started_at=submitted_at - timedelta(minutes=5),
        updated_at=submitted_at,
        submitted_at=submitted_at,
        answers=[
            Answer(question_key=k, value=v, answered_at=submitted_at)
            for k, v in (answers or {}).items()
        ],
    )
    session.add(response)
    session.flush()
    return response
