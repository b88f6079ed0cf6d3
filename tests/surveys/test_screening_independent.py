"""The disclosure screen against a labelled set written apart from its rules.

`screening_independent.csv` was written before the rules were read (ids `i...`), then grown by
two probes written after rounds of rule changes (`p2-`, `p3-`), whose misses were then fixed
with general rules, and one held-out probe (`h4-`) written after the last change and never
tuned on. See tests/surveys/data/README.md for how and for the before/after figures.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from surveys import screening_eval
from surveys.screening import REASONS, _reasons_in, _rules, _without_idioms, normalise, screen_text

DATA = Path(__file__).parent / "data" / "screening_independent.csv"
ROWS = screening_eval.read_rows(DATA)
STEP_ONE = [row for row in ROWS if row["id"].startswith("i")]
HELD_OUT = [row for row in ROWS if row["id"].startswith("h4-")]
DEVELOPMENT = [row for row in ROWS if not row["id"].startswith("h4-")]
LANGUAGES = {"en", "en-easy", "ur", "ur-Latn", "pa", "pa-Arab", "pa-Latn", "bn", "ar", "pl"}
LANGUAGES |= {"ro", "so"}


def flags(text: str) -> bool:
    return screen_text(text).disclosure


# The set itself


def test_the_step_one_set_has_the_size_and_mix_it_was_written_to_have():
    kinds = Counter(
        "disclosure" if screening_eval.is_disclosure(row["disclosure"]) else row["category"]
        for row in STEP_ONE
    )
    assert len(STEP_ONE) >= 220
    assert kinds["disclosure"] >= 90 and kinds["worry"] >= 70 and kinds["ordinary"] >= 60
    assert {row["language"] for row in STEP_ONE} == LANGUAGES


def test_ids_are_unique_and_every_category_is_a_reason_key_or_a_kind_of_feedback():
    assert len({row["id"] for row in ROWS}) == len(ROWS)
    for row in ROWS:
        allowed = set(REASONS) if screening_eval.is_disclosure(row["disclosure"]) else set()
        assert row["category"] in allowed | {"worry", "ordinary"}, row["id"]


def test_the_held_out_probe_is_kept_apart_from_the_rows_the_rules_were_fixed_on():
    assert len(HELD_OUT) >= 70
    assert all("HELD OUT" in row["notes"] for row in HELD_OUT)
    assert not any("HELD OUT" in row["notes"] for row in DEVELOPMENT)


# The figures


def test_recall_on_the_independent_set_is_at_least_95_percent():
    assert screening_eval.evaluate(DEVELOPMENT)["overall"]["recall"] >= 0.95
    assert screening_eval.evaluate(STEP_ONE)["overall"]["recall"] >= 0.95


def test_precision_on_the_independent_set_is_at_least_60_percent():
    assert screening_eval.evaluate(DEVELOPMENT)["overall"]["precision"] >= 0.6
    assert screening_eval.evaluate(STEP_ONE)["overall"]["precision"] >= 0.6


def test_every_language_of_the_independent_set_has_recall_of_at_least_90_percent():
    for language, scores in screening_eval.evaluate(DEVELOPMENT)["language"].items():
        assert scores["recall"] >= 0.9, language


def test_precision_on_the_held_out_probe_stays_above_60_percent():
    # Recall on the held-out probe is NOT asserted: it was 0.61 when written, far below the
    # 0.95 target, and is the honest estimate of recall on new phrasings (see the README).
    assert screening_eval.evaluate(HELD_OUT)["overall"]["precision"] >= 0.6


# Behaviour


def test_a_child_made_to_sleep_in_an_adults_bed_is_flagged():
    assert "sexual_abuse" in screen_text("my stepdad makes my sister sleep in his bed").reasons


@pytest.mark.parametrize(
    "text",
    [
        "my husband says he will take our son to bangladesh and I wont see him again",
        "woh bachon ko india le jayega",
        "کہتا ہے بچوں کو پاکستان لے جاؤں گا",
        "يقول إنه سيأخذ أولادي إلى الخارج",
    ],
)
def test_a_threat_to_take_the_children_abroad_is_flagged_in_any_language(text):
    assert "child_unsafe_or_missing" in screen_text(text).reasons


def test_a_family_holiday_abroad_is_not_a_threat_to_take_the_children():
    assert not flags("we are going to take the kids to poland for christmas")


def test_text_speak_is_spelled_out_before_matching():
    assert normalise("dnt want 2 go home 2nite") == "dont want to go home tonight"
    assert flags("pls sum1 help me hes drunk n smashin stuff")
    assert normalise("I have 2 kids") == "i have to kids"  # harmless: no rule needs a number


@pytest.mark.parametrize(
    "text",
    [
        "ਮੀਟਿੰਗ ਵਿੱਚ ਮੈਨੂੰ ਬਹੁਤ ਡਰ ਲੱਗਿਆ",
        "মিটিংয়ে কথা বলতে ভয় লাগছিল",
        "meeting mein mujhe bahut dar laga",
    ],
)
def test_fear_of_speaking_in_the_meeting_is_not_a_disclosure_in_any_language(text):
    assert not flags(text)


def test_fear_of_a_person_is_still_flagged_when_the_meeting_is_mentioned():
    assert flags("meeting ke baad mujhe apne shohar se dar lagta hai")


def test_a_professional_naming_the_category_or_a_topic_discussed_is_not_flagged():
    assert not flags("The category of physical abuse was agreed by all agencies")
    assert not flags("Domestic violence concerns were discussed and the plan updated")
    assert not flags("the domestic abuse advisor was really supportive")


def test_a_new_incident_a_professional_reports_is_flagged():
    assert flags("At today's visit dad was seen shoving the child against the wall")


def test_an_idiom_of_embarrassment_is_not_a_wish_to_die():
    assert not flags("I nearly died of embarrassment when they read out my texts")
    assert flags("I nearly died when he put his hands round my neck")


def test_the_wider_net_catches_a_person_near_a_sign_of_harm_only_when_no_rule_did():
    assert screen_text("my mums boyfriend was screaming at the baby").reasons == (
        "person_near_harm",
    )
    assert "person_near_harm" not in screen_text("my dad hits me").reasons
    assert not flags("the report was hurtful and the chair was rude")


def test_trying_rules_only_where_some_rule_starts_finds_every_reason_a_full_search_finds():
    for row in ROWS:
        padded = _without_idioms(f" {normalise(row['text'])} ")
        full = {
            reason
            for probe, _anything, rules in _rules()
            if probe.search(padded)
            for reason, rule in rules
            if rule.search(padded)
        }
        assert _reasons_in(padded) == full, row["id"]
