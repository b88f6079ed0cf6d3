"""Every staff page, and each form's error state, in a real headless Chromium: zero axe-core
violations at WCAG 2.2 AA, one h1, its own title, no console or CSP errors.

The pages are every GET route in the role-access tables (tests/webforms/staff/access_*.py), their
URL parameters filled from the seeded `world`, so a new staff page is checked without being named
here. One person holding every role walks them, which each table allows.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from playwright.sync_api import Page, expect

from staff.roles import Role
from tests.browser.helpers_staff import at_now, flagged_response, sign_in_at
from tests.browser.test_accessibility import Audit, side_by_side
from tests.factories import AMIRA, NOW
from tests.webforms.staff.conftest import EMAILS, World, make_staff, quick_password_hashing, world
from tests.webforms.staff.test_access import access_table, extra_params
from webforms.app import create_app

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("at_now")]
__all__ = ["at_now", "quick_password_hashing", "world"]  # fixtures, used by name

SUMMARY_WAIT_MS = 5_000
# Routes that answer with a file (a CSV or a chart image), not a page.
FILE_SUFFIXES = (".csv", ".png")
# Forms that take their input in the query string: a value they refuse shows their error state.
BAD_QUERIES = [
    ("conferences", "/staff/conferences?date=31-31-2026"),
    ("print a day", "/staff/print?date=tuesday"),
    ("rota", "/staff/rota?week=next+week"),
    ("dashboard", "/staff/dashboard?month=2026-13"),
    ("audit log", "/staff/admin/audit?from=yesterday"),
]


def staff_pages(app: Flask, world: World) -> list[tuple[str, str, int]]:
    """(endpoint, URL, 200) for every GET route in the access tables that answers with a page."""
    adapter = app.url_map.bind("heard.test")
    values = {**extra_params(), **world.params}
    table = access_table()
    pages = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: (r.endpoint, r.rule)):
        if rule.endpoint not in table or "GET" not in (rule.methods or ()):
            continue
        if rule.rule.endswith(FILE_SUFFIXES):
            continue
        url = adapter.build(rule.endpoint, {name: values[name] for name in rule.arguments})
        pages.append((rule.endpoint, url, 200))
    return pages


TOO_LONG = "x" * 2001  # longer than any note a form takes


def post_forms(world: World) -> list[tuple[str, ...]]:
    """(name, page, form action[, text]) for each form that posts: sent with every text field
    empty (or holding TEXT), it shows its errors."""
    p = world.params
    alert = f"/staff/alerts/{p['alert_id']}"
    return [
        ("acknowledge an alert", alert, f"{alert}/acknowledge", TOO_LONG),
        ("record contact", alert, f"{alert}/contact-made", TOO_LONG),
        ("upload the schedule", "/staff/schedule/upload", "/staff/schedule/upload"),
        ("record cover", "/staff/rota", "/staff/rota/overrides"),
        (
            "hand over an alert",
            f"/staff/alerts/{p['alert_id']}",
            f"/staff/alerts/{p['alert_id']}/hand-over",
        ),
        ("log an escalation", "/staff/escalations/new", "/staff/escalations/new"),
        (
            "consultation outcome",
            f"/staff/consultations/{p['consultation_id']}/outcome",
            f"/staff/consultations/{p['consultation_id']}/outcome",
        ),
        (
            "update an escalation",
            f"/staff/escalations/{p['escalation_id']}",
            f"/staff/escalations/{p['escalation_id']}/update",
        ),
        (
            "resolve an escalation",
            f"/staff/escalations/{p['escalation_id']}",
            f"/staff/escalations/{p['escalation_id']}/resolve",
        ),
        (
            "screen check",
            f"/staff/screen-check/{p['sample_id']}",
            f"/staff/screen-check/{p['sample_id']}",
        ),
        ("add a site", "/staff/admin/sites", "/staff/admin/sites"),
        ("add an officer", "/staff/admin/officers", "/staff/admin/officers"),
        (
            "change an officer",
            f"/staff/admin/officers/{p['officer_id']}",
            f"/staff/admin/officers/{p['officer_id']}",
        ),
        ("service settings", "/staff/admin/settings", "/staff/admin/settings"),
    ]


def more_pages(world: World) -> list[tuple[str, str, int]]:
    """(name, URL, status) for pages the routes alone do not show: a day with sheets to print,
    and the staff not-found page."""
    return [
        ("print a day with sheets", f"/staff/print?date={NOW.date().isoformat()}", 200),
        ("alert not found", f"/staff/alerts/{world.params['alert_id'] + 1000}", 404),
    ]


def visit_every_page(audit: Audit, pages: list[tuple[str, str, int]]) -> Iterator[None]:
    for name, url, status in pages:
        response = audit.page.goto(url)
        assert response is not None
        if response.status != status:
            audit.problems.append(f"{name} at {url}: answered {response.status}, not {status}")
        # Named by its path: the same page with other query values may share its title.
        yield from audit.check(name, same_page_as=url.split("?")[0])


def visit_what_actions_show(audit: Audit, actions: list[tuple[str, str, str]]) -> Iterator[None]:
    """Press a form's button as it stands (revealing contact details or the original words)."""
    for name, url, action in actions:
        audit.page.goto(url)
        form = audit.page.locator(f"form[method=post][action='{action}']").first
        if form.count() == 0:
            audit.problems.append(f"{name}: no form posting to {action} at {url}")
            continue
        form.locator("button").first.click()
        yield from audit.check(name)


