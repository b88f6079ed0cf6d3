"""A person on a phone fills in the feedback form in a real browser, in their own language."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from heard.i18n import LANGUAGES, gettext
from surveys.contact import ContactCipher
from surveys.models import ContactRequest, Response
from tests.browser.conftest import answer, choose, press, questions_of

pytestmark = pytest.mark.browser

PHONE_NUMBER = "07700 900982"
COMMENTS = {
    "en": "Everything was explained well.",
    "ur": "سب کچھ اچھی طرح سمجھایا گیا۔",
    "ar": "تم شرح كل شيء بشكل جيد.",
}


def is_mp3(data: bytes) -> bool:
    """An ID3 tag, or an MPEG audio frame's 11 sync bits."""
    return data[:3] == b"ID3" or (len(data) > 1 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0)


def walk(page: Page, language: str, respondent: str, conference: str) -> dict[str, str]:
    """Answer every question, checking each page says which question it is; the answers given."""
    questions = questions_of(respondent, conference)
    given = {}
    for number, question in enumerate(questions, start=1):
        caption = gettext(language, "Question %(number)s of %(total)s") % {
            "number": number,
            "total": len(questions),
        }
        expect(page.locator(".govuk-caption-m")).to_have_text(caption)
        given[question.key] = answer(page, language, question, COMMENTS[language], number)
    return given


def ask_to_be_phoned(page: Page, language: str) -> None:
    choose(page, "wants_contact", "yes")
    choose(page, "method", "phone")
    page.get_by_label(gettext(language, "Phone number"), exact=True).fill(PHONE_NUMBER)
    press(page, language, "Send feedback")


def expect_thanks(page: Page, language: str) -> None:
    expect(page).to_have_url(re.compile(r"/feedback/done$"))
    heading = gettext(language, "Thank you for your feedback")
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.locator("main")).to_contain_text("999")


def expect_stored(sessions, settings, invited, language: str, given: dict[str, str]) -> None:
    with sessions() as session:
        response = session.scalar(
            select(Response).where(Response.invitation_id == invited.invitation_id)
        )
        assert response is not None and response.submitted_at is not None
        assert response.language == language
        assert {a.question_key: a.value for a in response.answers} == given
        contact = session.scalar(
            select(ContactRequest).where(ContactRequest.response_id == response.id)
        )
    assert contact is not None and contact.method == "phone"
    assert contact.details_encrypted and b"900982" not in contact.details_encrypted
    cipher = ContactCipher.from_settings(settings.contact_key, settings.secret_key)
    assert cipher.decrypt(contact.details_encrypted) == PHONE_NUMBER


# The Urdu parent first; then Arabic (right to left) and English, for everyone, at both kinds
# of conference (only the parent's ICPC form asks about the chair's call: po_contact).
FORMS = [
    ("ur", "parent", "ICPC"),
    *[
        (language, respondent, conference)
        for language in ("ar", "en")
        for respondent in ("parent", "child", "professional")
        for conference in ("ICPC", "RCPC")
    ],
]


@pytest.mark.parametrize(("language", "respondent", "conference"), FORMS)
def test_a_respondent_answers_every_question_on_a_phone_and_asks_to_be_phoned(
    page, invite, sessions, settings, language, respondent, conference
):
    invited = invite(respondent, language=language, conference_type=conference)
    page.goto(invited.path)
    html = page.locator("html")
    expect(html).to_have_attribute("lang", LANGUAGES[language].html_lang)
    expect(html).to_have_attribute("dir", LANGUAGES[language].direction)
    assert page.viewport_size == {"width": 390, "height": 844}
    page.get_by_role("button", name=gettext(language, "Start now")).click()

    given = walk(page, language, respondent, conference)
    ask_to_be_phoned(page, language)

    expect_thanks(page, language)
    assert ("po_contact" in given) == (respondent == "parent" and conference == "ICPC")
    expect_stored(sessions, settings, invited, language, given)


