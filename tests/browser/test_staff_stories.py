"""The staff stories of issue 5, each done in a real headless Chromium as a person would: signing
in through the sign-in page, choosing files, pressing buttons, downloading the PDF."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from bot import rota
from heard.models import AuditEntry
from staff.roles import Role
from surveys.models import ContactRequest
from tests.browser.helpers_staff import PHONE_NUMBER, at_now, flagged_response, sign_in_at
from tests.browser.test_accessibility import Audit
from tests.factories import AMIRA, DANIEL, LIFFORD_HOUSE, NOW, ONE_AVENUE_ROAD, make_officer
from tests.webforms.staff.conftest import (
    EMAILS,
    World,
    make_staff,
    quick_password_hashing,
    world,
)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("at_now")]
__all__ = ["at_now", "quick_password_hashing", "world"]  # fixtures, used by name

HEADER = (
    "case_reference,conference_type,date,time,site,chair_email,strategy_discussion_date,"
    "invitee_role,agency,language"
)
GOOD = [
    "CP-3001,ICPC,2026-12-01,10:00,One Avenue Road,amira.hussain@example.org,2026-11-16,parent,,en",
    "CP-3001,ICPC,2026-12-01,10:00,One Avenue Road,amira.hussain@example.org,2026-11-16,child,,en",
    "CP-3001,ICPC,2026-12-01,10:00,One Avenue Road,amira.hussain@example.org,2026-11-16,"
    "professional,school,en",
    "CP-3002,RCPC,2026-12-01,14:00,Lifford House,daniel.okafor@example.org,,parent,,ar",
]
# Line 3 (the header is line 1) has an impossible date; line 5 names a site that does not exist.
BAD = [
    GOOD[0],
    GOOD[1].replace("2026-12-01", "2026-12-41"),
    GOOD[2],
    GOOD[3].replace("Lifford House", "Liford House"),
]
TUESDAY = date(2026, 12, 1)
BEN = "ben.smith@example.org"


def choose_file(page: Page, label: str, path: Path) -> None:
    """Pick PATH in the file chooser that opens on clicking the LABEL's file input."""
    with page.expect_file_chooser() as chooser:
        page.get_by_label(label).click()
    chooser.value.set_files(path)


def test_business_support_uploads_the_schedule_fixes_two_lines_and_prints_a_day(
    open_context, sessions, tmp_path
):
    with sessions() as session:
        make_officer(session, AMIRA)
        make_officer(session, DANIEL, site=LIFFORD_HOUSE)
        make_staff(session, Role.BUSINESS_SUPPORT)
    bad, fixed = tmp_path / "schedule.csv", tmp_path / "schedule-fixed.csv"
    bad.write_text("\n".join([HEADER, *BAD]) + "\n")
    fixed.write_text("\n".join([HEADER, *GOOD]) + "\n")
    page = sign_in_at(open_context, "/staff/schedule/upload", EMAILS[Role.BUSINESS_SUPPORT])
    audit = Audit(page, "en")  # the states the page walk cannot reach: errors listed, done
    expect(page.get_by_role("heading", level=1)).to_have_text("Upload the conference schedule")

    choose_file(page, "Schedule file", bad)
    page.get_by_role("button", name="Upload and import").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Line 3, column date")
    expect(summary).to_contain_text("Line 5, column site")
    expect(summary.locator("li")).to_have_count(2)
    expect(page).to_have_title(re.compile(r"^Error: Upload the conference schedule "))
    list(audit.check("upload with errors"))

    choose_file(page, "Schedule file", fixed)
    page.get_by_role("button", name="Upload and import").click()
    expect(page.locator(".govuk-error-summary")).to_have_count(0)
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Schedule imported: 2 conferences added, 0 updated; 4 invitations created, 0 withdrawn."
    )
    list(audit.check("upload done"))

    page.goto("/staff/print")
    page.get_by_label("Day of the conferences").fill(TUESDAY.isoformat())
    page.get_by_role("button", name="Find invitations").click()
    expect(page.locator("main")).to_contain_text("4 invitation sheets for 2 conferences")
    with page.expect_download() as download:
        page.get_by_role("button", name="Print 4 invitation sheets (PDF)").click()
    assert download.value.suggested_filename == "invitations-2026-12-01.pdf"
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
    with sessions() as session:
        printed = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "invitations printed")
        ).all()
        assert [(entry.record_type, entry.record_id) for entry in printed] == [
            ("day", "2026-12-01")
        ]
    assert audit.problems == []


def grid_row(page: Page, day: str):
    return page.locator("#rota-grid tr", has=page.get_by_role("rowheader", name=day))


