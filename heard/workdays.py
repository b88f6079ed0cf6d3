"""Working days and working minutes in England: weekdays that are not England and Wales bank
holidays (from the maintained `holidays` package, never a hand-kept list), 09:00 to 17:00."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import cache

import holidays

from heard.clock import LONDON, from_london, london

DAY_STARTS = time(9, 0)
DAY_ENDS = time(17, 0)


@cache
def _bank_holidays(year: int) -> dict[date, str]:
    return dict(holidays.country_holidays("GB", subdiv="ENG", years=year))


def bank_holiday(day: date) -> str | None:
    """The bank holiday's name on DAY in England and Wales, or None."""
    return _bank_holidays(day.year).get(day)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and bank_holiday(day) is None


def add_working_days(day: date, count: int) -> date:
    """The working day COUNT working days after DAY (before it when COUNT is negative)."""
    step = 1 if count >= 0 else -1
    remaining = abs(count)
    while remaining:
        day += timedelta(days=step)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after START up to and including END (0 when END is not after START)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


def next_working_day(day: date) -> date:
    """DAY itself when it is a working day, else the next one."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def is_working_time(moment: datetime) -> bool:
    local = london(moment)
    return is_working_day(local.date()) and DAY_STARTS <= local.time() < DAY_ENDS


def add_working_minutes(moment: datetime, minutes: int) -> datetime:
    """The instant MINUTES working minutes after MOMENT, skipping nights, weekends and holidays."""
    local = london(moment)
    remaining = timedelta(minutes=minutes)
    day, at = local.date(), local.time().replace(tzinfo=None)
    while True:
        if not is_working_day(day) or at >= DAY_ENDS:
            day, at = next_working_day(day + timedelta(days=1)), DAY_STARTS
            continue
        at = max(at, DAY_STARTS)
        start = datetime.combine(day, at, tzinfo=LONDON)
        end = datetime.combine(day, DAY_ENDS, tzinfo=LONDON)
        if start + remaining <= end:
            return from_london(day, (start + remaining).time())
        remaining -= end - start
        day, at = next_working_day(day + timedelta(days=1)), DAY_STARTS
