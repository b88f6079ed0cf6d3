"""Alerts: a response that needs a person today reaches the chair and the duty inbox, and is chased.

Alerts carry the reasons and a link to the staff page, never the respondent's words or details.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from heard import audit, outbox
from heard.clock import london
from heard.errors import NotFound
from heard.models import Conference, Officer
from surveys.models import Alert, Response
from surveys.screening import REASONS

DISCLOSURE, CONTACT_REQUEST = "disclosure", "contact_request"


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
    for channel, recipient in recipients:
        outbox.enqueue(
            session,
            dedupe_key=f"alert:{alert.id}:{channel}:{recipient}",
            channel=channel,
            recipient=recipient,
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
    described = [
        REASONS.get(r, "asked to be contacted" if r == "contact_requested" else r)
        for r in alert.reasons
    ]
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
        for channel, recipient in (
            ("email", routing.assistant_head_email),
            ("chat", routing.assistant_head_chat_channel),
        ):
            outbox.enqueue(
                session,
                dedupe_key=f"alert-escalation:{alert_id}:{channel}",
                channel=channel,
                recipient=recipient,
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
