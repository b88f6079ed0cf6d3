"""Escalations under the Resolution and Escalation Protocol, with an append-only timeline.

The rules in force when an escalation is raised (working days to a response, working days to
"prolonged") are recorded on it, so a later change of configuration moves no open deadline.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from bot.models import Escalation, EscalationEvent, EscalationStage
from bot.notices import notify, officer_recipient
from bot.permissions import require_po
from heard import audit
from heard.clock import from_london, london
from heard.db import transaction
from heard.errors import HeardError, NotFound
from heard.models import Officer, OutboxMessage
from heard.scheduler import Job, JobContext
from heard.workdays import add_working_days, working_days_between
from surveys.schedule import CASE_REFERENCE

ESCALATION_THEMES: dict[str, str] = {
    "immediate_safety": "Immediate safety concerns for the child",
    "drift_and_delay": "Drift and delay in planning",
    "delay_care_proceedings": "Delay issuing care proceedings",
    "premature_end_of_pre_proceedings": (
        "Premature ending of pre-proceedings despite negative assessments"
    ),
    "case_management": "Case management inefficacy",
    "assessment_not_completed": "C&F assessment not completed before conference",
    "assessment_not_shared": "C&F assessment not shared with the family before conference",
    "visits_or_core_groups": "Statutory visits or core groups not held or not recorded",
    "actions_not_carried_out": "Decisions and actions not carried out",
    "documentation": "Missing, incomplete or poor documentation",
    "partner_agency": "Partner agency not attending or not sharing information",
}
ESCALATION_STAGES: dict[str, str] = {
    EscalationStage.INFORMAL.value: "Informal (resolved by conversation)",
    EscalationStage.STAGE_1.value: "Stage 1 (team manager)",
    EscalationStage.STAGE_2.value: "Stage 2 (head of service)",
    EscalationStage.STAGE_3.value: "Stage 3 (assistant director)",
}
_STAGE_ORDER = list(ESCALATION_STAGES)
CHASE_FROM = time(9, 0)
_THEME_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_RAISED_WITH_LENGTH = 200
_TEXT_LENGTH = 4000
_CLOCK = "clock"


def escalation_themes(extra: str) -> dict[str, str]:
    """The themes of DOMAIN.md with those of HEARD_ESCALATION_THEMES_EXTRA ("key=Label;...")."""
    themes = dict(ESCALATION_THEMES)
    for part in filter(None, (p.strip() for p in extra.split(";"))):
        key, equals, label = (s.strip() for s in part.partition("="))
        if not equals or not _THEME_KEY.match(key) or not label:
            raise HeardError(
                f"HEARD_ESCALATION_THEMES_EXTRA: {part!r} is not key=Label "
                "(a key of lower-case letters, digits and _, then a label)"
            )
        if key in themes:
            raise HeardError(f"HEARD_ESCALATION_THEMES_EXTRA: {key!r} is already a theme")
        themes[key] = label
    return themes


def log_escalation(
    session: Session,
    *,
    raised_by: Officer,
    case_reference: str,
    themes: list[str],
    stage: str,
    raised_with: str,
    note: str,
    now: datetime,
    response_due_days: int,
    prolonged_after_days: int,
    known_themes: dict[str, str],
    idempotency_key: str | None = None,
) -> Escalation:
    """Log an escalation raised by a PO; the same IDEMPOTENCY_KEY again returns the first one."""
    require_po(raised_by)
    if idempotency_key:
        existing = session.scalar(
            select(Escalation).where(Escalation.idempotency_key == idempotency_key)
        )
        if existing is not None:
            return existing
    if response_due_days < 1 or prolonged_after_days < 1:
        raise HeardError("Response and prolonged thresholds must be at least one working day.")
    note = _text(note, "the note")
    escalation = Escalation(
        case_reference=_case_reference(case_reference),
        themes=_themes(themes, known_themes),
        stage=_stage(stage),
        raised_by_id=raised_by.id,
        raised_with=_text(
            raised_with,
            "who it is raised with",
            _RAISED_WITH_LENGTH,
            required="Say who it is raised with.",
        ),
        raised_at=now,
        response_due_days=response_due_days,
        prolonged_after_days=prolonged_after_days,
        response_due_on=add_working_days(london(now).date(), response_due_days),
        idempotency_key=idempotency_key or None,
    )
    session.add(escalation)
    _append(escalation, kind="raised", at=now, by=raised_by, note=note)
    session.flush()
    _audit(session, raised_by.email, "escalation.logged", escalation, now)
    return escalation


def update_escalation(
    session: Session,
    *,
    escalation_id: int,
    officer: Officer,
    note: str,
    now: datetime,
    stage: str | None = None,
) -> Escalation:
    """Add an update to the timeline; moving up a stage starts a new wait for a response."""
    require_po(officer)
    escalation = _open_escalation(session, escalation_id)
    note = _text(note, "the note")
    new_stage = _stage(stage) if stage else escalation.stage
    if new_stage == escalation.stage:
        if not note:
            raise HeardError("Write what has happened, or choose the stage it moves to.")
        _append(escalation, kind="updated", at=now, by=officer, note=note)
    else:
        if _STAGE_ORDER.index(new_stage) < _STAGE_ORDER.index(escalation.stage):
            raise HeardError("An escalation moves up the stages, not down: resolve it instead.")
        escalation.stage = new_stage
        # The recorded due days, not today's setting: the rules in force when it was raised.
        today = london(now).date()
        escalation.response_due_on = add_working_days(today, escalation.response_due_days)
        _append(escalation, kind="stage_changed", at=now, by=officer, note=note)
    session.flush()
    _audit(session, officer.email, "escalation.updated", escalation, now)
    return escalation


def resolve_escalation(
    session: Session, *, escalation_id: int, officer: Officer, outcome: str, now: datetime
) -> Escalation:
    """Record how the escalation was resolved, and when."""
    require_po(officer)
    escalation = _open_escalation(session, escalation_id)
    outcome = _text(outcome, "the outcome", required="Say how the escalation was resolved.")
    escalation.resolved_at, escalation.outcome = now, outcome
    _append(escalation, kind="resolved", at=now, by=officer, note=outcome)
    session.flush()
    _audit(session, officer.email, "escalation.resolved", escalation, now)
    return escalation


def time_to_resolve(escalation: Escalation) -> int | None:
    """Working days from raising to resolving (None while unresolved), for the annual report."""
    if escalation.resolved_at is None:
        return None
    raised_on = london(escalation.raised_at).date()
    return working_days_between(raised_on, london(escalation.resolved_at).date())


def open_escalations(session: Session, *, officer: Officer | None = None) -> list[Escalation]:
    """Unresolved escalations (those OFFICER raised, if given), the soonest response first."""
    query = select(Escalation).where(Escalation.resolved_at.is_(None))
    if officer is not None:
        query = query.where(Escalation.raised_by_id == officer.id)
    return list(session.scalars(query.order_by(Escalation.response_due_on, Escalation.id)))


def prolonged_escalations(session: Session) -> list[Escalation]:
    """Unresolved prolonged escalations: the list for the assistant director's meeting."""
    return list(
        session.scalars(
            select(Escalation)
            .where(Escalation.prolonged_at.is_not(None), Escalation.resolved_at.is_(None))
            .order_by(Escalation.prolonged_at, Escalation.id)
        )
    )


