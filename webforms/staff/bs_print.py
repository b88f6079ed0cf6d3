"""Printing invitation sheets: every invitee of a day's conferences, of one conference, or one
invitee whose letter was lost.

Printing issues new tokens (only hashes are stored), so letters printed earlier stop working.
Because of that side effect the GET pages only say what will be printed; the PDF comes from a
POST with the CSRF token, so a link followed by accident or from another site cannot void
letters already posted.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import abort, render_template, request
from werkzeug.wrappers import Response

from heard import audit
from heard.clock import london, utcnow
from heard.errors import HeardError, NotFound
from staff.roles import Role
from surveys import conference_desk, printing
from webforms.staff.access import allow, signed_in_staff
from webforms.staff.bs_common import long_day, parse_day, pdf_download, settings, unit_of_work
from webforms.staff.business_support import blueprint, refused_page


@blueprint.route("/print", methods=["GET", "POST"])
@allow(Role.BUSINESS_SUPPORT)
def print_day() -> Any:
    raw = request.values.get("date")
    day = parse_day(raw)
    if raw is not None and day is None:
        return _day_page(None, raw, "Enter a real date as YYYY-MM-DD, for example 2026-11-24"), 400
    if day is None:
        return _day_page(None, "", None)
    if request.method == "GET":
        return _day_page(day, raw or "", None)
    staff, now = signed_in_staff(), utcnow()
    with unit_of_work() as db:
        sheets = printing.sheets_for_day(db, day=day, base_url=settings().base_url, now=now)
        if sheets:
            _record(
                db, staff.email, "invitations printed", "day", day.isoformat(), len(sheets), now
            )
            return pdf_download(sheets, f"invitations-{day.isoformat()}.pdf")
    return _day_page(day, raw or "", f"There are no invitations to print on {long_day(day)}"), 400


def _day_page(day: date | None, raw: str, error: str | None) -> str:
    with unit_of_work() as db:
        conferences = conference_desk.printable_on(db, day=day) if day else []
        counts = {c.id: conference_desk.printable_count(db, conference=c) for c in conferences}
        return render_template(
            "staff/business_support/print_day.html",
            day=day,
            raw_date=raw or london(utcnow()).date().isoformat(),
            conferences=conferences,
            counts=counts,
            total=sum(counts.values()),
            errors={"date": error} if error else {},
            long_day=long_day,
        )


@blueprint.route("/conferences/<int:conference_id>/print", methods=["GET", "POST"])
@allow(Role.BUSINESS_SUPPORT)
def print_conference(conference_id: int) -> Any:
    staff, now = signed_in_staff(), utcnow()
    with unit_of_work() as db:
        try:
            conference = conference_desk.find_conference(db, conference_id)
        except NotFound:
            abort(404)
        if request.method == "GET":
            return render_template(
                "staff/business_support/print_conference.html",
                conference=conference,
                count=conference_desk.printable_count(db, conference=conference),
                long_day=long_day,
                errors={},
            )
        sheets = conference_desk.sheets_for_conference(
            db, conference=conference, base_url=settings().base_url, now=now
        )
        if sheets:
            _record(
                db,
                staff.email,
                "invitations printed",
                "conference",
                conference_id,
                len(sheets),
                now,
            )
            return pdf_download(sheets, f"invitations-conference-{conference_id}.pdf")
    refusal = HeardError("Every invitation to this conference is answered or withdrawn")
    return refused_page(conference_id, refusal, "print")


@blueprint.route("/invitations/<int:invitation_id>/reissue", methods=["POST"])
@allow(Role.BUSINESS_SUPPORT)
def reissue_invitation(invitation_id: int) -> Response | Any:
    staff, now = signed_in_staff(), utcnow()
    try:
        with unit_of_work() as db:
            sheet = conference_desk.reissue(
                db, invitation_id=invitation_id, base_url=settings().base_url, now=now
            )
            _record(db, staff.email, "invitation reissued", "invitation", invitation_id, 1, now)
            return pdf_download([sheet], f"invitation-{invitation_id}.pdf")
    except NotFound:
        abort(404)
    except HeardError as refusal:  # withdrawn or answered: nothing was changed
        with unit_of_work() as db:
            conference_id = conference_desk.conference_of_invitation(db, invitation_id)
        return refused_page(conference_id, refusal, f"reissue-{invitation_id}")


def _record(
    db: Any, actor: str, action: str, record_type: str, record_id: object, pages: int, now: Any
) -> None:
    audit.record(
        db,
        actor=actor,
        action=action,
        record_type=record_type,
        record_id=record_id,
        now=now,
        detail=f"{pages} sheet{'s' if pages != 1 else ''}; earlier letters stop working",
    )
