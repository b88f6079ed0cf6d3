"""The list for the assistant director's meeting: every open escalation, prolonged ones first,
with its age in working days, and the open and prolonged ones counted by theme.

Reading it is audited (escalations are case data): who, when, and how many were listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from analysis.figures_common import WorkingDayCalendar, count_table, label_of
from analysis.tables import Table
from bot.escalations import ESCALATION_STAGES, escalation_themes
from bot.models import Escalation
from heard import audit
from heard.clock import london
from heard.errors import HeardError


@dataclass(frozen=True)
class OpenEscalation:
    id: int
    case_reference: str
    themes: tuple[str, ...]  # labels
    stage: str  # label
    raised_by: str
    raised_with: str
    raised_on: date
    response_due_on: date
    age_working_days: int
    prolonged: bool


@dataclass(frozen=True)
class EscalationsReport:
    today: date
    escalations: list[OpenEscalation]
    by_theme: Table  # raw counts: pass through suppression only if published beyond staff

    @property
    def prolonged(self) -> int:
        return sum(1 for e in self.escalations if e.prolonged)


def _themes(extra: str) -> dict[str, str]:
    try:
        return escalation_themes(extra)
    except HeardError:  # a bad setting must not hide the list: fall back to the standard themes
        return escalation_themes("")


def escalations_report(
    session: Session, *, now: datetime, reader: str, themes_extra: str = ""
) -> EscalationsReport:
    """Every escalation unresolved at NOW; the read is audit-logged for READER."""
    rows = list(
        session.scalars(
            select(Escalation)
            .options(joinedload(Escalation.raised_by))
            .where(Escalation.resolved_at.is_(None), Escalation.raised_at <= now)
        )
    )
    today = london(now).date()
    first = min((london(e.raised_at).date() for e in rows), default=today)
    calendar = WorkingDayCalendar(min(first, today), today)
    labels = _themes(themes_extra)
    listed = [
        OpenEscalation(
            id=e.id,
            case_reference=e.case_reference,
            themes=tuple(label_of(t, labels) for t in e.themes),
            stage=ESCALATION_STAGES.get(e.stage, e.stage),
            raised_by=e.raised_by.display_name,
            raised_with=e.raised_with,
            raised_on=london(e.raised_at).date(),
            response_due_on=e.response_due_on,
            age_working_days=calendar.between(london(e.raised_at).date(), today),
            prolonged=e.prolonged_at is not None and e.prolonged_at <= now,
        )
        for e in rows
    ]
    listed.sort(key=lambda e: (not e.prolonged, -e.age_working_days, e.id))
    audit.record(
        session,
        actor=reader,
        action="read",
        record_type="escalations_report",
        record_id="*",
        now=now,
        detail=f"{len(listed)} open",
    )
    return EscalationsReport(today, listed, _by_theme(rows, labels, now))


def _by_theme(rows: list[Escalation], labels: dict[str, str], now: datetime) -> Table:
    counts: dict[str, list[int]] = {key: [0, 0] for key in labels}
    for escalation in rows:
        for theme in escalation.themes:
            pair = counts.setdefault(theme, [0, 0])
            pair[0] += 1
            if escalation.prolonged_at is not None and escalation.prolonged_at <= now:
                pair[1] += 1
    return count_table(
        key="open_escalations_by_theme",
        title="Open and prolonged escalations by theme",
        labels=("Theme",),
        counts=("open", "prolonged"),
        rows=[((label_of(key, labels),), pair) for key, pair in counts.items()],
        note="An escalation can have several themes, so the rows do not add up to the total open.",
    )
