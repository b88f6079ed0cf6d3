"""The periods reports count over: financial years (1 April to 31 March), quarters and months.

Dates are days on the wall calendars of England. A conference's date is such a day already; an
instant (a consultation requested, an escalation raised) belongs to the period in which it falls
in London time, so `utc_bounds` gives the UTC instants at which a period starts and ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from heard.clock import from_london
from heard.errors import HeardError

_YEAR = re.compile(r"^(\d{4})[-/](\d{2}|\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_MONTH_NAMES = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)


def add_months(day: date, months: int) -> date:
    """The same day MONTHS months later, or the month's last day when it has no such day
    (31 August + 6 months is the end of February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def utc_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The UTC instants at which the days START to END (inclusive) begin and finish in London:
    a moment is in the period when bounds[0] <= moment < bounds[1]."""
    return from_london(start, time(0, 0)), from_london(end + timedelta(days=1), time(0, 0))


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        """A month written YYYY-MM, e.g. "2026-10"."""
        match = _MONTH.match(text.strip())
        if not match or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 2000:
            raise HeardError(f"{text[:20]!r} is not a month: write it YYYY-MM, e.g. 2026-10")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    @property
    def start(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def end(self) -> date:
        """The month's last day."""
        return add_months(self.start, 1) - timedelta(days=1)

    def previous(self) -> Month:
        return Month.of(add_months(self.start, -1))

    def next(self) -> Month:
        return Month.of(add_months(self.start, 1))

    @property
    def label(self) -> str:
        """As the reports write it: "October 2026"."""
        return f"{_MONTH_NAMES[self.month - 1]} {self.year}"

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class Quarter:
    number: int  # 1 is April to June
    start: date
    end: date

    @property
    def label(self) -> str:
        return f"Q{self.number}"


@dataclass(frozen=True, order=True)
class FinancialYear:
    """1 April of `first` to 31 March of the year after, written "2025-26"."""

    first: int

    @classmethod
    def parse(cls, text: str) -> FinancialYear:
        match = _YEAR.match(text.strip())
        if not match:
            raise HeardError(
                f"{text[:20]!r} is not a financial year: write it like 2025-26 "
                "(1 April 2025 to 31 March 2026)"
            )
        first, second = int(match.group(1)), match.group(2)
        following = int(second) if len(second) == 4 else (first + 1) // 100 * 100 + int(second)
        if following != first + 1 or first < 2000:
            raise HeardError(
                f"{text[:20]!r} is not a financial year: the second year must follow the first, "
                f"as in {first}-{(first + 1) % 100:02d}"
            )
        return cls(first)

    @classmethod
    def containing(cls, day: date) -> FinancialYear:
        return cls(day.year if day.month >= 4 else day.year - 1)

    @property
    def start(self) -> date:
        return date(self.first, 4, 1)

    @property
    def end(self) -> date:
        return date(self.first + 1, 3, 31)

    def months(self) -> list[Month]:
        return [Month.of(add_months(self.start, n)) for n in range(12)]

    def quarters(self) -> list[Quarter]:
        return [
            Quarter(
                n + 1,
                add_months(self.start, 3 * n),
                add_months(self.start, 3 * n + 3) - timedelta(1),
            )
            for n in range(4)
        ]

    def previous(self) -> FinancialYear:
        return FinancialYear(self.first - 1)

    @property
    def label(self) -> str:
        return str(self)

    def __str__(self) -> str:
        return f"{self.first}-{(self.first + 1) % 100:02d}"
