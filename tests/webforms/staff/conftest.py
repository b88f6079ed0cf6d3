"""Staff-page fixtures: accounts with roles, signed in through the real sign-in form, and a
seeded `world` with one of every record a staff page can be about."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest
from argon2 import PasswordHasher
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.checklist import ensure_checklists
from bot.escalations import ESCALATION_THEMES, log_escalation
from bot.models import ChecklistItem
from heard.settings import Settings
from staff import accounts
from staff.accounts import StaffMember, add_account, member
from staff.roles import Role
from surveys import responses
from surveys.contact import ContactCipher
from surveys.models import Alert, Response
from tests.bot.helpers_consultations import ask, consultation_cast
from tests.factories import AMIRA, NOW, ONE_AVENUE_ROAD, make_conference, make_invitation, make_site
from tests.surveys.test_responses import ROUTING, answer_everything
from tests.webforms.conftest import csrf_of

PASSWORD = "correct horse battery staple"
EMAILS = {
    Role.BUSINESS_SUPPORT: "bea.clarke@example.org",
    Role.PRINCIPAL_OFFICER: AMIRA,
    Role.MANAGER: "priya.sandhu@example.org",
    Role.ADMIN: "alex.morgan@example.org",
}


@pytest.fixture(autouse=True)
def quick_password_hashing(monkeypatch):
    """argon2 at the service's cost takes a noticeable moment per sign-in; the staff tests sign
    in hundreds of times, so they hash cheaply (tests/heard/test_cli_staff.py checks the real
    parameters)."""
    monkeypatch.setattr(
        accounts, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


def make_staff(
    session: Session,
    *roles: Role,
    email: str | None = None,
    site: str | None = ONE_AVENUE_ROAD,
    must_change_password: bool = False,
) -> StaffMember:
    """A committed account holding ROLES, with the test PASSWORD."""
    if site:
        make_site(session, site)
    email = email or EMAILS[roles[0]]
    account, _ = add_account(
        session,
        email=email,
        display_name=email.split("@")[0].replace(".", " ").title(),
        roles=roles,
        site=site,
        now=NOW,
        actor="test",
        password=PASSWORD,
        must_change_password=must_change_password,
    )
    session.commit()
    return member(account)


def sign_in(client: FlaskClient, email: str, password: str = PASSWORD):
    page = client.get("/staff/sign-in")
    return client.post(
        "/staff/sign-in",
        data={"email": email, "password": password, "csrf_token": csrf_of(page.text)},
    )


@pytest.fixture
def sign_in_as(client: FlaskClient, sessions: sessionmaker[Session]):
    """sign_in_as(Role.MANAGER, ...) -> the StaffMember, signed in on `client`."""

    def _sign_in_as(*roles: Role, email: str | None = None, site: str | None = ONE_AVENUE_ROAD):
        with sessions() as session:
            staff = make_staff(session, *roles, email=email, site=site)
        response = sign_in(client, staff.email)
        assert response.status_code == 302, response.text
        return staff

    return _sign_in_as


@dataclass(frozen=True)
class World:
    """One of everything a staff page can be about, at One Avenue Road, chaired by AMIRA.

    `params` fills a route's URL parameters by name (the names in briefs/staff_common.md).
    """

    params: dict[str, int]
    response_ids: tuple[int, ...]


def build_world(session: Session, settings: Settings) -> World:
    """Seed the world through the domain functions, as the service itself would."""
    conference = make_conference(session)
    issued = make_invitation(session, conference=conference)
    cipher = ContactCipher.from_settings(settings.contact_key, settings.secret_key)
    flagged = _submitted(session, issued.invitation, "my dad hits me", cipher=cipher)
    alert = session.scalar(select(Alert).where(Alert.response_id == flagged.id))
    # An unflagged answer in the same week, so the weekly screen check has one to offer.
    second = make_invitation(session, conference=conference)
    plain = _submitted(session, second.invitation, "The chair explained everything well")
    cast = consultation_cast(session)
    consultation = ask(session, cast)
    escalation = log_escalation(
        session,
        raised_by=cast.amira,
        case_reference="CP-1001",
        themes=["drift_and_delay"],
        stage="stage_1",
        raised_with="Team manager, Northfield CIN team",
        note="No core group since the ICPC.",
        now=NOW,
        response_due_days=5,
        prolonged_after_days=20,
        known_themes=ESCALATION_THEMES,
    )
    ensure_checklists(session, now=NOW)
    item = session.scalars(
        select(ChecklistItem)
        .where(ChecklistItem.conference_id == conference.id)
        .order_by(ChecklistItem.id)
    ).first()
    params = {
        "conference_id": conference.id,
        "invitation_id": issued.invitation.id,
        "response_id": flagged.id,
        "alert_id": alert.id,
        "consultation_id": consultation.id,
        "escalation_id": escalation.id,
        "officer_id": cast.amira.id,
        "site_id": cast.amira.site_id,
        "item_id": item.id,
    }
    sample = _screen_sample(session, settings)
    if sample is not None:
        params["sample_id"] = sample
    session.commit()
    return World(params=params, response_ids=(flagged.id, plain.id))


def _submitted(session: Session, invitation, comments: str, *, cipher=None) -> Response:
    response = responses.start_or_resume(session, invitation=invitation, now=NOW)
    answer_everything(session, response, comments)
    if cipher is not None:
        responses.record_contact_choice(
            session,
            response=response,
            wants_contact=True,
            method="phone",
            details="07700 900982",
            cipher=cipher,
            now=NOW,
        )
    responses.submit_response(session, response=response, now=NOW, routing=ROUTING)
    return response


def _screen_sample(session: Session, settings: Settings) -> int | None:
    try:  # the weekly screen check arrives with its own helper; seed it once it exists
        from surveys import screen_check
    except ImportError:
        return None
    routing = screen_check.Routing(
        base_url=settings.base_url,
        duty_inbox_email="duty@example.org",
        duty_chat_channel="#duty",
        sample_size=10,
    )
    sample = screen_check.take_sample(
        session, week_start=NOW.date(), now=NOW, routing=routing, rng=random.Random(5)
    )
    return sample.id if sample is not None else None


@pytest.fixture
def world(sessions: sessionmaker[Session], settings: Settings) -> World:
    with sessions() as session:
        return build_world(session, settings)
