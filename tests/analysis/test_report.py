"""The annual report built over a seeded year: every table checked cell by cell against figures
worked out here, in plain Python over the seeded rows (not by analysis.figures), then through
disclosure control."""

from __future__ import annotations

from collections import Counter
from datetime import date
from statistics import median

import pytest
from dateutil.relativedelta import relativedelta

from analysis import report as report_module
from analysis.periods import FinancialYear
from analysis.report import build_annual_report
from analysis.suppression import FEWER_THAN_5, SUPPRESSED, shown
from analysis.tables import Table
from bot.escalations import ESCALATION_STAGES, ESCALATION_THEMES
from bot.vocabulary import CONSULTATION_CATEGORIES, CONSULTATION_OUTCOMES, PREVALENT_ISSUES
from heard.clock import london
from heard.models import CATEGORIES_OF_ABUSE, REARRANGED_REASONS
from heard.workdays import working_days_between
from tests.analysis.helpers_year import DISCLOSURE, YEAR_END, YEAR_START, SeededYear, seed_year
from tests.factories import NOW

YEAR = FinancialYear.parse("2025-26")
MONTHS = [f"{2025 + (m < 4)}-{m:02d}" for m in (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3)]
TYPES = ("ICPC", "RCPC", "transfer-in")


def in_year(day: date | None) -> bool:
    return day is not None and YEAR_START <= day <= YEAR_END


def month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def quarter(day: date) -> str:
    return f"2025-26 Q{(day.month - 4) % 12 // 3 + 1}"


def day_of(moment) -> date | None:
    return london(moment).date() if moment is not None else None


def pct(numerator: int, denominator: int) -> float | None:
    return round(100 * numerator / denominator, 1) if denominator else None


def with_totals(rows: list[list], *, total_column: bool, total_row: bool, labels: int = 1):
    rows = [[*row, sum(row[labels:])] if total_column else list(row) for row in rows]
    if total_row:
        sums = [sum(row[i] for row in rows) for i in range(labels, len(rows[0]))]
        rows.append(["Total", *[""] * (labels - 1), *sums])
    return rows


def table(key, columns, rows, counts, *, percentages=None, total_row=False, total_column=False):
    """The expected raw table: percentages appended from the counts in each row."""
    percentages = percentages or {}
    full = []
    for row in rows:
        named = dict(zip(columns, row, strict=False))
        full.append((*row, *(pct(named[n], named[d]) for n, d in percentages.values())))
    return Table(
        key=key,
        title="",
        columns=(*columns, *percentages),
        rows=tuple(full),
        count_columns=counts,
        percentages=percentages,
        has_total_row=total_row,
        has_total_column=total_column,
    )


def expected_conferences(seeded: SeededYear) -> list[Table]:
    held = [c for c in seeded.conferences if in_year(c.starts_on)]
    by_type = Counter((month(c.starts_on), c.conference_type) for c in held)
    rows = [[m, *(by_type[(m, t)] for t in TYPES)] for m in MONTHS]
    conferences = table(
        "conferences_by_type",
        ("Month", *TYPES, "Total"),
        with_totals(rows, total_column=True, total_row=True),
        (*TYPES, "Total"),
        total_row=True,
        total_column=True,
    )
    icpcs = [c for c in held if c.conference_type == "ICPC"]
    outcomes = Counter((month(c.starts_on), c.outcome) for c in icpcs)
    rows = [[m, *(outcomes[(m, o)] for o in ("plan", "no_plan", None))] for m in MONTHS]
    counts = ("resulted in a plan", "no plan", "outcome not recorded", "ICPCs held")
    plans = table(
        "icpc_outcomes",
        ("Month", *counts),
        with_totals(rows, total_column=True, total_row=True),
        counts,
        percentages={"% resulting in a plan": ("resulted in a plan", "ICPCs held")},
        total_row=True,
        total_column=True,
    )
    new_plans = [c for c in icpcs if c.outcome == "plan"]
    rows = [
        [
            label,
            sum(1 for c in new_plans if c.category_of_abuse == key),
            sum(c.children or 0 for c in new_plans if c.category_of_abuse == key),
        ]
        for key, label in [*CATEGORIES_OF_ABUSE.items(), (None, "Not recorded")]
    ]
    categories = table(
        "categories_of_abuse",
        ("Category of abuse", "plans", "children"),
        with_totals(rows, total_column=False, total_row=True),
        ("plans", "children"),
        total_row=True,
    )
    return [conferences, plans, categories]


