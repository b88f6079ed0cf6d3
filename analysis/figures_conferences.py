"""Figures about conferences: how many of each type, whether they were held in timescale, what
they decided, and which were re-arranged and why. Every count is an aggregate query; timescales
are judged once per distinct pair of dates, not once per conference."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import Date, String, func, select
from sqlalchemy.orm import Session

from analysis.figures_common import (
    Bucket,
    WorkingDayCalendar,
    check_period,
    count_table,
    date_bucket,
    label_of,
    month_buckets,
)
from analysis.periods import add_months
from analysis.tables import Table
from heard.models import (
    CATEGORIES_OF_ABUSE,
    REARRANGED_REASONS,
    Conference,
    ConferenceType,
)

ICPC_WORKING_DAYS = 15  # from the strategy discussion (Working Together)
FIRST_REVIEW_MONTHS = 3  # after the ICPC (or a transfer-in conference)
LATER_REVIEW_MONTHS = 6  # after the previous review
TYPES = (ConferenceType.ICPC, ConferenceType.RCPC, ConferenceType.TRANSFER_IN)
_TIMESCALE_COUNTS = ("in timescale", "out of timescale", "not known")


def _month_of(day: date, buckets: list[Bucket]) -> int | None:
    for index, bucket in enumerate(buckets):
        if bucket.start <= day <= bucket.end:
            return index
    return None


def conferences_by_type(session: Session, start: date, end: date) -> Table:
    buckets = month_buckets(start, end)
    month = date_bucket(Conference.starts_on, buckets)
    query = (
        select(month, Conference.conference_type, func.count())
        .where(Conference.starts_on.between(start, end))
        .group_by(month, Conference.conference_type)
    )
    counts = Counter({(m, t): n for m, t, n in session.execute(query)})
    return count_table(
        key="conferences_by_type",
        title="Conferences by type and month",
        labels=("Month",),
        counts=tuple(str(t) for t in TYPES),
        rows=[((b.label,), [counts[(i, str(t))] for t in TYPES]) for i, b in enumerate(buckets)],
        total_column="Total",
        total_row=True,
    )


def icpc_timeliness(session: Session, start: date, end: date) -> Table:
    """ICPCs held by month, and whether within 15 working days of the strategy discussion."""
    buckets = month_buckets(start, end)
    query = (
        select(Conference.strategy_discussion_on, Conference.starts_on, func.count())
        .where(
            Conference.conference_type == ConferenceType.ICPC,
            Conference.starts_on.between(start, end),
        )
        .group_by(Conference.strategy_discussion_on, Conference.starts_on)
    )
    pairs = session.execute(query).all()
    known = [strategy for strategy, _, _ in pairs if strategy is not None]
    calendar = WorkingDayCalendar(min(known, default=start), end) if known else None
    counts: Counter[tuple[int, int]] = Counter()
    for strategy, held_on, n in pairs:
        index = _month_of(held_on, buckets)
        if strategy is None or calendar is None:  # no strategy date: cannot be judged
            outcome = 2
        else:
            outcome = 0 if calendar.between(strategy, held_on) <= ICPC_WORKING_DAYS else 1
        counts[(index, outcome)] += n
    return _timeliness_table(
        "icpc_timeliness",
        "ICPC timeliness by month (within 15 working days of the strategy discussion)",
        buckets,
        counts,
        "Not known: no strategy discussion date recorded.",
    )


def rcpc_timeliness(session: Session, start: date, end: date) -> Table:
    """RCPCs held by month: the first within 3 months of the ICPC (or transfer-in conference),
    later ones within 6 months of the review before; judged on the case's previous conference."""
    buckets = month_buckets(start, end)
    cases = select(Conference.case_reference).where(
        Conference.conference_type == ConferenceType.RCPC,
        Conference.starts_on.between(start, end),
    )
    window = {"partition_by": Conference.case_reference, "order_by": Conference.starts_on}
    history = (
        select(
            Conference.conference_type.label("kind"),
            Conference.starts_on.label("held_on"),
            # Typed, or SQLite hands the dates back as text.
            func.lag(Conference.starts_on, type_=Date()).over(**window).label("previous_on"),
            func.lag(Conference.conference_type, type_=String())
            .over(**window)
            .label("kind_before"),
        )
        .where(Conference.case_reference.in_(cases), Conference.starts_on <= end)
        .subquery()
    )
    query = (
        select(history.c.held_on, history.c.previous_on, history.c.kind_before, func.count())
        .where(history.c.kind == ConferenceType.RCPC, history.c.held_on >= start)
        .group_by(history.c.held_on, history.c.previous_on, history.c.kind_before)
    )
    counts: Counter[tuple[int, int]] = Counter()
    for held_on, previous_on, previous_kind, n in session.execute(query):
        if previous_on is None:
            outcome = 2
        else:
            months = LATER_REVIEW_MONTHS if previous_kind == "RCPC" else FIRST_REVIEW_MONTHS
            outcome = 0 if held_on <= add_months(previous_on, months) else 1
        counts[(_month_of(held_on, buckets), outcome)] += n
    return _timeliness_table(
        "rcpc_timeliness",
        "RCPC timeliness by month (first within 3 months, then within 6 months)",
        buckets,
        counts,
        "Not known: no earlier conference for the case is on record.",
    )


