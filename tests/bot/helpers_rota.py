"""The rota cast: two sites, two POs in turn at each, a rota keeper's settings and a clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.rota import set_rotation
from heard.clock import utcnow
from heard.models import Officer, OutboxMessage
from heard.notify import MemoryChat, MemoryMailer
from heard.scheduler import JobContext
from heard.settings import Settings
from tests.factories import AMIRA, DANIEL, LIFFORD_HOUSE, NOW, ONE_AVENUE_ROAD, make_officer

BEN = "ben.clarke@example.org"  # One Avenue Road, in turn with AMIRA
CHLOE = "chloe.evans@example.org"  # Lifford House, in turn with DANIEL
COVER = "priya.shah@example.org"  # a PO who covers either site
SOCIAL_WORKER = "sara.ahmed@example.org"
ANCHOR = date(2026, 1, 5)  # a Monday; AMIRA and DANIEL have the even weeks from here
OUT_OF_HOURS = "the Emergency Duty Team on 0121 675 4806"
KEEPER = "rota.keeper@example.org"
CHANNEL = "#cp-service"


@dataclass(frozen=True)
class RotaCast:
    amira: Officer
    ben: Officer
    daniel: Officer
    chloe: Officer
    cover: Officer


def rota_cast(session: Session) -> RotaCast:
    """The POs, with AMIRA/BEN in turn at One Avenue Road and DANIEL/CHLOE at Lifford House."""
    cast = RotaCast(
        amira=make_officer(session, AMIRA, site=ONE_AVENUE_ROAD),
        ben=make_officer(session, BEN, site=ONE_AVENUE_ROAD),
        daniel=make_officer(session, DANIEL, site=LIFFORD_HOUSE),
        chloe=make_officer(session, CHLOE, site=LIFFORD_HOUSE),
        cover=make_officer(session, COVER, site=LIFFORD_HOUSE),
    )
    set_rotation(
        session,
        site_name=ONE_AVENUE_ROAD,
        officer_emails=[AMIRA, BEN],
        anchor_monday=ANCHOR,
        now=NOW,
    )
    set_rotation(
        session,
        site_name=LIFFORD_HOUSE,
        officer_emails=[DANIEL, CHLOE],
        anchor_monday=ANCHOR,
        now=NOW,
    )
    return cast


def clock(
    sessions: sessionmaker[Session], at: datetime | None, worker: str = "clock-1"
) -> JobContext:
    """A job context whose now() is AT (the real clock when None), as one clock process has."""
    settings = Settings(rota_keeper_email=KEEPER, service_chat_channel=CHANNEL)
    return JobContext(
        settings=settings,
        factory=sessions,
        mailer=MemoryMailer(),
        chat=MemoryChat(),
        worker=worker,
        now=utcnow if at is None else lambda: at,
    )


def outbox(session: Session) -> list[OutboxMessage]:
    """Every message queued, oldest first."""
    return list(session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
