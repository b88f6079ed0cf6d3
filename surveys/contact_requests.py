"""Reading and closing contact requests: every read is audited; details go once contact is made."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from heard import audit
from heard.errors import NotFound
from surveys.contact import ContactCipher
from surveys.models import Alert, ContactRequest, Response


@dataclass(frozen=True)
class ContactDetails:
    method: str
    details: str  # empty when contact is through the social worker, or already deleted
    contacted_at: datetime | None


def read_contact_details(
    session: Session, *, response_id: int, reader: str, cipher: ContactCipher, now: datetime
) -> ContactDetails:
    """The respondent's contact details, for a member of staff; the read is audit-logged."""
    request = session.scalar(
        select(ContactRequest).where(ContactRequest.response_id == response_id)
    )
    if request is None:
        raise NotFound(f"Response {response_id} has no contact request.")
    audit.record(
        session,
        actor=reader,
        action="read",
        record_type="contact_request",
        record_id=request.id,
        now=now,
    )
    details = cipher.decrypt(request.details_encrypted) if request.details_encrypted else ""
    return ContactDetails(request.method, details, request.contacted_at)


def read_response(session: Session, *, response_id: int, reader: str, now: datetime) -> Response:
    """A response with its answers, for a member of staff; the read is audit-logged."""
    response = session.get(Response, response_id)
    if response is None or response.submitted_at is None:
        raise NotFound(f"No submitted response {response_id}.")
    audit.record(
        session, actor=reader, action="read", record_type="response", record_id=response_id, now=now
    )
    return response


def record_contact_made(
    session: Session, *, response_id: int, by: str, now: datetime, note: str = ""
) -> ContactRequest:
    """Record that the respondent was contacted; their details are deleted there and then."""
    request = session.scalar(
        select(ContactRequest).where(ContactRequest.response_id == response_id)
    )
    if request is None:
        raise NotFound(f"Response {response_id} has no contact request.")
    if request.contacted_at is None:
        request.contacted_at = now
    _delete_details(request, now)
    audit.record(
        session,
        actor=by,
        action="contact_made",
        record_type="contact_request",
        record_id=request.id,
        now=now,
        detail=note[:200],
    )
    alert = session.scalar(select(Alert).where(Alert.response_id == response_id))
    if alert is not None and alert.acknowledged_at is None:
        alert.acknowledged_at, alert.acknowledged_by = now, by
    return request


def purge_expired_contact_details(session: Session, *, now: datetime, retention_days: int) -> int:
    """Delete contact details kept longer than the retention period; returns how many."""
    cutoff = now - timedelta(days=retention_days)
    purged = session.execute(
        update(ContactRequest)
        .where(ContactRequest.created_at <= cutoff, ContactRequest.details_encrypted.is_not(None))
        .values(details_encrypted=None, details_deleted_at=now)
    ).rowcount
    if purged:
        audit.record(
            session,
            actor="clock",
            action="purge",
            record_type="contact_request",
            record_id="*",
            now=now,
            detail=f"{purged} expired",
        )
    return purged


def _delete_details(request: ContactRequest, now: datetime) -> None:
    if request.details_encrypted is not None:
        request.details_encrypted = None
        request.details_deleted_at = now
