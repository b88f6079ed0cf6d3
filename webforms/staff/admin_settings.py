"""The admin's settings page: settings that are data (staff/service_settings.py)."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for

from heard.clock import utcnow
from heard.db import transaction
from heard.errors import HeardError
from staff import service_settings
from webforms.staff.access import allow, signed_in_staff
from webforms.staff.admin import ADMIN, blueprint, db, sessions, settings


@blueprint.route("/admin/settings", methods=["GET", "POST"], endpoint="service_settings")
@allow(ADMIN)
def service_settings_page() -> Any:
    staff = signed_in_staff()
    errors: dict[str, str] = {}
    typed: dict[str, str] | None = None
    if request.method == "POST":
        typed = {spec.key: request.form.get(spec.key, "") for spec in service_settings.SPECS}
        try:
            with transaction(sessions()) as session:
                changed = service_settings.save(
                    session,
                    typed,
                    settings=settings(),
                    actor=staff.email,
                    now=utcnow(),
                    expected_version=request.form.get("version", ""),
                )
        except service_settings.InvalidSettings as problem:
            errors = problem.errors
        except HeardError as problem:
            errors = {service_settings.SPECS[0].key: str(problem)}
            typed = None  # stale: show what is saved now
        else:
            flash(
                f"Saved: {len(changed)} setting{'s' if len(changed) != 1 else ''} changed."
                if changed
                else "Nothing changed."
            )
            return redirect(url_for("staff_admin.service_settings"))
    with db() as session:
        values = service_settings.current_values(session, settings())
        overridden = service_settings.overrides(session)
        version = service_settings.version(session)
    shown = {key: str(value) for key, value in values.items()}
    if typed is not None:
        shown.update(typed)
    return render_template(
        "staff/admin/settings.html",
        errors=errors,
        specs=service_settings.SPECS,
        values=shown,
        overridden=overridden,
        defaults={spec.key: getattr(settings(), spec.key) for spec in service_settings.SPECS},
        version=version,
    ), (400 if errors else 200)
