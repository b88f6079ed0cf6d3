"""The duty rota page: a week grid per site (duty PO each day, covers, gaps, bank holidays), and
the rota keeper's form to put a covering PO (or nobody) in for some days.

The grid carries the site's rota version; a cover recorded from a page opened before someone
else changed the rota is refused, so the keeper sees the latest grid before deciding again.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import rota as duty_rota
from bot import rota_week
from heard import audit
from heard.clock import london, utcnow
from heard.errors import HeardError, NotFound
from heard.models import Site
from staff.roles import Role
from webforms.staff.access import allow, signed_in_staff
from webforms.staff.bs_common import long_day, parse_day, unit_of_work
from webforms.staff.business_support import blueprint

READERS = (Role.BUSINESS_SUPPORT, Role.PRINCIPAL_OFFICER, Role.MANAGER, Role.ADMIN)
KEEPERS = (Role.BUSINESS_SUPPORT, Role.ADMIN)
DATE_HINT = "Enter a real date as YYYY-MM-DD, for example 2026-11-30"
STALE = (
    "Someone else changed this rota after you opened the page, so your cover was not saved. "
    "Check the week below and record it again if it is still needed"
)
REASON_LABELS = {"sickness": "Sickness", "leave": "Leave", "swap": "Swap", "other": "Other"}


@blueprint.route("/rota")
@allow(*READERS)
def rota() -> Any:
    raw_week = request.args.get("week")
    monday = rota_week.monday_of(parse_day(raw_week) or london(utcnow()).date())
    errors = {"week": DATE_HINT} if raw_week and parse_day(raw_week) is None else {}
    with unit_of_work() as db:
        site = _chosen_site(db, request.args.get("site"))
        html = _render(db, site, monday, errors, {})
    return (html, 400) if errors else html


def _chosen_site(db: Session, raw: str | None) -> Site | None:
    """The site asked for (404 if there is none such), else the member's own, else the first."""
    if raw:
        if not raw.isdigit():
            abort(404)
        try:
            return rota_week.find_site(db, int(raw))
        except NotFound:
            abort(404)
    staff = signed_in_staff()
    if staff.site_id is not None:
        own = db.get(Site, staff.site_id)
        if own is not None:
            return own
    return db.scalar(select(Site).order_by(Site.name))


@blueprint.route("/rota/overrides", methods=["POST"])
@allow(*KEEPERS)
def rota_override() -> Any:
    form = request.form
    monday = rota_week.monday_of(parse_day(form.get("week")) or london(utcnow()).date())
    staff, now = signed_in_staff(), utcnow()
    with unit_of_work() as db:
        site = _chosen_site(db, form.get("site") or "0")
        assert site is not None
        if form.get("version") != rota_week.site_version(db, site=site):
            return _render(db, site, monday, {"rota-grid": STALE}, form), 409
        errors, starts_on, ends_on = _check_form(form)
        if starts_on and ends_on and not errors:
            try:
                override = duty_rota.add_override(
                    db,
                    site_name=site.name,
                    starts_on=starts_on,
                    ends_on=ends_on,
                    absent_email=form.get("absent") or None,
                    covering_email=form.get("covering") or None,
                    reason=form.get("reason", ""),
                    by=staff.email,
                    now=now,
                )
            except HeardError as refusal:
                errors = {_field_of(refusal, form): str(refusal)}
        if errors:
            db.rollback()
            return _render(db, site, monday, errors, form), 400
        assert starts_on is not None and ends_on is not None  # no errors: both were parsed
        audit.record(
            db,
            actor=staff.email,
            action="rota override added",
            record_type="rota_override",
            record_id=override.id,
            now=now,
            detail=f"{site.name}; {starts_on} to {ends_on}; {override.reason}",
        )
        who = override.covering_officer.display_name if override.covering_officer else "Nobody"
        flash(f"{who} on duty at {site.name} from {long_day(starts_on)} to {long_day(ends_on)}.")
        site_id = site.id
    week = rota_week.monday_of(starts_on).isoformat()
    return redirect(url_for("staff_business_support.rota", site=site_id, week=week), code=303)


def _check_form(form: Any) -> tuple[dict[str, str], date | None, date | None]:
    errors: dict[str, str] = {}
    starts_on, ends_on = parse_day(form.get("starts_on")), parse_day(form.get("ends_on"))
    if form.get("absent") and form.get("absent") == form.get("covering"):
        errors["covering"] = "Choose a different Principal Officer to cover: they are the one away"
    if starts_on is None:
        errors["starts_on"] = "Enter the first day of cover as YYYY-MM-DD, for example 2026-11-30"
    if ends_on is None:
        errors["ends_on"] = "Enter the last day of cover as YYYY-MM-DD, for example 2026-12-04"
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = "The last day of cover must be the same as or after the first day"
    if form.get("reason") not in duty_rota.REASONS:
        errors["reason"] = "Select why the cover is needed"
    return errors, starts_on, ends_on


def _field_of(refusal: HeardError, form: Any) -> str:
    """Which form field a refusal from the rota rules is about, for the error summary link."""
    message = str(refusal)
    covering = form.get("covering")
    if "cannot cover" in message or "cannot be duty PO" in message:
        return "covering"
    if covering and repr(covering) in message:
        return "covering"
    if "more than a year" in message or "before the first" in message:
        return "ends_on"
    return "absent"


def _render(db: Session, site: Site | None, monday: date, errors: dict[str, str], form: Any) -> str:
    week = rota_week.rota_week(db, site=site, monday=monday) if site else None
    return render_template(
        "staff/business_support/rota.html",
        site=site,
        week=week,
        sites=list(db.scalars(select(Site).order_by(Site.name))),
        officers=rota_week.rota_officers(db),
        monday=monday,
        previous=(monday - timedelta(days=7)).isoformat(),
        next=(monday + timedelta(days=7)).isoformat(),
        can_edit=signed_in_staff().has(*KEEPERS),
        reasons=REASON_LABELS,
        form=form,
        errors=errors,
        long_day=long_day,
        describe=duty_rota.describe,
    )
