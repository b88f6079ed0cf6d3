"""Alerts: a response that needs a person today reaches the chair and the duty inbox, and is chased.

Alerts carry the reasons and a link to the staff page, never the respondent's words or details.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from bot import rota
from bot.permissions import PO_ROLES
from heard import audit, outbox
from heard.clock import london
from heard.errors import HeardError, NotFound
from heard.models import AuditEntry, Conference, Officer, Site
from surveys.models import Alert, Response
from surveys.screening import REASONS

# Reasons an alert can carry besides the screen's own rules.
OTHER_REASONS = {
    "contact_requested": "asked to be contacted",
    "human_check": "the weekly human check found a possible disclosure the screen missed",
}

DISCLOSURE, CONTACT_REQUEST = "disclosure", "contact_request"
MAX_HAND_OVER_NOTE = 1000


@dataclass(frozen=True)
class AlertRouting:
    """Where alerts go until the duty rota takes over routing."""

    base_url: str
    duty_inbox_email: str
    duty_chat_channel: str
    assistant_head_email: str
    assistant_head_chat_channel: str
    ack_minutes: int

    @classmethod
    def from_settings(cls, settings: object) -> AlertRouting:
        return cls(
            base_url=settings.base_url,  # type: ignore[attr-defined]
            duty_inbox_email=settings.duty_inbox_email,  # type: ignore[attr-defined]
            duty_chat_channel=settings.duty_chat_channel,  # type: ignore[attr-defined]
            assistant_head_email=settings.assistant_head_email,  # type: ignore[attr-defined]
            assistant_head_chat_channel=settings.assistant_head_chat_channel,  # type: ignore[attr-defined]
            ack_minutes=settings.alert_ack_minutes,  # type: ignore[attr-defined]
        )


def staff_link(base_url: str, alert: Alert) -> str:
    return f"{base_url.rstrip('/')}/staff/alerts/{alert.id}"


def raise_alert(
    session: Session,
    *,
    response: Response,
    reasons: tuple[str, ...],
    contact_requested: bool,
    now: datetime,
    routing: AlertRouting,
) -> Alert:
    """Create the alert and its notifications to the chair and the duty inbox and channel."""
    kind = DISCLOSURE if reasons else CONTACT_REQUEST
    all_reasons = [*reasons, *(["contact_requested"] if contact_requested else [])]
    alert = Alert(response_id=response.id, kind=kind, reasons=all_reasons, created_at=now)
    session.add(alert)
    session.flush()
    subject, body = _message(session, alert, response, routing)
    recipients = [("email", routing.duty_inbox_email), ("chat", routing.duty_chat_channel)]
    chair = _chair_of(session, response)
    if chair is not None:
        recipients.insert(0, ("email", chair.email))
    outbox.enqueue_each(
        session,
        recipients,
        key=f"alert:{alert.id}",
        subject=subject,
        body=body,
        now=now,
        payload={"alert_id": alert.id, "kind": kind},
    )
    return alert


def _chair_of(session: Session, response: Response) -> Officer | None:
    if response.conference_id is None:
        return None
    conference = session.get(Conference, response.conference_id)
    return conference.chair if conference is not None else None


def _message(
    session: Session, alert: Alert, response: Response, routing: AlertRouting
) -> tuple[str, str]:
    urgent = alert.kind == DISCLOSURE
    subject = (
        "Heard: feedback may show a child at risk - please look today"
        if urgent
        else "Heard: a respondent has asked to be contacted"
    )
    described = list(describe_reasons(alert))
    where = _where(session, response)
    body = "\n".join(
        [
            subject.removeprefix("Heard: ").capitalize() + ".",
            f"Alert {alert.id}, raised {london(alert.created_at):%d %b %Y %H:%M}.",
            f"From: a {response.respondent_type} ({_provenance(response)}){where}.",
            "Why: " + "; ".join(described) + ".",
            f"Read it and acknowledge it here: {staff_link(routing.base_url, alert)}",
            f"If nobody acknowledges it within {routing.ack_minutes} minutes, "
            "it goes to the assistant heads of service.",
        ]
    )
    return subject, body


def _where(session: Session, response: Response) -> str:
    if response.conference_id is None:
        return ""
    conference = session.get(Conference, response.conference_id)
    if conference is None:
        return ""
    day = f"{london(conference.starts_at):%d %b %Y}"
    return f", {conference.conference_type} at {conference.site.name} on {day}"


def _provenance(response: Response) -> str:
    return "verified invitation" if response.verified else "open feedback, unverified"


def escalate_unacknowledged(session: Session, *, now: datetime, routing: AlertRouting) -> int:
    """Send each alert nobody has acknowledged in time to the assistant heads, once."""
    cutoff = now - timedelta(minutes=routing.ack_minutes)
    due = session.scalars(
        select(Alert.id).where(
            Alert.acknowledged_at.is_(None),
            Alert.escalated_at.is_(None),
            Alert.created_at <= cutoff,
        )
    ).all()
    escalated = 0
    for alert_id in due:
        # A conditional update: a second clock process escalating the same alert wins nothing.
        won = session.execute(
            update(Alert)
            .where(
                Alert.id == alert_id, Alert.escalated_at.is_(None), Alert.acknowledged_at.is_(None)
            )
            .values(escalated_at=now)
        ).rowcount
        if not won:
            continue
        escalated += 1
        alert = session.get(Alert, alert_id)
        assert alert is not None
        link = staff_link(routing.base_url, alert)
        subject = f"Heard: alert {alert_id} not acknowledged after {routing.ack_minutes} minutes"
        body = (
            f"Alert {alert_id} ({alert.kind}) was raised at "
            f"{london(alert.created_at):%H:%M on %d %b %Y} "
            f"and nobody has acknowledged it yet. Please make sure someone looks at it now: {link}"
        )
        outbox.enqueue_each(
            session,
            (
                ("email", routing.assistant_head_email),
                ("chat", routing.assistant_head_chat_channel),
            ),
            key=f"alert-escalation:{alert_id}",
            subject=subject,
            body=body,
            now=now,
            payload={"alert_id": alert_id, "kind": "escalation"},
        )
    session.flush()
    return escalated


def acknowledge_alert(
    session: Session, *, alert_id: int, by: str, now: datetime, note: str = ""
) -> Alert:
    """Record that a person has picked up the alert; it stops being chased."""
    alert = session.get(Alert, alert_id)
    if alert is None:
        raise NotFound(f"No alert {alert_id}.")
    if alert.acknowledged_at is None:
        alert.acknowledged_at, alert.acknowledged_by = now, by
        alert.note = note or None
        audit.record(
            session,
            actor=by,
            action="acknowledge",
            record_type="alert",
            record_id=alert_id,
            now=now,
        )
    return alert


def open_alerts(session: Session) -> list[Alert]:
    return list(
        session.scalars(
            select(Alert).where(Alert.acknowledged_at.is_(None)).order_by(Alert.created_at)
        )
    )


class AlreadyDone(HeardError):
    """Someone has already done this to the record (a stale form): nothing was changed."""


@dataclass(frozen=True)
class QueuedAlert:
    """An alert as the queue shows it: kind, reasons and where, never the respondent's words."""

    alert: Alert
    site_id: int | None
    site_name: str
    conference_type: str
    respondent_type: str
    reasons: tuple[str, ...]
    open_for: timedelta | None  # None once acknowledged