def _timeliness_table(
    key: str, title: str, buckets: list[Bucket], counts: Counter[tuple[int, int]], note: str
) -> Table:
    return count_table(
        key=key,
        title=title,
        labels=("Month",),
        counts=_TIMESCALE_COUNTS,
        rows=[((b.label,), [counts[(i, o)] for o in range(3)]) for i, b in enumerate(buckets)],
        total_column="held",
        total_row=True,
        percentages={"% in timescale": ("in timescale", "held")},
        note=note,
    )


def icpc_outcomes(session: Session, start: date, end: date) -> Table:
    """ICPCs by month and whether they resulted in a child protection plan."""
    buckets = month_buckets(start, end)
    month = date_bucket(Conference.starts_on, buckets)
    query = (
        select(month, Conference.outcome, func.count())
        .where(
            Conference.conference_type == ConferenceType.ICPC,
            Conference.starts_on.between(start, end),
        )
        .group_by(month, Conference.outcome)
    )
    counts = Counter({(m, o): n for m, o, n in session.execute(query)})
    outcomes = ("plan", "no_plan", None)
    return count_table(
        key="icpc_outcomes",
        title="ICPCs resulting in a child protection plan",
        labels=("Month",),
        counts=("resulted in a plan", "no plan", "outcome not recorded"),
        rows=[((b.label,), [counts[(i, o)] for o in outcomes]) for i, b in enumerate(buckets)],
        total_column="ICPCs held",
        total_row=True,
        percentages={"% resulting in a plan": ("resulted in a plan", "ICPCs held")},
    )


def categories_of_abuse(session: Session, start: date, end: date) -> Table:
    """New plans made at ICPCs in the period, by category of abuse: plans and children."""
    check_period(start, end)
    query = (
        select(
            Conference.category_of_abuse,
            func.count(),
            func.coalesce(func.sum(Conference.children), 0),
            func.count(Conference.children),
        )
        .where(
            Conference.conference_type == ConferenceType.ICPC,
            Conference.outcome == "plan",
            Conference.starts_on.between(start, end),
        )
        .group_by(Conference.category_of_abuse)
    )
    found = {category: (plans, children) for category, plans, children, _ in session.execute(query)}
    keys: list[str | None] = [*CATEGORIES_OF_ABUSE, None]
    rows = [
        ((label_of(k, CATEGORIES_OF_ABUSE),), list(map(int, found.get(k, (0, 0))))) for k in keys
    ]
    return count_table(
        key="categories_of_abuse",
        title="Categories of abuse of new child protection plans",
        labels=("Category of abuse",),
        counts=("plans", "children"),
        rows=rows,
        total_row=True,
        note="Children: those recorded on the conference; a plan without the number adds none.",
    )


def rearranged_conferences(session: Session, start: date, end: date) -> Table:
    """Conferences first due in the period that were re-arranged, by reason and type."""
    check_period(start, end)
    query = (
        select(Conference.rearranged_reason, Conference.conference_type, func.count())
        .where(Conference.rearranged_from.between(start, end))
        .group_by(Conference.rearranged_reason, Conference.conference_type)
    )
    counts = Counter({(r, t): n for r, t, n in session.execute(query)})
    keys: list[str | None] = [*REARRANGED_REASONS, None]
    return count_table(
        key="rearranged_conferences",
        title="Re-arranged conferences by reason",
        labels=("Reason",),
        counts=tuple(str(t) for t in TYPES),
        rows=[
            ((label_of(k, REARRANGED_REASONS),), [counts[(k, str(t))] for t in TYPES]) for k in keys
        ],
        total_column="Total",
        total_row=True,
        note="Counted in the period in which the conference was first due.",
    )
