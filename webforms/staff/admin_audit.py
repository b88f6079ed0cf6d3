"""The audit log: who read or changed which record, and when; filtered, paged, and as CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

from flask import Response, render_template, request, url_for

from heard.clock import london, utcnow
from heard.db import transaction
from staff import audit_log
from webforms.staff.access import allow, signed_in_staff
from webforms.staff.admin import ADMIN, blueprint, db, sessions

CSV_COLUMNS = ("When (London)", "Who", "Action", "Record type", "Record", "Detail")


def _filters() -> tuple[audit_log.Filters, int, dict[str, str]]:
    try:
        filters = audit_log.parse_filters(request.args)
    except audit_log.InvalidFilters as problem:
        return audit_log.Filters(), 1, problem.errors
    try:
        page = audit_log.parse_page(request.args.get("page"))
    except audit_log.InvalidFilters as problem:
        return filters, 1, problem.errors
    return filters, page, {}


@blueprint.route("/admin/audit", endpoint="audit_log")
@allow(ADMIN)
def audit_log_page() -> Any:
    filters, page, errors = _filters()
    with db() as session:
        found = audit_log.search(session, filters, page=page)
        actions, record_types = audit_log.choices(session)
        rows = [
            {
                "when": london(entry.at).strftime("%-d %b %Y %H:%M:%S"),
                "actor": entry.actor,
                "action": entry.action,
                "record_type": entry.record_type,
                "record_id": entry.record_id,
                "detail": entry.detail,
            }
            for entry in found.entries
        ]
    query: dict[str, Any] = dict(filters.as_query())
    return render_template(
        "staff/admin/audit.html",
        errors=errors,
        rows=rows,
        page=found,
        filters=filters,
        typed=request.args if errors else query,
        actions=actions,
        record_types=record_types,
        previous=url_for(".audit_log", **query, page=found.number - 1)
        if found.number > 1
        else None,
        next=url_for(".audit_log", **query, page=found.number + 1)
        if found.number < found.pages
        else None,
        csv_url=url_for(".audit_log_csv", **query),
    ), (400 if errors else 200)


@blueprint.route("/admin/audit.csv")
@allow(ADMIN)
def audit_log_csv() -> Any:
    filters, _, errors = _filters()
    if errors:
        return Response(
            "The filters are not valid: " + "; ".join(errors.values()) + "\n",
            status=400,
            mimetype="text/plain",
        )
    staff = signed_in_staff()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    with transaction(sessions()) as session:
        for entry in audit_log.export(session, filters, actor=staff.email, now=utcnow()):
            writer.writerow(
                (
                    london(entry.at).isoformat(timespec="seconds"),
                    _safe(entry.actor),
                    _safe(entry.action),
                    _safe(entry.record_type),
                    _safe(entry.record_id),
                    _safe(entry.detail),
                )
            )
    stamp = london(utcnow()).strftime("%Y-%m-%d")
    return Response(
        out.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="heard-audit-{stamp}.csv"'},
    )


def _safe(text: str) -> str:
    """A cell a spreadsheet will not run as a formula (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
