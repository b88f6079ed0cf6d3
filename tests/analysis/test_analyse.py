"""One comment through every analyser, including the inputs that break naive code."""

from __future__ import annotations

import time

from analysis.analyse import analyse_comment

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
