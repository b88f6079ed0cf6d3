from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from analysis.periods import FinancialYear, Month, add_months, utc_bounds
from heard.errors import HeardError


def test_a_financial_year_runs_from_1_april_to_31_march():
    year = FinancialYear.parse("2025-26")
    assert (year.start, year.end) == (date(2025, 4, 1), date(2026, 3, 31))
    assert str(year) == "2025-26"
    assert FinancialYear.parse("2025/2026") == year
    assert FinancialYear.parse("2099-00").end == date(2100, 3, 31)


@pytest.mark.parametrize("text", ["2025-27", "2025", "junk", "", "2025-25", "1999-00", "2025-2027"])
def test_a_year_that_is_not_a_financial_year_is_refused_clearly(text):
    with pytest.raises(HeardError, match="not a financial year"):
        FinancialYear.parse(text)


def test_a_financial_year_has_twelve_months_and_four_quarters():
    year = FinancialYear.parse("2025-26")
    months = year.months()
    assert [str(m) for m in (months[0], months[8], months[-1])] == ["2025-04", "2025-12", "2026-03"]
    assert len(months) == 12
    quarters = year.quarters()
    assert [(q.label, q.start, q.end) for q in quarters] == [
        ("Q1", date(2025, 4, 1), date(2025, 6, 30)),
        ("Q2", date(2025, 7, 1), date(2025, 9, 30)),
        ("Q3", date(2025, 10, 1), date(2025, 12, 31)),
        ("Q4", date(2026, 1, 1), date(2026, 3, 31)),
    ]


def test_the_year_containing_a_day():
    assert FinancialYear.containing(date(2026, 3, 31)) == FinancialYear(2025)
    assert FinancialYear.containing(date(2026, 4, 1)) == FinancialYear(2026)


def test_months_parse_and_step_back():
    month = Month.parse("2026-10")
    assert (month.start, month.end, month.label) == (
        date(2026, 10, 1),
        date(2026, 10, 31),
        "October 2026",
    )
    assert str(Month.parse("2026-01").previous()) == "2025-12"
    assert Month.parse("2024-02").end == date(2024, 2, 29)
    assert Month.parse("2026-12").next() == Month(2027, 1)


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "2026-1", "Oct 2026", ""])
def test_a_month_that_is_not_yyyy_mm_is_refused(text):
    with pytest.raises(HeardError, match="YYYY-MM"):
        Month.parse(text)


def test_add_months_keeps_to_the_end_of_short_months():
    assert add_months(date(2025, 8, 31), 6) == date(2026, 2, 28)
    assert add_months(date(2025, 11, 30), 3) == date(2026, 2, 28)
    assert add_months(date(2023, 11, 29), 3) == date(2024, 2, 29)
    assert add_months(date(2026, 1, 15), -1) == date(2025, 12, 15)


def test_period_boundaries_are_london_midnights_in_utc():
    # 1 April 2026 begins at 23:00 UTC on 31 March (BST); 1 January at midnight UTC (GMT).
    assert utc_bounds(date(2026, 4, 1), date(2026, 4, 30)) == (
        datetime(2026, 3, 31, 23, 0, tzinfo=UTC),
        datetime(2026, 4, 30, 23, 0, tzinfo=UTC),
    )
    assert utc_bounds(date(2025, 4, 1), date(2026, 3, 31)) == (
        datetime(2025, 3, 31, 23, 0, tzinfo=UTC),
        datetime(2026, 3, 31, 23, 0, tzinfo=UTC),
    )
    assert utc_bounds(date(2026, 1, 1), date(2026, 1, 31))[0] == datetime(2026, 1, 1, tzinfo=UTC)