def test_the_rota_keeper_moves_a_sick_officers_week_to_cover(open_context, sessions):
    with sessions() as session:
        make_officer(session, AMIRA)
        make_officer(session, BEN)
        rota.set_rotation(
            session,
            site_name=ONE_AVENUE_ROAD,
            officer_emails=[AMIRA, BEN],
            anchor_monday=NOW.date(),
            now=NOW,
        )
        make_staff(session, Role.BUSINESS_SUPPORT)
    page = sign_in_at(open_context, "/staff/rota", EMAILS[Role.BUSINESS_SUPPORT])
    audit = Audit(page, "en")
    monday = grid_row(page, "Monday 23 November 2026")
    expect(monday).to_contain_text("Amira Hussain")
    expect(monday).to_contain_text("On the rota")

    page.get_by_label("Principal Officer who is away").select_option(label="Amira Hussain")
    page.get_by_label("Principal Officer who covers").select_option(label="Ben Smith")
    page.get_by_label("First day of cover").fill("2026-11-23")
    page.get_by_label("Last day of cover").fill("2026-11-27")
    page.get_by_label("Sickness").check()
    page.get_by_role("button", name="Save the cover").click()

    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Ben Smith on duty at One Avenue Road"
    )
    for day in ("Monday 23 November 2026", "Friday 27 November 2026"):
        row = grid_row(page, day)
        expect(row).to_contain_text("Ben Smith")
        expect(row).to_contain_text("Covering Amira Hussain (sickness)")
    expect(page.locator("main")).to_contain_text("Changes to the rota this week")
    list(audit.check("rota after a cover"))
    assert audit.problems == []


def test_a_duty_officer_reads_a_flagged_response_and_records_contact(
    open_context, sessions, settings
):
    with sessions() as session:
        flagged = flagged_response(session, settings, "Mr Jones hits me at home")
        make_staff(session, Role.PRINCIPAL_OFFICER)
    page = sign_in_at(open_context, "/staff/alerts", AMIRA)
    audit = Audit(page, "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Alerts")
    page.get_by_role("link", name=f"Alert {flagged.alert_id}").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Alert {flagged.alert_id}")

    page.get_by_role("link", name="Read the response").click()
    answers = page.locator(".govuk-summary-list")
    expect(answers).to_contain_text("[name] hits me at home")
    expect(answers).not_to_contain_text("Mr Jones")
    page.get_by_role("button", name="Show the original words").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("(original words)")
    expect(page.locator(".govuk-summary-list")).to_contain_text("Mr Jones hits me at home")

    page.get_by_role("link", name=f"Back to alert {flagged.alert_id}").click()
    page.get_by_role("button", name="Show contact details").click()
    expect(page.locator(".govuk-summary-list")).to_contain_text(PHONE_NUMBER)
    page.get_by_role("link", name="back to the alert").click()
    page.get_by_role("button", name="Record that contact was made").click()
    expect(page.locator("main")).to_contain_text("Contact was made at")
    expect(page.locator("main")).to_contain_text("their contact details were deleted")
    expect(page.get_by_role("button", name="Show contact details")).to_have_count(0)
    list(audit.check("alert after contact"))
    assert audit.problems == []

    with sessions() as session:
        request = session.scalar(
            select(ContactRequest).where(ContactRequest.response_id == flagged.response_id)
        )
        assert request is not None and request.contacted_at is not None
        assert not request.details_encrypted
        actions = {
            (entry.actor, entry.action)
            for entry in session.scalars(
                select(AuditEntry).where(AuditEntry.record_id == str(flagged.response_id))
            )
        }
        assert {(AMIRA, "read"), (AMIRA, "read original"), (AMIRA, "contact_made")} <= actions


PANELS = (
    "Responses this month",
    "Themes",
    "Open and prolonged escalations",
    "Consultations waiting for a PO",
)


def test_a_manager_sees_the_dashboard_as_charts_and_tables(open_context, world: World, sessions):
    with sessions() as session:
        make_staff(session, Role.MANAGER)
    page = sign_in_at(open_context, "/staff/dashboard", EMAILS[Role.MANAGER])
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard: November 2026")
    for heading in PANELS:
        section = page.locator("section", has=page.get_by_role("heading", name=heading, exact=True))
        expect(section.locator("table caption")).not_to_be_empty()
        expect(section.locator("tbody tr").first).to_be_visible()
        expect(section.get_by_role("link", name="Download this table as CSV")).to_be_visible()
    responses = page.locator("section", has=page.get_by_role("heading", name=PANELS[0]))
    expect(responses.locator("table")).to_contain_text("Parent")
    escalations = page.locator("section", has=page.get_by_role("heading", name=PANELS[2]))
    chart = escalations.locator("img")
    expect(chart).to_have_attribute("alt", re.compile(r"^Chart of Open and prolonged escalations"))
    # The chart is a PNG drawn on request: wait until the browser has it decoded.
    page.wait_for_function(
        "image => image.complete && image.naturalWidth > 0", arg=chart.element_handle()
    )


def test_an_admin_sees_who_read_a_response_in_the_audit_log(open_context, sessions, settings):
    with sessions() as session:
        flagged = flagged_response(session, settings, "Mr Jones hits me at home")
        make_staff(session, Role.PRINCIPAL_OFFICER)
        make_staff(session, Role.ADMIN)
    officer = sign_in_at(open_context, f"/staff/responses/{flagged.response_id}", AMIRA)
    expect(officer.get_by_role("heading", level=1)).to_have_text(f"Response {flagged.response_id}")

    page = sign_in_at(open_context, "/staff/admin/audit", EMAILS[Role.ADMIN])
    page.get_by_label("Who (email contains)").fill("amira")
    page.get_by_label("Action").select_option("read")
    page.get_by_label("Record type").select_option("response")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"actor=amira"))
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(1)
    expect(rows).to_contain_text(AMIRA)
    expect(rows).to_contain_text(f"response {flagged.response_id}")
    expect(rows).to_contain_text("23 Nov 2026")
