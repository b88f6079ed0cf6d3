"""Browser fixtures: one headless Chromium for them all, a phone-sized context a test, the app on a
live server over the shared test database, and the steps a person takes through the form."""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from werkzeug.serving import make_server

from heard.i18n import gettext
from heard.settings import Settings
from surveys.questionnaires import TEXT, Question, questionnaire_for
from tests.factories import make_conference, make_invitation
from webforms.app import create_app

CHROMIUM = os.environ.get("HEARD_CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium keeps calling Google on a closed network.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
PHONE: dict[str, Any] = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}
TIMEOUT_MS = 20_000  # pages answer in milliseconds, but a loaded 2-core CI machine can stall


# One browser for all the browser tests, closed after the last: while Playwright's sync API is
# open it holds a running event loop, and every later asyncio.run() (the Teams tests) fails.
@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).is_file():
        pytest.fail(
            f"The browser tests need Chromium, and there is none at {CHROMIUM}. Install it with "
            "`sudo apt-get install -y chromium`, or set HEARD_CHROMIUM to a Chromium executable.",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def live_url(settings: Settings, engine: Engine) -> Iterator[str]:
    """The web app on a free local port, served from a thread until the test ends."""
    server = make_server("127.0.0.1", 0, _not_yet, threaded=True)
    url = f"http://127.0.0.1:{server.server_port}"
    # The app needs its own address in its settings, and the address needs the socket first.
    server.app = create_app(settings.with_(base_url=url), engine=engine)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    yield url
    server.shutdown()
    thread.join(timeout=10)
    server.server_close()


def _not_yet(environ: object, start_response: object) -> None:
    raise RuntimeError("the live server answered before its app was set")


@pytest.fixture
def open_context(browser: Browser, live_url: str) -> Iterator[Callable[..., BrowserContext]]:
    """Open a new phone-sized browser context (no shared cookies); all are closed afterwards."""
    contexts: list[BrowserContext] = []

    def open_context(**options: Any) -> BrowserContext:
        context = browser.new_context(**{**PHONE, "base_url": live_url, **options})
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_context: Callable[..., BrowserContext]) -> Page:
    return open_context().new_page()


@dataclass(frozen=True)
class Invited:
    token: str
    invitation_id: int

    @property
    def path(self) -> str:
        return f"/f/{self.token}"


@pytest.fixture
def invite(sessions: sessionmaker[Session]) -> Callable[..., Invited]:
    """Invite someone to a conference held today (or DAYS_AGO), and give them their link."""
    numbers = itertools.count(2001)

    def invite(
        respondent_type: str = "parent",
        *,
        language: str = "en",
        conference_type: str = "ICPC",
        days_ago: int = 0,
    ) -> Invited:
        with sessions() as session:
            conference = make_conference(
                session,
                case_reference=f"CP-{next(numbers)}",
                conference_type=conference_type,
                on=date.today() - timedelta(days=days_ago),
            )
            issued = make_invitation(
                session,
                conference=conference,
                respondent_type=respondent_type,
                agency="police" if respondent_type == "professional" else None,
                language=language,
            )
            session.commit()
            return Invited(issued.token, issued.invitation.id)

    return invite


def questions_of(respondent_type: str, conference_type: str = "ICPC") -> tuple[Question, ...]:
    return questionnaire_for(respondent_type, conference_type).questions


def choose(page: Page, name: str, value: str) -> None:
    """Tick the radio NAME=VALUE by tapping the middle of its label, as a person would.

    A children's face tile stretches its (invisible) radio over the label, so the tap lands on
    the radio itself; Playwright's own label.click() would refuse, seeing the label covered.
    """
    radio = page.locator(f"input[name='{name}'][value='{value}']")
    label = page.locator(f"label[for='{radio.get_attribute('id')}']")
    label.scroll_into_view_if_needed()
    box = label.bounding_box()
    assert box, f"the label of {name}={value} is not shown"
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(radio).to_be_checked()


def press(page: Page, language: str, button: str) -> None:
    """Press the button whose English text is BUTTON, by its text in LANGUAGE."""
    page.get_by_role("button", name=gettext(language, button), exact=True).click()


def answer(page: Page, language: str, question: Question, comment: str, index: int) -> str:
    """Answer the question on this page (a varied option, or COMMENT) and go on."""
    expect(page.get_by_role("heading", level=1)).to_have_text(gettext(language, question.text))
    if question.kind == TEXT:
        page.get_by_label(gettext(language, question.text), exact=True).fill(comment)
        value = comment
    else:
        option = question.options[index % len(question.options)]
        choose(page, "answer", option.value)
        value = option.value
    press(page, language, "Continue")
    return value
