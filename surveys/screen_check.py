"""The weekly human check on the disclosure screen: a person reads what the screen let through.

Each week a small random sample of last week's UNFLAGGED free-text answers (children's first,
then the rest) is offered to the duty PO. What they find is recorded per answer (no concern,
missed disclosure, unsure) with who and when; a missed disclosure raises an alert through the
usual alert path. The sample holds answer ids, never a copy of the words, and every read of the
words is in the audit log. The findings give the screen's miss rate in service, per quarter.

A week is sampled once: its unique week key is the claim, so a second clock or a restart finds
it taken and does nothing.
"""

from __future__ import annotations

import enum
import logging
import random
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
    func,
    select,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship, sessionmaker

from heard import audit, outbox
from heard.clock import from_london, london
from heard.db import Base, transaction
from heard.errors import HeardError, NotFound
from heard.models import Officer
from heard.scheduler import JobContext
from heard.workdays import next_working_day
from surveys import alerts
from surveys.models import Alert, Answer, RespondentType, Response
from surveys.questionnaires import TEXT, all_questionnaires

logger = logging.getLogger(__name__)

SAMPLE_AT = time(9, 0)  # on the week's first working day, London time
HUMAN_CHECK = "human_check"  # the alert reason a reader's finding carries
TEXT_QUESTIONS = tuple(
    sorted({q.key for qn in all_questionnaires() for q in qn.questions if q.kind == TEXT})
)


class Finding(enum.StrEnum):
    NO_CONCERN = "no_concern"
    MISSED_DISCLOSURE = "missed_disclosure"
    UNSURE = "unsure"


FINDING_LABELS = {
    Finding.NO_CONCERN: "no concern",
    Finding.MISSED_DISCLOSURE: "missed disclosure",
    Finding.UNSURE: "unsure",
}


class ScreenSample(Base):
    """One week's sample of unflagged free-text answers, taken once."""

    __tablename__ = "screen_sample"

    id: Mapped[int] = mapped_column(primary_key=True)
    week_start: Mapped[date] = mapped_column(unique=True)  # the Monday of the week sampled
    created_at: Mapped[datetime]
    size: Mapped[int]  # the setting when it was taken
    answers_in_week: Mapped[int]  # unflagged free-text answers it was drawn from

    items: Mapped[list[ScreenSampleItem]] = relationship(
        back_populates="sample", cascade="all, delete-orphan", order_by="ScreenSampleItem.position"
    )


