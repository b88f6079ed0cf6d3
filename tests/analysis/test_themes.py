"""The theme classifier and the taxonomy's configuration."""

from __future__ import annotations

import pytest

from analysis.themes import THEMES, classify, extend, parse_labels, themes_from_answers


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
