"""Figures from chat-ops: consultations by category, prevalent issue and outcome; escalations by
month, theme and time to resolve, and those open (and prolonged) at a moment.

Consultations count in the period they were requested, escalations in the one they were raised,
by the London calendar.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from statistics import median
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from analysis.figures_common import (
    TOTAL,
    WorkingDayCalendar,
    count_table,
    instant_bucket,
    instant_range,
    json_elements,
    label_of,
    london_day,
    month_buckets,
)
from analysis.periods import utc_bounds
from analysis.tables import Table
from bot.escalations import ESCALATION_STAGES, ESCALATION_THEMES
from bot.models import Consultation, ConsultationStatus, Escalation
from bot.vocabulary import CONSULTATION_CATEGORIES, CONSULTATION_OUTCOMES, PREVALENT_ISSUES


def _counts(session: Session, query: Select[Any]) -> Counter[Any]:
    """{key: count} from a query of (key, count) rows."""
    return Counter({key: n for key, n in session.execute(query)})


def _keys(found: Counter[str | None], known: dict[str, str]) -> list[str | None]:
    """The known keys in order, then any others found (added by configuration)."""
    extra = sorted(k for k in found if k is not None and k not in known)
    return [*known, *extra]


def consultations_by_category(session: Session, start: date, end: date) -> Table:
    query = (
        select(Consultation.category, func.count())
        .where(instant_range(Consultation.requested_at, start, end))
        .group_by(Consultation.category)
    )
    counts = _counts(session, query)
    return count_table(
        key="consultations_by_category",
        title="Consultations by category",
        labels=("Category",),
        counts=("consultations",),
        rows=[
            ((label_of(k, CONSULTATION_CATEGORIES),), [counts[k]])
            for k in _keys(counts, CONSULTATION_CATEGORIES)
        ],
        total_row=True,
    )


def consultations_by_prevalent_issue(session: Session, start: date, end: date) -> Table:
    issues = json_elements(session, Consultation.prevalent_issues)
    query = (
        select(issues.c.value, func.count())
        .select_from(Consultation)
        .join(issues, issues.c.value.is_not(None))
        .where(instant_range(Consultation.requested_at, start, end))
        .group_by(issues.c.value)
    )
    counts = _counts(session, query)
    return count_table(
        key="consultations_by_prevalent_issue",
        title="Consultations by prevalent issue",
        labels=("Prevalent issue",),
        counts=("consultations",),
        rows=[
            ((label_of(k, PREVALENT_ISSUES),), [counts[k]]) for k in _keys(counts, PREVALENT_ISSUES)
        ],
        note="A consultation can name several issues, so the rows do not add up to a total.",
    )


def consultations_by_outcome(session: Session, start: date, end: date) -> Table:
    query = (
        select(Consultation.status, Consultation.outcome, func.count())
        .where(instant_range(Consultation.requested_at, start, end))
        .group_by(Consultation.status, Consultation.outcome)
    )
    counts: Counter[str] = Counter()
    for status, outcome, n in session.execute(query):
        if status == ConsultationStatus.WITHDRAWN:
            counts["withdrawn"] += n
        elif status == ConsultationStatus.COMPLETED and outcome:
            counts[outcome] += n
        else:
            counts["pending"] += n
    keys = [k for k in _keys(counts, CONSULTATION_OUTCOMES) if k not in ("withdrawn", "pending")]
    rows = [((label_of(k, CONSULTATION_OUTCOMES),), [counts[k]]) for k in keys]
    rows += [
        (("Withdrawn",), [counts["withdrawn"]]),
        (("Outcome not yet recorded",), [counts["pending"]]),
    ]
    return count_table(
        key="consultations_by_outcome",
        title="Consultations by outcome",
        labels=("Outcome",),
        counts=("consultations",),
        rows=rows,
        total_row=True,
    )


def escalations_by_month(session: Session, start: date, end: date) -> Table:
    """Escalations raised each month, and those resolved each month."""
    buckets = month_buckets(start, end)
    raised = instant_bucket(Escalation.raised_at, buckets)
    resolved = instant_bucket(Escalation.resolved_at, buckets)
    raised_counts = _counts(
        session,
        select(raised, func.count())
        .where(instant_range(Escalation.raised_at, start, end))
        .group_by(raised),
    )
    resolved_counts = _counts(
        session,
        select(resolved, func.count())
        .where(instant_range(Escalation.resolved_at, start, end))
        .group_by(resolved),
    )
    return count_table(
        key="escalations_by_month",
        title="Escalations raised and resolved by month",
        labels=("Month",),
        counts=("raised", "resolved"),
        rows=[((b.label,), [raised_counts[i], resolved_counts[i]]) for i, b in enumerate(buckets)],
        total_row=True,
    )


def escalations_by_theme(session: Session, start: date, end: date) -> Table:
    themes = json_elements(session, Escalation.themes)
    query = (
        select(themes.c.value, func.count())
        .select_from(Escalation)
        .join(themes, themes.c.value.is_not(None))
        .where(instant_range(Escalation.raised_at, start, end))
        .group_by(themes.c.value)
    )
    counts = _counts(session, query)
    return count_table(
        key="escalations_by_theme",
        title="Escalations by theme",
        labels=("Theme",),
        counts=("escalations",),
        rows=[
            ((label_of(k, ESCALATION_THEMES),), [counts[k]])
            for k in _keys(counts, ESCALATION_THEMES)
        ],
        note="An escalation can have several themes, so the rows do not add up to a total.",
    )


def escalation_resolution(session: Session, start: date, end: date) -> Table:
    """Escalations raised in the period by the stage they reached: resolved, still open, and
    the median working days from raised to resolved."""
    query = select(Escalation.stage, Escalation.raised_at, Escalation.resolved_at).where(
        instant_range(Escalation.raised_at, start, end)
    )
    # Only dates and the stage come back, for the median; grouped before any working-day sums.
    pairs: Counter[tuple[str, date, date | None]] = Counter(
        (stage, london_day(raised), london_day(resolved) if resolved else None)
        for stage, raised, resolved in session.execute(query)
    )
    resolved_days = [resolved for _, _, resolved in pairs if resolved]
    calendar = (
        WorkingDayCalendar(min(r for _, r, _ in pairs), max(resolved_days))
        if resolved_days
        else None
    )
    durations: dict[str, list[int]] = {}
    open_counts: Counter[str] = Counter()
    for (stage, raised, resolved), n in pairs.items():
        if resolved is None or calendar is None:
            open_counts[stage] += n
        else:
            durations.setdefault(stage, []).extend([calendar.between(raised, resolved)] * n)
    rows = []
    for stage, label in ESCALATION_STAGES.items():
        days = durations.get(stage, [])
        rows.append((label, len(days), open_counts[stage], median(days) if days else None))
    every = [d for days in durations.values() for d in days]
    rows.append((TOTAL, len(every), sum(open_counts.values()), median(every) if every else None))
    return _resolution_table(rows)


def _resolution_table(rows: list[tuple[str, int, int, float | None]]) -> Table:
    return Table(
        key="escalation_resolution",
        title="Escalations: time to resolve by stage reached",
        columns=("Stage", "resolved", "still open", "median working days to resolve"),
        rows=tuple(rows),
        count_columns=("resolved", "still open"),
        has_total_row=True,
        note="Escalations raised in the period; working days exclude England and Wales bank "
        "holidays.",
    )


def open_escalations(session: Session, at: datetime) -> Table:
    """Escalations open at AT by stage, and how many of those were prolonged."""
    query = (
        select(
            Escalation.stage,
            func.count(),
            func.count(Escalation.prolonged_at).filter(Escalation.prolonged_at < at),
        )
        .where(
            Escalation.raised_at < at,
            or_(Escalation.resolved_at.is_(None), Escalation.resolved_at >= at),
        )
        .group_by(Escalation.stage)
    )
    found = {stage: (n, prolonged) for stage, n, prolonged in session.execute(query)}
    return count_table(
        key="open_escalations",
        title="Open and prolonged escalations",
        labels=("Stage",),
        counts=("open", "prolonged"),
        rows=[
            ((label,), list(found.get(stage, (0, 0)))) for stage, label in ESCALATION_STAGES.items()
        ],
        total_row=True,
        note="Prolonged: unresolved past the working days set when it was raised.",
    )


def month_end(end: date) -> datetime:
    """The instant the London day END finishes."""
    return utc_bounds(end, end)[1]
