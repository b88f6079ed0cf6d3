"""The disclosure screen: recall on the labelled set, every language, and the awkward inputs."""

from __future__ import annotations

import random
import re
import time
from collections import Counter

import pytest

from surveys import screening_eval
from surveys.screening import REASONS, ScreeningResult, normalise, rule_parts, screen_text
from surveys.screening import screen_texts as screen_many
from surveys.screening_guard import alternation, starts
from surveys.screening_lexicon import ENGLISH_BENIGN
from surveys.screening_lexicon_latin import LATIN_LEXICONS
from surveys.screening_lexicon_scripts import ARABIC, BENGALI, GURMUKHI, URDU_SHAHMUKHI

ROWS = screening_eval.read_rows(screening_eval.DEFAULT_CSV)
LANGUAGES = {"en", "en-easy", "ur", "pa", "pa-Arab", "bn", "ar", "pl", "ro", "so"}


def flags(text: str, language: str | None = None) -> bool:
    return screen_text(text, language).disclosure


# The labelled set


def test_the_labelled_set_is_big_and_varied_enough_to_mean_something():
    counts = Counter(row["category"] for row in ROWS)
    disclosures = sum(screening_eval.is_disclosure(row["disclosure"]) for row in ROWS)
    assert len(ROWS) >= 240 and disclosures >= 90
    assert counts["worry"] >= 70 and counts["ordinary"] >= 70
    assert sum(not row["language"].startswith("en") for row in ROWS) >= 0.3 * len(ROWS)
    assert {row["language"] for row in ROWS} >= LANGUAGES
    assert 0.25 <= sum(row["split"] == "heldout" for row in ROWS) / len(ROWS) <= 0.35


def test_every_labelled_disclosure_names_a_reason_key_and_every_other_row_a_kind_of_feedback():
    for row in ROWS:
        allowed = set(REASONS) if screening_eval.is_disclosure(row["disclosure"]) else set()
        assert row["category"] in allowed | {"worry", "ordinary"}, row["id"]


def test_recall_on_the_whole_labelled_set_is_at_least_95_percent():
    assert screening_eval.evaluate(ROWS)["overall"]["recall"] >= 0.95


def test_recall_on_the_heldout_split_is_at_least_95_percent():
    heldout = [row for row in ROWS if row["split"] == "heldout"]
    assert screening_eval.evaluate(heldout)["overall"]["recall"] >= 0.95


def test_precision_on_the_labelled_set_stays_high_enough_that_the_duty_officer_is_not_swamped():
    assert screening_eval.evaluate(ROWS)["overall"]["precision"] >= 0.85


def test_every_language_in_the_labelled_set_has_recall_of_at_least_90_percent():
    for language, scores in screening_eval.evaluate(ROWS)["language"].items():
        assert scores["recall"] >= 0.9, language


# Every language, every script

PLAIN_DISCLOSURES = {
    "en": "my dad hurts me",
    "en-easy": "Mum hits me.",
    "ur": "میرا سوتیلا باپ مجھے مارتا ہے",
    "pa": "ਮੇਰਾ ਚਾਚਾ ਮੈਨੂੰ ਕੁੱਟਦਾ ਹੈ",
    "pa-Arab": "میرا چاچا مینوں کٹدا اے",
    "bn": "আমার সৎবাবা আমাকে মারধর করে",
    "ar": "زوج أمي يضربني",
    "pl": "ojczym mnie bije",
    "ro": "tatăl vitreg mă bate",
    "so": "aabahay wuu na garaacaa",
}


@pytest.mark.parametrize("language", sorted(PLAIN_DISCLOSURES))
def test_each_supported_language_flags_a_plain_disclosure(language):
    assert "physical_harm" in screen_text(PLAIN_DISCLOSURES[language], language).reasons


@pytest.mark.parametrize("language", sorted(PLAIN_DISCLOSURES))
def test_the_page_language_never_narrows_the_screen(language):
    for text in PLAIN_DISCLOSURES.values():
        assert flags(text, language), (language, text)