@dataclass(frozen=True)
class AlertQueue:
    open: list[QueuedAlert]
    acknowledged: list[QueuedAlert]


def may_see_site(
    officer: Officer, site_id: int | None, duty_by_site: dict[int, int | None]
) -> bool:
    """THE site rule: a PO sees an alert of their own site, or of a site they are duty PO for
    today; one with no site (open feedback from a poster) belongs to the whole service."""
    if site_id is None:
        return True
    return officer.site_id == site_id or duty_by_site.get(site_id) == officer.id


def duty_by_site(session: Session, *, now: datetime) -> dict[int, int | None]:
    """Today's duty PO at each site (the officer's id, or None for a gap)."""
    answers = rota.duty_today(session, at=now, out_of_hours_contact="")
    return {answer.site.id: answer.officer.id if answer.officer else None for answer in answers}


def site_of(session: Session, alert: Alert) -> int | None:
    """The alert's site: its conference's, else the response's own (None for open feedback)."""
    conference = _conference_of(session, alert)
    return conference.site_id if conference is not None else alert.response.site_id


def alert_for(session: Session, *, alert_id: int, officer: Officer, now: datetime) -> QueuedAlert:
    """One alert the officer may see; NotFound for another site's alert or no such alert."""
    alert = session.get(Alert, alert_id)
    if alert is None or not may_see_site(
        officer, site_of(session, alert), duty_by_site(session, now=now)
    ):
        raise NotFound("There is no such alert, or it is not one you can see.")
    return _queued(session, alert, now)


def alert_queue(
    session: Session, *, officer: Officer, now: datetime, recent_days: int = 7
) -> AlertQueue:
    """Open alerts the officer may see, oldest first, then those acknowledged recently."""
    duty = duty_by_site(session, now=now)
    open_rows = open_alerts(session)
    recent = session.scalars(
        select(Alert)
        .where(Alert.acknowledged_at >= now - timedelta(days=recent_days))
        .order_by(Alert.acknowledged_at.desc(), Alert.id.desc())
    )
    visible = [
        [_queued(session, a, now) for a in rows if may_see_site(officer, site_of(session, a), duty)]
        for rows in (open_rows, recent)
    ]
    return AlertQueue(open=visible[0], acknowledged=visible[1])


def describe_reasons(alert: Alert) -> tuple[str, ...]:
    """The alert's reasons in words (the screen's rules, or a request to be contacted)."""
    return tuple(REASONS.get(r) or OTHER_REASONS.get(r, r) for r in alert.reasons)


