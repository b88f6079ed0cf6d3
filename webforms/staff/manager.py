"""Staff pages for managers: the dashboard (tables, charts, CSV downloads) and the escalations
list for the assistant director's meeting.

Charts are PNG images from `dashboard_chart` (the CSP allows no inline style, which matplotlib's
SVG uses), each with alt text and the same figures in the table beside it.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from flask import Blueprint, Response, abort, current_app, render_template, request, url_for
from sqlalchemy.orm import Session, sessionmaker

from analysis.charts import chart_description, chart_png
from analysis.periods import Month
from analysis.report_model import cell_text
from analysis.tables import Cell
from heard.clock import utcnow
from heard.db import transaction
from heard.errors import HeardError, NotFound
from heard.settings import Settings
from staff import dashboard
from staff.escalations_report import escalations_report as build_report
from staff.roles import Role
from staff.service_settings import effective
from webforms.staff.access import allow, signed_in_staff

blueprint = Blueprint("staff_manager", __name__, url_prefix="/staff")
MANAGER = Role.MANAGER


def _sessions() -> sessionmaker[Session]:
    return current_app.extensions["heard.sessions"]  # type: ignore[no-any-return]


def _db() -> Session:
    return _sessions()()


def _settings() -> Settings:
    return current_app.extensions["heard.settings"]  # type: ignore[no-any-return]


def _month_or_none() -> tuple[Month | None, str]:
    try:
        return dashboard.parse_month(request.args.get("month"), now=utcnow()), ""
    except HeardError as problem:
        return None, str(problem)


def _month_or_400() -> Month:
    month, problem = _month_or_none()
    if month is None:
        abort(Response(problem + "\n", status=400, mimetype="text/plain"))
    return month


@blueprint.route("/dashboard", endpoint="dashboard")
@allow(MANAGER)
def dashboard_page() -> Any:
    now = utcnow()
    month, problem = _month_or_none()
    if month is None:
        return render_template(
            "staff/manager/dashboard.html",
            errors={"month": problem},
            month=None,
            typed=request.args.get("month", "")[:20],
            panels=[],
        ), 400
    with _db() as session:
        panels = dashboard.panels(session, month, now=now)
    current = dashboard.this_month(now)
    return render_template(
        "staff/manager/dashboard.html",
        errors={},
        month=month,
        typed=str(month),
        panels=[_view(p, month) for p in panels],
        previous=month.previous(),
        following=month.next() if month < current else None,
    )


def _view(panel: dashboard.Panel, month: Month) -> dict[str, Any]:
    table = panel.table
    chart = None
    if panel.chart is not None and table.rows:
        chart = {
            "src": url_for("staff_manager.dashboard_chart", table_key=table.key, month=str(month)),
            "alt": chart_description(table, columns=panel.chart.columns or None),
        }
    return {
        "key": table.key,
        "heading": panel.heading,
        "table": table,
        "chart": chart,
        "csv": url_for("staff_manager.download", table_key=table.key, month=str(month)),
    }


@blueprint.route("/dashboard/<table_key>.csv")
@allow(MANAGER)
def download(table_key: str) -> Any:
    month = _month_or_400()
    with _db() as session:
        try:
            panel = dashboard.panel(session, month, table_key, now=utcnow())
        except NotFound:
            abort(404)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(panel.table.columns)
    for row in panel.table.rows:
        writer.writerow([_csv_cell(cell) for cell in row])
    if panel.table.note:
        writer.writerow([])
        writer.writerow([f"Note: {panel.table.note}"])
    return Response(
        out.getvalue(),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="{panel.table.key}-{month}.csv"',
        },
    )


def _csv_cell(cell: Cell) -> str | int | float:
    """As shown: suppressed cells keep their words; a label cannot start a formula."""
    if cell is None:
        return ""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@"):
        return "'" + cell
    return cell


@blueprint.route("/dashboard/<table_key>.png")
@allow(MANAGER)
def dashboard_chart(table_key: str) -> Any:
    month = _month_or_400()
    with _db() as session:
        try:
            panel = dashboard.panel(session, month, table_key, now=utcnow())
        except NotFound:
            abort(404)
    if panel.chart is None or not panel.table.rows:
        abort(404)
    png = chart_png(
        panel.table,
        kind=panel.chart.kind,  # type: ignore[arg-type]
        columns=panel.chart.columns or None,
        ylabel=panel.chart.ylabel or None,
    )
    return Response(png, mimetype="image/png")


@blueprint.route("/reports/escalations")
@allow(MANAGER)
def escalations_report() -> Any:
    staff = signed_in_staff()
    now = utcnow()
    with transaction(_sessions()) as session:
        themes_extra = effective(session, _settings()).escalation_themes_extra
        report = build_report(session, now=now, reader=staff.email, themes_extra=themes_extra)
    return render_template("staff/manager/escalations.html", report=report)


@blueprint.context_processor
def _cell_text() -> dict[str, Any]:
    return {"cell_text": cell_text}
