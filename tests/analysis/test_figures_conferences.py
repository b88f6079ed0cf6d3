from __future__ import annotations

from datetime import date

from analysis.figures import (
    categories_of_abuse,
    conferences_by_type,
    icpc_outcomes,
    icpc_timeliness,
    rcpc_timeliness,
    rearranged_conferences,
)
from analysis.figures_common import WorkingDayCalendar
from analysis.periods import FinancialYear
from analysis.suppression import shown
from heard.workdays import working_days_between
from tests.analysis.helpers_figures import conference

YEAR = FinancialYear.parse("2025-26")


def row(table, label):
    return next(r for r in table.rows if r[0] == label)


def test_conferences_are_counted_by_type_and_month_within_the_financial_year(session):
    conference(session, date(2025, 3, 31), strategy=date(2025, 3, 20))  # the year before
    conference(session, date(2025, 4, 1), strategy=date(2025, 3, 24))
    conference(session, date(2025, 4, 30), "RCPC", case="CP-2")
    conference(session, date(2025, 4, 30), "RCPC", case="CP-3")
    conference(session, date(2026, 3, 31), "transfer-in", case="CP-4")
    conference(session, date(2026, 4, 1), "RCPC", case="CP-5")  # the year after
    table = conferences_by_type(session, YEAR.start, YEAR.end)
    assert table.columns == ("Month", "ICPC", "RCPC", "transfer-in", "Total")
    assert len(table.rows) == 13
    assert table.rows[0] == ("2025-04", 1, 2, 0, 3)
    assert table.rows[1] == ("2025-05", 0, 0, 0, 0)
    assert table.rows[11] == ("2026-03", 0, 0, 1, 1)
    assert table.rows[12] == ("Total", 1, 2, 1, 4)
    assert table.has_total_row and table.has_total_column


def test_the_15th_working_day_after_the_strategy_discussion_is_in_timescale_over_easter(session):
    # Strategy discussion Monday 30 March 2026; Good Friday 3 April and Easter Monday 6 April
    # are bank holidays, so the 15th working day is Wednesday 22 April.
    assert working_days_between(date(2026, 3, 30), date(2026, 4, 22)) == 15
    conference(session, date(2026, 4, 22), case="CP-1", strategy=date(2026, 3, 30))
    conference(session, date(2026, 4, 23), case="CP-2", strategy=date(2026, 3, 30))
    # Before Christmas: 25, 26 December and 1 January are bank holidays.
    conference(session, date(2026, 1, 12), case="CP-3", strategy=date(2025, 12, 17))
    conference(session, date(2026, 1, 13), case="CP-4", strategy=date(2025, 12, 17))
    conference(session, date(2026, 1, 14), case="CP-5", strategy=date(2026, 1, 2))
    conference(session, date(2026, 1, 20), case="CP-6")  # no strategy date: cannot be judged
    conference(session, date(2026, 1, 20), "RCPC", case="CP-7")  # not an ICPC
    table = icpc_timeliness(session, date(2026, 1, 1), date(2026, 4, 30))
    assert table.columns == (
        "Month",
        "in timescale",
        "out of timescale",
        "not known",
        "held",
        "% in timescale",
    )
    assert table.rows == (
        ("2026-01", 2, 1, 1, 4, 50.0),
        ("2026-02", 0, 0, 0, 0, None),
        ("2026-03", 0, 0, 0, 0, None),
        ("2026-04", 1, 1, 0, 2, 50.0),
        ("Total", 3, 2, 1, 6, 50.0),
    )
    assert table.percentages == {"% in timescale": ("in timescale", "held")}


def test_an_empty_period_gives_zeros_not_an_error(session):
    for figure in (conferences_by_type, icpc_timeliness, rcpc_timeliness, icpc_outcomes):
        table = figure(session, YEAR.start, YEAR.end)
        assert len(table.rows) == 13 and table.rows[-1][0] == "Total"
        assert all(cell in (0, None) for r in table.rows for cell in r[1:])
        assert shown(table).rows[-1][1] == 0