@pytest.mark.parametrize(
    "text",
    [
        "mujhe dar lagta hai",
        "abbu maarta hai",
        "woh mujhe jaan se maar dega",
        "main marna chahti hoon",
        "menu ghar ch darr lagda",
        "mera peo menu marda aa",
    ],
)
def test_urdu_and_punjabi_typed_in_latin_letters_are_screened(text):
    assert flags(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "میرا dad مجھے مارتا ہے",
        "my dad یضربني",
        "mera dad mujhe hit karta hai",
        "I want to die میں",
    ],
)
def test_text_mixing_scripts_or_languages_is_screened(text):
    assert flags(text)


def test_arabic_script_variants_diacritics_and_tatweel_do_not_hide_a_disclosure():
    assert flags("أبي يَضْرِبُنِي")  # with harakat
    assert flags("أبي يضـــربني")  # with tatweel
    assert flags("میرے ابو مجھے مارتے ہيں")  # Arabic yeh typed for Urdu yeh


def test_gurmukhi_and_bengali_typed_without_addak_or_nukta_are_screened():
    assert flags("ਮੈਨੂੰ ਡਰ ਲਗਦਾ ਹੈ")
    assert flags("আমি ভয পাই")


# How people actually type


@pytest.mark.parametrize(
    "text",
    [
        "scaaared of him",
        "hes always hittin us",
        "he h1ts me",
        "i dont wanna go home",
        "i just wanna die tbh",
        "HE HITS ME",
        "ｈｅ ｈｉｔｓ ｍｅ",
        "he hits me!!!",
        "mum’s boyfriend comes in my room at night",
    ],
)
def test_misspellings_txt_speak_shouting_and_odd_characters_still_flag(text):
    assert flags(text)


def test_normalising_folds_case_accents_apostrophes_and_punctuation():
    assert normalise("  Don’t   BOJĘ   się!! ") == "dont boje sie"
    assert normalise("sooooo scaaared, killlll") == "so scared kill"


# What must not flag

ORDINARY = [
    "the report came late",
    "The chair was rude",
    "I was worried about the meeting",
    "I'm scared of losing my children to care",
    "I was nervous about the chair",
    "the report was frightening to read",
    "Can someone help me understand the plan?",
    "Please call me about the next meeting date",
    "The health visitor's report was missing from the pack",
    "It hurt my feelings when they said I don't care",
    "The family is more stable now",
    "The CPA was lovely",
    "Marta the social worker was great",
    "میٹنگ مارچ میں ہوئی",
    "ਮੈਂ ਮੀਟਿੰਗ ਵਿੱਚ ਹਿੱਸਾ ਲਿਆ",
    "আমার মার সাথে গিয়েছিলাম",
    "شكرا لكم على كل شيء",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_complaints_and_worries_about_the_process_are_not_flagged(text):
    assert screen_text(text) == ScreeningResult(False, ())


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "👍", "🙂🙂🙂", "😡😡", "...", "n/a"])
def test_empty_text_emoji_and_punctuation_are_not_disclosures(text):
    assert not flags(text)


def test_a_lone_plea_for_help_flags_but_help_understanding_does_not():
    assert screen_text("help").reasons == ("urgent_help",)
    assert screen_text("Please help me").reasons == ("urgent_help",)
    assert not flags("help me understand the plan")


# Reasons


def test_reasons_are_sorted_stable_keys_from_reasons():
    for row in ROWS:
        reasons = screen_text(row["text"]).reasons
        assert list(reasons) == sorted(set(reasons)) and set(reasons) <= set(REASONS)
        assert screen_text(row["text"]).disclosure == bool(reasons)


def test_every_lexicon_uses_only_reason_keys_that_have_a_description():
    lexicons = [*LATIN_LEXICONS.values(), URDU_SHAHMUKHI, ARABIC, GURMUKHI, BENGALI]
    assert all(set(lexicon) <= set(REASONS) for lexicon in lexicons)
    assert all(re.fullmatch(r"[a-z_]+", key) and REASONS[key] for key in REASONS)


