"""Reading and closing contact requests: every read is audited; details go once contact is made."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from heard import audit
from heard.clock import london
from heard.errors import NotFound
from heard.models import Conference, Officer
from surveys.alerts import AlreadyDone, duty_by_site, may_see_site
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


@dataclass(frozen=True)
class ContactStatus:
    """Whether and how a respondent asked to be contacted, without the details themselves."""

    method: str
    contacted_at: datetime | None
    details_deleted_at: datetime | None
    has_details: bool


def contact_status(session: Session, *, response_id: int) -> ContactStatus | None:
    """The contact request's state for a staff page; reads no details, so needs no audit."""
    # Columns, not the ContactRequest row: the details never leave the database here.
    row = session.execute(
        select(
            ContactRequest.method,
            ContactRequest.contacted_at,
            ContactRequest.details_deleted_at,
            ContactRequest.details_encrypted.is_not(None).label("has_details"),
        ).where(ContactRequest.response_id == response_id)
    ).first()
    if row is None:
        return None
    return ContactStatus(
        row.method, row.contacted_at, row.details_deleted_at, bool(row.has_details)
    )


def record_contact_once(
    session: Session, *, response_id: int, by: str, now: datetime, note: str = ""
) -> ContactRequest:
    """Record contact made unless someone already has; AlreadyDone (nothing changed) if so."""
    status = contact_status(session, response_id=response_id)
    if status is None:
        raise NotFound(f"Response {response_id} has no contact request.")
    # A conditional update: of two POs recording at once, exactly one wins.
    won = cast(
        CursorResult[Any],
        session.execute(
            update(ContactRequest)
            .where(ContactRequest.response_id == response_id, ContactRequest.contacted_at.is_(None))
            .values(contacted_at=now)
            .execution_options(synchronize_session=False)
        ),
    ).rowcount
    if not won:
        at = london(status.contacted_at) if status.contacted_at else None
        when = f" at {at:%H:%M on %d %b %Y}" if at else ""
        raise AlreadyDone(f"Contact was already recorded as made{when}. Nothing was changed.")
    session.expire_all()
    return record_contact_made(session, response_id=response_id, by=by, now=now, note=note)


def response_for(
    session: Session, *, response_id: int, officer: Officer, now: datetime
) -> Response:
    """A submitted response the officer may see (the alerts' site rule); NotFound otherwise.

    Loads no answers: read them through read_response or read_original_response (audited)."""
    response = session.get(Response, response_id)
    if response is None or response.submitted_at is None:
        raise NotFound("There is no such response, or it is not one you can see.")
    site_id = response.site_id
    if response.conference_id is not None:
        conference = session.get(Conference, response.conference_id)
        site_id = conference.site_id if conference is not None else site_id
    if not may_see_site(officer, site_id, duty_by_site(session, now=now)):
        raise NotFound("There is no such response, or it is not one you can see.")
    return response


def read_original_response(
    session: Session, *, response_id: int, reader: str, now: datetime
) -> Response:
    """A response with its original, unredacted words: an explicit read, audit-logged as such."""
    response = read_response(session, response_id=response_id, reader=reader, now=now)
    audit.record(
        session,
        actor=reader,
        action="read original",
        record_type="response",
        record_id=response_id,
        now=now,
        detail="unredacted free text shown",
    )
    return response
