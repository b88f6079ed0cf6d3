"""Sentiment on child-protection language, where general lexicons fall short."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import analysis.sentiment as sentiment_module
from analysis.sentiment import _phrase_spans, _phrases, sentiment, sentiment_normalised
from analysis.text import normalise


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


def _labelled_comments() -> list[str]:
    path = Path(__file__).parent / "data" / "comments_labelled.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    # The same comments run together, so phrases also meet across sentence ends.
    return texts + [" ".join(texts[i : i + 5]) for i in range(0, len(texts), 5)]


def test_phrases_are_found_exactly_where_the_one_alternation_finds_them():
    for text in _labelled_comments():
        padded = normalise(text)
        plain = [(m.start(), m.end(), int(m.lastgroup[1:])) for m in _phrases().finditer(padded)]
        assert _phrase_spans(padded) == plain, text


def test_without_the_phrase_buckets_every_comment_scores_the_same(monkeypatch):
    texts = _labelled_comments()
    bucketed = [sentiment(text) for text in texts]
    monkeypatch.setattr(sentiment_module, "_scanner", lambda: None)
    assert [sentiment(text) for text in texts] == bucketed
    assert any(s.label == "negative" for s in bucketed) and any(
        s.label == "positive" for s in bucketed
    )


def test_sentiment_of_a_normalised_comment_is_the_comments_sentiment():
    for text in [*_labelled_comments()[:200], "", "Nie było tłumacza i nic nie zrozumiałam."]:
        assert sentiment_normalised(text, normalise(text)) == sentiment(text)