def test_a_disclosure_gives_the_reasons_a_duty_officer_would_expect():
    assert screen_text("he said he will kill me").reasons == ("threat_to_kill_or_weapon",)
    assert "sexual_abuse" in screen_text("my uncle touches me").reasons
    assert screen_text("i want to kill myself").reasons == ("self_harm_or_suicide",)


# Size and speed


def test_a_text_of_20000_characters_is_screened_quickly_and_a_late_disclosure_is_found():
    filler = ("The chair was kind and the report came late. " * 500)[:20_000]
    started = time.perf_counter()
    assert not flags(filler)
    assert flags(filler + " he hits me")
    assert time.perf_counter() - started < 1.0


def test_random_noise_of_20000_characters_does_not_crash_the_screen():
    rng = random.Random(7)
    noise = "".join(rng.choice("abc xyz 019 ،ہےی ਮਾਰ মারে 🙂\n\u200d") for _ in range(20_000))
    assert isinstance(screen_text(noise), ScreeningResult)


def test_the_screen_keeps_up_with_thousands_of_short_texts_a_second():
    texts = [row["text"] for row in ROWS] * 10
    screen_many(texts[:50])  # compile the rules first
    started = time.process_time()
    screen_many(texts)
    # The target is over 20,000 a second on an idle core; a loaded CI machine gets a lower floor.
    assert len(texts) / (time.process_time() - started) > 5_000


def test_screening_many_texts_keeps_their_order():
    assert [r.disclosure for r in screen_many(["fine", "he hits me", "ok"])] == [False, True, False]


# The bucketed regexes behind the speed


def test_the_start_of_a_pattern_is_worked_out_or_admitted_unknown():
    assert starts(r"(?:hit|hurt)s? me", 2) == {"hi", "hu"}
    assert starts(r"x?y", 1) == {"x", "y"}
    assert starts(r"x?y", 2) is None  # "y" alone is shorter than two characters
    assert starts(r"\w+ foo", 1) is None


def _corpus() -> list[str]:
    """The labelled texts, and shuffled word salads made from them, normalised and padded."""
    texts = [normalise(row["text"]) for row in ROWS]
    words = " ".join(texts).split()
    rng = random.Random(11)
    salads = [" ".join(rng.choices(words, k=rng.randint(2, 12))) for _ in range(3000)]
    return [f" {text} " for text in texts + salads]


def test_bucketed_rules_match_exactly_the_texts_the_plain_alternations_match():
    corpus = _corpus()
    for script, by_reason in rule_parts().items():
        for reason, parts in by_reason.items():
            if not parts:
                continue
            plain = re.compile(" (?:" + "|".join(parts) + ")")
            bucketed = re.compile(" " + alternation(parts))
            for text in corpus:
                assert bool(plain.search(text)) == bool(bucketed.search(text)), (
                    script,
                    reason,
                    text,
                )


def test_benign_idioms_are_blanked_as_whole_phrases():
    assert ENGLISH_BENIGN
    assert not flags("the report was missing from the pack")
    assert flags("the report was late and my son has been missing since friday")


# The evaluation


def test_evaluate_counts_precision_recall_and_slices():
    rows = [
        {"text": "he hits me", "language": "en", "disclosure": "1", "split": "dev"},
        {"text": "the report came late", "language": "en", "disclosure": "1", "split": "dev"},
        {"text": "kill myself", "language": "en", "disclosure": "0", "split": "heldout"},
        {"text": "thank you", "language": "pl", "disclosure": "0", "split": "heldout"},
    ]
    result = screening_eval.evaluate(rows)
    overall = result["overall"]
    assert (overall["tp"], overall["fp"], overall["fn"], overall["tn"]) == (1, 1, 1, 1)
    assert overall["precision"] == overall["recall"] == 0.5
    assert result["split"]["heldout"]["fp"] == 1 and result["language"]["pl"]["tn"] == 1
    assert [row["text"] for row in result["misses"]] == ["the report came late"]


def test_the_evaluation_prints_a_markdown_table(capsys):
    assert screening_eval.main([str(screening_eval.DEFAULT_CSV)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("| slice | precision | recall |")
    assert "split: heldout" in out and "language: so" in out
