"""The consultations cast: a duty PO at each site, a Lifford House social worker, two assistant
heads, and a request with sensible defaults."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.consultations import pass_on_consultation, request_consultation, route_timed_out
from bot.models import Consultation, ConsultationEvent
from bot.rota import set_rotation
from heard.models import AuditEntry, Officer, OutboxMessage
from tests.factories import AMIRA, DANIEL, LIFFORD_HOUSE, NOW, ONE_AVENUE_ROAD, make_officer

SOCIAL_WORKER = "sara.ahmed@example.org"
HEAD = "grace.bennett@example.org"
SECOND_HEAD = "harriet.cole@example.org"
OUT_OF_HOURS = "the Emergency Duty Team on 0121 675 4806"
ANCHOR = date(2026, 1, 5)  # a Monday: each site's rotation has one PO, so every week is theirs


@dataclass(frozen=True)
class Cast:
    amira: Officer  # duty PO at One Avenue Road
    daniel: Officer  # duty PO at Lifford House
    social_worker: Officer  # based at Lifford House
    head: Officer
    second_head: Officer


def consultation_cast(session: Session) -> Cast:
    """The officers, with AMIRA and DANIEL on duty every week at their sites."""
    cast = Cast(
        amira=make_officer(session, AMIRA, site=ONE_AVENUE_ROAD),
        daniel=make_officer(session, DANIEL, site=LIFFORD_HOUSE),
        social_worker=make_officer(
            session, SOCIAL_WORKER, site=LIFFORD_HOUSE, role="social_worker"
        ),
        head=make_officer(session, HEAD, role="assistant_head"),
        second_head=make_officer(session, SECOND_HEAD, role="assistant_head"),
    )
    for site, email in ((ONE_AVENUE_ROAD, AMIRA), (LIFFORD_HOUSE, DANIEL)):
        set_rotation(session, site_name=site, officer_emails=[email], anchor_monday=ANCHOR, now=NOW)
    return cast


def ask(session: Session, cast: Cast, **overrides: Any) -> Consultation:
    """The social worker's request, at NOW unless told otherwise."""
    arguments: dict[str, Any] = {
        "requester": cast.social_worker,
        "case_reference": "CP-1001",
        "site": None,
        "category": "neglect",
        "prevalent_issues": ["domestic_abuse", "parental_mental_health"],
        "urgency": "today",
        "availability": "Free after 2pm on my mobile",
        "now": NOW,
        "accept_minutes": 30,
        "out_of_hours_contact": OUT_OF_HOURS,
    }
    arguments.update(overrides)
    return request_consultation(session, **arguments)


def chat_to(session: Session, officer: Officer) -> list[OutboxMessage]:
    """The chat notices queued for OFFICER, oldest first."""
    return list(
        session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.recipient == f"officer:{officer.email}")
            .order_by(OutboxMessage.id)
        )
    )


def timeline(session: Session, consultation: Consultation) -> list[tuple[str, str | None]]:
    """The consultation's events as (kind, officer's email), from the database."""
    rows = session.execute(
        select(ConsultationEvent.kind, Officer.email)
        .outerjoin(Officer, Officer.id == ConsultationEvent.officer_id)
        .where(ConsultationEvent.consultation_id == consultation.id)
        .order_by(ConsultationEvent.id)
    )
    return [(row.kind, row.email) for row in rows]


def route(session: Session, at: datetime) -> int:
    return route_timed_out(session, now=at, accept_minutes=30, out_of_hours_contact=OUT_OF_HOURS)


def pass_on(
    session: Session, consultation: Consultation, officer: Officer, at: datetime = NOW
) -> Consultation:
    return pass_on_consultation(
        session,
        consultation_id=consultation.id,
        officer=officer,
        now=at,
        accept_minutes=30,
        out_of_hours_contact=OUT_OF_HOURS,
    )


def counts(session: Session) -> tuple[int, ...]:
    """Consultations, events, outbox messages and audit entries: to show nothing changed."""
    tables = (Consultation, ConsultationEvent, OutboxMessage, AuditEntry)
    return tuple(session.scalar(select(func.count()).select_from(t)) or 0 for t in tables)