def timeliness(key: str, judged: list[tuple[date, bool | None]]) -> Table:
    outcome = Counter((month(day), verdict) for day, verdict in judged)
    rows = [[m, *(outcome[(m, v)] for v in (True, False, None))] for m in MONTHS]
    counts = ("in timescale", "out of timescale", "not known", "held")
    return table(
        key,
        ("Month", *counts),
        with_totals(rows, total_column=True, total_row=True),
        counts,
        percentages={"% in timescale": ("in timescale", "held")},
        total_row=True,
        total_column=True,
    )


def expected_timeliness(seeded: SeededYear) -> list[Table]:
    icpc = [
        (c.starts_on, working_days_between(c.strategy_discussion_on, c.starts_on) <= 15)
        for c in seeded.conferences
        if c.conference_type == "ICPC" and in_year(c.starts_on)
    ]
    rcpc = []
    for c in seeded.conferences:
        if c.conference_type != "RCPC" or not in_year(c.starts_on):
            continue
        before = [
            p
            for p in seeded.conferences
            if p.case_reference == c.case_reference and p.starts_on < c.starts_on
        ]
        if not before:  # no earlier conference on record: cannot be judged
            rcpc.append((c.starts_on, None))
            continue
        previous = max(before, key=lambda p: p.starts_on)
        allowed = relativedelta(months=6 if previous.conference_type == "RCPC" else 3)
        rcpc.append((c.starts_on, c.starts_on <= previous.starts_on + allowed))
    assert any(verdict for _, verdict in icpc) and not all(verdict for _, verdict in icpc)
    return [timeliness("icpc_timeliness", icpc), timeliness("rcpc_timeliness", rcpc)]


def expected_rearranged(seeded: SeededYear) -> list[Table]:
    moved = [c for c in seeded.conferences if in_year(c.rearranged_from)]
    counts = Counter((c.rearranged_reason, c.conference_type) for c in moved)
    reasons = [*REARRANGED_REASONS.items(), (None, "Not recorded")]
    rows = [[label, *(counts[(key, t)] for t in TYPES)] for key, label in reasons]
    return [
        table(
            "rearranged_conferences",
            ("Reason", *TYPES, "Total"),
            with_totals(rows, total_column=True, total_row=True),
            (*TYPES, "Total"),
            total_row=True,
            total_column=True,
        )
    ]


ROLES = {
    "mother": "Mothers",
    "father": "Fathers",
    "carer": "Carers",
    "parent": "Parents or carers (role not recorded)",
    "child": "Children and young people",
    "professional": "Professionals",
}
WAYS = ("in_person", "virtual", "written_only", "did_not_attend", None)
WAY_COLUMNS = ("in person", "virtual", "written contribution only", "did not attend")
ATTENDANCE_COUNTS = (*WAY_COLUMNS, "not recorded", "invited")
SHARES = {"% in person": ("in person", "invited"), "% virtual": ("virtual", "invited")}


