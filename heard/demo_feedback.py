"""Demo feedback for the embedded mode: six weeks of past conferences and the answers given to
them, one disclosure with a request to be phoned, an open escalation and a waiting consultation,
so that each staff page has something on it the first time a newcomer signs in."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.consultations import request_consultation
from bot.escalations import escalation_themes, log_escalation
from heard.clock import from_london
from heard.models import Conference, Officer, Site
from heard.settings import Settings
from surveys.alerts import AlertRouting
from surveys.contact import ContactCipher
from surveys.invitations import expiry_for
from surveys.models import Invitation
from surveys.questionnaires import TEXT, questionnaire_for
from surveys.responses import (
    record_answer,
    record_contact_choice,
    start_or_resume,
    submit_response,
)

# In the voice of the annual reports' quotes; no names, as the form asks.
COMMENTS = (
    "The chair explained everything before the meeting and I knew what to expect.",
    "I only got the report the night before so I could not read it properly.",
    "Everyone was respectful and they said what we are doing well as a family.",
    "The interpreter did not turn up and the meeting went ahead in English.",
    "I could not hear people on the video call and nobody noticed.",
    "They listened to what I wanted and wrote it in the plan.",
    "Too many people in the room, it was scary.",
    "Clear plan, I know what the social worker will do and by when.",
    "The meeting was moved twice and nobody told me why.",
    "I was asked for my view on risk before the decision, which helped.",
)
DISCLOSURE = "When he drinks he hits my mum and I am scared to go home."
CHAIRS = ("amira.hussain@example.org", "daniel.okafor@example.org")


def load_demo_feedback(session: Session, *, now: datetime, settings: Settings) -> None:
    rng = random.Random(2026)
    routing = AlertRouting.from_settings(settings)
    cipher = ContactCipher.from_settings(settings.contact_key, settings.secret_key)
    sites = list(session.scalars(select(Site).order_by(Site.id)))
    n = 0
    for weeks_ago in range(6, 0, -1):
        for site in sites:
            n += 1
            day = _weekday(now.date() - timedelta(weeks=weeks_ago, days=rng.randrange(0, 3)))
            conference = _past_conference(session, site, day, n)
            for respondent_type in ("parent", "child", "professional"):
                invitation = _invitation(session, conference, respondent_type, settings)
                at = conference.starts_at + timedelta(hours=3)
                _answer(session, invitation, at, rng, settings, routing)
    # The flagged one: a child's words, and a parent who asked to be phoned.
    conference = _past_conference(session, sites[0], _weekday(now.date() - timedelta(days=1)), 99)
    child = _invitation(session, conference, "child", settings)
    at = conference.starts_at + timedelta(hours=2)
    _answer(session, child, at, rng, settings, routing, comment=DISCLOSURE)
    parent = _invitation(session, conference, "parent", settings)
    _answer(session, parent, at, rng, settings, routing, phone="07700 900123", cipher=cipher)
    _chat_ops(session, now, settings)


def _weekday(day: date) -> date:
    while day.weekday() > 4:
        day -= timedelta(days=1)
    return day


def _past_conference(session: Session, site: Site, day: date, n: int) -> Conference:
    icpc = n % 3 != 0
    chair = session.scalar(select(Officer).where(Officer.email == CHAIRS[n % 2]))
    conference = Conference(
        case_reference=f"CP-DEMO-{n:04d}",
        conference_type="ICPC" if icpc else "RCPC",
        starts_on=day,
        starts_at=from_london(day, time(10, 0)),
        site=site,
        chair=chair,
        strategy_discussion_on=day - timedelta(days=12) if icpc else None,
        outcome="plan" if icpc else "plan_continued",
        imported_at=from_london(day - timedelta(days=7), time(9, 0)),
    )
    session.add(conference)
    session.flush()
    return conference


def _invitation(
    session: Session, conference: Conference, respondent_type: str, settings: Settings
) -> Invitation:
    invitation = Invitation(
        conference_id=conference.id,
        respondent_type=respondent_type,
        agency="school" if respondent_type == "professional" else None,
        language="en",
        expires_at=expiry_for(conference, settings.token_expiry_days),
        created_at=conference.imported_at,
        family_role="child" if respondent_type == "child" else None,
        attendance="in_person",
    )
    session.add(invitation)
    session.flush()
    return invitation


def _answer(
    session: Session,
    invitation: Invitation,
    at: datetime,
    rng: random.Random,
    settings: Settings,
    routing: AlertRouting,
    *,
    comment: str | None = None,
    phone: str | None = None,
    cipher: ContactCipher | None = None,
) -> None:
    response = start_or_resume(session, invitation=invitation, now=at)
    questionnaire = questionnaire_for(invitation.respondent_type, response.conference_type)
    for question in questionnaire.questions:
        if question.kind == TEXT:
            text = comment or (rng.choice(COMMENTS) if rng.random() < 0.7 else "")
            if not text and question.optional:
                continue
            value = text or COMMENTS[0]
        else:
            # Mostly the better answers, as real feedback is.
            options = question.options
            value = options[min(int(rng.random() ** 2 * len(options)), len(options) - 1)].value
        record_answer(
            session,
            response=response,
            question_key=question.key,
            value=value,
            now=at,
            max_text_length=settings.max_text_length,
        )
    if phone and cipher:
        record_contact_choice(
            session,
            response=response,
            wants_contact=True,
            method="phone",
            details=phone,
            cipher=cipher,
            now=at,
        )
    submit_response(session, response=response, now=at + timedelta(minutes=5), routing=routing)


def _chat_ops(session: Session, now: datetime, settings: Settings) -> None:
    amira = session.scalar(select(Officer).where(Officer.email == CHAIRS[0]))
    social_worker = session.scalar(select(Officer).where(Officer.role == "social_worker"))
    if amira is not None:
        log_escalation(
            session,
            raised_by=amira,
            case_reference="CP-DEMO-0003",
            themes=[next(iter(escalation_themes(settings.escalation_themes_extra)))],
            stage="stage_1",
            raised_with="Team manager",
            note="Report not shared with the family before the conference.",
            now=now - timedelta(days=9),
            response_due_days=settings.escalation_response_days,
            prolonged_after_days=settings.escalation_prolonged_days,
            known_themes=escalation_themes(settings.escalation_themes_extra),
        )
    if social_worker is not None:
        request_consultation(
            session,
            requester=social_worker,
            case_reference="CP-DEMO-0100",
            site=social_worker.site,
            category="neglect",
            prevalent_issues=["domestic_abuse"],
            urgency="this_week",
            availability="Any time after 2pm",
            now=now,
            accept_minutes=settings.consultation_accept_minutes,
            out_of_hours_contact=settings.out_of_hours_contact,
        )