def prolonged_from(escalation: Escalation) -> datetime:
    """When it counts as prolonged: 09:00 on the first working day past its threshold."""
    raised_on = london(escalation.raised_at).date()
    return from_london(add_working_days(raised_on, escalation.prolonged_after_days + 1), CHASE_FROM)


def chase_due_responses(session: Session, *, now: datetime) -> int:
    """Remind each raising PO to chase a response that is due with nothing heard; count them."""
    due = session.scalars(
        select(Escalation).where(
            Escalation.resolved_at.is_(None),
            Escalation.response_due_on <= london(now).date(),
        )
    ).all()
    chased = 0
    for escalation in due:
        if now < from_london(escalation.response_due_on, CHASE_FROM):
            continue
        if escalation.events and escalation.events[-1].kind == "updated":
            continue  # something has happened since it was raised or last chased
        key = f"escalation-chase:{escalation.id}:{escalation.response_due_on.isoformat()}"
        if session.scalar(select(OutboxMessage.id).where(OutboxMessage.dedupe_key == key)):
            continue
        notify(
            session,
            key=key,
            recipient=officer_recipient(escalation.raised_by),
            title=f"Escalation {escalation.id}: a response is due",
            text=_chase_text(escalation),
            now=now,
        )
        _append(escalation, kind="chased", at=now, by=None, note=_chased_note(escalation))
        chased += 1
    session.flush()
    return chased


def mark_prolonged(session: Session, *, now: datetime, channel: str) -> int:
    """Mark escalations unresolved past their threshold as prolonged and tell the service."""
    candidates = session.scalars(
        select(Escalation).where(
            Escalation.resolved_at.is_(None), Escalation.prolonged_at.is_(None)
        )
    ).all()
    marked = 0
    for escalation in candidates:
        if now >= prolonged_from(escalation) and _claim_prolonged(session, escalation.id, now):
            session.refresh(escalation)
            _append(escalation, kind="prolonged", at=now, by=None, note="")
            notify(
                session,
                key=f"escalation-prolonged:{escalation.id}",
                recipient=channel,
                title=f"Escalation {escalation.id} is prolonged",
                text=_prolonged_text(escalation),
                now=now,
            )
            _audit(session, _CLOCK, "escalation.prolonged", escalation, now)
            marked += 1
    session.flush()
    return marked


def chase_job(context: JobContext) -> None:
    """Remind POs to chase escalation responses that are due."""
    with transaction(context.factory) as session:
        chase_due_responses(session, now=context.now())


def prolonged_job(context: JobContext) -> None:
    """List escalations unresolved too long for the assistant director's meeting."""
    with transaction(context.factory) as session:
        mark_prolonged(session, now=context.now(), channel=context.settings.service_chat_channel)


