"""The theme classifier and the taxonomy's configuration."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from analysis.text import normalise
from analysis.theme_patterns import compiled_source
from analysis.themes import (
    DEFAULT,
    THEMES,
    Taxonomy,
    classify,
    extend,
    parse_labels,
    themes_from_answers,
)


def test_the_taxonomy_has_the_fifteen_starting_themes_of_the_domain():
    assert len(THEMES) == 15
    assert "report_timeliness" in THEMES
    assert THEMES["po_contact"] == "Contact from the PO before conference"


def test_a_late_report_is_report_timeliness():
    assert classify("I didn't get the report until the day before.") == ["report_timeliness"]


def test_a_comment_can_carry_several_themes():
    themes = classify("There was no interpreter and nobody explained the report to me.")
    assert {"interpreter_language", "preparation_explanation"} <= set(themes)


def test_word_endings_do_not_matter():
    assert classify("Interpreters were booked.") == classify("The interpreter was booked.")


def test_a_bare_thank_you_has_no_theme():
    assert classify("Thank you.") == []


def test_the_taxonomy_is_extended_with_new_themes_and_phrases():
    taxonomy = extend(
        "food=Food and drink;childcare=Childcare",
        {"food": ("biscuit*", "cup of tea"), "childcare": ("creche",)},
    )
    assert taxonomy.labels["food"] == "Food and drink"
    assert taxonomy.classify("No biscuits and no creche") == ["food", "childcare"]


def test_extra_phrases_extend_a_starting_theme():
    taxonomy = extend(keywords={"venue_travel_waiting": ("taxi",)})
    assert "venue_travel_waiting" in taxonomy.classify("The taxi never came.")


def test_a_badly_written_theme_is_refused_with_its_text():
    with pytest.raises(ValueError, match="Food"):
        parse_labels("Food")


def test_phrases_for_an_unknown_theme_are_refused():
    with pytest.raises(ValueError, match="nosuch"):
        extend(keywords={"nosuch": ("x",)})


def test_structured_answers_count_towards_themes():
    answers = {
        "report_received": "day_before",
        "interpreter": "needed_not_provided",
        "respect": "yes",
        "overall": "4",
    }
    assert themes_from_answers(answers) == [
        "report_timeliness",
        "interpreter_language",
        "respect_kindness",
    ]


def test_answers_that_say_nothing_count_towards_no_theme():
    answers = {"interpreter": "not_needed", "access_needs": "not_needed", "po_contact": "not_sure"}
    assert themes_from_answers(answers) == []


def test_professional_answers_count_towards_participation_and_plan_quality():
    answers = {"asked_for_update": "no", "plan_reflects_needs": "partly"}
    assert themes_from_answers(answers) == ["professional_participation", "plan_quality"]


def _labelled_comments() -> list[str]:
    path = Path(__file__).parent / "data" / "comments_labelled.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    return texts + [" ".join(texts[i : i + 5]) for i in range(0, len(texts), 5)]


def _plain_classify(taxonomy: Taxonomy, text: str) -> list[str]:
    """One plain alternation per theme searched over the whole text: the reference."""
    padded = normalise(text)
    return [
        key
        for key in taxonomy.labels
        if taxonomy.keywords.get(key)
        and re.search(compiled_source(tuple(taxonomy.keywords[key])), padded)
    ]


@pytest.mark.parametrize(
    "keywords",
    [
        {},
        # a two-letter phrase: the phrases are filed by their first two characters instead
        {"po_contact": ("po",), "food": ("tea", "biscuit*")},
        # a start that cannot be worked out: every theme's rule searches the whole text
        {"food": ("re:\\w+cuits?",)},
    ],
)
def test_the_one_pass_classifier_finds_exactly_the_themes_a_full_search_finds(keywords):
    taxonomy = extend("food=Food", keywords) if keywords else DEFAULT
    texts = [*_labelled_comments(), "po rang me", "tea and biscuits", "Biscuits!"]
    found = [taxonomy.classify(text) for text in texts]
    assert found == [_plain_classify(taxonomy, text) for text in texts]
    assert sum(bool(themes) for themes in found) > len(texts) // 2
