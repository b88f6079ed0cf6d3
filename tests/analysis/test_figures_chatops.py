from __future__ import annotations

from datetime import date

from analysis.figures import (
    consultations_by_category,
    consultations_by_outcome,
    consultations_by_prevalent_issue,
    escalation_resolution,
    escalations_by_month,
    escalations_by_theme,
    open_escalations,
)
from analysis.periods import FinancialYear
from tests.analysis.helpers_figures import consultation, escalation, utc

YEAR = FinancialYear.parse("2025-26")


def row(table, label):
    return next(r for r in table.rows if r[0] == label)


def test_consultations_count_in_the_london_year_they_were_requested(session):
    # 23:30 UTC on 31 March 2025 is 00:30 on 1 April in London (BST): in the year.
    consultation(session, utc(2025, 3, 31, 23, 30), category="neglect")
    consultation(session, utc(2025, 3, 31, 22, 59), category="neglect")  # 23:59 BST: before
    consultation(session, utc(2026, 3, 31, 22, 30), category="multiple")  # 23:30 BST: in
    consultation(session, utc(2026, 3, 31, 23, 0), category="multiple")  # 1 April: after
    consultation(session, utc(2025, 11, 3, 10, 0), category="emotional_abuse")
    table = consultations_by_category(session, YEAR.start, YEAR.end)
    assert table.rows == (
        ("Neglect", 1),
        ("Emotional abuse", 1),
        ("Physical abuse", 0),
        ("Sexual abuse", 0),
        ("Multiple", 1),
        ("Total", 3),
    )


def test_consultations_by_prevalent_issue_count_each_issue_named(session):
    consultation(session, utc(2025, 6, 1, 9), issues=("domestic_abuse", "parental_mental_health"))
    consultation(session, utc(2025, 6, 2, 9), issues=("domestic_abuse",))
    consultation(session, utc(2025, 6, 3, 9), issues=("no_issues_identified",))
    consultation(session, utc(2024, 6, 3, 9), issues=("domestic_abuse",))  # another year
    table = consultations_by_prevalent_issue(session, YEAR.start, YEAR.end)
    assert row(table, "Domestic abuse") == ("Domestic abuse", 2)
    assert row(table, "Parental mental health") == ("Parental mental health", 1)
    assert row(table, "No issues identified") == ("No issues identified", 1)
    assert row(table, "Honour based abuse") == ("Honour based abuse", 0)
    assert not table.has_total_row and len(table.rows) == 12


def test_consultations_by_outcome_include_the_withdrawn_and_the_unfinished(session):
    consultation(session, utc(2025, 6, 1, 9), status="completed", outcome="icpc")
    consultation(session, utc(2025, 6, 2, 9), status="completed", outcome="icpc")
    consultation(session, utc(2025, 6, 3, 9), status="completed", outcome="mapping")
    consultation(session, utc(2025, 6, 4, 9), status="withdrawn")
    consultation(session, utc(2025, 6, 5, 9), status="accepted")
    consultation(session, utc(2025, 6, 6, 9))
    table = consultations_by_outcome(session, YEAR.start, YEAR.end)
    assert row(table, "ICPC") == ("ICPC", 2)
    assert row(table, "Mapping") == ("Mapping", 1)
    assert row(table, "Other") == ("Other", 0)
    assert row(table, "Withdrawn") == ("Withdrawn", 1)
    assert row(table, "Outcome not yet recorded") == ("Outcome not yet recorded", 2)
    assert table.rows[-1] == ("Total", 6)


def test_escalations_by_month_follow_london_months_across_the_clock_change(session):
    escalation(session, utc(2025, 9, 30, 23, 30))  # 00:30 BST on 1 October
    escalation(session, utc(2025, 10, 31, 23, 30), resolved_at=utc(2025, 11, 4, 10))  # GMT
    escalation(session, utc(2025, 9, 30, 22, 30), resolved_at=utc(2025, 10, 2, 9))  # 23:30 BST
    table = escalations_by_month(session, YEAR.start, YEAR.end)
    assert row(table, "2025-09") == ("2025-09", 1, 0)
    assert row(table, "2025-10") == ("2025-10", 2, 1)
    assert row(table, "2025-11") == ("2025-11", 0, 1)
    assert table.rows[-1] == ("Total", 3, 2)


def test_escalations_by_theme_count_each_theme(session):
    escalation(session, utc(2025, 5, 1, 9), themes=("drift_and_delay", "documentation"))
    escalation(session, utc(2025, 5, 2, 9), themes=("drift_and_delay",))
    escalation(session, utc(2025, 5, 3, 9), themes=("local_extra_theme",))
    table = escalations_by_theme(session, YEAR.start, YEAR.end)
    assert row(table, "Drift and delay in planning")[1] == 2
    assert row(table, "Missing, incomplete or poor documentation")[1] == 1
    assert row(table, "Immediate safety concerns for the child")[1] == 0
    assert table.rows[-1] == ("Local extra theme", 1)  # a theme added by configuration


def test_time_to_resolve_is_the_median_in_working_days(session):
    # Wednesday 17 December to Monday 29 December 2025: 6 working days (Christmas, Boxing Day).
    escalation(session, utc(2025, 12, 17, 10), stage="stage_1", resolved_at=utc(2025, 12, 29, 15))
    # Monday 2 March to Monday 9 March 2026: 5 working days.
    escalation(session, utc(2026, 3, 2, 10), stage="stage_1", resolved_at=utc(2026, 3, 9, 11))
    escalation(session, utc(2026, 3, 2, 10), stage="informal", resolved_at=utc(2026, 3, 3, 11))
    escalation(session, utc(2026, 3, 5, 10), stage="stage_2")  # still open
    table = escalation_resolution(session, YEAR.start, YEAR.end)
    assert table.columns == ("Stage", "resolved", "still open", "median working days to resolve")
    assert table.rows == (
        ("Informal (resolved by conversation)", 1, 0, 1),
        ("Stage 1 (team manager)", 2, 0, 5.5),
        ("Stage 2 (head of service)", 0, 1, None),
        ("Stage 3 (assistant director)", 0, 0, None),
        ("Total", 3, 1, 5),
    )


def test_open_and_prolonged_escalations_at_a_moment(session):
    at = utc(2026, 11, 1, 0)
    escalation(session, utc(2026, 9, 1, 9), stage="stage_2", prolonged_at=utc(2026, 10, 1, 9))
    escalation(session, utc(2026, 10, 1, 9), stage="stage_2", prolonged_at=utc(2026, 11, 5, 9))
    escalation(session, utc(2026, 10, 2, 9), resolved_at=utc(2026, 11, 2, 9))  # resolved after
    escalation(session, utc(2026, 10, 3, 9), resolved_at=utc(2026, 10, 20, 9))  # resolved before
    escalation(session, utc(2026, 11, 3, 9))  # raised after
    table = open_escalations(session, at)
    assert table.rows == (
        ("Informal (resolved by conversation)", 0, 0),
        ("Stage 1 (team manager)", 1, 0),
        ("Stage 2 (head of service)", 2, 1),
        ("Stage 3 (assistant director)", 0, 0),
        ("Total", 3, 1),
    )


def test_an_empty_year_of_chat_ops_gives_zeros(session):
    for figure in (consultations_by_category, consultations_by_outcome, escalations_by_month):
        assert figure(session, YEAR.start, YEAR.end).rows[-1][1:] in ((0,), (0, 0))
    assert escalation_resolution(session, date(2025, 4, 1), date(2025, 4, 30)).rows[-1] == (
        "Total",
        0,
        0,
        None,
    )