def jobs() -> list[Job]:
    return [
        Job("escalation-chase", 15 * 60, chase_job),
        Job("escalation-prolonged", 15 * 60, prolonged_job),
    ]


def _claim_prolonged(session: Session, escalation_id: int, now: datetime) -> bool:
    """Set prolonged_at if nobody has: with two clocks, only one UPDATE matches the row."""
    statement = (
        update(Escalation)
        .where(
            Escalation.id == escalation_id,
            Escalation.prolonged_at.is_(None),
            Escalation.resolved_at.is_(None),
        )
        .values(prolonged_at=now)
        .execution_options(synchronize_session=False)
    )
    return cast(CursorResult[Any], session.execute(statement)).rowcount == 1


def _append(
    escalation: Escalation, *, kind: str, at: datetime, by: Officer | None, note: str
) -> None:
    """Add to the timeline. Events are only ever appended: none is edited or deleted."""
    escalation.events.append(
        EscalationEvent(
            at=at, kind=kind, by_id=by.id if by else None, stage=escalation.stage, note=note
        )
    )


def _open_escalation(session: Session, escalation_id: int) -> Escalation:
    escalation = session.get(Escalation, escalation_id)
    if escalation is None:
        raise NotFound("That escalation does not exist.")
    if escalation.resolved_at is not None:
        raise HeardError("That escalation has been resolved: log a new one if it is needed.")
    return escalation


def _case_reference(raw: str) -> str:
    reference = raw.strip()
    if not CASE_REFERENCE.match(reference):
        raise HeardError(
            "The case reference must be the case system's reference: "
            "letters, digits and / _ . - only."
        )
    return reference


def _themes(themes: list[str], known: dict[str, str]) -> list[str]:
    chosen = list(dict.fromkeys(theme.strip() for theme in themes))
    if not chosen:
        raise HeardError("Choose at least one theme.")
    unknown = [theme for theme in chosen if theme not in known]
    if unknown:
        raise HeardError(f"Unknown escalation theme: {', '.join(unknown)}.")
    return chosen


def _stage(stage: str) -> str:
    if stage not in ESCALATION_STAGES:
        raise HeardError(f"Unknown escalation stage: {stage!r}.")
    return str(stage)


def _text(raw: str, what: str, limit: int = _TEXT_LENGTH, *, required: str = "") -> str:
    """RAW stripped; REQUIRED is the message when it must not be empty."""
    text = raw.strip()
    if required and not text:
        raise HeardError(required)
    if len(text) > limit:
        raise HeardError(f"Keep {what} to {limit} characters.")
    return text


def _chase_text(escalation: Escalation) -> str:
    due = escalation.response_due_on
    return (
        f"A response to escalation {escalation.id} ({escalation.case_reference}, "
        f"{ESCALATION_STAGES.get(escalation.stage, escalation.stage)}) was due on "
        f"{due:%A} {due.day} {due:%B} and nothing has been recorded since. "
        f"Please chase {escalation.raised_with}, then update the escalation."
    )


def _chased_note(escalation: Escalation) -> str:
    return (
        f"Response due {escalation.response_due_on.isoformat()}: "
        f"{escalation.raised_by.display_name} reminded to chase {escalation.raised_with}."
    )


def _prolonged_text(escalation: Escalation) -> str:
    return (
        f"Escalation {escalation.id} ({escalation.case_reference}, "
        f"{ESCALATION_STAGES.get(escalation.stage, escalation.stage)}, raised with "
        f"{escalation.raised_with}) has been unresolved for more than "
        f"{escalation.prolonged_after_days} working days. It is listed for the assistant "
        "director's meeting."
    )


def _audit(
    session: Session, actor: str, action: str, escalation: Escalation, now: datetime
) -> None:
    audit.record(
        session,
        actor=actor,
        action=action,
        record_type="escalation",
        record_id=escalation.id,
        now=now,
    )


def escalation_of(session: Session, *, escalation_id: int) -> Escalation:
    """One escalation, open or resolved; NotFound if there is none."""
    escalation = session.get(Escalation, escalation_id)
    if escalation is None:
        raise NotFound("That escalation does not exist.")
    return escalation


def timeline(session: Session, escalation: Escalation) -> list[tuple[EscalationEvent, str]]:
    """The escalation's events, oldest first, each with who did it ("Heard" for the clock)."""
    ids = {event.by_id for event in escalation.events if event.by_id is not None}
    names = {
        officer.id: officer.display_name
        for officer in session.scalars(select(Officer).where(Officer.id.in_(ids)))
    }
    return [(event, names.get(event.by_id or 0, "Heard")) for event in escalation.events]


def recently_resolved(session: Session, *, now: datetime, days: int = 28) -> list[Escalation]:
    """Escalations resolved in the last DAYS days, the most recent first."""
    return list(
        session.scalars(
            select(Escalation)
            .where(Escalation.resolved_at >= now - timedelta(days=days))
            .order_by(Escalation.resolved_at.desc(), Escalation.id.desc())
        )
    )
