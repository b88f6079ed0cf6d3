"""Every public page, in every language, passes axe-core's WCAG 2.2 AA rules on a phone, and
has one h1, a unique title, the language's lang and dir, unique ids, and no console errors."""

from __future__ import annotations

from collections.abc import Iterator

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
# Axe.run() waits for axe and hands back its whole result (every rule that passed, too). Instead
# axe is started, another language's walk goes on meanwhile, and only the violations come back.
START_AXE = "options => { window.heardAxe = axe.run(document, options).then(r => r.violations); }"
AXE_VIOLATIONS = "() => window.heardAxe"
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

    def check(self, name: str, *, same_page_as: str = "") -> Iterator[None]:
        """Check the page now shown, pausing while axe runs; SAME_PAGE_AS names a page it may
        share its title with."""
        self.page.wait_for_load_state()
        self.page.evaluate(START_AXE, AXE_OPTIONS)
        yield
        violations = self.page.evaluate(AXE_VIOLATIONS)
        found = [*map(describe, violations), *self._structure(same_page_as or name), *self.errors]
        self.errors.clear()
        where = f"[{self.language.code}] {name} at {self.page.url}"
        self.problems += [f"{where}: {problem}" for problem in found]

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


def look_at_every_question(audit: Audit, respondent: str) -> Iterator[None]:
    """Open each question page by its address, without answering."""
    for number, question in enumerate(questions_of(respondent), start=1):
        audit.page.goto(f"/feedback/q/{question.key}")
        name = f"{respondent} question {number} ({question.key})"
        yield from audit.check(name, same_page_as=question.text)


def answer_every_question(audit: Audit, respondent: str) -> Iterator[None]:
    """Check each question page and answer it; send the first one blank to see its error."""
    page, code = audit.page, audit.language.code
    page.get_by_role("button", name=gettext(code, "Start now")).click()
    for number, question in enumerate(questions_of(respondent), start=1):
        name = f"{respondent} question {number} ({question.key})"
        yield from audit.check(name, same_page_as=question.text)
        if number == 1:
            send_with_a_mistake(page, code, "Continue")
            yield from audit.check(f"{name} with an error")
        if question.options:
            page.locator(f"input[name=answer][value='{question.options[0].value}']").check()
        press(page, code, "Continue")


def visit_every_public_page(audit: Audit, invite) -> Iterator[None]:
    """Walk every public page in the audit's language, pausing at each while axe runs."""
    page, code = audit.page, audit.language.code
    page.goto(f"/?lang={code}")
    yield from audit.check("index")
    page.get_by_role("link", name=gettext(code, "Type the code from your letter")).click()
    yield from audit.check("code")
    page.get_by_label(gettext(code, "Type the code from your letter")).fill("1234")
    send_with_a_mistake(page, code, "Continue")
    yield from audit.check("code with an error")
    page.goto("/feedback/open")
    yield from audit.check("open feedback")
    send_with_a_mistake(page, code, "Continue")
    yield from audit.check("open feedback with errors")

    for respondent in ("child", "professional"):
        page.goto(invite(respondent, language=code).path)
        yield from look_at_every_question(audit, respondent)
    parent = invite("parent", language=code)
    page.goto(parent.path)
    yield from audit.check("start")
    yield from answer_every_question(audit, "parent")
    yield from audit.check("contact")
    send_with_a_mistake(page, code, "Send feedback")
    yield from audit.check("contact with an error")
    page.locator("input[name=wants_contact][value=no]").check()
    press(page, code, "Send feedback")
    yield from audit.check("thank-you")

    for name, path, status in [
        ("used link", parent.path, 410),
        ("expired link", invite(language=code, days_ago=60).path, 410),
        ("unknown link", f"/f/{UNKNOWN_TOKEN}", 404),
        ("not found", "/no-such-page", 404),
    ]:
        response = page.goto(path)
        assert response and response.status == status, (name, response and response.status)
        yield from audit.check(name)


def side_by_side(*walks: Iterator[None]) -> None:
    """Take each walk a page at a time, so one page's axe run overlaps the other's next page."""
    going = list(walks)
    while going:
        going = [walk for walk in going if next(walk, StopIteration) is not StopIteration]


CODES = list(LANGUAGES)
PAIRS = [tuple(CODES[i : i + 2]) for i in range(0, len(CODES), 2)]


@pytest.mark.parametrize("codes", PAIRS, ids="+".join)
def test_every_public_page_is_accessible_and_well_formed_in(open_context, invite, codes):
    audits = [Audit(open_context().new_page(), code) for code in codes]
    side_by_side(*(visit_every_public_page(audit, invite) for audit in audits))
    problems = [problem for audit in audits for problem in audit.problems]
    assert not problems, "\n".join(problems)
