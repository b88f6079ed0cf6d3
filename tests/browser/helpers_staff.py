"""Shared steps for the staff browser tests: a desktop browser context, signing in through the
real sign-in page, the service's clock held at the factories' NOW, and a flagged response."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
import time_machine
from playwright.sync_api import BrowserContext, Page, expect
from sqlalchemy import select
from sqlalchemy.orm import Session

from heard.settings import Settings
from surveys import responses
from surveys.contact import ContactCipher
from surveys.models import Alert
from tests.factories import NOW, make_conference, make_invitation
from tests.surveys.test_responses import ROUTING, answer_everything
from tests.webforms.staff.conftest import PASSWORD

DESKTOP = {"viewport": {"width": 1280, "height": 900}, "is_mobile": False, "has_touch": False}
PHONE_NUMBER = "07700 900982"


@pytest.fixture
def at_now() -> Iterator[None]:
    """The service's clock at NOW (Monday 23 November 2026, 09:30), ticking: the seeded records
    are dated from it. The live server's thread shares this process, so it sees the same clock."""
    with time_machine.travel(NOW, tick=True):
        yield


def sign_in_at(open_context: Callable[..., BrowserContext], path: str, email: str) -> Page:
    """Open PATH in a new desktop browser, be sent to sign in, sign in, and land back on PATH."""
    page = open_context(**DESKTOP).new_page()
    page.goto(path)
    expect(page).to_have_url(re.compile(r"/staff/sign-in\?next="))
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(re.escape(path.split("?")[0]) + r"(\?|$)"))
    return page


@dataclass(frozen=True)
class Flagged:
    response_id: int
    alert_id: int


def flagged_response(
    session: Session, settings: Settings, comments: str, *, case_reference: str = "CP-7001"
) -> Flagged:
    """A parent's answers at One Avenue Road that raise an alert, asking to be phoned back."""
    conference = make_conference(session, case_reference=case_reference)
    invitation = make_invitation(session, conference=conference).invitation
    cipher = ContactCipher.from_settings(settings.contact_key, settings.secret_key)
    response = responses.start_or_resume(session, invitation=invitation, now=NOW)
    answer_everything(session, response, comments)
    responses.record_contact_choice(
        session,
        response=response,
        wants_contact=True,
        method="phone",
        details=PHONE_NUMBER,
        cipher=cipher,
        now=NOW,
    )
    responses.submit_response(session, response=response, now=NOW, routing=ROUTING)
    alert_id = session.scalar(select(Alert.id).where(Alert.response_id == response.id))
    assert alert_id is not None, "the seeded words did not raise an alert"
    session.commit()
    return Flagged(response.id, alert_id)
