"""Time: stored in UTC, shown in Europe/London. Use cases take `now`; entrypoints call utcnow()."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def utcnow() -> datetime:
    return datetime.now(UTC)


def london(moment: datetime) -> datetime:
    """The same instant on the wall clocks of England."""
    return moment.astimezone(LONDON)


def from_london(day: date, at: time) -> datetime:
    """A wall-clock date and time in England, as an aware UTC instant (BST handled)."""
    return datetime.combine(day, at, tzinfo=LONDON).astimezone(UTC)


def london_day_bounds(day: date) -> tuple[datetime, datetime]:
    """The UTC instants at which DAY starts and ends in England."""
    start = from_london(day, time(0, 0))
    end = datetime.combine(day, time.max, tzinfo=LONDON).astimezone(UTC)
    return start, end
