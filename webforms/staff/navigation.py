"""The staff service navigation: each role sees the pages it may use."""

from __future__ import annotations

from flask import Flask, current_app, request, url_for

from staff.roles import Role
from webforms.staff.access import current_staff

BS, PO, MANAGER, ADMIN = (
    Role.BUSINESS_SUPPORT,
    Role.PRINCIPAL_OFFICER,
    Role.MANAGER,
    Role.ADMIN,
)
# (label, endpoint, roles). An entry whose page is not built is left out.
ITEMS = (
    ("Alerts", "staff_principal_officer.alerts", {PO}),
    ("My conferences", "staff_principal_officer.my_conferences", {PO}),
    ("Consultations", "staff_principal_officer.consultations", {PO, MANAGER}),
    ("Escalations", "staff_principal_officer.escalations", {PO, MANAGER}),
    ("Screen check", "staff_principal_officer.screen_checks", {PO}),
    ("Conferences", "staff_business_support.conferences", {BS}),
    ("Upload schedule", "staff_business_support.upload_schedule", {BS}),
    ("Duty rota", "staff_business_support.rota", {BS, PO, MANAGER}),
    ("Dashboard", "staff_manager.dashboard", {MANAGER}),
    ("Officers", "staff_admin.officers", {ADMIN}),
    ("Audit log", "staff_admin.audit_log", {ADMIN}),
)


def error_links(errors: dict[str, str]) -> list[dict[str, str]]:
    """The GOV.UK error summary's list: each message links to its field (id = the key)."""
    return [{"text": message, "href": f"#{field}"} for field, message in errors.items()]


def init_app(app: Flask) -> None:
    app.jinja_env.globals["error_links"] = error_links

    @app.context_processor
    def staff_navigation() -> dict[str, object]:
        staff = current_staff()
        if staff is None or not request.blueprint or not request.blueprint.startswith("staff"):
            return {"staff": staff, "staff_navigation": []}
        items = []
        for label, endpoint, roles in ITEMS:
            if endpoint in current_app.view_functions and staff.has(*roles):
                href = url_for(endpoint)
                items.append({"text": label, "href": href, "active": request.path.startswith(href)})
        return {"staff": staff, "staff_navigation": items}
