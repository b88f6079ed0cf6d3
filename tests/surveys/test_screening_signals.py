"""The broad signals (`concern_near_person`, `distress`) that generalise beyond the lexicons.

`screening_probe2.csv` was written before these signals: rows `q...` (150) before any change,
rows `r...` (42, notes "HELD OUT") after the first signals were frozen and evaluated once
before a second round addressed their kinds of miss. See tests/surveys/data/README.md for the before/after figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from surveys import screening_eval
from surveys.screening import REASONS, normalise, screen_text
from surveys.screening_signals import broad_reasons

DATA = Path(__file__).parent / "data" / "screening_probe2.csv"
ROWS = screening_eval.read_rows(DATA)
FIRST = [row for row in ROWS if row["id"].startswith("q")]
HELD_OUT = [row for row in ROWS if row["id"].startswith("r")]


def signals(text: str) -> tuple[str, ...]:
    return broad_reasons(f" {normalise(text)} ")


def test_the_new_reason_keys_have_descriptions_for_the_duty_officer():
    assert {"concern_near_person", "distress"} <= set(REASONS)


@pytest.mark.parametrize(
    "text",
    [
        "my uncle always wants to give me a bath even though I am 12",
        "mums friends come round with vodka and we have to stay upstairs",
        "she hides my passport and bank card",
        "ਮੇਰਾ ਪਤੀ ਫੋਨ ਲੈ ਲੈਂਦਾ ਹੈ",
        "میرا شوہر میرا فون اور پیسے لے لیتا ہے",
        "زوجي يأخذ هاتفي وراتبي",
        "বাবা রাতে খুব রাগ করে চিৎকার করে",
        "Mąż zabiera mi telefon i pieniądze",
        "Soțul meu îmi ia telefonul și banii",
        "Ninkaygu lacagta iyo taleefanka wuu iga qaataa",
        "mera shohar phone aur paise cheen leta hai",
    ],
)
def test_a_person_near_a_broad_concern_word_flags_in_every_language(text):
    assert signals(text) == ("concern_near_person",)
    assert screen_text(text).disclosure


def test_a_home_or_night_marker_near_a_strong_concern_word_stands_in_for_a_person():
    assert signals("I keep my bedroom door barricaded at night") == ("concern_near_person",)


@pytest.mark.parametrize(
    "text",
    [
        "someone needs to know what goes on",
        "I need to talk to someone",
        "please can someone call me",
        "everyone would be better off without me",
        "nie dam rady juz",
        "ساعدوني",
    ],
)
def test_first_person_distress_flags_anywhere(text):
    assert signals(text) == ("distress",)
    assert screen_text(text).disclosure


@pytest.mark.parametrize(
    "text",
    [
        "I was scared at the meeting",
        "Dad was angry that the meeting was moved",
        "I am frightened of going to court",
        "Please call me about the next meeting date",
        "The school shared photos of his work",
        "the report said my partner had been drinking years ago and he has been sober for years",
        "ਮੀਟਿੰਗ ਵਿੱਚ ਦੁਭਾਸ਼ੀਆ ਬਹੁਤ ਵਧੀਆ ਸੀ",
        "Bałam się spotkania, ale wszyscy byli mili",
        "ਮੇਰੀ ਸੱਸ ਬੱਚਿਆਂ ਦੀ ਬਹੁਤ ਮਦਦ ਕਰਦੀ ਹੈ",
    ],
)
def test_concern_about_the_meeting_or_a_past_known_matter_is_not_a_broad_signal(text):
    assert signals(text) == ()


def test_since_the_meeting_dates_a_new_concern_rather_than_making_it_about_the_meeting():
    assert signals("Since the meeting my ex keeps turning up outside the house") != ()


def test_the_probe_has_the_size_and_mix_it_was_written_to_have():
    assert len(FIRST) == 150 and len(HELD_OUT) >= 40
    assert sum(screening_eval.is_disclosure(row["disclosure"]) for row in FIRST) >= 70
    assert sum(row["language"] not in {"en", "en-easy"} for row in FIRST) >= 45
    assert all("HELD OUT" in row["notes"] for row in HELD_OUT)
    assert len({row["id"] for row in ROWS}) == len(ROWS)


def test_recall_on_the_whole_probe_is_at_least_85_percent_with_precision_above_60_percent():
    # Whole probe (q + r rows), measured: recall 0.99 (97/98), precision 0.94.
    scores = screening_eval.evaluate(ROWS)["overall"]
    assert scores["recall"] >= 0.85 and scores["precision"] >= 0.6


def test_recall_on_the_probe_rows_written_before_the_signals_stays_at_least_95_percent():
    # Not independent any more (0.58 before the signals, 1.00 after): a regression test.
    scores = screening_eval.evaluate(FIRST)["overall"]
    assert scores["recall"] >= 0.95 and scores["precision"] >= 0.6


def test_recall_on_the_rows_written_after_the_first_signals_stays_at_least_90_percent():
    # Written after the first signals were frozen: recall 0.58 (15/26), precision 0.79 when
    # first run (0.42 and 1.00 without the signals), the honest estimate. Round 2 then added
    # families for their kinds of miss: now 0.96 (25/26) and 0.89, a regression test only.
    scores = screening_eval.evaluate(HELD_OUT)["overall"]
    assert scores["recall"] >= 0.9 and scores["precision"] >= 0.6