def test_rcpcs_are_judged_against_the_previous_conference_for_the_case(session):
    # A: ICPC, first review exactly 3 months later (in), next exactly 6 months later (in).
    conference(session, date(2025, 5, 10), case="A", strategy=date(2025, 4, 20))
    conference(session, date(2025, 8, 10), "RCPC", case="A")
    conference(session, date(2026, 2, 10), "RCPC", case="A")
    # B: 31 May plus 3 months is 31 August; 1 September is late.
    conference(session, date(2025, 5, 31), case="B", strategy=date(2025, 5, 12))
    conference(session, date(2025, 9, 1), "RCPC", case="B")
    # C: the first review after a transfer-in conference is due within 3 months too.
    conference(session, date(2025, 6, 15), "transfer-in", case="C")
    conference(session, date(2025, 9, 15), "RCPC", case="C")
    # D: no earlier conference on record.
    conference(session, date(2025, 8, 1), "RCPC", case="D")
    # E: the previous review was before the year: 30 November + 6 months is 30 May.
    conference(session, date(2024, 11, 30), "RCPC", case="E")
    conference(session, date(2025, 6, 1), "RCPC", case="E")
    # F: a review within 6 months of the last, after the year ends, is not counted.
    conference(session, date(2026, 4, 2), "RCPC", case="A")
    table = rcpc_timeliness(session, YEAR.start, YEAR.end)
    assert row(table, "2025-06") == ("2025-06", 0, 1, 0, 1, 0.0)
    assert row(table, "2025-08") == ("2025-08", 1, 0, 1, 2, 50.0)
    assert row(table, "2025-09") == ("2025-09", 1, 1, 0, 2, 50.0)
    assert row(table, "2026-02") == ("2026-02", 1, 0, 0, 1, 100.0)
    assert row(table, "Total") == ("Total", 3, 2, 1, 6, 50.0)
    assert row(table, "2025-04") == ("2025-04", 0, 0, 0, 0, None)


def test_icpc_outcomes_and_the_categories_of_new_plans(session):
    conference(
        session,
        date(2025, 6, 2),
        case="A",
        strategy=date(2025, 5, 20),
        outcome="plan",
        category_of_abuse="neglect",
        children=2,
    )
    conference(
        session,
        date(2025, 6, 3),
        case="B",
        strategy=date(2025, 5, 20),
        outcome="plan",
        category_of_abuse="neglect",
        children=3,
    )
    conference(
        session,
        date(2025, 6, 4),
        case="C",
        strategy=date(2025, 5, 20),
        outcome="plan",
        category_of_abuse="multiple",
    )
    conference(session, date(2025, 6, 5), case="D", strategy=date(2025, 5, 20), outcome="no_plan")
    conference(session, date(2025, 7, 1), case="E", strategy=date(2025, 6, 20))
    conference(
        session,
        date(2025, 7, 2),
        "RCPC",
        case="A",
        outcome="plan_continued",
        category_of_abuse="neglect",
        children=2,
    )  # a review: not a new plan
    outcomes = icpc_outcomes(session, YEAR.start, YEAR.end)
    assert outcomes.columns == (
        "Month",
        "resulted in a plan",
        "no plan",
        "outcome not recorded",
        "ICPCs held",
        "% resulting in a plan",
    )
    assert row(outcomes, "2025-06") == ("2025-06", 3, 1, 0, 4, 75.0)
    assert row(outcomes, "2025-07") == ("2025-07", 0, 0, 1, 1, 0.0)
    assert row(outcomes, "Total") == ("Total", 3, 1, 1, 5, 60.0)
    categories = categories_of_abuse(session, YEAR.start, YEAR.end)
    assert categories.rows == (
        ("Neglect", 2, 5),
        ("Emotional abuse", 0, 0),
        ("Physical abuse", 0, 0),
        ("Sexual abuse", 0, 0),
        ("Multiple", 1, 0),
        ("Not recorded", 0, 0),
        ("Total", 3, 5),
    )


def test_rearranged_conferences_count_where_they_were_first_due(session):
    conference(
        session,
        date(2025, 4, 10),
        "RCPC",
        case="A",
        rearranged_from=date(2025, 3, 31),
        rearranged_reason="not_quorate",
    )  # first due in the year before
    conference(
        session,
        date(2025, 4, 20),
        "RCPC",
        case="B",
        rearranged_from=date(2025, 4, 1),
        rearranged_reason="not_quorate",
    )
    conference(
        session,
        date(2025, 5, 20),
        case="C",
        strategy=date(2025, 5, 1),
        rearranged_from=date(2025, 5, 15),
        rearranged_reason="parent_unwell",
    )
    conference(session, date(2025, 5, 21), "RCPC", case="D", rearranged_from=date(2025, 5, 15))
    conference(session, date(2025, 5, 22), "RCPC", case="E")  # not re-arranged
    table = rearranged_conferences(session, YEAR.start, YEAR.end)
    assert row(table, "Not quorate") == ("Not quorate", 0, 1, 0, 1)
    assert row(table, "Parent unwell") == ("Parent unwell", 1, 0, 0, 1)
    assert row(table, "Not recorded") == ("Not recorded", 0, 1, 0, 1)
    assert row(table, "Total") == ("Total", 1, 2, 0, 3)


def test_the_working_day_calendar_agrees_with_heard_workdays():
    calendar = WorkingDayCalendar(date(2025, 12, 1), date(2026, 5, 31))
    days = [
        date(2025, 12, 1),
        date(2025, 12, 17),
        date(2025, 12, 24),
        date(2026, 1, 2),
        date(2026, 3, 30),
        date(2026, 4, 3),
        date(2026, 4, 22),
        date(2026, 5, 31),
    ]
    for a in days:
        for b in days:
            assert calendar.between(a, b) == working_days_between(a, b), (a, b)
