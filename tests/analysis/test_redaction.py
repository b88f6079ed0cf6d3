"""Personal data taken out before any comment is quoted."""

from __future__ import annotations

import pytest

from analysis.redaction import redact, still_identifying


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        ("My son Jayden was not asked.", "My son [name] was not asked.", "name"),
        ("Mr Khan chaired it well.", "[name] chaired it well.", "name"),
        ("Sarah the social worker was late.", "[name] the social worker was late.", "name"),
        ("Call me on 07700 900123.", "Call me on [phone].", "phone"),
        ("Ring (0121) 496 0345 please", "Ring [phone] please", "phone"),
        ("Email kelly.m@example.com today", "Email [email] today", "email"),
        ("I live in B29 6AB now", "I live in [postcode] now", "postcode"),
        ("Sent to 14 Cherry Tree Road by mistake", "Sent to [address] by mistake", "address"),
        ("She was born 12/04/2015.", "She was born [date of birth].", "date of birth"),
        ("Case CP-2611-0001 drifts", "Case [case reference] drifts", "case reference"),
    ],
)
def test_each_kind_of_personal_data_is_replaced_by_its_marker(text, expected, kind):
    result = redact(text)
    assert result.text == expected
    assert result.kinds == (kind,)


@pytest.mark.parametrize(
    "text",
    [
        "The Principal Officer rang me before the conference.",
        "The meeting at Lifford House started late.",
        "Grace and kindness were shown by everyone.",
        "Will someone ring me?",
        "As the GP I sent a report.",
        "Teams crashed twice.",
    ],
)
def test_ordinary_capitalised_words_and_sites_are_left_alone(text):
    assert redact(text) == redact(text).__class__(text, ())


def test_a_comment_with_several_kinds_lists_each_once():
    result = redact("Mrs Begum (07700 900456) and Mr Ali (07700 900789) live at B11 1AA.")
    assert result.kinds == ("name", "phone", "postcode")
    assert "Begum" not in result.text and "900789" not in result.text


def test_a_redacted_comment_no_longer_looks_identifying():
    assert not still_identifying(redact("My daughter Mia, 07911 123456, B23 5TJ").text)


def test_a_long_account_number_left_in_a_quote_still_looks_identifying():
    assert still_identifying("Her NHS number is 943 476 5919 and nobody helped")
    assert still_identifying("reference 12345678 was wrong")
