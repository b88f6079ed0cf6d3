from __future__ import annotations

import random

import pytest

from analysis.quotes import ELLIPSIS, MAX_CHARS, Comment, pick_quotes, sentences, trim
from analysis.themes import DEFAULT

THEME = "respect_kindness"


def comment(text, score=0.0, *, kind="parent", themes=(THEME,), flagged=False, respondent=None):
    label = "positive" if score >= 0.1 else "negative" if score <= -0.1 else "neutral"
    return Comment(text, kind, tuple(themes), label, score, flagged, respondent)


FIVE = [
    comment("The chair was very kind and made me feel welcome.", 0.8),
    comment("Everyone was respectful to us in the meeting.", 0.5),
    comment("The meeting was fine, nothing special to say about it.", 0.0),
    comment("Some people were polite and some were not.", -0.1),
    comment("I felt judged and talked down to by the chair.", -0.7),
]


def test_the_most_positive_most_negative_and_median_comments_are_quoted():
    quotes = pick_quotes(FIVE)[THEME]
    assert quotes.respondents == 5
    assert [q.text for q in quotes.positive] == [FIVE[0].text]
    assert [q.text for q in quotes.negative] == [FIVE[4].text]
    assert [q.text for q in quotes.representative] == [FIVE[2].text]
    assert quotes.positive[0].sentiment == "positive"
    assert quotes.negative[0].respondent_type == "parent"
    assert quotes.negative[0].theme == THEME


def test_more_quotes_per_theme_are_distinct():
    quotes = pick_quotes(FIVE, per_theme=2)[THEME]
    assert [q.text for q in quotes.positive] == [FIVE[0].text, FIVE[1].text]
    texts = [q.text for q in quotes.all()]
    assert len(texts) == len(set(texts)) == 5


def test_the_same_comments_in_another_order_give_the_same_quotes():
    shuffled = FIVE[:]
    random.Random(3).shuffle(shuffled)
    assert pick_quotes(shuffled, per_theme=2) == pick_quotes(FIVE, per_theme=2)


def test_no_quote_from_a_theme_fewer_than_5_respondents_raised():
    assert pick_quotes(FIVE[:4]) == {}
    # Five comments from two respondents are still two respondents.
    same_people = [
        comment(c.text, c.score, respondent=1 if n % 2 else 2) for n, c in enumerate(FIVE)
    ]
    assert pick_quotes(same_people) == {}


def test_no_quote_from_a_respondent_type_fewer_than_5_in_the_theme():
    child = comment("The chair was nice to me and my mum, I liked her.", 0.9, kind="child")
    quotes = pick_quotes([*FIVE, child])[THEME]
    assert quotes.respondents == 6
    assert all(q.respondent_type == "parent" for q in quotes.all())


def test_a_comment_from_a_flagged_response_is_never_quoted_nor_counted():
    flagged = comment("The chair was so lovely and kind, best meeting ever.", 1.0, flagged=True)
    quotes = pick_quotes([*FIVE, flagged])[THEME]
    assert flagged.text not in [q.text for q in quotes.all()]
    assert quotes.respondents == 5
    assert pick_quotes([*FIVE[:4], flagged]) == {}


def test_personal_data_is_redacted_before_quoting():
    kind = comment("Please call me on 07700 900123, the chair was kind and helpful.", 0.95)
    quotes = pick_quotes([kind, *FIVE[1:]])[THEME]
    assert quotes.positive[0].text == "Please call me on [phone], the chair was kind and helpful."


def test_a_comment_about_named_people_or_still_identifying_is_not_quoted():
    many_names = comment(
        "Sarah the social worker and Mrs Patel and Mr Jones from school were kind to us.", 0.95
    )
    born = comment("My son was born on the 3rd, the chair was kind and calm about it.", 0.9)
    quotes = pick_quotes([many_names, born, *FIVE])[THEME]
    assert quotes.positive[0].text == FIVE[0].text
    assert quotes.respondents == 7


def test_a_comment_with_too_few_words_to_say_anything_is_not_quoted():
    emoji = comment("😀😀😀 👍", 0.99)
    quotes = pick_quotes([emoji, *FIVE])[THEME]
    assert quotes.positive[0].text == FIVE[0].text


def test_a_long_comment_is_quoted_from_the_sentence_that_raises_the_theme():
    text = (
        "We waited a long time in reception. The room was cold. "
        "The chair was respectful and kind to me throughout. I was still upset afterwards."
    )
    long = comment(text, 0.95)
    quotes = pick_quotes([long, *FIVE[1:]], taxonomy=DEFAULT)[THEME]
    assert DEFAULT.classify(text).count(THEME) == 1
    assert quotes.positive[0].text == (
        f"{ELLIPSIS} The chair was respectful and kind to me throughout. "
        "I was still upset afterwards."
    )


def test_trim_keeps_a_sentence_or_two_and_marks_cuts():
    text = "First point here. Second point here. Third point here."
    assert trim(text, max_chars=40) == f"First point here. Second point here. {ELLIPSIS}"
    assert trim(text, max_chars=20) == f"First point here. {ELLIPSIS}"
    assert trim("Short and sweet.") == "Short and sweet."


def test_trim_cuts_an_overlong_sentence_on_a_word_boundary():
    quote = trim("word " * 100)
    assert quote.endswith(f"word{ELLIPSIS}")
    assert len(quote) <= MAX_CHARS
    assert trim("x" * 500).endswith(ELLIPSIS)
    assert len(trim("x" * 500)) <= MAX_CHARS


@pytest.mark.parametrize("text", ["", "   ", "😀😀😀", "مرحبا بكم " * 3000, "a" * 20_000])
def test_odd_text_trims_without_error_and_within_the_limit(text):
    assert len(trim(text)) <= MAX_CHARS


def test_sentences_split_on_full_stops_question_and_exclamation_marks():
    assert sentences("Hi!  Was it ok? Yes.\nThanks") == ["Hi!", "Was it ok?", "Yes.", "Thanks"]


def test_per_theme_must_be_at_least_one():
    with pytest.raises(ValueError, match="per_theme"):
        pick_quotes(FIVE, per_theme=0)