def acknowledge_open_alert(
    session: Session, *, alert_id: int, by: str, now: datetime, note: str = ""
) -> Alert:
    """Acknowledge an alert nobody has; AlreadyDone (nothing changed) if someone has."""
    # A conditional update: of two POs acknowledging at once, exactly one wins.
    won = cast(
        CursorResult[Any],
        session.execute(
            update(Alert)
            .where(Alert.id == alert_id, Alert.acknowledged_at.is_(None))
            .values(acknowledged_at=now, acknowledged_by=by, note=note.strip()[:2000] or None)
            .execution_options(synchronize_session=False)
        ),
    ).rowcount
    alert = session.get(Alert, alert_id, populate_existing=True)
    if alert is None:
        raise NotFound(f"No alert {alert_id}.")
    if not won:
        raise AlreadyDone(_acknowledged_text(alert))
    audit.record(
        session, actor=by, action="acknowledge", record_type="alert", record_id=alert_id, now=now
    )
    return alert


def hand_over_candidates(
    session: Session, *, alert: Alert, by: Officer, now: datetime
) -> list[Officer]:
    """The other active POs who may see the alert, by name: those it can be handed over to."""
    duty, site_id = duty_by_site(session, now=now), site_of(session, alert)
    officers = session.scalars(
        select(Officer)
        .where(Officer.role.in_(PO_ROLES), Officer.active.is_(True), Officer.id != by.id)
        .order_by(Officer.display_name, Officer.id)
    )
    return [officer for officer in officers if may_see_site(officer, site_id, duty)]


def hand_over_alert(
    session: Session,
    *,
    alert_id: int,
    by: Officer,
    to_officer_id: int,
    note: str,
    now: datetime,
    base_url: str,
) -> Officer:
    """Hand the alert to another PO with a note; they are told by email and chat at once."""
    queued = alert_for(session, alert_id=alert_id, officer=by, now=now)
    note = note.strip()
    if not note:
        raise HeardError("Write a note for the PO you are handing the alert over to.")
    if len(note) > MAX_HAND_OVER_NOTE:
        raise HeardError(f"Keep the note to {MAX_HAND_OVER_NOTE} characters.")
    candidates = hand_over_candidates(session, alert=queued.alert, by=by, now=now)
    to = next((officer for officer in candidates if officer.id == to_officer_id), None)
    if to is None:
        raise HeardError("Choose a Principal Officer who can see this alert.")
    entry = audit.record(
        session,
        actor=by.email,
        action="hand_over",
        record_type="alert",
        record_id=alert_id,
        now=now,
        detail=f"to {to.email}: {note}"[:MAX_HAND_OVER_NOTE],
    )
    session.flush()
    subject = f"Heard: {by.display_name} has handed alert {alert_id} over to you"
    body = "\n".join(
        [
            f"{by.display_name} has handed alert {alert_id} over to you.",
            f"Their note: {note}",
            f"Read it here: {staff_link(base_url, queued.alert)}",
        ]
    )
    outbox.enqueue_each(
        session,
        (("email", to.email), ("chat", f"officer:{to.email}")),
        key=f"alert-hand-over:{entry.id}",
        subject=subject,
        body=body,
        now=now,
        payload={"alert_id": alert_id, "kind": "hand_over"},
    )
    return to


def hand_overs(session: Session, *, alert_id: int) -> list[AuditEntry]:
    """The alert's hand-overs, oldest first (who, to whom, the note, when)."""
    return list(
        session.scalars(
            select(AuditEntry)
            .where(
                AuditEntry.record_type == "alert",
                AuditEntry.record_id == str(alert_id),
                AuditEntry.action == "hand_over",
            )
            .order_by(AuditEntry.at, AuditEntry.id)
        )
    )


def _queued(session: Session, alert: Alert, now: datetime) -> QueuedAlert:
    conference = _conference_of(session, alert)
    site_id = conference.site_id if conference is not None else alert.response.site_id
    site = session.get(Site, site_id) if site_id is not None else None
    return QueuedAlert(
        alert=alert,
        site_id=site_id,
        site_name=site.name if site is not None else "No site (open feedback)",
        conference_type=(
            conference.conference_type
            if conference is not None
            else alert.response.conference_type or "Not known"
        ),
        respondent_type=alert.response.respondent_type,
        reasons=describe_reasons(alert),
        open_for=None if alert.acknowledged_at is not None else now - alert.created_at,
    )


def _conference_of(session: Session, alert: Alert) -> Conference | None:
    conference_id = alert.response.conference_id
    return session.get(Conference, conference_id) if conference_id is not None else None


def _acknowledged_text(alert: Alert) -> str:
    when = london(alert.acknowledged_at) if alert.acknowledged_at else None
    at = f" at {when:%H:%M on %d %b %Y}" if when else ""
    return (
        f"This alert was already acknowledged by {alert.acknowledged_by}{at}. Nothing was changed."
    )