def expected_attendance(seeded: SeededYear) -> list[Table]:
    held = {c.id: c for c in seeded.conferences if in_year(c.starts_on)}
    invited = [i for i in seeded.invitations if i.conference_id in held and not i.withdrawn]
    by_role = Counter(
        (quarter(held[i.conference_id].starts_on), i.family_role or i.respondent_type, i.attendance)
        for i in invited
    )
    quarters = [f"2025-26 Q{n}" for n in range(1, 5)]
    rows = [
        [q, label, *(by_role[(q, role, way)] for way in WAYS)]
        for q in quarters
        for role, label in ROLES.items()
    ]
    by_role_table = table(
        "attendance_by_role",
        ("Quarter", "Role", *ATTENDANCE_COUNTS),
        with_totals(rows, total_column=True, total_row=False, labels=2),
        ATTENDANCE_COUNTS,
        percentages=SHARES,
        total_column=True,
    )
    professionals = [i for i in invited if i.respondent_type == "professional"]
    by_agency = Counter((i.agency.lower(), i.attendance) for i in professionals)
    agencies = sorted({agency for agency, _ in by_agency})
    rows = [[agency.capitalize(), *(by_agency[(agency, w)] for w in WAYS)] for agency in agencies]
    by_agency_table = table(
        "attendance_by_agency",
        ("Agency", *ATTENDANCE_COUNTS),
        with_totals(rows, total_column=True, total_row=True),
        ATTENDANCE_COUNTS,
        percentages=SHARES,
        total_row=True,
        total_column=True,
    )
    return [by_role_table, by_agency_table]


def expected_consultations(seeded: SeededYear) -> list[Table]:
    asked = [c for c in seeded.consultations if in_year(day_of(c.requested_at))]
    categories = Counter(c.category for c in asked)
    rows = [[label, categories[key]] for key, label in CONSULTATION_CATEGORIES.items()]
    by_category = table(
        "consultations_by_category",
        ("Category", "consultations"),
        with_totals(rows, total_column=False, total_row=True),
        ("consultations",),
        total_row=True,
    )
    issues = Counter(issue for c in asked for issue in c.prevalent_issues)
    rows = [[label, issues[key]] for key, label in PREVALENT_ISSUES.items()]
    by_issue = table(
        "consultations_by_prevalent_issue",
        ("Prevalent issue", "consultations"),
        rows,
        ("consultations",),
    )
    outcomes = Counter(c.outcome if c.status == "completed" else "pending" for c in asked)
    rows = [[label, outcomes[key]] for key, label in CONSULTATION_OUTCOMES.items()]
    rows += [["Withdrawn", 0], ["Outcome not yet recorded", outcomes["pending"]]]
    by_outcome = table(
        "consultations_by_outcome",
        ("Outcome", "consultations"),
        with_totals(rows, total_column=False, total_row=True),
        ("consultations",),
        total_row=True,
    )
    return [by_category, by_issue, by_outcome]


def expected_escalations(seeded: SeededYear) -> list[Table]:
    raised = [e for e in seeded.escalations if in_year(day_of(e.raised_at))]
    per_month = Counter(month(day_of(e.raised_at)) for e in raised)
    resolved_in = Counter(
        month(day_of(e.resolved_at)) for e in seeded.escalations if in_year(day_of(e.resolved_at))
    )
    rows = [[m, per_month[m], resolved_in[m]] for m in MONTHS]
    by_month = table(
        "escalations_by_month",
        ("Month", "raised", "resolved"),
        with_totals(rows, total_column=False, total_row=True),
        ("raised", "resolved"),
        total_row=True,
    )
    themes = Counter(theme for e in raised for theme in e.themes)
    rows = [[label, themes[key]] for key, label in ESCALATION_THEMES.items()]
    by_theme = table("escalations_by_theme", ("Theme", "escalations"), rows, ("escalations",))
    days = {
        e.id: working_days_between(day_of(e.raised_at), day_of(e.resolved_at))
        for e in raised
        if e.resolved_at
    }
    rows = []
    for stage, label in [*ESCALATION_STAGES.items(), (None, "Total")]:
        group = [e for e in raised if stage is None or e.stage == stage]
        taken = [days[e.id] for e in group if e.id in days]
        rows.append([label, len(taken), len(group) - len(taken), median(taken) if taken else None])
    resolution = Table(
        key="escalation_resolution",
        title="",
        columns=("Stage", "resolved", "still open", "median working days to resolve"),
        rows=tuple(map(tuple, rows)),
        count_columns=("resolved", "still open"),
        has_total_row=True,
    )
    return [by_month, by_theme, resolution]