def test_switching_language_on_a_question_page_keeps_the_answers_given_so_far(page, invite):
    first, second, third = questions_of("parent")[:3]
    page.goto(invite("parent", language="ur").path)
    page.get_by_role("button", name=gettext("ur", "Start now")).click()
    choose(page, "answer", "day_before")
    press(page, "ur", "Continue")
    choose(page, "answer", "not_needed")
    press(page, "ur", "Continue")

    page.get_by_role("navigation", name=gettext("ur", "Language")).get_by_role(
        "link", name="English", exact=True
    ).click()

    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.get_by_role("heading", level=1)).to_have_text(third.text)
    page.get_by_role("link", name="Back", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(second.text)
    expect(page.get_by_label("I did not need this", exact=True)).to_be_checked()
    page.get_by_role("link", name="Back", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(first.text)
    expect(page.get_by_label("The day before, or on the day", exact=True)).to_be_checked()


def test_the_form_can_be_completed_with_javascript_switched_off(
    open_context, invite, sessions, settings
):
    page = open_context(java_script_enabled=False).new_page()
    invited = invite("parent")
    page.goto(invited.path)
    assert "js-enabled" not in (page.locator("body").get_attribute("class") or "")
    page.get_by_role("button", name="Start now").click()

    given = walk(page, "en", "parent", "ICPC")
    ask_to_be_phoned(page, "en")

    expect_thanks(page, "en")
    expect_stored(sessions, settings, invited, "en", given)


def test_leaving_half_way_and_reopening_the_link_resumes_at_the_first_unanswered_question(
    open_context, invite
):
    questions = questions_of("parent")
    invited = invite("parent")
    first_visit = open_context().new_page()
    first_visit.goto(invited.path)
    first_visit.get_by_role("button", name="Start now").click()
    for index, question in enumerate(questions[:3]):
        answer(first_visit, "en", question, "", index)
    first_visit.context.close()

    later = open_context().new_page()
    later.goto(invited.path)
    later.get_by_role("button", name="Start now").click()

    expect(later).to_have_url(re.compile(f"/feedback/q/{questions[3].key}$"))
    expect(later.locator(".govuk-caption-m")).to_have_text(f"Question 4 of {len(questions)}")
    later.get_by_role("link", name="Back", exact=True).click()
    expect(later.locator("input[name=answer]:checked")).to_have_value(questions[2].options[2].value)


def test_an_arabic_page_is_mirrored_with_radios_and_the_back_link_on_the_right(page, invite):
    page.goto(invite("parent", language="ar").path)
    page.get_by_role("button", name=gettext("ar", "Start now")).click()
    width = page.viewport_size["width"]
    radios = page.locator("input[name=answer]").all()
    assert radios

    for radio in radios:
        label = page.locator(f"label[for='{radio.get_attribute('id')}']")
        text_right = label.evaluate(
            "label => { const r = document.createRange(); r.selectNodeContents(label);"
            " return r.getBoundingClientRect().right; }"
        )
        box = radio.bounding_box()
        assert box and box["x"] >= text_right, (label.inner_text(), box, text_right)
    back = page.get_by_role("link", name=gettext("ar", "Back"), exact=True).bounding_box()
    assert back and back["x"] + back["width"] / 2 > width / 2, back


@pytest.mark.parametrize("respondent", ["parent", "child", "professional"])
def test_every_english_question_page_offers_the_question_read_aloud(page, invite, respondent):
    page.goto(invite(respondent).path)
    for question in questions_of(respondent):
        page.goto(f"/feedback/q/{question.key}")
        audio = page.locator("main audio")
        expect(audio).to_have_count(1)
        clip = page.request.get(urljoin(page.url, audio.get_attribute("src")))
        assert clip.status == 200, (question.key, clip.status)
        assert clip.headers["content-type"] == "audio/mpeg", question.key
        assert is_mp3(clip.body()), question.key
