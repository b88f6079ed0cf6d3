"""What every figure shares: month and quarter buckets computed by the database, a working-day
calendar held in memory, and the elements of a JSON list column as rows.

Buckets are CASE expressions over the bucket boundaries, so grouping by month is one aggregate
query on SQLite and PostgreSQL alike, and months of instants follow London time (BST included):
the boundaries are London midnights converted to UTC.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import case, func
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from analysis.periods import Month, utc_bounds
from analysis.suppression import percentage
from analysis.tables import Table
from heard.clock import london
from heard.errors import HeardError
from heard.workdays import is_working_day

TOTAL = "Total"


@dataclass(frozen=True)
class Bucket:
    label: str
    start: date  # first day
    end: date  # last day


def check_period(start: date, end: date) -> None:
    if end < start:
        raise HeardError(f"The period ends ({end}) before it starts ({start}).")


def month_buckets(start: date, end: date) -> list[Bucket]:
    """The calendar months from START's to END's, cut to START..END; labelled "YYYY-MM"."""
    check_period(start, end)
    buckets, month = [], Month.of(start)
    while month.start <= end:
        buckets.append(Bucket(str(month), max(month.start, start), min(month.end, end)))
        month = month.next()
    return buckets


def quarter_buckets(start: date, end: date) -> list[Bucket]:
    """Financial quarters (Q1 is April to June) from START's to END's, cut to START..END."""
    buckets = []
    for bucket in month_buckets(start, end):
        month = Month.parse(bucket.label)
        number = (month.month - 4) % 12 // 3 + 1
        first_year = month.year if month.month >= 4 else month.year - 1
        label = f"{first_year}-{(first_year + 1) % 100:02d} Q{number}"
        if buckets and buckets[-1].label == label:
            buckets[-1] = Bucket(label, buckets[-1].start, bucket.end)
        else:
            buckets.append(Bucket(label, bucket.start, bucket.end))
    return buckets


def date_bucket(column: Any, buckets: Sequence[Bucket]) -> ColumnElement[Any]:
    """The index of the bucket a date COLUMN falls in (NULL outside them all)."""
    whens = [
        (column.between(bucket.start, bucket.end), index) for index, bucket in enumerate(buckets)
    ]
    return case(*whens, else_=None)


def instant_bucket(column: Any, buckets: Sequence[Bucket]) -> ColumnElement[Any]:
    """The index of the bucket an instant COLUMN falls in, by the London calendar."""
    whens = []
    for index, bucket in enumerate(buckets):
        low, high = utc_bounds(bucket.start, bucket.end)
        whens.append(((column >= low) & (column < high), index))
    return case(*whens, else_=None)


def instant_range(column: Any, start: date, end: date) -> ColumnElement[bool]:
    """COLUMN falls within the London days START to END."""
    check_period(start, end)
    low, high = utc_bounds(start, end)
    return (column >= low) & (column < high)


class WorkingDayCalendar:
    """Working days between two dates by subtraction from a cumulative count, so a year of
    conferences costs one pass over the calendar, not one walk per conference."""

    def __init__(self, first: date, last: date) -> None:
        self.first, self.last = first, last
        self._count: list[int] = []
        total, day = 0, first
        while day <= last:
            total += is_working_day(day)
            self._count.append(total)
            day += timedelta(days=1)

    def between(self, start: date, end: date) -> int:
        """As heard.workdays.working_days_between: working days after START up to END."""
        if end <= start:
            return 0
        if start < self.first or end > self.last:
            raise ValueError(f"{start}..{end} is outside the calendar {self.first}..{self.last}")
        return self._count[(end - self.first).days] - self._count[(start - self.first).days]


def london_day(moment: datetime) -> date:
    return london(moment).date()


def json_elements(session: Session, column: Any) -> Any:
    """The elements of a JSON list COLUMN as a table-valued function with a `value` column."""
    dialect = session.get_bind().dialect.name
    name = "json_array_elements_text" if dialect == "postgresql" else "json_each"
    return getattr(func, name)(column).table_valued("value")


def label_of(key: str | None, labels: dict[str, str]) -> str:
    """The words for KEY, or the key made readable when configuration added it."""
    if key is None:
        return "Not recorded"
    return labels.get(key, key.replace("_", " ").capitalize())


Row = tuple[tuple[str, ...], Sequence[int]]  # (labels, counts)


def count_table(
    *,
    key: str,
    title: str,
    labels: tuple[str, ...],
    counts: tuple[str, ...],
    rows: Sequence[Row],
    total_column: str | None = None,
    total_row: bool = False,
    percentages: dict[str, tuple[str, str]] | None = None,
    note: str = "",
) -> Table:
    """A Table of ROWS with its totals and percentages worked out from the raw counts.

    Columns: LABELS, COUNTS, the TOTAL_COLUMN (the sum of COUNTS) if any, then PERCENTAGES.
    """
    percentages = percentages or {}
    count_columns = (*counts, total_column) if total_column else counts
    body = [
        (names, [*values, sum(values)] if total_column else list(values)) for names, values in rows
    ]
    if total_row and body:
        blank = ("",) * (len(labels) - 1)
        sums = [sum(values[i] for _, values in body) for i in range(len(count_columns))]
        body.append(((TOTAL, *blank), sums))
    table_rows = []
    for names, values in body:
        by_name = dict(zip(count_columns, values, strict=True))
        shares = [percentage(by_name[n], by_name[d]) for n, d in percentages.values()]
        table_rows.append((*names, *values, *shares))
    return Table(
        key=key,
        title=title,
        columns=(*labels, *count_columns, *percentages),
        rows=tuple(table_rows),
        count_columns=count_columns,
        percentages=dict(percentages),
        has_total_row=total_row and bool(body),
        has_total_column=total_column is not None,
        note=note,
    )