def expected_feedback(seeded: SeededYear, sites: list[str]) -> list[Table]:
    answered = [r for r in seeded.responses if in_year(day_of(r.submitted_at))]
    by_type = Counter((r.respondent_type, r.site_id) for r in answered)
    names = {c.site_id: c.site.name for c in seeded.conferences}
    site_ids = sorted(names, key=names.get)  # the sites' columns, by name
    assert [names[i] for i in site_ids] == sites
    labels = {
        "parent": "Parents and carers",
        "child": "Children and young people",
        "professional": "Professionals",
    }
    rows = [[labels[t], *(by_type[(t, s)] for s in site_ids)] for t in labels]
    by_respondent = table(
        "feedback_by_respondent_type",
        ("Respondent type", *sites, "Total"),
        with_totals(rows, total_column=True, total_row=True),
        (*sites, "Total"),
        total_row=True,
        total_column=True,
    )
    per_month = Counter((month(day_of(r.submitted_at)), r.respondent_type) for r in answered)
    rows = [[m, *(per_month[(m, t)] for t in labels)] for m in MONTHS]
    by_month = table(
        "feedback_by_month",
        ("Month", *labels.values(), "Total"),
        with_totals(rows, total_column=True, total_row=True),
        (*labels.values(), "Total"),
        total_row=True,
        total_column=True,
    )
    return [by_respondent, by_month]


def check_cells(got: Table, raw: Table) -> int:
    """Every cell of GOT against the raw figure: equal where shown, 1 to 4 where "fewer than
    5", and exactly as disclosure control hides the raw table. Returns the figures compared."""
    assert got.columns == raw.columns, got.key
    assert len(got.rows) == len(raw.rows), got.key
    compared = 0
    for number, (mine, theirs) in enumerate(zip(got.rows, raw.rows, strict=True)):
        for column, cell, want in zip(raw.columns, mine, theirs, strict=True):
            where = f"{got.key} row {number + 1} ({theirs[0]}) column {column!r}"
            if cell == FEWER_THAN_5:
                assert column in raw.count_columns and 1 <= want <= 4, where
            elif cell == SUPPRESSED:
                assert column in raw.count_columns or column in {*raw.percentages, *DERIVED}, where
            else:
                assert cell == want, f"{where}: {cell!r} != {want!r}"
                compared += isinstance(want, int | float) and not isinstance(want, bool)
    hidden = shown(raw)
    for mine, theirs in zip(got.rows, hidden.rows, strict=True):
        for column, cell, want in zip(raw.columns, mine, theirs, strict=True):
            if column not in DERIVED:
                assert cell == want, f"{got.key} {theirs[0]} {column}: {cell!r} != {want!r}"
    return compared


DERIVED = {"median working days to resolve"}


@pytest.fixture
def seeded(session) -> SeededYear:
    seeded = seed_year(session)
    session.commit()
    return seeded


def test_every_table_of_a_seeded_year_matches_figures_worked_out_independently(session, seeded):
    report = build_annual_report(session, YEAR, authority="Birmingham Children's Trust", now=NOW)
    tables = {t.key: t for t in report.tables}
    sites = list(tables["feedback_by_respondent_type"].columns[1:3])
    assert sites == ["Lifford House", "One Avenue Road"]
    expected = [
        *expected_conferences(seeded),
        *expected_timeliness(seeded),
        *expected_rearranged(seeded),
        *expected_attendance(seeded),
        *expected_consultations(seeded),
        *expected_escalations(seeded),
        *expected_feedback(seeded, sites),
    ]
    compared = {raw.key: check_cells(tables[raw.key], raw) for raw in expected}
    # A median of fewer than 5 escalations would give them away: hidden with its count.
    resolution = tables["escalation_resolution"]
    hidden_rows = [row for row in resolution.rows if row[1] in (FEWER_THAN_5, SUPPRESSED)]
    assert hidden_rows and all(row[3] == SUPPRESSED for row in hidden_rows)
    assert any(isinstance(row[3], int | float) for row in resolution.rows)
    # Most figures are big enough to be shown, so the comparison means something.
    assert sum(compared.values()) > 400, compared
    assert all(n > 0 for n in compared.values()), compared


