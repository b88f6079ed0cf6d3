"""The annual report's data sections, built from the database for one financial year.

`build_annual_report(session, year)` gathers the year's figures (analysis.figures) and feedback
(analysis.feedback), passes EVERY table through disclosure control (analysis.suppression.shown)
and arranges them in the order the issue and the published reports use, with a chart per table
and quotes (already redacted, never from a disclosure or a small group). The writers
(report_html, report_pdf, report_docx, report_csv) lay out what is built here and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from analysis.charts import Kind, default_columns
from analysis.feedback import FeedbackSummary, feedback_summary
from analysis.figures import annual_figures
from analysis.periods import FinancialYear
from analysis.quotes import ThemeQuotes
from analysis.report_csv import write_csv
from analysis.report_docx import write_docx
from analysis.report_html import write_html
from analysis.report_model import AnnualReport, Chart, QuoteLine, Section
from analysis.report_pdf import write_pdf
from analysis.suppression import SUPPRESSED, is_hidden, shown, shown_count
from analysis.tables import Table
from analysis.themes import DEFAULT, Taxonomy
from heard.clock import utcnow

__all__ = [
    "BUILD_STEPS",
    "WRITERS",
    "AnnualReport",
    "build_annual_report",
    "write_all",
    "write_csv",
    "write_docx",
    "write_html",
    "write_pdf",
    "write_steps",
]

TITLE = "Child protection conferences: annual report data"
Progress = Callable[[str], None]
BUILD_STEPS = ("Conference figures", "Feedback")
WRITERS = ("report.html", "report.pdf", "report.docx", "CSV files")
SUPPRESSION_NOTE = (
    'To protect the people counted, a count from 1 to 4 is shown as "fewer than 5", and '
    'another count is shown as "suppressed" where it would let a reader work a small one out. '
    "A percentage is given only where both of its counts are shown."
)


@dataclass(frozen=True)
class SectionPlan:
    key: str
    heading: str
    intro: str
    tables: tuple[str, ...]  # the keys of its figures tables, in the order they are printed


# The data sections, in the order of issue 6 and the published annual reports.
PLAN = (
    SectionPlan(
        "conferences",
        "Conferences by type",
        "Initial (ICPC), review (RCPC) and transfer-in conferences held in the year, by month; "
        "how many ICPCs resulted in a child protection plan, and the categories of abuse.",
        ("conferences_by_type", "icpc_outcomes", "categories_of_abuse"),
    ),
    SectionPlan(
        "timeliness",
        "Timeliness",
        "ICPCs held within 15 working days of the strategy discussion (England and Wales bank "
        "holidays are not working days); first RCPCs within 3 months of the ICPC and later ones "
        "within 6 months of the conference before.",
        ("icpc_timeliness", "rcpc_timeliness"),
    ),
    SectionPlan(
        "consultations",
        "Consultations",
        "Consultations with a Principal Officer before an ICPC was requested: by category of "
        "concern, by prevalent issue (a consultation can record several) and by outcome.",
        (
            "consultations_by_category",
            "consultations_by_prevalent_issue",
            "consultations_by_outcome",
        ),
    ),
    SectionPlan(
        "escalations",
        "Escalations",
        "Escalations under the Resolution and Escalation Protocol: raised and resolved each "
        "month, by theme (an escalation can have several), and the working days they took to "
        "resolve.",
        ("escalations_by_month", "escalations_by_theme", "escalation_resolution"),
    ),
    SectionPlan(
        "participation",
        "Attendance and participation",
        "Who was invited and how they took part, by role and quarter, and professionals by agency.",
        ("attendance_by_role", "attendance_by_agency"),
    ),
    SectionPlan(
        "rearranged",
        "Re-arranged conferences",
        "Conferences moved from the date they were first due, and why.",
        ("rearranged_conferences",),
    ),
)
FEEDBACK = SectionPlan(
    "feedback",
    "Feedback from families and professionals",
    "What parents, children and professionals told us after their conferences: how many "
    "responded, how they rated the conference, the themes they raised and, in their words "
    "(names and numbers taken out), what they said.",
    (),
)
OTHER = SectionPlan("other", "Other figures", "", ())

# How each table is charted: (kind, columns[, the values' axis label]); None: the table alone
# says it best. A table not listed gets a chart chosen by `_chart_for`.
ChartSpec = tuple[Kind, tuple[str, ...]] | tuple[Kind, tuple[str, ...], str]
CHARTS: dict[str, ChartSpec | None] = {
    "conferences_by_type": ("stacked", ("ICPC", "RCPC", "transfer-in")),
    "icpc_outcomes": ("line", ("% resulting in a plan",)),
    "categories_of_abuse": ("barh", ("plans",)),
    "icpc_timeliness": ("line", ("% in timescale",)),
    "rcpc_timeliness": ("line", ("% in timescale",)),
    "consultations_by_category": ("barh", ("consultations",)),
    "consultations_by_prevalent_issue": ("barh", ("consultations",)),
    "consultations_by_outcome": ("barh", ("consultations",)),
    "escalations_by_month": ("bar", ("raised", "resolved")),
    "escalations_by_theme": ("barh", ("escalations",)),
    "escalation_resolution": ("barh", ("median working days to resolve",), "Working days"),
    "attendance_by_role": ("barh", ("% in person", "% virtual")),
    "attendance_by_agency": ("barh", ("% in person", "% virtual")),
    "rearranged_conferences": ("barh", ("Total",)),
    "feedback_by_respondent_type": ("bar", ()),
    "feedback_by_month": ("stacked", ()),
    "feedback_ratings": None,
    "feedback_answers": None,
    "feedback_preparation_and_reports": None,
    "feedback_themes": ("barh", ("Comments", "Answers")),
    "feedback_theme_sentiment": ("barh", ("% positive", "% negative")),
}
MAX_CHART_ROWS = 36
MAX_CHART_SERIES = 12
# Figures worked out from a few cases give them away as surely as a count: a median shows only
# where the count it is the median of is shown.
DERIVED: dict[str, dict[str, str]] = {
    "escalation_resolution": {"median working days to resolve": "resolved"},
}


def _chart_for(table: Table) -> Chart | None:
    """The chart CHARTS names; else percentages as lines, many categories as long bars.

    A table of more than MAX_CHART_ROWS rows or MAX_CHART_SERIES columns (every agency or site
    in England, say) is not charted: no one can read such a chart, and the table says it all."""
    if len(table.rows) > MAX_CHART_ROWS or len(table.columns) > MAX_CHART_SERIES + 2:
        return None
    if table.key in CHARTS:
        spec = CHARTS[table.key]
        if spec is None:
            return None
        kind, columns, *label = spec
        return Chart(table, kind, columns or None, value_label=label[0] if label else None)
    if table.percentages:
        return Chart(table, "line", tuple(table.percentages))
    columns = default_columns(table)
    if not columns:
        return None
    rows = len(table.rows) - (1 if table.has_total_row else 0)
    return Chart(table, "barh" if len(columns) == 1 and rows > 6 else "bar", columns)


def _hide_derived(table: Table) -> Table:
    """TABLE with each DERIVED column hidden in the rows where its count is hidden."""
    derived = DERIVED.get(table.key, {})
    if not derived:
        return table
    rows = [list(row) for row in table.rows]
    for column, count in derived.items():
        target, source = table.columns.index(column), table.columns.index(count)
        for row in rows:
            if is_hidden(row[source]):
                row[target] = SUPPRESSED
    return replace(table, rows=tuple(tuple(row) for row in rows))


def _shown(table: Table) -> Table:
    return _hide_derived(shown(table))


def _section(plan: SectionPlan, tables: Sequence[Table], **extra) -> Section:
    charts = tuple(chart for chart in map(_chart_for, tables) if chart is not None)
    return Section(plan.key, plan.heading, plan.intro, tuple(tables), charts, **extra)


def _place(tables: Sequence[Table]) -> list[tuple[SectionPlan, list[Table]]]:
    """Each figures table in the section that names it; any other in "Other figures", so that
    no figure is ever silently left out."""
    by_key = {table.key: table for table in tables}
    placed = [(plan, [by_key.pop(key) for key in plan.tables if key in by_key]) for plan in PLAN]
    placed.append((OTHER, list(by_key.values())))
    return [(plan, found) for plan, found in placed if found]


def _quotes(summary: FeedbackSummary, taxonomy: Taxonomy) -> tuple[QuoteLine, ...]:
    """Representative, positive and negative quotes per theme, the most raised themes first."""
    order = [*summary.top_themes, *(t for t in taxonomy.labels if t not in summary.top_themes)]
    lines: list[QuoteLine] = []
    for theme in order:
        picked: ThemeQuotes | None = summary.quotes.get(theme)
        if picked is None:
            continue
        seen: set[str] = set()
        label = taxonomy.labels.get(theme, theme)
        for kind, quotes in (
            ("representative", picked.representative),
            ("positive", picked.positive),
            ("negative", picked.negative),
        ):
            for quote in quotes:
                if quote.text not in seen:
                    seen.add(quote.text)
                    lines.append(QuoteLine(label, kind, quote.text, quote.respondent_type))
    return tuple(lines)


def _feedback_section(summary: FeedbackSummary, taxonomy: Taxonomy) -> Section:
    tables = [
        summary.by_respondent_type,
        summary.by_month,
        summary.ratings,
        summary.rating_options,
        summary.preparation_and_reports.table,
        summary.themes,
        summary.theme_sentiment,
    ]
    top = ", ".join(taxonomy.labels.get(t, t).lower() for t in summary.top_themes)
    facts = [
        f"Responses received: {shown_count(summary.respondents)}. "
        f"Comments written: {shown_count(summary.comments)}.",
        f"Comments in other languages, waiting for a person to translate them (counted, and "
        f"not yet in the themes): {shown_count(summary.needs_translation)}.",
        "Responses that raised a concern about a child's safety and were passed to the duty "
        "Principal Officer the same day (counted here only; never quoted): "
        f"{shown_count(summary.flagged)}.",
    ]
    if top:
        facts.append(f"The themes most raised: {top}.")
    return _section(
        FEEDBACK,
        [_shown(table) for table in tables],
        facts=tuple(facts),
        quotes=_quotes(summary, taxonomy),
    )


def build_annual_report(
    session: Session,
    year: FinancialYear,
    *,
    progress: Progress | None = None,
    authority: str = "Children's Services",
    taxonomy: Taxonomy = DEFAULT,
    now: datetime | None = None,
) -> AnnualReport:
    """The data sections of YEAR's annual report, every table through disclosure control.

    PROGRESS, when given, is called with the name of each of BUILD_STEPS as it finishes.
    """
    step = progress or (lambda _name: None)
    figures = [_shown(table) for table in annual_figures(session, year)]
    step(BUILD_STEPS[0])
    summary = feedback_summary(session, year.start, year.end, taxonomy=taxonomy)
    step(BUILD_STEPS[1])
    sections = [_section(plan, tables) for plan, tables in _place(figures)]
    sections.append(_feedback_section(summary, taxonomy))
    return AnnualReport(
        title=TITLE,
        authority=authority,
        period=f"1 April {year.start.year} to 31 March {year.end.year}",
        year_label=str(year),
        generated_at=now or utcnow(),
        sections=tuple(sections),
        notes=(SUPPRESSION_NOTE,),
    )


def write_steps(report: AnnualReport) -> list[str]:
    """The names `write_all` reports progress with: each section's charts, then each format."""
    return [f"Charts: {section.heading}" for section in report.sections] + list(WRITERS)


def write_all(
    report: AnnualReport, directory: Path, *, progress: Progress | None = None
) -> list[Path]:
    """Every format into DIRECTORY: report.html, report.pdf, report.docx and csv/<key>.csv.

    PROGRESS, when given, is called with each of `write_steps(report)` as it finishes."""
    step = progress or (lambda _name: None)
    names = iter(write_steps(report))
    for section in report.sections:
        for chart in section.charts:  # drawn once here; every format reuses the picture
            chart.png()
        step(next(names))
    paths = []
    for writer in (write_html, write_pdf, write_docx):
        paths.append(writer(report, directory))
        step(next(names))
    paths.extend(write_csv(report, directory))
    step(next(names))
    return paths
