"""One comment through every analyser, including the inputs that break naive code."""

from __future__ import annotations

import csv
import time
from pathlib import Path

from analysis.analyse import analyse_comment
from analysis.redaction import redact
from analysis.sentiment import sentiment
from analysis.themes import classify
from surveys.screening import screen_text

KEYS = {"id", "themes", "sentiment", "score", "needs_translation", "disclosure", "redacted"}


def test_a_comment_gets_themes_sentiment_disclosure_and_a_redacted_quote():
    result = analyse_comment("c1", "I got the report the day before. Call me on 07700 900123.")
    assert set(result) == KEYS
    assert result["id"] == "c1"
    assert "report_timeliness" in result["themes"]
    assert result["sentiment"] == "negative"
    assert result["disclosure"] is False
    assert result["redacted"] == "I got the report the day before. Call me on [phone]."


def test_a_disclosure_is_marked():
    result = analyse_comment("c2", "My mum's boyfriend hits me and I am scared to go home.")
    assert result["disclosure"] is True


def test_an_urdu_comment_is_flagged_for_translation_and_kept():
    result = analyse_comment("c3", "رپورٹ مجھے میٹنگ سے ایک دن پہلے ملی۔", language="ur")
    assert result["needs_translation"] is True
    assert result["sentiment"] == "neutral"
    assert result["redacted"] == "رپورٹ مجھے میٹنگ سے ایک دن پہلے ملی۔"


def test_a_comment_of_twenty_thousand_characters_is_analysed_quickly():
    analyse_comment("warm-up", "the disclosure screen compiles its rules on first use")
    text = ("Nobody explained the report and I was scared. " * 500)[:20_000]
    start = time.perf_counter()
    result = analyse_comment("c4", text)
    assert time.perf_counter() - start < 2
    assert result["sentiment"] == "negative"
    assert "preparation_explanation" in result["themes"]


def test_a_comment_of_mixed_scripts_is_analysed_without_error():
    result = analyse_comment("c5", "The interpreter was good شکریہ بہت اچھا تھا ਧੰਨਵਾਦ 谢谢")
    assert result["needs_translation"] is True
    assert set(result) == KEYS


def test_a_comment_of_only_emoji_is_neutral_with_no_themes():
    result = analyse_comment("c6", "🙂🙂👍")
    assert (result["sentiment"], result["themes"], result["redacted"]) == ("neutral", [], "🙂🙂👍")


def test_an_empty_comment_is_neutral_with_no_themes():
    result = analyse_comment("c7", "")
    assert (result["sentiment"], result["score"], result["themes"]) == ("neutral", 0.0, [])
    assert result["disclosure"] is False


def test_the_analysis_agrees_with_each_analyser_run_on_its_own():
    # analyse_comment normalises a comment once for all the analysers: the same results.
    path = Path(__file__).parent / "data" / "comments_labelled.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        text = row["text"]
        feeling = sentiment(text)
        result = analyse_comment(row["id"], text, row["language"])
        assert result == {
            "id": row["id"],
            "themes": [] if feeling.needs_translation else classify(text),
            "sentiment": feeling.label,
            "score": feeling.score,
            "needs_translation": feeling.needs_translation,
            "disclosure": screen_text(text, row["language"]).disclosure,
            "redacted": redact(text).text,
        }
    assert any(analyse_comment("x", row["text"])["themes"] for row in rows)