def test_the_year_runs_from_1_april_to_31_march_in_london_time(session, seeded):
    report = build_annual_report(session, YEAR, now=NOW)
    tables = {t.key: t for t in report.tables}
    conferences = tables["conferences_by_type"]
    assert conferences.rows[0][0] == "2025-04" and conferences.rows[-2][0] == "2026-03"
    first_day = sum(1 for c in seeded.conferences if c.starts_on == date(2025, 4, 1))
    assert first_day >= 1
    assert report.period == "1 April 2025 to 31 March 2026" and report.year_label == "2025-26"
    # 23:30 UTC on 31 March 2025 is 00:30 on 1 April in London: that response counts in April.
    feedback = tables["feedback_by_month"]
    assert feedback.rows[0][0] == "2025-04"


def test_every_table_is_through_disclosure_control_and_the_disclosure_is_never_quoted(
    session, seeded
):
    report = build_annual_report(session, YEAR, now=NOW)
    cells = [cell for t in report.tables for row in t.rows for cell in row]
    assert FEWER_THAN_5 in cells
    for t in report.tables:
        for row in t.rows:
            for column, cell in zip(t.columns, row, strict=True):
                if column in t.count_columns and isinstance(cell, int):
                    assert not 1 <= cell <= 4, (t.key, row[0], column)
    feedback = next(s for s in report.sections if s.key == "feedback")
    assert feedback.quotes, "a theme five people raised is quoted"
    words = " ".join(q.text for q in feedback.quotes)
    assert "scared" not in words and "hits me" not in words
    assert "07700" not in words
    said = " ".join(f"{t.key} {t.rows}" for t in report.tables) + words
    assert DISCLOSURE not in said
    assert any("fewer than 5" in fact for fact in feedback.facts)


def test_the_sections_come_in_the_order_of_the_issue_each_with_charts(session, seeded):
    report = build_annual_report(session, YEAR, now=NOW)
    assert [s.key for s in report.sections] == [
        "conferences",
        "timeliness",
        "consultations",
        "escalations",
        "participation",
        "rearranged",
        "feedback",
    ]
    for section in report.sections:
        assert section.charts, section.key
        assert {c.table.key for c in section.charts} <= {t.key for t in section.tables}
    charts = {c.table.key: c for s in report.sections for c in s.charts}
    assert charts["escalation_resolution"].value_label == "Working days"
    assert charts["icpc_timeliness"].kind == "line"
    assert "feedback_answers" not in charts  # a long list of answers reads best as a table


def test_a_table_no_section_names_is_printed_under_other_figures_not_dropped():
    known = Table("icpc_timeliness", "ICPC timeliness", ("Month", "held"), (), ("held",))
    new = Table("children_on_plans", "Children on plans", ("Month", "children"), (), ("children",))
    placed = report_module._place([new, known])
    assert [(plan.key, [t.key for t in tables]) for plan, tables in placed] == [
        ("timeliness", ["icpc_timeliness"]),
        ("other", ["children_on_plans"]),
    ]


def test_a_table_too_long_to_read_as_a_chart_is_printed_without_one():
    rows = tuple((f"Agency {n}", n + 5) for n in range(report_module.MAX_CHART_ROWS + 1))
    long = Table("attendance_by_agency", "By agency", ("Agency", "invited"), rows, ("invited",))
    assert report_module._chart_for(long) is None
    assert report_module._chart_for(Table(long.key, "", long.columns, rows[:5], ("invited",)))


def test_progress_is_reported_for_each_step(session):
    steps: list[str] = []
    build_annual_report(session, YEAR, progress=steps.append, now=NOW)
    assert steps == ["Conference figures", "Feedback"]
