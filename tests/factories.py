"""Plain make_* helpers with sensible defaults, and the small named cast."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from heard.clock import from_london
from heard.models import Conference, Officer, Site
from surveys.invitations import IssuedInvitation, issue_token
from surveys.models import Invitation

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)  # a Monday
ONE_AVENUE_ROAD, LIFFORD_HOUSE = "One Avenue Road", "Lifford House"
AMIRA = "amira.hussain@example.org"  # the duty PO at One Avenue Road
DANIEL = "daniel.okafor@example.org"  # the duty PO at Lifford House


def make_site(session: Session, name: str = ONE_AVENUE_ROAD) -> Site:
    site = session.scalar(select(Site).where(Site.name == name))
    if site is None:
        site = Site(name=name)
        session.add(site)
        session.flush()
    return site


def make_officer(
    session: Session,
    email: str = AMIRA,
    *,
    site: str = ONE_AVENUE_ROAD,
    role: str = "principal_officer",
) -> Officer:
    officer = session.scalar(select(Officer).where(Officer.email == email))
    if officer is None:
        name = email.split("@")[0].replace(".", " ").title()
        officer = Officer(email=email, display_name=name, role=role, site=make_site(session, site))
        session.add(officer)
        session.flush()
    return officer


def make_conference(
    session: Session,
    *,
    case_reference: str = "CP-1001",
    conference_type: str = "ICPC",
    on: date = date(2026, 11, 26),
    at_hour: int = 10,
    site: str = ONE_AVENUE_ROAD,
    chair: str | None = AMIRA,
) -> Conference:
    from datetime import time

    conference = Conference(
        case_reference=case_reference,
        conference_type=conference_type,
        starts_on=on,
        starts_at=from_london(on, time(at_hour, 0)),
        site=make_site(session, site),
        chair=make_officer(session, chair, site=site) if chair else None,
        strategy_discussion_on=on - timedelta(days=14) if conference_type == "ICPC" else None,
        imported_at=NOW,
    )
    session.add(conference)
    session.flush()
    return conference


def make_invitation(
    session: Session,
    *,
    conference: Conference | None = None,
    respondent_type: str = "parent",
    agency: str | None = None,
    language: str = "en",
    expiry_days: int = 28,
) -> IssuedInvitation:
    conference = conference or make_conference(session)
    invitation = Invitation(
        conference_id=conference.id,
        respondent_type=respondent_type,
        agency=agency if respondent_type == "professional" else None,
        language=language,
        expires_at=conference.starts_at + timedelta(days=expiry_days),
        created_at=NOW,
    )
    session.add(invitation)
    session.flush()
    return issue_token(session, invitation=invitation, base_url="https://heard.test", now=NOW)
