"""Working days and minutes in England at their edges: Easter, Christmas, BST and month ends."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from heard.workdays import (
    add_working_days,
    add_working_minutes,
    bank_holiday,
    is_working_day,
    is_working_time,
    next_working_day,
    working_days_between,
)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


# Easter 2026


def test_good_friday_and_easter_monday_2026_are_bank_holidays():
    assert bank_holiday(date(2026, 4, 3)) == "Good Friday"
    assert bank_holiday(date(2026, 4, 6)) == "Easter Monday"
    assert not is_working_day(date(2026, 4, 3))
    assert not is_working_day(date(2026, 4, 6))
    assert is_working_day(date(2026, 4, 2))
    assert is_working_day(date(2026, 4, 7))


def test_the_working_day_after_maundy_thursday_is_the_tuesday_after_easter():
    assert add_working_days(date(2026, 4, 2), 1) == date(2026, 4, 7)
    assert add_working_days(date(2026, 4, 7), -1) == date(2026, 4, 2)
    assert working_days_between(date(2026, 4, 2), date(2026, 4, 7)) == 1


def test_working_minutes_late_on_maundy_thursday_run_on_into_the_tuesday():
    # 16:45 BST on Thursday 2 April; 30 minutes is 15 on Thursday and 15 on Tuesday.
    assert add_working_minutes(utc(2026, 4, 2, 15, 45), 30) == utc(2026, 4, 7, 8, 15)


# Christmas 2026


def test_christmas_2026_falls_on_a_friday_and_boxing_day_is_observed_on_monday_the_28th():
    assert bank_holiday(date(2026, 12, 25)) == "Christmas Day"
    assert date(2026, 12, 26).weekday() == 5  # Boxing Day is a Saturday, so Monday is off
    assert bank_holiday(date(2026, 12, 28)) == "Boxing Day (observed)"
    assert bank_holiday(date(2027, 1, 1)) == "New Year's Day"


def test_christmas_week_2026_has_four_working_days_then_three():
    christmas_week = [date(2026, 12, day) for day in range(21, 26)]
    assert [is_working_day(day) for day in christmas_week] == [True, True, True, True, False]
    assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)
    assert working_days_between(date(2026, 12, 24), date(2027, 1, 4)) == 4  # 29, 30, 31, 4
    assert next_working_day(date(2026, 12, 25)) == date(2026, 12, 29)


def test_working_minutes_on_christmas_eve_afternoon_resume_on_the_29th():
    # 16:50 GMT on Thursday 24 December: 10 minutes that day, 20 on Tuesday the 29th.
    assert add_working_minutes(utc(2026, 12, 24, 16, 50), 30) == utc(2026, 12, 29, 9, 20)


# British Summer Time


def test_working_time_follows_london_clocks_across_the_change_to_bst():
    assert not is_working_time(utc(2026, 3, 27, 8, 30))  # Friday 08:30 GMT
    assert is_working_time(utc(2026, 3, 27, 9, 0))
    assert is_working_time(utc(2026, 3, 30, 8, 30))  # Monday 09:30 BST
    assert not is_working_time(utc(2026, 3, 30, 16, 0))  # Monday 17:00 BST


def test_working_time_follows_london_clocks_across_the_change_from_bst():
    assert is_working_time(utc(2026, 10, 23, 8, 30))  # Friday 09:30 BST
    assert not is_working_time(utc(2026, 10, 26, 8, 30))  # Monday 08:30 GMT
    assert is_working_time(utc(2026, 10, 26, 16, 30))  # Monday 16:30 GMT


def test_working_minutes_over_the_weekend_the_clocks_go_forward():
    # 16:45 GMT on Friday 27 March, 30 minutes: 15 that day, then 09:15 BST on Monday.
    assert add_working_minutes(utc(2026, 3, 27, 16, 45), 30) == utc(2026, 3, 30, 8, 15)


def test_working_minutes_over_the_weekend_the_clocks_go_back():
    # 16:45 BST on Friday 23 October, 30 minutes: 15 that day, then 09:15 GMT on Monday.
    assert add_working_minutes(utc(2026, 10, 23, 15, 45), 30) == utc(2026, 10, 26, 9, 15)


def test_working_minutes_within_the_day_the_clocks_changed_count_wall_clock_minutes():
    # Sunday 29 March is not a working day: the first minute is 09:00 BST on Monday.
    assert add_working_minutes(utc(2026, 3, 29, 0, 30), 0) == utc(2026, 3, 30, 8, 0)
    assert add_working_minutes(utc(2026, 3, 29, 0, 30), 480) == utc(2026, 3, 30, 16, 0)


# Month ends


@pytest.mark.parametrize(
    ("day", "count", "expected"),
    [
        (date(2026, 2, 27), 1, date(2026, 3, 2)),  # Friday at the end of February
        (date(2026, 4, 30), 1, date(2026, 5, 1)),
        (date(2026, 5, 1), 1, date(2026, 5, 5)),  # over the early May bank holiday
        (date(2026, 8, 28), 1, date(2026, 9, 1)),  # over the late summer bank holiday
        (date(2026, 9, 1), -1, date(2026, 8, 28)),
        (date(2026, 11, 30), 15, date(2026, 12, 21)),  # an ICPC's 15 working days
    ],
)
def test_working_days_are_counted_across_month_ends(day, count, expected):
    assert add_working_days(day, count) == expected


def test_december_2026_has_twenty_one_working_days():
    assert working_days_between(date(2026, 11, 30), date(2026, 12, 31)) == 21


def test_working_minutes_at_the_end_of_july_run_into_august():
    # 16:50 BST on Friday 31 July, 20 minutes: 10 that day, 10 on Monday 3 August.
    assert add_working_minutes(utc(2026, 7, 31, 15, 50), 20) == utc(2026, 8, 3, 8, 10)


def test_working_minutes_over_the_august_bank_holiday_resume_on_the_first_of_september():
    assert add_working_minutes(utc(2026, 8, 28, 15, 50), 20) == utc(2026, 9, 1, 8, 10)


# Small edges


def test_no_working_days_between_a_day_and_itself_or_an_earlier_day():
    assert working_days_between(date(2026, 11, 23), date(2026, 11, 23)) == 0
    assert working_days_between(date(2026, 11, 27), date(2026, 11, 23)) == 0


def test_working_minutes_from_before_nine_start_at_nine():
    assert add_working_minutes(utc(2026, 11, 23, 7, 0), 30) == utc(2026, 11, 23, 9, 30)


def test_working_minutes_ending_exactly_at_five_stay_that_day():
    assert add_working_minutes(utc(2026, 11, 23, 16, 30), 30) == utc(2026, 11, 23, 17, 0)
