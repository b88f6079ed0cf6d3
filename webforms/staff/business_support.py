"""Staff pages for the business support role (see issue 5): the conference list and one
conference's invitations. Uploading, printing and the rota live in bs_*.py on this blueprint.

Business support works for the whole service (the case system's export covers every site), so
these pages are not limited to the member's own site; a site filter narrows the list.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import Blueprint, abort, render_template, request
from sqlalchemy import select

from heard.clock import london, utcnow
from heard.errors import HeardError, NotFound
from heard.i18n import LANGUAGES
from heard.models import Site
from staff.roles import Role
from surveys import conference_desk
from surveys.models import RespondentType
from webforms.staff.access import allow
from webforms.staff.bs_common import long_day, parse_day, unit_of_work

blueprint = Blueprint("staff_business_support", __name__, url_prefix="/staff")

WEEK = 7
ROLE_LABELS = {
    RespondentType.PARENT: "Parent or carer",
    RespondentType.CHILD: "Child or young person",
    RespondentType.PROFESSIONAL: "Professional",
}


def role_label(value: str) -> str:
    return ROLE_LABELS.get(value, value)  # type: ignore[call-overload]


def language_label(code: str) -> str:
    language = LANGUAGES.get(code)
    return language.english_name if language else code


@blueprint.app_template_filter("london_time")
def london_time(moment: Any) -> str:
    return f"{london(moment):%H:%M}"


@blueprint.route("/conferences")
@allow(Role.BUSINESS_SUPPORT)
def conferences() -> Any:
    errors: dict[str, str] = {}
    raw_date, raw_site = request.args.get("date"), request.args.get("site", "")
    chosen = parse_day(raw_date)
    start = chosen or london(utcnow()).date()
    if raw_date and chosen is None:
        errors["date"] = "Enter a real date as YYYY-MM-DD, for example 2026-11-30"
    site_id = int(raw_site) if raw_site.isdigit() else None
    if raw_site and site_id is None:
        errors["site"] = "Choose a site from the list"
    with unit_of_work() as db:
        sites = list(db.scalars(select(Site).order_by(Site.name)))
        if site_id is not None and site_id not in {s.id for s in sites}:
            errors["site"] = "Choose a site from the list"
        summaries = []
        if not errors:
            summaries = conference_desk.conferences_between(
                db, start=start, end=start + timedelta(days=WEEK - 1), site_id=site_id
            )
        days = _by_day(summaries)
        html = render_template(
            "staff/business_support/conferences.html",
            errors=errors,
            raw_date=raw_date or start.isoformat(),
            site_id=site_id,
            sites=sites,
            start=start,
            end=start + timedelta(days=WEEK - 1),
            days=days,
            previous=(start - timedelta(days=WEEK)).isoformat(),
            next=(start + timedelta(days=WEEK)).isoformat(),
            long_day=long_day,
        )
    return (html, 400) if errors else html


def _by_day(
    summaries: list[conference_desk.ConferenceSummary],
) -> list[tuple[Any, list[conference_desk.ConferenceSummary]]]:
    days: dict[Any, list[conference_desk.ConferenceSummary]] = {}
    for summary in summaries:
        days.setdefault(summary.conference.starts_on, []).append(summary)
    return list(days.items())


@blueprint.route("/conferences/<int:conference_id>")
@allow(Role.BUSINESS_SUPPORT)
def conference(conference_id: int) -> Any:
    with unit_of_work() as db:
        try:
            found = conference_desk.find_conference(db, conference_id)
        except NotFound:
            abort(404)
        return render_template(
            "staff/business_support/conference.html",
            conference=found,
            invitations=conference_desk.invitations_of(db, found),
            role_label=role_label,
            language_label=language_label,
            long_day=long_day,
            errors={},
        )


def refused_page(conference_id: int, refusal: HeardError, field: str) -> Any:
    """The conference page again, saying why an action on it was refused."""
    with unit_of_work() as db:
        found = conference_desk.find_conference(db, conference_id)
        return render_template(
            "staff/business_support/conference.html",
            conference=found,
            invitations=conference_desk.invitations_of(db, found),
            role_label=role_label,
            language_label=language_label,
            long_day=long_day,
            errors={field: str(refusal)},
        ), 400


# The other business support pages add their routes to this blueprint.
from webforms.staff import bs_print, bs_rota, bs_upload  # noqa: E402, F401
