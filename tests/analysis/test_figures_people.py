from __future__ import annotations

from datetime import date

import pytest

from analysis.figures import (
    ANNUAL,
    annual_figures,
    attendance_by_agency,
    attendance_by_role,
    monthly_figures,
)
from analysis.periods import FinancialYear, Month
from analysis.suppression import FEWER_THAN_5, shown
from heard.errors import HeardError
from tests.analysis.helpers_figures import conference, escalation, invitation, utc

YEAR = FinancialYear.parse("2025-26")


def test_attendance_by_role_per_quarter(session):
    q1 = conference(session, date(2025, 6, 30), case="A", strategy=date(2025, 6, 10))
    q2 = conference(session, date(2025, 7, 1), "RCPC", case="B")
    invitation(session, q1, family_role="mother", attendance="in_person")
    invitation(session, q1, family_role="father", attendance="did_not_attend")
    invitation(session, q1, family_role="father", attendance="virtual", withdrawn=True)
    invitation(session, q1)  # a parent whose role is not recorded, attendance not recorded
    invitation(session, q1, "child", family_role="child", attendance="written_only")
    invitation(session, q1, "professional", agency="school", attendance="virtual")
    invitation(session, q1, "professional", agency="Health", attendance="in_person")
    invitation(session, q2, family_role="mother", attendance="virtual")
    invitation(session, q2, "professional", agency="health", attendance="virtual")
    table = attendance_by_role(session, YEAR.start, YEAR.end)
    assert table.columns == (
        "Quarter",
        "Role",
        "in person",
        "virtual",
        "written contribution only",
        "did not attend",
        "not recorded",
        "invited",
        "% in person",
        "% virtual",
    )
    rows = {(r[0], r[1]): r[2:] for r in table.rows}
    assert len(table.rows) == 4 * 6
    assert rows[("2025-26 Q1", "Mothers")] == (1, 0, 0, 0, 0, 1, 100.0, 0.0)
    assert rows[("2025-26 Q1", "Fathers")] == (0, 0, 0, 1, 0, 1, 0.0, 0.0)
    assert rows[("2025-26 Q1", "Carers")] == (0, 0, 0, 0, 0, 0, None, None)
    assert rows[("2025-26 Q1", "Parents or carers (role not recorded)")] == (
        0,
        0,
        0,
        0,
        1,
        1,
        0.0,
        0.0,
    )
    assert rows[("2025-26 Q1", "Children and young people")] == (0, 0, 1, 0, 0, 1, 0.0, 0.0)
    assert rows[("2025-26 Q1", "Professionals")] == (1, 1, 0, 0, 0, 2, 50.0, 50.0)
    assert rows[("2025-26 Q2", "Mothers")] == (0, 1, 0, 0, 0, 1, 0.0, 100.0)
    assert rows[("2025-26 Q2", "Professionals")] == (0, 1, 0, 0, 0, 1, 0.0, 100.0)
    assert rows[("2025-26 Q4", "Professionals")] == (0, 0, 0, 0, 0, 0, None, None)
    # Disclosure control reads it: single invitees are hidden.
    assert shown(table).rows[0][2] == FEWER_THAN_5
    agencies = attendance_by_agency(session, YEAR.start, YEAR.end)
    assert agencies.rows == (
        ("Health", 1, 1, 0, 0, 0, 2, 50.0, 50.0),
        ("School", 0, 1, 0, 0, 0, 1, 0.0, 100.0),
        ("Total", 1, 2, 0, 0, 0, 3, 33.3, 66.7),
    )


def test_annual_figures_are_the_report_sections_in_order(session):
    conference(session, date(2025, 4, 1), strategy=date(2025, 3, 10))
    tables = annual_figures(session, YEAR)
    assert [t.key for t in tables] == [figure.__name__ for figure in ANNUAL]
    assert tables[0].key == "conferences_by_type" and tables[0].rows[-1] == ("Total", 1, 0, 0, 1)
    assert tables[1].rows[0] == ("2025-04", 0, 1, 0, 1, 0.0)  # 15 working days exceeded
    assert len({t.key for t in tables}) == len(tables)
    for table in tables:
        shown(table)  # every table is one disclosure control can read


def test_monthly_figures_for_the_digest(session):
    escalation(session, utc(2026, 10, 5, 9), stage="stage_3", prolonged_at=utc(2026, 10, 30, 9))
    conference(session, date(2026, 10, 20), strategy=date(2026, 10, 1))
    conference(session, date(2026, 11, 2), case="CP-2", strategy=date(2026, 10, 20))
    tables = monthly_figures(session, Month.parse("2026-10"))
    assert [t.key for t in tables] == [
        "open_escalations",
        "consultations_by_outcome",
        "consultations_by_category",
        "icpc_timeliness",
        "rcpc_timeliness",
    ]
    assert tables[0].rows[3] == ("Stage 3 (assistant director)", 1, 1)
    assert tables[3].rows == (("2026-10", 1, 0, 0, 1, 100.0), ("Total", 1, 0, 0, 1, 100.0))


def test_a_period_that_ends_before_it_starts_is_refused(session):
    for figure in ANNUAL:
        with pytest.raises(HeardError, match="ends"):
            figure(session, date(2026, 3, 31), date(2025, 4, 1))
