"""Consultations: a social worker asks, a PO accepts and later records the outcome.

An offer nobody accepts within the allowed working minutes moves on: the own site's duty PO
(round 1), then the other sites' duty POs (round 2), then every assistant head (round 3 and on,
re-chased at each expiry until someone accepts); a round with nobody in it is skipped. Moving on
is a conditional UPDATE on (id, offer_round), so two clocks, or a pass racing a timeout, move a
consultation once. Every step is a ConsultationEvent: the annual report counts them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, select, update
from sqlalchemy.orm import Session

from bot import rota
from bot.models import Consultation, ConsultationEvent, ConsultationStatus
from bot.notices import Action, notify, officer_recipient
from bot.permissions import require_po, require_staff
from bot.vocabulary import (
    CONSULTATION_CATEGORIES,
    CONSULTATION_OUTCOMES,
    PREVALENT_ISSUES,
    URGENCIES,
    choose,
    choose_issues,
)
from heard import audit
from heard.clock import london
from heard.db import transaction
from heard.errors import HeardError, NotAllowed, NotFound
from heard.models import Officer, Site
from heard.scheduler import Job, JobContext
from heard.workdays import add_working_minutes, is_working_time
from surveys.schedule import CASE_REFERENCE

logger = logging.getLogger(__name__)

OWN_SITE, OTHER_SITES, ASSISTANT_HEADS = 1, 2, 3
REQUESTED, OFFERED, PASSED = "requested", "offered", "passed"
TIMED_OUT, ACCEPTED, OUTCOME = "timed_out", "accepted", "outcome"
_S = ConsultationStatus
WAITING, TAKEN, DONE = _S.WAITING, _S.ACCEPTED, _S.COMPLETED
MAX_AVAILABILITY, MAX_NOTE = 500, 2000
ROUTE_SECONDS = 60


@dataclass(frozen=True)
class _Terms:
    """What every offer needs: the time, the minutes allowed, and the out-of-hours contact."""

    now: datetime
    accept_minutes: int
    out_of_hours_contact: str


def request_consultation(
    session: Session,
    *,
    requester: Officer,
    case_reference: str,
    site: Site | None,
    category: str,
    prevalent_issues: list[str],
    urgency: str,
    availability: str,
    now: datetime,
    accept_minutes: int,
    out_of_hours_contact: str,
    idempotency_key: str | None = None,
) -> Consultation:
    """Ask for a consultation with a PO; the duty PO at the site is offered it first."""
    require_staff(requester)
    if idempotency_key:
        existing = session.scalar(
            select(Consultation).where(Consultation.idempotency_key == idempotency_key)
        )
        if existing is not None:
            return existing
    consultation = Consultation(
        case_reference=_case_reference(case_reference),
        category=choose(category, CONSULTATION_CATEGORIES, "category of concern"),
        prevalent_issues=choose_issues(prevalent_issues),
        urgency=choose(urgency, URGENCIES, "urgency"),
        availability=_text(availability, MAX_AVAILABILITY, "When you are free"),
        site=_site(site, requester),
        requested_by=requester,
        status=WAITING,
        requested_at=now,
        offer_round=0,
        idempotency_key=idempotency_key or None,
    )
    session.add(consultation)
    session.flush()
    _step(session, consultation, REQUESTED, now, requester)
    terms = _Terms(now, accept_minutes, out_of_hours_contact)
    if not is_working_time(now):
        _tell_out_of_hours(session, consultation, terms)
    _offer(session, consultation, OWN_SITE, terms)
    return consultation


def accept_consultation(
    session: Session, *, consultation_id: int, officer: Officer, now: datetime
) -> Consultation:
    """Take a waiting consultation; the social worker is told your name."""
    require_po(officer)
    consultation = consultation_of(session, consultation_id)
    if consultation.accepted_by_id == officer.id:
        return consultation  # a retry or a second click
    if consultation.status != WAITING:
        raise _not_waiting(consultation)
    won = _update_if(
        session,
        consultation,
        Consultation.status == WAITING,
        status=TAKEN,
        accepted_by_id=officer.id,
        accepted_at=now,
    )
    if not won:
        if consultation.accepted_by_id == officer.id:
            return consultation
        raise _not_waiting(consultation)
    _step(session, consultation, ACCEPTED, now, officer, _round(consultation.offer_round))
    notify(
        session,
        key=f"consultation:{consultation.id}:accepted",
        recipient=officer_recipient(consultation.requested_by),
        text=f"{officer.display_name} has accepted your consultation request for case "
        f"{consultation.case_reference} and will contact you.",
        now=now,
    )
    return consultation


def pass_on_consultation(
    session: Session,
    *,
    consultation_id: int,
    officer: Officer,
    now: datetime,
    accept_minutes: int,
    out_of_hours_contact: str,
) -> Consultation:
    """Decline a consultation offered to you: it goes to the next round at once."""
    require_po(officer)
    consultation = consultation_of(session, consultation_id)
    if consultation.status != WAITING:
        raise _not_waiting(consultation)
    round_ = consultation.offer_round
    if officer.id not in _officers(session, consultation.id, OFFERED, round_):
        if officer.id in _officers(session, consultation.id, PASSED):
            return consultation  # a retry: it has moved on already
        raise NotAllowed("This consultation is not waiting for you, so you cannot pass it on.")
    _step(session, consultation, PASSED, now, officer, _round(round_))
    terms = _Terms(now, accept_minutes, out_of_hours_contact)
    if _move_on(session, consultation, round_):
        _offer(session, consultation, round_ + 1, terms)
    return consultation


def record_outcome(
    session: Session,
    *,
    consultation_id: int,
    officer: Officer,
    outcome: str,
    note: str,
    now: datetime,
) -> Consultation:
    """Record what an accepted consultation decided, in the Milton Keynes categories."""
    require_po(officer)
    consultation = consultation_of(session, consultation_id)
    choose(outcome, CONSULTATION_OUTCOMES, "outcome")
    note = _text(note, MAX_NOTE, "The note")
    if consultation.status not in (TAKEN, DONE):
        raise HeardError("Accept the consultation before recording its outcome.")
    if officer.id != consultation.accepted_by_id and officer.role != "assistant_head":
        raise NotAllowed(
            f"Only {_name(consultation.accepted_by)}, who accepted this consultation, "
            "or an assistant head can record its outcome."
        )
    won = consultation.status == TAKEN and _update_if(
        session,
        consultation,
        Consultation.status == TAKEN,
        status=DONE,
        outcome=outcome,
        outcome_note=note,
        completed_at=now,
    )
    if not won:
        if (consultation.outcome, consultation.outcome_note) == (outcome, note):
            return consultation  # a retry
        label = CONSULTATION_OUTCOMES.get(consultation.outcome or "", consultation.outcome)
        raise HeardError(f"The outcome is already recorded: {label}.")
    _step(session, consultation, OUTCOME, now, officer, outcome)
    return consultation


def route_timed_out(
    session: Session, *, now: datetime, accept_minutes: int, out_of_hours_contact: str
) -> int:
    """Move every offer that nobody accepted in time to its next round; how many moved."""
    due = session.execute(
        select(Consultation.id, Consultation.offer_round)
        .where(Consultation.status == WAITING, Consultation.offer_expires_at <= now)
        .order_by(Consultation.offer_expires_at, Consultation.id)
    ).all()
    terms = _Terms(now, accept_minutes, out_of_hours_contact)
    return sum(_time_out(session, row.id, row.offer_round, terms) for row in due)


def open_consultations(session: Session, *, officer: Officer | None = None) -> list[Consultation]:
    """Consultations without an outcome, oldest first; with OFFICER, only those for them."""
    found = session.scalars(
        select(Consultation)
        .where(Consultation.status.in_((WAITING, TAKEN)))
        .order_by(Consultation.requested_at, Consultation.id)
    ).all()
    return [c for c in found if officer is None or _concerns(session, c, officer)]


def route_job(context: JobContext) -> None:
    """Move on every consultation offer that nobody accepted in time."""
    with transaction(context.factory) as session:
        moved = route_timed_out(
            session,
            now=context.now(),
            accept_minutes=context.settings.consultation_accept_minutes,
            out_of_hours_contact=context.settings.out_of_hours_contact,
        )
    if moved:
        logger.info("consultations: %s offers moved on", moved)


def jobs() -> list[Job]:
    return [Job("consultations.route", ROUTE_SECONDS, route_job)]


def _time_out(session: Session, consultation_id: int, round_: int, terms: _Terms) -> bool:
    consultation = consultation_of(session, consultation_id)
    if not _move_on(session, consultation, round_):
        return False  # another clock, a pass or an accept got there first
    _step(session, consultation, TIMED_OUT, terms.now, None, _round(round_))
    _offer(session, consultation, round_ + 1, terms)
    return True


def _move_on(session: Session, consultation: Consultation, round_: int) -> bool:
    """Claim the move from ROUND_ to the next round; False if someone else moved or took it."""
    waiting_in_round = (Consultation.status == WAITING) & (Consultation.offer_round == round_)
    return _update_if(session, consultation, waiting_in_round, offer_round=round_ + 1)


def _offer(session: Session, consultation: Consultation, round_: int, terms: _Terms) -> None:
    """Offer the consultation to the officers of ROUND_, or of the next round with anyone in it."""
    # Out of hours the offer's clock starts at 09:00 on the next working day: ask who is on
    # duty then, and do not wake anyone before it.
    starts = add_working_minutes(terms.now, 0)
    offerees = _offerees(session, consultation, round_, starts, terms)
    while not offerees and round_ < ASSISTANT_HEADS:
        round_ += 1
        offerees = _offerees(session, consultation, round_, starts, terms)
    expires = add_working_minutes(terms.now, terms.accept_minutes)
    consultation.offer_round = round_
    consultation.offered_to = offerees[0] if offerees else None
    consultation.offered_at = terms.now
    consultation.offer_expires_at = expires
    actions = (
        Action("consultation.accept", str(consultation.id), "Accept", "primary"),
        Action("consultation.pass", str(consultation.id), "Pass on"),
    )
    for officer in offerees:
        _step(session, consultation, OFFERED, terms.now, officer, _round(round_))
        notify(
            session,
            key=f"consultation:{consultation.id}:offer:{round_}:{officer.id}",
            recipient=officer_recipient(officer),
            text=_offer_text(consultation, round_, expires),
            now=terms.now,
            due_at=starts,
            actions=actions,
            title="Consultation request",
        )


def _offerees(
    session: Session, consultation: Consultation, round_: int, at: datetime, terms: _Terms
) -> list[Officer]:
    """Who round ROUND_ goes to, without anyone who passed on it in the round before."""
    if round_ == OWN_SITE:
        found = [_duty(session, consultation.site, at, terms)]
    elif round_ == OTHER_SITES:
        others = session.scalars(
            select(Site).where(Site.id != consultation.site_id).order_by(Site.name)
        )
        found = [_duty(session, site, at, terms) for site in others]
    else:
        found = list(
            session.scalars(
                select(Officer)
                .where(Officer.role == "assistant_head", Officer.active.is_(True))
                .order_by(Officer.display_name, Officer.id)
            )
        )
    passed = _officers(session, consultation.id, PASSED, round_ - 1)
    unique: dict[int, Officer] = {}
    for officer in found:
        if officer is not None and officer.id not in passed:
            unique.setdefault(officer.id, officer)
    return list(unique.values())


def _duty(session: Session, site: Site, at: datetime, terms: _Terms) -> Officer | None:
    answer = rota.duty_officer(
        session, site=site, at=at, out_of_hours_contact=terms.out_of_hours_contact
    )
    return answer.officer


def _tell_out_of_hours(session: Session, consultation: Consultation, terms: _Terms) -> None:
    notify(
        session,
        key=f"consultation:{consultation.id}:out_of_hours",
        recipient=officer_recipient(consultation.requested_by),
        text=f"Your consultation request for case {consultation.case_reference} arrived "
        f"outside working hours: the duty PO will see it from "
        f"{_when(add_working_minutes(terms.now, 0))}. If a child is in danger now, contact "
        f"{terms.out_of_hours_contact}.",
        now=terms.now,
    )


def _offer_text(consultation: Consultation, round_: int, expires: datetime) -> str:
    site = consultation.site.name
    why = {OWN_SITE: "", OTHER_SITES: f" (not yet accepted at {site})"}.get(
        round_, " (not yet accepted by a duty PO)"
    )
    issues = ", ".join(PREVALENT_ISSUES[key] for key in consultation.prevalent_issues)
    lines = [
        f"{consultation.requested_by.display_name} ({site}) asks for a consultation "
        f"on case {consultation.case_reference}{why}.",
        f"Category: {CONSULTATION_CATEGORIES[consultation.category]}. "
        f"Prevalent issues: {issues}. Urgency: {URGENCIES[consultation.urgency]}.",
    ]
    if consultation.availability:
        lines.append(f"Free: {consultation.availability}")
    lines.append(f"Please accept or pass on by {_when(expires)}.")
    return "\n".join(lines)


def _update_if(
    session: Session, consultation: Consultation, condition: ColumnElement[bool], **values: Any
) -> bool:
    """Set VALUES only if CONDITION still holds in the database; True when this session won."""
    # The row as the database has it decides, not as this session saw it: of two sessions
    # racing, the second UPDATE matches nothing, so it neither routes nor accepts twice.
    session.flush()
    statement = (
        update(Consultation)
        .where(Consultation.id == consultation.id, condition)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    won = cast(CursorResult[Any], session.execute(statement)).rowcount == 1
    session.refresh(consultation)
    return won


def _officers(
    session: Session, consultation_id: int, kind: str, round_: int | None = None
) -> set[int]:
    """The officers with a KIND event on the consultation (in ROUND_, if given)."""
    query = select(ConsultationEvent.officer_id).where(
        ConsultationEvent.consultation_id == consultation_id, ConsultationEvent.kind == kind
    )
    if round_ is not None:
        query = query.where(ConsultationEvent.detail == _round(round_))
    return {officer_id for officer_id in session.scalars(query) if officer_id is not None}


def _concerns(session: Session, consultation: Consultation, officer: Officer) -> bool:
    if officer.id in (consultation.requested_by_id, consultation.accepted_by_id):
        return True
    return consultation.status == WAITING and officer.id in _officers(
        session, consultation.id, OFFERED, consultation.offer_round
    )


def consultation_of(session: Session, consultation_id: int) -> Consultation:
    """One consultation, whatever its status; NotFound if there is none."""
    consultation = session.get(Consultation, consultation_id, populate_existing=True)
    if consultation is None:
        raise NotFound("That consultation request no longer exists.")
    return consultation


def _not_waiting(consultation: Consultation) -> HeardError:
    if consultation.accepted_by is not None:
        return HeardError(f"Already accepted by {consultation.accepted_by.display_name}.")
    return HeardError("This consultation request was withdrawn.")


def _step(
    session: Session,
    consultation: Consultation,
    kind: str,
    now: datetime,
    officer: Officer | None = None,
    detail: str = "",
) -> None:
    """Append a step to the consultation's timeline; people's steps go to the audit log too."""
    consultation.events.append(
        ConsultationEvent(
            kind=kind, at=now, officer_id=officer.id if officer else None, detail=detail
        )
    )
    if kind != OFFERED:
        actor = officer.email if officer else "clock"
        audit.record(
            session,
            actor=actor,
            action=f"consultation.{kind}",
            record_type="consultation",
            record_id=consultation.id,
            now=now,
        )


def _round(round_: int) -> str:
    return f"round {round_}"


def _when(moment: datetime) -> str:
    local = london(moment)
    return f"{local:%H:%M} on {local:%A} {local.day} {local:%B}"


def _name(officer: Officer | None) -> str:
    return officer.display_name if officer else "the PO"


def _site(site: Site | None, requester: Officer) -> Site:
    if site is None and requester.site is None:
        raise HeardError("Say which site the consultation is for.")
    return cast(Site, site or requester.site)


def _case_reference(value: str) -> str:
    reference = value.strip()
    if not CASE_REFERENCE.match(reference):
        raise HeardError(
            "The case reference must be the case system's reference: "
            "letters, digits and / _ . - only."
        )
    return reference


def _text(value: str, limit: int, what: str) -> str:
    text = value.strip()
    if len(text) > limit:
        raise HeardError(f"{what} must be {limit} characters or fewer.")
    return text


@dataclass(frozen=True)
class Board:
    """The consultations page: waiting (and which are offered to me), in progress, outcomes."""

    waiting: list[Consultation]
    offered_to_me: set[int]
    in_progress: list[Consultation]
    recent_outcomes: list[Consultation]


def consultations_board(
    session: Session, *, officer: Officer, now: datetime, recent_days: int = 28
) -> Board:
    """Waiting and accepted consultations (oldest first), and outcomes of the last RECENT_DAYS."""
    open_ = open_consultations(session)
    recent = session.scalars(
        select(Consultation)
        .where(
            Consultation.status == DONE,
            Consultation.completed_at >= now - timedelta(days=recent_days),
        )
        .order_by(Consultation.completed_at.desc(), Consultation.id.desc())
    ).all()
    waiting = [c for c in open_ if c.status == WAITING]
    mine = {c.id for c in waiting if officer.id in _officers(session, c.id, OFFERED, c.offer_round)}
    return Board(waiting, mine, [c for c in open_ if c.status == TAKEN], list(recent))
