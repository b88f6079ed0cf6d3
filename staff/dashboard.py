"""The manager's dashboard: which tables it shows for a month, each through disclosure control.

Every table is an aggregate query (analysis.figures and analysis.feedback) and then
`analysis.suppression.shown`, so the page, its charts and its CSV downloads show the same
figures, small counts hidden. The feedback summary analyses the month's comments for their
themes, which is the only costly part; it is kept in memory per month until a response arrives
or goes, so the page stays fast at the scale of a year of all of England.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from analysis.feedback import FeedbackSummary, feedback_summary
from analysis.feedback_tables import RESPONDENT_LABELS, RESPONDENT_TYPES
from analysis.figures import consultations_by_outcome, icpc_timeliness, open_escalations
from analysis.figures_chatops import month_end
from analysis.figures_common import count_table, instant_bucket, month_buckets
from analysis.periods import Month, add_months, utc_bounds
from analysis.suppression import shown
from analysis.tables import Table
from bot.models import Consultation, ConsultationStatus
from heard.clock import london
from heard.errors import HeardError, NotFound
from heard.models import Site
from surveys.models import Response

TREND_MONTHS = 12  # the charts of months show the year up to the chosen month


@dataclass(frozen=True)
class ChartSpec:
    kind: str  # "bar", "stacked", "barh" or "line" (analysis.charts)
    columns: tuple[str, ...] = ()  # () for the table's count columns but the total
    ylabel: str = ""


@dataclass(frozen=True)
class Panel:
    """One table of the dashboard, as shown, with the chart drawn from it (if any)."""

    table: Table
    chart: ChartSpec | None
    heading: str


def this_month(now: datetime) -> Month:
    return Month.of(london(now).date())


def parse_month(raw: str | None, *, now: datetime) -> Month:
    """The month asked for (YYYY-MM), this month by default; a month not yet begun is refused."""
    if not raw:
        return this_month(now)
    month = Month.parse(raw)
    if month > this_month(now):
        raise HeardError(f"{month.label} has not begun yet: choose this month or an earlier one")
    return month


class _Month:
    """The figures for one month, computed on first use."""

    def __init__(self, session: Session, month: Month, now: datetime) -> None:
        self.session, self.month, self.now = session, month, now
        self.trend_start = add_months(month.start, 1 - TREND_MONTHS)

    @cached_property
    def summary(self) -> FeedbackSummary:
        return _summary(self.session, self.month.start, self.month.end)

    @property
    def at(self) -> datetime:
        """Open escalations as the month ends, or now for the month under way."""
        return min(self.now, month_end(self.month.end))


Builder = Callable[[_Month], Table]

# (key, heading, builder, chart). The dashboard's order; the keys name the CSV downloads.
PANELS: tuple[tuple[str, str, Builder, ChartSpec | None], ...] = (
    (
        "feedback_by_respondent_type",
        "Responses this month",
        lambda m: m.summary.by_respondent_type,
        ChartSpec("stacked", ylabel="Responses"),
    ),
    (
        "responses_by_month",
        "Responses by month",
        lambda m: responses_by_month(m.session, m.trend_start, m.month.end),
        ChartSpec("stacked", ylabel="Responses"),
    ),
    (
        "feedback_ratings",
        "Ratings",
        lambda m: m.summary.ratings,
        ChartSpec("barh", ("% positive",), "% positive"),
    ),
    (
        "feedback_themes",
        "Themes",
        lambda m: m.summary.themes,
        ChartSpec("barh", ("Comments", "Answers"), "Times raised"),
    ),
    (
        "open_escalations",
        "Open and prolonged escalations",
        lambda m: open_escalations(m.session, m.at),
        ChartSpec("bar", ylabel="Escalations"),
    ),
    (
        "consultations_waiting",
        "Consultations waiting for a PO",
        lambda m: consultations_waiting(m.session),
        None,
    ),
    (
        "consultations_by_outcome",
        "Consultations by outcome",
        lambda m: consultations_by_outcome(m.session, m.month.start, m.month.end),
        ChartSpec("barh", ylabel="Consultations"),
    ),
    (
        "icpc_timeliness",
        "ICPC timeliness",
        lambda m: icpc_timeliness(m.session, m.trend_start, m.month.end),
        ChartSpec("line", ("% in timescale",), "% in timescale"),
    ),
)
KEYS = tuple(key for key, *_ in PANELS)


def panels(session: Session, month: Month, *, now: datetime) -> list[Panel]:
    """Every table of the dashboard for MONTH, as shown."""
    figures = _Month(session, month, now)
    return [Panel(shown(build(figures)), chart, heading) for _, heading, build, chart in PANELS]


def panel(session: Session, month: Month, key: str, *, now: datetime) -> Panel:
    """One table of the dashboard (for its CSV or chart); NotFound for a key it does not show."""
    for name, heading, build, chart in PANELS:
        if name == key:
            return Panel(shown(build(_Month(session, month, now))), chart, heading)
    raise NotFound(f"The dashboard has no table called {key[:60]!r}")


def responses_by_month(session: Session, start: date, end: date) -> Table:
    """Responses submitted each London month, by respondent type: one aggregate query."""
    buckets = month_buckets(start, end)
    bucket = instant_bucket(Response.submitted_at, buckets)
    first, last = utc_bounds(buckets[0].start, buckets[-1].end)
    query = (
        select(bucket.label("month"), Response.respondent_type, func.count())
        .where(Response.submitted_at >= first, Response.submitted_at < last)
        .group_by(bucket, Response.respondent_type)
    )
    counts: dict[tuple[int, str], int] = {}
    for index, kind, n in session.execute(query):
        counts[(int(index), str(kind))] = int(n)  # type: ignore[call-overload]
    return count_table(
        key="responses_by_month",
        title="Responses by month and respondent type",
        labels=("Month",),
        counts=tuple(RESPONDENT_LABELS[t] for t in RESPONDENT_TYPES),
        rows=[
            ((b.label,), [counts.get((i, t), 0) for t in RESPONDENT_TYPES])
            for i, b in enumerate(buckets)
        ],
        total_column="Total",
        total_row=True,
    )


def consultations_waiting(session: Session) -> Table:
    """Consultations offered to POs that nobody has accepted yet, by site, right now."""
    query = (
        select(Site.name, func.count(Consultation.id))
        .select_from(Site)
        .outerjoin(
            Consultation,
            (Consultation.site_id == Site.id) & (Consultation.status == ConsultationStatus.WAITING),
        )
        .group_by(Site.name)
        .order_by(Site.name)
    )
    return count_table(
        key="consultations_waiting",
        title="Consultations waiting for a PO to accept them, by site (right now)",
        labels=("Site",),
        counts=("waiting",),
        rows=[((name,), [n]) for name, n in session.execute(query)],
        total_row=True,
    )


# The month's feedback summary, kept until the month's responses change (count or newest).
_CACHE: OrderedDict[tuple[object, ...], FeedbackSummary] = OrderedDict()
_CACHE_SIZE = 24
_LOCK = threading.Lock()


def clear_cache() -> None:
    with _LOCK:
        _CACHE.clear()


def _summary(session: Session, start: date, end: date) -> FeedbackSummary:
    low, high = utc_bounds(start, end)
    count, newest, latest = session.execute(
        select(func.count(), func.max(Response.id), func.max(Response.updated_at)).where(
            Response.submitted_at >= low, Response.submitted_at < high
        )
    ).one()
    sites = tuple(session.execute(select(Site.id, Site.name).order_by(Site.id)).all())
    bind = session.get_bind()
    key = (str(getattr(bind, "url", id(bind))), start, end, count, newest, latest, sites)
    with _LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    summary = feedback_summary(session, start, end)
    with _LOCK:
        _CACHE[key] = summary
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return summary
