"""Sentiment on child-protection language, where general lexicons fall short."""

from __future__ import annotations

import pytest

from analysis.sentiment import sentiment


@pytest.mark.parametrize(
    "text",
    [
        "I was worried sick and scared the whole time.",
        "No one explained anything to me.",
        "I didn't get the report until the day before.",
        "The chair was kind but nobody listened to what I said.",
        "Thank you for your time, but I was talked over the whole meeting.",
        "Yeah great, another meeting where I get told I'm a bad mum.",
        "The social worker didn't turn up.",
    ],
)
def test_it_reads_complaints_in_the_words_families_use_as_negative(text):
    assert sentiment(text).label == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Not bad at all, everyone was respectful.",
        "I was nervous at first but the chair put me at ease.",
        "No complaints, it was all fine.",
        "Can't fault the social worker.",
        "Everyone was kind and nobody made me feel stupid.",
    ],
)
def test_it_reads_praise_including_negated_complaints_as_positive(text):
    assert sentiment(text).label == "positive"


@pytest.mark.parametrize("text", ["No comment.", "I joined by phone.", "", "   "])
def test_plain_facts_and_empty_answers_are_neutral(text):
    assert sentiment(text).label == "neutral"


def test_the_score_is_between_minus_one_and_one():
    for text in ("awful " * 500, "brilliant " * 500, "fine"):
        assert -1 <= sentiment(text).score <= 1


def test_an_urdu_comment_is_neutral_and_flagged_for_translation():
    result = sentiment("مجھے مترجم نہیں ملا اور میں کچھ نہیں سمجھ سکی۔")
    assert (result.label, result.needs_translation) == ("neutral", True)


@pytest.mark.parametrize(
    "text",
    [
        "Nie było tłumacza i nic nie zrozumiałam.",
        "Interpreter nahi tha, mujhe kuch samajh nahi aaya.",
    ],
)
def test_latin_script_comments_in_other_languages_are_flagged_too(text):
    assert sentiment(text).needs_translation


def test_an_english_comment_with_one_word_of_another_language_is_not_flagged():
    assert not sentiment(
        "The chair said shukriya to the interpreter, which was kind."
    ).needs_translation
