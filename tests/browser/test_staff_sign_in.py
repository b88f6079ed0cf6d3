"""Staff sign in with a one-time password in a real Chromium, change it, and sign out; every page
on the way passes axe-core's WCAG 2.2 AA rules, with one h1 and its own title."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from staff.accounts import add_account
from staff.roles import Role
from tests.browser.test_accessibility import Audit
from tests.factories import NOW, make_site

pytestmark = pytest.mark.browser
DESKTOP = {"viewport": {"width": 1280, "height": 900}, "is_mobile": False, "has_touch": False}


def test_a_new_member_of_staff_signs_in_changes_their_password_and_signs_out(
    open_context, sessions
):
    with sessions() as session:
        make_site(session)
        _, one_time = add_account(
            session,
            email="bea.clarke@example.org",
            display_name="Bea Clarke",
            roles=[Role.BUSINESS_SUPPORT],
            site="One Avenue Road",
            now=NOW,
            actor="test",
        )
        session.commit()
    page = open_context(**DESKTOP).new_page()
    audit = Audit(page, "en")
    page.goto("/staff/")
    expect(page).to_have_url(re.compile(r"/staff/sign-in\?next=/staff/$"))
    list(audit.check("sign in"))
    page.get_by_label("Email address").fill("bea.clarke@example.org")
    page.get_by_label("Password").fill("wrong password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter a correct email address and password")
    list(audit.check("sign in with an error"))
    page.get_by_label("Password").fill(one_time)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change your password")
    list(audit.check("change password"))
    page.get_by_label("Current password").fill(one_time)
    page.get_by_label("New password", exact=True).fill("short")
    page.get_by_label("New password again").fill("short")
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_role("alert")).to_contain_text("at least 12 characters")
    list(audit.check("change password with an error"))
    page.get_by_label("Current password").fill(one_time)
    page.get_by_label("New password", exact=True).fill("a long and memorable phrase")
    page.get_by_label("New password again").fill("a long and memorable phrase")
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Bea Clarke")
    list(audit.check("home"))
    page.get_by_role("button", name="Sign out", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    assert audit.problems == []
