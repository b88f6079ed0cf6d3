"""Personal data taken out before any comment is quoted."""

from __future__ import annotations

import csv
import itertools
import re
import time
from pathlib import Path

import pytest

import analysis.redaction as redaction
from analysis.redaction import (
    _RELATED,
    _ROLE_AFTER,
    _ROLE_BEFORE,
    _at_sentence_start,
    redact,
    still_identifying,
)


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


def test_the_sentence_start_check_agrees_with_the_pattern_it_replaces():
    pattern = re.compile(r"(?:^|[.!?:;]\s+|\n)$")
    chars = "a.!?:; \n\t\u00a0X"
    texts = ["".join(combo) for n in range(5) for combo in itertools.product(chars, repeat=n)]
    assert len(texts) > 15_000
    for text in texts:
        for start in range(len(text) + 1):
            assert _at_sentence_start(text, start) == bool(pattern.search(text[:start])), text


def _all_rules(text: str) -> list[re.Pattern[str]]:
    return [_RELATED, _ROLE_AFTER, _ROLE_BEFORE]


def test_skipping_rules_that_cannot_match_finds_the_same_names(monkeypatch):
    path = Path(__file__).parent / "data" / "comments_labelled.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    texts += [
        "Kelly from the SOCIAL WORKER team rang",
        "Kelly, our Chair, was kind. Jo the Po said no",
        "MY SON Jayden and my sister, Ewa, came",
        "Żaneta the social worker was late",
        "I'm told our Teacher Mrs Patel knew",
    ]
    texts += [text.upper() for text in texts] + [text.title() for text in texts]
    quick = [redact(text) for text in texts]
    monkeypatch.setattr(redaction, "_context_rules", _all_rules)
    assert [redact(text) for text in texts] == quick
    assert sum("name" in r.kinds for r in quick) > 20


def test_a_long_comment_with_many_names_is_redacted_quickly():
    # Each capitalised word used to search all the text before it: quadratic in a long comment.
    text = "Kacper said hello. Then Amber came, and Kacper again; " * 400
    start = time.perf_counter()
    result = redact(text)
    assert time.perf_counter() - start < 1
    assert "Kacper" not in result.text and result.kinds == ("name",)