def visit_every_error_state(audit: Audit, forms: list[tuple[str, ...]]) -> Iterator[None]:
    page = audit.page
    for name, url in BAD_QUERIES:
        page.goto(url)
        if shows_errors(audit, name):
            yield from audit.check(f"{name} with an error", same_page_as=errors_of(url))
    for name, url, action, *text in forms:
        page.goto(url)
        form = page.locator(f"form[method=post][action='{action}']").first
        if form.count() == 0:
            audit.problems.append(f"{name}: no form posting to {action} at {url}")
            continue
        # Empty (or overfill) every field a person types in; the choices stay as they were.
        for field in form.locator("input[type=text], input:not([type]), textarea").all():
            field.fill(text[0] if text else "")
        form.locator("button[type=submit], button:not([type])").first.click()
        if shows_errors(audit, name):
            yield from audit.check(f"{name} with an error", same_page_as=errors_of(url))


def errors_of(url: str) -> str:
    """Two forms on one page share its title in their error state."""
    return f"{url.split('?')[0]} with an error"


def shows_errors(audit: Audit, name: str) -> bool:
    page: Page = audit.page
    try:
        expect(page.locator(".govuk-error-summary")).to_be_visible(timeout=SUMMARY_WAIT_MS)
    except AssertionError:
        audit.problems.append(f"{name}: no error summary at {page.url}")
        return False
    return True


def seed(sessions, settings) -> list[tuple[str, str, str]]:
    """The person holding every role, one with business support's alone, and a response with
    words to redact; the actions to take."""
    with sessions() as session:
        make_staff(session, *Role, email=AMIRA)
        make_staff(session, Role.BUSINESS_SUPPORT)
        flagged = flagged_response(session, settings, "Mr Jones hits me at home")
    response, alert = f"/staff/responses/{flagged.response_id}", f"/staff/alerts/{flagged.alert_id}"
    return [
        ("original words", response, f"{response}/original"),
        ("contact details", alert, f"{alert}/contact-details"),
    ]


def test_every_staff_page_and_error_state_is_accessible(
    open_context, world: World, sessions, settings, engine
):
    actions = seed(sessions, settings)
    pages = staff_pages(create_app(settings, engine=engine), world)
    assert len(pages) >= 20, pages
    walks, audits = [], []
    for visit, items, email in (
        (visit_every_page, [*pages, *more_pages(world)], AMIRA),
        (visit_every_error_state, post_forms(world), AMIRA),
        (visit_what_actions_show, actions, AMIRA),
        (visit_every_page, [("forbidden", "/staff/dashboard", 403)], EMAILS[Role.BUSINESS_SUPPORT]),
    ):
        audit = Audit(sign_in_at(open_context, "/staff/", email), "en")
        audits.append(audit)
        walks.append(visit(audit, items))
    side_by_side(*walks)
    problems = [problem for audit in audits for problem in audit.problems]
    assert problems == [], "\n".join(problems)


def test_the_audit_log_fits_a_desktop_screen(open_context, world: World, sessions):
    with sessions() as session:
        make_staff(session, *Role, email=AMIRA)
    # Long unbroken words (emails, "roles=a,b,c") in its cells must wrap, not widen the page.
    page = sign_in_at(open_context, "/staff/admin/audit", AMIRA)
    audit = Audit(page, "en")
    page.reload()  # Audit's scripts load with the page
    list(audit.check("audit log"))
    assert audit.problems == []
