"""The chat cast: a duty PO at each site every week, a Lifford House social worker, a manager,
an ICPC that Amira chairs on Thursday, and the form answers a social worker gives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.adapters.memory import MemoryBot
from bot.checklist import ensure_checklists
from bot.models import Consultation
from bot.render import Reply
from bot.rota import set_rotation
from heard.models import Conference, Officer, OutboxMessage, Site
from tests.factories import (
    AMIRA,
    DANIEL,
    LIFFORD_HOUSE,
    NOW,
    ONE_AVENUE_ROAD,
    make_conference,
    make_officer,
)

SARA = "sara.ahmed@example.org"  # a social worker at Lifford House
MANAGER = "mo.khan@example.org"
ANCHOR = date(2026, 11, 23)  # NOW's Monday: one PO in each site's rotation, so every week


@dataclass(frozen=True)
class ChatCast:
    amira: Officer
    daniel: Officer
    sara: Officer
    lifford: Site
    icpc: Conference  # chaired by Amira on Thursday 26 November


def chat_cast(session: Session) -> ChatCast:
    amira = make_officer(session, AMIRA, site=ONE_AVENUE_ROAD)
    daniel = make_officer(session, DANIEL, site=LIFFORD_HOUSE)
    sara = make_officer(session, SARA, site=LIFFORD_HOUSE, role="social_worker")
    make_officer(session, MANAGER, role="manager")
    for site, email in ((ONE_AVENUE_ROAD, AMIRA), (LIFFORD_HOUSE, DANIEL)):
        set_rotation(session, site_name=site, officer_emails=[email], anchor_monday=ANCHOR, now=NOW)
    icpc = make_conference(session, case_reference="CP-2001", on=date(2026, 11, 26))
    ensure_checklists(session, now=NOW)
    lifford = session.scalars(select(Site).where(Site.name == LIFFORD_HOUSE)).one()
    session.commit()
    return ChatCast(amira=amira, daniel=daniel, sara=sara, lifford=lifford, icpc=icpc)


REQUEST_ANSWERS: dict[str, str | list[str]] = {
    "case_reference": "CP-1001",
    "category": "neglect",
    "prevalent_issues": ["domestic_abuse", "parental_mental_health"],
    "urgency": "today",
    "availability": "Free after 2pm on my mobile",
}
ESCALATION_ANSWERS: dict[str, str | list[str]] = {
    "case_reference": "CP-3003",
    "themes": ["drift_and_delay"],
    "stage": "stage_1",
    "raised_with": "Team manager, Lifford House",
    "note": "Core groups not held since the ICPC",
}


def chats_to(session: Session, email: str) -> list[OutboxMessage]:
    """The chat notices queued for the officer with EMAIL, oldest first."""
    return list(
        session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.recipient == f"officer:{email}")
            .order_by(OutboxMessage.id)
        )
    )


def count(session: Session, model: type) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(model)) or 0


def request(bot: MemoryBot, **changes: str) -> Reply:
    """Sara asks for a consultation with the usual answers (CHANGES replace some)."""
    reply = bot.submit(SARA, "consultation.request", {**REQUEST_ANSWERS, **changes})
    assert not reply.error, reply.text
    return reply


def the_consultation(session: Session) -> Consultation:
    session.expire_all()
    return session.scalars(select(Consultation)).one()