class ScreenSampleItem(Base):
    """One sampled answer (by id, never its words) and what the reader found."""

    __tablename__ = "screen_sample_item"
    __table_args__ = (
        UniqueConstraint("sample_id", "answer_id", name="uq_screen_sample_item_answer"),
        CheckConstraint("finding IN ('no_concern', 'missed_disclosure', 'unsure')", name="finding"),
        Index("ix_screen_sample_item_reviewed", "reviewed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sample_id: Mapped[int] = mapped_column(ForeignKey("screen_sample.id", ondelete="CASCADE"))
    answer_id: Mapped[int] = mapped_column(ForeignKey("answer.id", ondelete="CASCADE"))
    position: Mapped[int]
    respondent_type: Mapped[str] = mapped_column(String(16))
    finding: Mapped[str | None] = mapped_column(String(24))
    reviewed_by: Mapped[str | None] = mapped_column(String(254))
    reviewed_at: Mapped[datetime | None]
    alert_id: Mapped[int | None] = mapped_column(ForeignKey("alert.id", ondelete="SET NULL"))

    sample: Mapped[ScreenSample] = relationship(back_populates="items")
    answer: Mapped[Answer] = relationship()


@dataclass(frozen=True)
class Routing:
    """Where the sample's notice goes when nobody is on duty, and the staff pages' address."""

    base_url: str
    duty_inbox_email: str
    duty_chat_channel: str
    sample_size: int
    out_of_hours_contact: str = ""

    @classmethod
    def from_settings(cls, settings: object) -> Routing:
        return cls(
            base_url=settings.base_url,  # type: ignore[attr-defined]
            duty_inbox_email=settings.duty_inbox_email,  # type: ignore[attr-defined]
            duty_chat_channel=settings.duty_chat_channel,  # type: ignore[attr-defined]
            sample_size=settings.screen_check_sample,  # type: ignore[attr-defined]
            out_of_hours_contact=settings.out_of_hours_contact,  # type: ignore[attr-defined]
        )


def sample_link(base_url: str, sample_id: int) -> str:
    return f"{base_url.rstrip('/')}/staff/screen-check/{sample_id}"


def week_due(now: datetime) -> date | None:
    """The Monday of the week to sample at NOW: last week, from 09:00 on this week's first
    working day (Tuesday after a bank holiday Monday); None before then."""
    local = london(now)
    monday = local.date() - timedelta(days=local.weekday())
    first = next_working_day(monday)
    if local.date() < first or (local.date() == first and local.time() < SAMPLE_AT):
        return None
    return monday - timedelta(days=7)


def unflagged_answers(session: Session, week_start: date) -> list[tuple[int, str]]:
    """(answer id, respondent type) of every unflagged, non-empty free-text answer submitted in
    the London week from WEEK_START, in id order."""
    low = from_london(week_start, time(0, 0))
    high = from_london(week_start + timedelta(days=7), time(0, 0))
    rows = session.execute(
        select(Answer.id, Response.respondent_type)
        .join(Response, Answer.response_id == Response.id)
        .where(
            Response.submitted_at >= low,
            Response.submitted_at < high,
            Response.flagged.is_(False),
            Answer.question_key.in_(TEXT_QUESTIONS),
            func.length(func.trim(Answer.value)) > 0,
        )
        .order_by(Answer.id)
    ).all()
    return [(answer_id, kind) for answer_id, kind in rows]


def choose(
    candidates: list[tuple[int, str]], size: int, rng: random.Random
) -> list[tuple[int, str]]:
    """SIZE answers at random, children's first: every child's answer has its chance before
    anyone else's is taken."""
    children = [c for c in candidates if c[1] == RespondentType.CHILD]
    others = [c for c in candidates if c[1] != RespondentType.CHILD]
    chosen = rng.sample(children, min(size, len(children)))
    return chosen + rng.sample(others, min(size - len(chosen), len(others)))


def take_sample(
    session: Session,
    *,
    week_start: date,
    now: datetime,
    routing: Routing,
    rng: random.Random | None = None,
) -> ScreenSample | None:
    """Sample the week from WEEK_START and notify the duty PO; None if it was sampled already.

    Two clocks racing both get here; the unique week makes the later flush fail, and the
    caller's transaction (with its notices) rolls back.
    """
    if week_start.weekday() != 0:
        raise HeardError(f"A sample week starts on a Monday, not on {week_start:%A %d %B %Y}.")
    taken = session.scalar(select(ScreenSample.id).where(ScreenSample.week_start == week_start))
    if taken is not None:
        return None
    candidates = unflagged_answers(session, week_start)
    chosen = choose(candidates, routing.sample_size, rng or random.SystemRandom())
    sample = ScreenSample(
        week_start=week_start,
        created_at=now,
        size=routing.sample_size,
        answers_in_week=len(candidates),
    )
    sample.items = [
        ScreenSampleItem(answer_id=answer_id, position=n, respondent_type=kind)
        for n, (answer_id, kind) in enumerate(chosen, start=1)
    ]
    session.add(sample)
    session.flush()
    if sample.items:
        _notify_duty(session, sample, now=now, routing=routing)
    return sample


def _notify_duty(
    session: Session, sample: ScreenSample, *, now: datetime, routing: Routing
) -> None:
    """Tell each site's duty PO (or, with nobody on duty, the duty inbox and channel)."""
    from bot.notices import notify, officer_recipient
    from bot.rota import duty_today

    officers: dict[int, Officer] = {}
    for answer in duty_today(session, at=now, out_of_hours_contact=routing.out_of_hours_contact):
        if answer.officer is not None:
            officers[answer.officer.id] = answer.officer
    children = sum(1 for item in sample.items if item.respondent_type == RespondentType.CHILD)
    subject = f"Heard: this week's check of the disclosure screen ({len(sample.items)} answers)"
    body = (
        f"Please read {len(sample.items)} free-text answers from the week of "
        f"{sample.week_start:%d %B %Y} that the disclosure screen did not flag "
        f"({children} from children, first), and record for each: no concern, missed "
        f"disclosure or unsure. A missed disclosure raises an alert at once.\n\n"
        f"{sample_link(routing.base_url, sample.id)}\n\n"
        f"Or in a terminal: heard screen check show {sample.id} --by YOUR-EMAIL"
    )
    key = f"screen-check:{sample.id}"
    if not officers:
        outbox.enqueue_each(
            session,
            (("email", routing.duty_inbox_email), ("chat", routing.duty_chat_channel)),
            key=key,
            subject=subject,
            body=body,
            now=now,
            payload={"screen_sample_id": sample.id},
        )
        return
    for officer in officers.values():
        outbox.enqueue(
            session,
            dedupe_key=f"{key}:email:{officer.email}",
            channel="email",
            recipient=officer.email,
            subject=subject,
            body=body,
            now=now,
            payload={"screen_sample_id": sample.id},
        )
        notify(
            session,
            key=f"{key}:chat:{officer.email}",
            recipient=officer_recipient(officer),
            text=body,
            title=subject,
            now=now,
        )


def take_due_sample(
    factory: sessionmaker[Session],
    *,
    now: datetime,
    routing: Routing,
    rng: random.Random | None = None,
) -> ScreenSample | None:
    """Take last week's sample if it is due and not yet taken, in one transaction of its own."""
    week_start = week_due(now)
    if week_start is None:
        return None
    try:
        with transaction(factory) as session:
            return take_sample(session, week_start=week_start, now=now, routing=routing, rng=rng)
    except IntegrityError:
        # Another clock took the same week between our look and our write: it is theirs.
        logger.info("screen check for the week of %s was taken by another clock", week_start)
        return None


def take_sample_job(context: JobContext) -> None:
    """Each Monday (Tuesday after a bank holiday), sample last week for the duty PO to read."""
    take_due_sample(
        context.factory, now=context.now(), routing=Routing.from_settings(context.settings)
    )


# Reading and recording ---------------------------------------------------------------------


@dataclass(frozen=True)
class ItemText:
    """A sampled answer's words as a reader sees them: fetched only through `read_item`."""

    item: ScreenSampleItem
    text: str
    language: str
    question_key: str


def samples(session: Session, *, limit: int = 20) -> list[ScreenSample]:
    """The newest samples first."""
    return list(
        session.scalars(select(ScreenSample).order_by(ScreenSample.week_start.desc()).limit(limit))
    )


def get_sample(session: Session, sample_id: int) -> ScreenSample:
    sample = session.get(ScreenSample, sample_id)
    if sample is None:
        raise NotFound(f"No screen check sample {sample_id}.")
    return sample


def read_sample(session: Session, *, sample_id: int, reader: str, now: datetime) -> list[ItemText]:
    """Every answer in the sample with its words, for READER; each read is audit-logged."""
    sample = get_sample(session, sample_id)
    return [_read(session, item, reader=reader, now=now) for item in sample.items]


def read_item(session: Session, *, item_id: int, reader: str, now: datetime) -> ItemText:
    """One sampled answer with its words, for READER; the read is audit-logged."""
    return _read(session, _item(session, item_id), reader=reader, now=now)


def _read(session: Session, item: ScreenSampleItem, *, reader: str, now: datetime) -> ItemText:
    answer = item.answer
    audit.record(
        session,
        actor=reader,
        action="read",
        record_type="answer",
        record_id=answer.id,
        now=now,
        detail=f"screen check sample {item.sample_id}, item {item.id}",
    )
    return ItemText(item, answer.value, answer.response.language, answer.question_key)


def _item(session: Session, item_id: int) -> ScreenSampleItem:
    item = session.get(ScreenSampleItem, item_id)
    if item is None:
        raise NotFound(f"No screen check item {item_id}.")
    return item


def parse_finding(text: str) -> Finding:
    """A finding as typed: "no_concern", "no concern", "missed disclosure", "unsure"."""
    cleaned = text.strip().lower().replace(" ", "_").replace("-", "_")
    try:
        return Finding(cleaned)
    except ValueError:
        raise HeardError(
            f"{text[:30]!r} is not a finding: use no_concern, missed_disclosure or unsure."
        ) from None


def record_finding(
    session: Session,
    *,
    item_id: int,
    finding: str,
    by: str,
    now: datetime,
    routing: alerts.AlertRouting,
) -> ScreenSampleItem:
    """Record what BY found in a sampled answer; a missed disclosure raises an alert at once.

    A finding stands once made, except "unsure", which a later reading may settle.
    """
    chosen = parse_finding(finding)
    if not by.strip():
        raise HeardError("Say who read it (your email address).")
    item = _item(session, item_id)
    if item.finding is not None and item.finding != Finding.UNSURE:
        raise HeardError(
            f"Item {item_id} is already recorded as {FINDING_LABELS[Finding(item.finding)]} "
            f"by {item.reviewed_by}."
        )
    item.finding, item.reviewed_by, item.reviewed_at = chosen, by.strip(), now
    audit.record(
        session,
        actor=by.strip(),
        action="screen_check",
        record_type="screen_sample_item",
        record_id=item.id,
        now=now,
        detail=str(chosen),
    )
    if chosen == Finding.MISSED_DISCLOSURE:
        item.alert_id = _raise_missed(session, item, now=now, routing=routing).id
    session.flush()
    return item


def _raise_missed(
    session: Session, item: ScreenSampleItem, *, now: datetime, routing: alerts.AlertRouting
) -> Alert:
    """The alert for a disclosure the screen missed, through the usual alert path."""
    response = item.answer.response
    # Flagged now, so the words are never quoted in a digest or report and count as an alert.
    response.flagged = True
    existing = session.scalar(select(Alert).where(Alert.response_id == response.id))
    if existing is None:
        return alerts.raise_alert(
            session,
            response=response,
            reasons=(HUMAN_CHECK,),
            contact_requested=False,
            now=now,
            routing=routing,
        )
    # The response already has an alert (it asked to be contacted): it becomes a disclosure
    # and is chased again from now, as a new one would be.
    existing.kind = alerts.DISCLOSURE
    existing.reasons = [HUMAN_CHECK, *existing.reasons]
    existing.acknowledged_at = existing.acknowledged_by = existing.escalated_at = None
    subject = "Heard: feedback may show a child at risk - please look today"
    body = (
        f"The weekly human check found a possible disclosure the screen missed, on alert "
        f"{existing.id}. Read it and acknowledge it here: "
        f"{alerts.staff_link(routing.base_url, existing)}"
    )
    outbox.enqueue_each(
        session,
        (("email", routing.duty_inbox_email), ("chat", routing.duty_chat_channel)),
        key=f"alert:{existing.id}:{HUMAN_CHECK}",
        subject=subject,
        body=body,
        now=now,
        payload={"alert_id": existing.id, "kind": alerts.DISCLOSURE},
    )
    return existing


# Figures -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuarterFigures:
    """The human check over one financial quarter ("2026-27 Q3": October to December 2026)."""

    quarter: str
    reviewed: int
    missed: int
    unsure: int

    @property
    def miss_rate(self) -> float | None:
        """Missed disclosures per answer reviewed, as a percentage (one decimal place)."""
        return round(100 * self.missed / self.reviewed, 1) if self.reviewed else None


def quarter_of(day: date) -> str:
    """The financial quarter DAY falls in: Q1 is April to June."""
    first = day.year if day.month >= 4 else day.year - 1
    return f"{first}-{(first + 1) % 100:02d} Q{(day.month - 4) % 12 // 3 + 1}"


def figures(session: Session) -> list[QuarterFigures]:
    """Reviewed, missed and unsure per quarter of review, oldest first."""
    counts: dict[str, Counter[str]] = {}
    rows = session.execute(
        select(ScreenSampleItem.reviewed_at, ScreenSampleItem.finding).where(
            ScreenSampleItem.reviewed_at.is_not(None)
        )
    ).all()
    for reviewed_at, finding in rows:
        counts.setdefault(quarter_of(london(reviewed_at).date()), Counter())[finding] += 1
    return [
        QuarterFigures(
            quarter=quarter,
            reviewed=sum(found.values()),
            missed=found[Finding.MISSED_DISCLOSURE],
            unsure=found[Finding.UNSURE],
        )
        for quarter, found in sorted(counts.items())
    ]
