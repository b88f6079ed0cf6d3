"""Every public page, in every language, passes axe-core's WCAG 2.2 AA rules on a phone, and
has one h1, a unique title, the language's lang and dir, unique ids, and no console errors."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import ConsoleMessage, Page, expect
from playwright.sync_api import Response as PageResponse

from heard.i18n import LANGUAGES, gettext
from tests.browser.conftest import press, questions_of

pytestmark = pytest.mark.browser

AXE_SCRIPT = Axe().axe_script  # the axe.min.js bundled with axe-playwright-python
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
# Axe.run() hands back axe's whole result (every rule that passed, too): hundreds of kilobytes
# to serialise on each page. Only the violations are needed.
RUN_AXE = "options => axe.run(document, options).then(results => results.violations)"
REPORT_CSP_VIOLATIONS = """document.addEventListener("securitypolicyviolation", event =>
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`));"""
# One round trip for the page checks that axe does not make.
PAGE_FACTS = """() => {
  const ids = [...document.querySelectorAll("[id]")].map(element => element.id);
  return {
    title: document.title.trim(),
    h1s: document.querySelectorAll("h1").length,
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    duplicateIds: [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))],
    scrollsSideways: document.documentElement.scrollWidth > window.innerWidth,
  };
}"""
UNKNOWN_TOKEN = "ABCDEFGHJKMNPQRSTVWXYZ0123"


class Audit:
    """Checks each page as it is shown, keeping every problem to report them all at once."""

    def __init__(self, page: Page, code: str) -> None:
        self.page, self.language = page, LANGUAGES[code]
        self.problems: list[str] = []
        self.errors: list[str] = []
        self.titles: dict[str, str] = {}  # title -> the page it names
        page.context.add_init_script(REPORT_CSP_VIOLATIONS)
        page.context.add_init_script(AXE_SCRIPT)  # cheaper than injecting it on each page
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"uncaught error: {error}"))
        page.on("response", self._response)

    def _console(self, message: ConsoleMessage) -> None:
        # Chromium logs a page's own 4xx status as an error; the error pages mean to send one.
        own_status = message.text.startswith("Failed to load resource") and (
            message.location.get("url") == self.page.url
        )
        if message.type == "error" and not own_status:
            self.errors.append(f"console error: {message.text}")

    def _response(self, response: PageResponse) -> None:
        if response.request.resource_type != "document" and response.status >= 400:
            self.errors.append(f"{response.status} for {response.url}")

    def check(self, name: str, *, same_page_as: str = "") -> None:
        """Check the page now shown; SAME_PAGE_AS names a page it may share its title with."""
        self.page.wait_for_load_state()
        found = [*self._axe(), *self._structure(same_page_as or name), *self.errors]
        self.errors.clear()
        where = f"[{self.language.code}] {name} at {self.page.url}"
        self.problems += [f"{where}: {problem}" for problem in found]

    def _axe(self) -> list[str]:
        return [describe(violation) for violation in self.page.evaluate(RUN_AXE, AXE_OPTIONS)]

    def _structure(self, identity: str) -> list[str]:
        facts, problems = self.page.evaluate(PAGE_FACTS), []
        if facts["h1s"] != 1:
            problems.append(f"{facts['h1s']} h1 elements, not 1")
        title = facts["title"]
        if not title:
            problems.append("an empty <title>")
        elif self.titles.setdefault(title, identity) != identity:
            problems.append(f"the same <title> as the {self.titles[title]} page: {title!r}")
        if (facts["lang"], facts["dir"]) != (self.language.html_lang, self.language.direction):
            problems.append(f"<html lang={facts['lang']!r} dir={facts['dir']!r}>")
        if facts["duplicateIds"]:
            problems.append(f"duplicate ids: {facts['duplicateIds']}")
        if facts["scrollsSideways"]:
            problems.append("the page scrolls sideways on a 390px-wide phone")
        return problems


def describe(violation: dict) -> str:
    nodes = violation["nodes"]
    targets = "; ".join(" ".join(node["target"]) for node in nodes[:3])
    more = f" and {len(nodes) - 3} more" if len(nodes) > 3 else ""
    summary = " ".join(nodes[0].get("failureSummary", "").split()) if nodes else ""
    return (
        f"axe {violation['id']} ({violation['impact']}): {violation['help']}. "
        f"At {targets}{more}. {summary} See {violation['helpUrl']}"
    )


def send_with_a_mistake(page: Page, code: str, button: str) -> None:
    press(page, code, button)
    expect(page.locator(".govuk-error-summary")).to_be_visible()


def look_at_every_question(page: Page, audit: Audit, respondent: str) -> None:
    """Open each question page by its address, without answering."""
    for number, question in enumerate(questions_of(respondent), start=1):
        page.goto(f"/feedback/q/{question.key}")
        audit.check(f"{respondent} question {number} ({question.key})", same_page_as=question.text)


def answer_every_question(page: Page, audit: Audit, code: str, respondent: str) -> None:
    """Check each question page and answer it; send the first one blank to see its error."""
    page.get_by_role("button", name=gettext(code, "Start now")).click()
    for number, question in enumerate(questions_of(respondent), start=1):
        name = f"{respondent} question {number} ({question.key})"
        audit.check(name, same_page_as=question.text)
        if number == 1:
            send_with_a_mistake(page, code, "Continue")
            audit.check(f"{name} with an error")
        if question.options:
            page.locator(f"input[name=answer][value='{question.options[0].value}']").check()
        press(page, code, "Continue")


def visit_every_public_page(page: Page, audit: Audit, code: str, invite) -> None:
    page.goto(f"/?lang={code}")
    audit.check("index")
    page.get_by_role("link", name=gettext(code, "Type the code from your letter")).click()
    audit.check("code")
    page.get_by_label(gettext(code, "Type the code from your letter")).fill("1234")
    send_with_a_mistake(page, code, "Continue")
    audit.check("code with an error")
    page.goto("/feedback/open")
    audit.check("open feedback")
    send_with_a_mistake(page, code, "Continue")
    audit.check("open feedback with errors")

    for respondent in ("child", "professional"):
        page.goto(invite(respondent, language=code).path)
        look_at_every_question(page, audit, respondent)
    parent = invite("parent", language=code)
    page.goto(parent.path)
    audit.check("start")
    answer_every_question(page, audit, code, "parent")
    audit.check("contact")
    send_with_a_mistake(page, code, "Send feedback")
    audit.check("contact with an error")
    page.locator("input[name=wants_contact][value=no]").check()
    press(page, code, "Send feedback")
    audit.check("thank-you")

    for name, path, status in [
        ("used link", parent.path, 410),
        ("expired link", invite(language=code, days_ago=60).path, 410),
        ("unknown link", f"/f/{UNKNOWN_TOKEN}", 404),
        ("not found", "/no-such-page", 404),
    ]:
        response = page.goto(path)
        assert response and response.status == status, (name, response and response.status)
        audit.check(name)


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_every_public_page_is_accessible_and_well_formed_in(page, invite, code):
    audit = Audit(page, code)
    visit_every_public_page(page, audit, code, invite)
    assert not audit.problems, "\n".join(audit.problems)
