"""Uploading next week's conference schedule: the CLI's all-or-nothing import, on a web page.

Every bad line is listed in the error summary by line number and column, and nothing is stored
unless the whole file is good. Only this route accepts a body larger than the app's 64 KB.
"""

from __future__ import annotations

import csv
from typing import Any

from flask import flash, redirect, render_template, request, url_for
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from bot.checklist import ensure_checklists
from heard import audit
from heard.clock import utcnow
from staff.roles import Role
from surveys.schedule import ImportReport, ScheduleRejected, import_schedule, read_csv
from webforms.security import error_page
from webforms.staff.access import allow, signed_in_staff
from webforms.staff.bs_common import FieldErrors, settings, unit_of_work
from webforms.staff.business_support import blueprint

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_SHOWN_PROBLEMS = 50
FIELD = "schedule"
ENDPOINT = "staff_business_support.upload_schedule"


@blueprint.url_value_preprocessor
def allow_larger_upload(endpoint: str | None, values: Any) -> None:
    # Runs before every before_request hook, including the CSRF check that first reads the
    # body, so the larger limit applies to the upload and to nothing else.
    if endpoint == ENDPOINT:
        request.max_content_length = MAX_UPLOAD_BYTES


@blueprint.errorhandler(RequestEntityTooLarge)
def too_large(error: HTTPException) -> Any:
    if request.endpoint == ENDPOINT:
        message = "The selected file must be smaller than 2 MB"
        return _form(FieldErrors([(FIELD, message)]), message), 413
    return error_page(
        413, "What you sent is too large", "Nothing was changed. Go back and try again."
    )


@blueprint.route("/schedule/upload", methods=["GET", "POST"])
@allow(Role.BUSINESS_SUPPORT)
def upload_schedule() -> Any:
    if request.method == "GET":
        return _form(FieldErrors(), None)
    upload = request.files.get(FIELD)
    problem = _check_file(upload)
    if problem:
        return _form(FieldErrors([(FIELD, problem)]), problem), 400
    assert upload is not None
    try:
        rows = read_csv(upload.read())
        report = _import(rows)
    except ScheduleRejected as rejected:
        return _rejected(rejected), 400
    except csv.Error:
        problem = "The selected file could not be read as CSV: save it as CSV UTF-8 and try again"
        return _form(FieldErrors([(FIELD, problem)]), problem), 400
    flash(
        f"Schedule imported: {report.conferences_created} conferences added, "
        f"{report.conferences_updated} updated; {report.invitations_added} invitations created, "
        f"{report.invitations_withdrawn} withdrawn."
    )
    return redirect(url_for(ENDPOINT), code=303)


def _check_file(upload: Any) -> str | None:
    if upload is None or not upload.filename:
        return "Select the schedule file to upload"
    if not upload.filename.lower().endswith(".csv"):
        return "The selected file must be a CSV file (save it from the spreadsheet as CSV UTF-8)"
    return None


def _import(rows: list[dict[str, str]]) -> ImportReport:
    staff = signed_in_staff()
    now = utcnow()
    with unit_of_work() as db:
        report = import_schedule(db, rows=rows, now=now, expiry_days=settings().token_expiry_days)
        ensure_checklists(db, now=now)
        audit.record(
            db,
            actor=staff.email,
            action="schedule uploaded",
            record_type="schedule",
            record_id="upload",
            now=now,
            detail=(
                f"{len(rows)} lines; conferences added {report.conferences_created}, "
                f"updated {report.conferences_updated}; invitations created "
                f"{report.invitations_added}, withdrawn {report.invitations_withdrawn}"
            ),
        )
    return report


def _rejected(rejected: ScheduleRejected) -> str:
    problems = FieldErrors(
        (FIELD, _sentence(str(error))) for error in rejected.errors[:MAX_SHOWN_PROBLEMS]
    )
    hidden = len(rejected.errors) - MAX_SHOWN_PROBLEMS
    if hidden > 0:
        problems.append((FIELD, f"And {hidden} more problems not listed here"))
    count = len(rejected.errors)
    summary = (
        f"The file has {count} problem{'s' if count != 1 else ''}, so nothing was imported. "
        "Fix the lines listed and upload it again"
    )
    return _form(problems, summary)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _form(errors: FieldErrors, field_error: str | None) -> str:
    return render_template(
        "staff/business_support/upload.html",
        errors=errors,
        field_error=field_error,
        max_megabytes=MAX_UPLOAD_BYTES // (1024 * 1024),
    )
