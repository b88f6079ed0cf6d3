"""Staff pages for the admin role: officers (with chat ids, sites and roles) and sites.

Settings that are data live in admin_settings.py, the audit log in admin_audit.py; both add
routes to this blueprint and are imported at the bottom of this module.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from werkzeug.datastructures import MultiDict

from heard.clock import utcnow
from heard.db import transaction
from heard.errors import HeardError, NotFound
from heard.models import Officer, Site
from heard.settings import Settings
from staff import officers
from staff.models import StaffAccount
from staff.roles import Role
from webforms.staff.access import allow, signed_in_staff

blueprint = Blueprint("staff_admin", __name__, url_prefix="/staff")
ADMIN = Role.ADMIN
FIELDS = ("display_name", "email", "site", "slack_user_id", "teams_user_id")


def sessions() -> sessionmaker[Session]:
    return current_app.extensions["heard.sessions"]  # type: ignore[no-any-return]


def db() -> Session:
    """A session for reading; changes go through heard.db.transaction(sessions())."""
    return sessions()()


def settings() -> Settings:
    return current_app.extensions["heard.settings"]  # type: ignore[no-any-return]


def _form(data: MultiDict[str, str]) -> officers.OfficerForm:
    roles = set()
    for raw in data.getlist("roles"):
        try:
            roles.add(Role(raw))
        except ValueError:
            continue  # a forged role is ignored, as an unticked box would be
    return officers.OfficerForm(
        display_name=" ".join(data.get("display_name", "").split()),
        email=data.get("email", "").strip().lower(),
        site=data.get("site", "").strip(),
        slack_user_id=data.get("slack_user_id", "").strip(),
        teams_user_id=data.get("teams_user_id", "").strip(),
        roles=frozenset(roles),
        active=data.get("active", "yes") == "yes",
    )


def _site_names(session: Session) -> list[str]:
    return list(session.scalars(select(Site.name).order_by(Site.name)))


def _listing(session: Session) -> list[dict[str, Any]]:
    rows = session.execute(
        select(Officer, StaffAccount)
        .outerjoin(StaffAccount, StaffAccount.officer_id == Officer.id)
        .order_by(Officer.display_name, Officer.id)
    ).all()
    return [
        {
            "officer": officer,
            "site": officer.site.name if officer.site else "",
            "roles": sorted(Role(r).label for r in account.roles) if account else [],
            "signs_in": bool(account and account.active),
        }
        for officer, account in rows
    ]


# Endpoint "officers" (as the navigation names it); the function's name keeps clear of the module.
@blueprint.route("/admin/officers", methods=["GET", "POST"], endpoint="officers")
@allow(ADMIN)
def officers_page() -> Any:
    staff = signed_in_staff()
    errors: dict[str, str] = {}
    form = _form(request.form) if request.method == "POST" else None
    password = None
    added = None
    if form is not None:
        try:
            with transaction(sessions()) as session:
                officer, password = officers.add_officer(
                    session,
                    form,
                    actor=staff.email,
                    now=utcnow(),
                    local_sign_in=settings().local_sign_in_enabled,
                )
                added = officer.display_name
        except officers.InvalidOfficer as problem:
            errors = problem.errors
        except HeardError as problem:
            errors = {"email": str(problem)}
        else:
            if password is None:
                flash(f"{added} has been added.")
                return redirect(url_for("staff_admin.officers"))
    with db() as session:
        status = 400 if errors else 200
        return render_template(
            "staff/admin/officers.html",
            errors=errors,
            listing=_listing(session),
            sites=_site_names(session),
            form=form if errors else None,
            roles=list(Role),
            added=added,
            password=password,
        ), status


@blueprint.route("/admin/officers/<int:officer_id>", methods=["GET", "POST"])
@allow(ADMIN)
def officer(officer_id: int) -> Any:
    staff = signed_in_staff()
    errors: dict[str, str] = {}
    form = None
    if request.method == "POST":
        form = _form(request.form)
        try:
            with transaction(sessions()) as session:
                saved = officers.update_officer(
                    session,
                    officer_id,
                    form,
                    expected_version=request.form.get("version", ""),
                    actor=staff.email,
                    now=utcnow(),
                )
                name = saved.display_name
        except NotFound:
            abort(404)
        except officers.InvalidOfficer as problem:
            errors = problem.errors
        except HeardError as problem:
            errors = {"display_name": str(problem)}
            form = None  # stale: show what is saved now, not the old copy
        else:
            flash(f"{name}'s details have been saved.")
            return redirect(url_for("staff_admin.officer", officer_id=officer_id))
    with db() as session:
        try:
            record = officers.get_officer(session, officer_id)
        except NotFound:
            abort(404)
        account = officers.account_of(session, record)
        saved_form = officers.OfficerForm(
            display_name=record.display_name,
            email=record.email,
            site=record.site.name if record.site else "",
            slack_user_id=record.slack_user_id or "",
            teams_user_id=record.teams_user_id or "",
            roles=frozenset(Role(r) for r in account.roles) if account else frozenset(),
            active=record.active,
        )
        return render_template(
            "staff/admin/officer.html",
            errors=errors,
            officer=record,
            form=form or saved_form,
            version=officers.version(session, record),
            sites=_site_names(session),
            roles=list(Role),
            has_account=account is not None,
        ), (400 if errors else 200)


@blueprint.route("/admin/sites", methods=["GET", "POST"])
@allow(ADMIN)
def sites() -> Any:
    staff = signed_in_staff()
    errors: dict[str, str] = {}
    name = ""
    if request.method == "POST":
        name = request.form.get("name", "")
        try:
            with transaction(sessions()) as session:
                officers.add_site(session, name, actor=staff.email, now=utcnow())
        except officers.InvalidOfficer as problem:
            errors = problem.errors
        else:
            flash(f"{' '.join(name.split())} has been added.")
            return redirect(url_for("staff_admin.sites"))
    with db() as session:
        return render_template(
            "staff/admin/sites.html", errors=errors, sites=_site_names(session), name=name
        ), (400 if errors else 200)


from webforms.staff import admin_audit, admin_settings  # noqa: E402, F401  (their routes)
