"""The figures of the annual reports and the monthly digest, computed from the database.

Each figure is a function `(session, start, end) -> Table` of raw counts over the London days
START to END; disclosure control (`analysis.suppression.shown`) comes after, in whatever shows
them. Counting is done by aggregate queries, so a year at the scale of all of England takes
seconds on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

from analysis.figures_chatops import (
    consultations_by_category,
    consultations_by_outcome,
    consultations_by_prevalent_issue,
    escalation_resolution,
    escalations_by_month,
    escalations_by_theme,
    month_end,
    open_escalations,
)
from analysis.figures_conferences import (
    categories_of_abuse,
    conferences_by_type,
    icpc_outcomes,
    icpc_timeliness,
    rcpc_timeliness,
    rearranged_conferences,
)
from analysis.figures_people import attendance_by_agency, attendance_by_role
from analysis.periods import FinancialYear, Month
from analysis.tables import Table

Figure = Callable[[Session, date, date], Table]

# The data sections of the annual report, in the order the reports print them.
ANNUAL: tuple[Figure, ...] = (
    conferences_by_type,
    icpc_timeliness,
    rcpc_timeliness,
    icpc_outcomes,
    categories_of_abuse,
    rearranged_conferences,
    attendance_by_role,
    attendance_by_agency,
    consultations_by_category,
    consultations_by_prevalent_issue,
    consultations_by_outcome,
    escalations_by_month,
    escalations_by_theme,
    escalation_resolution,
)

# The digest's figures for the month (open escalations are added as at the month's end).
MONTHLY: tuple[Figure, ...] = (
    consultations_by_outcome,
    consultations_by_category,
    icpc_timeliness,
    rcpc_timeliness,
)


def annual_figures(session: Session, year: FinancialYear) -> list[Table]:
    """The annual report's tables for YEAR (1 April to 31 March)."""
    return [figure(session, year.start, year.end) for figure in ANNUAL]


def monthly_figures(session: Session, month: Month) -> list[Table]:
    """The digest's tables for MONTH: escalations open and prolonged as the month ends, then
    the month's consultations and their outcomes, and ICPC and RCPC timeliness."""
    return [
        open_escalations(session, month_end(month.end)),
        *(figure(session, month.start, month.end) for figure in MONTHLY),
    ]


__all__ = [
    "ANNUAL",
    "MONTHLY",
    "annual_figures",
    "attendance_by_agency",
    "attendance_by_role",
    "categories_of_abuse",
    "conferences_by_type",
    "consultations_by_category",
    "consultations_by_outcome",
    "consultations_by_prevalent_issue",
    "escalation_resolution",
    "escalations_by_month",
    "escalations_by_theme",
    "icpc_outcomes",
    "icpc_timeliness",
    "monthly_figures",
    "open_escalations",
    "rcpc_timeliness",
    "rearranged_conferences",
]
