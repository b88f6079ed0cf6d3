"""Sentiment of one comment: "positive", "neutral" or "negative", with a score in [-1, 1].

Our own lexicon and a handful of rules, not VADER or TextBlob with patches: the rules that matter
here (a "thank you" around a complaint, "no one explained", the clause after "but") cut across
those libraries' scoring, and a plain lexicon is easy for the service to read and extend.
Comments not in English are neutral with `needs_translation`, never dropped.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from analysis.language import is_foreign
from analysis.sentiment_lexicon import (
    CONTRASTS,
    INTENSIFIERS,
    NEGATORS,
    PHRASES,
    POLITE,
    SARCASM,
    WORDS,
)
from analysis.text import normalise
from analysis.theme_patterns import by_start, word_starts

POSITIVE, NEUTRAL, NEGATIVE = "positive", "neutral", "negative"
THRESHOLD = 0.1
_BEFORE_CONTRAST, _AFTER_CONTRAST = 0.6, 1.5
_NEGATED = -0.7
_SARCASM = re.compile(SARCASM)


@dataclass(frozen=True)
class Sentiment:
    label: str
    score: float
    needs_translation: bool = False


@functools.cache
def _phrases() -> re.Pattern[str]:
    """Every phrase in one alternation, earlier phrases first where two start at the same word."""
    body = "|".join(f"(?P<p{i}>{pattern})" for i, (pattern, _) in enumerate(PHRASES))
    # A leading space rather than a look-behind: a literal prefix lets `re` skip ahead fast.
    return re.compile(f" (?:{body})(?= )")


_Scanner = tuple[int, re.Pattern[str], dict[str, list[tuple[int, re.Pattern[str]]]]]


@functools.cache
def _scanner() -> _Scanner | None:
    """The phrases filed under the first few characters they can start with, or None when some
    phrase's start cannot be worked out (then `_phrases` does the whole job, slower, same hits).

    The one alternation tried all 40-odd phrases at every word; this tries, at the few words
    that start like some phrase, only the phrases that can start that way, in the same order,
    so it finds exactly the phrases `_phrases().finditer` finds.
    """
    filed = by_start([pattern for pattern, _ in PHRASES])
    if filed is None:
        return None
    size, by_head = filed
    rules = [re.compile(f" (?:{pattern})(?= )") for pattern, _ in PHRASES]
    buckets = {head: [(i, rules[i]) for i in found] for head, found in by_head.items()}
    return size, word_starts(list(buckets)), buckets


def _phrase_spans(padded: str) -> list[tuple[int, int, int]]:
    """(start, end, phrase index) of each phrase in PADDED, as `_phrases().finditer` finds them."""
    scanner = _scanner()
    if scanner is None:
        return [
            (m.start(), m.end(), int(m.lastgroup[1:]))
            for m in _phrases().finditer(padded)
            if m.lastgroup
        ]
    size, heads, buckets = scanner
    found: list[tuple[int, int, int]] = []
    end = 0
    for head in heads.finditer(padded):
        at = head.start()
        if at < end:
            continue  # inside the phrase just found: matches do not overlap
        for i, rule in buckets[padded[at + 1 : at + 1 + size]]:
            match = rule.match(padded, at)
            if match:
                end = match.end()
                found.append((at, end, i))
                break
    return found


def _phrase_hits(padded: str) -> tuple[list[tuple[int, float]], str]:
    """(word position, valence) of each phrase, and PADDED with the phrases' words masked."""
    spans = _phrase_spans(padded)
    if not spans:
        return [], padded
    hits = [(padded.count(" ", 0, start), PHRASES[i][1]) for start, _, i in spans]
    # The matched words as underscores, so the words are not scored again but still counted.
    parts, last = [], 0
    for start, end, _ in spans:
        masked = " ".join("_" * len(w) for w in padded[start:end].split())
        parts += [padded[last:start], " ", masked]
        last = end
    parts.append(padded[last:])
    return hits, "".join(parts)


def _word_hits(words: list[str]) -> list[tuple[int, float, str]]:
    """(position, valence, word) of each lexicon word, with negation and intensifiers applied."""
    hits = []
    for i, w in enumerate(words):
        valence = WORDS.get(w)
        if valence is None:
            continue
        before = words[max(0, i - 4) : i]
        if any(b in NEGATORS for b in before):
            valence *= _NEGATED
        if i and words[i - 1] in INTENSIFIERS:
            valence *= INTENSIFIERS[words[i - 1]]
        hits.append((i, valence, w))
    return hits


def _last_contrast(words: list[str]) -> int | None:
    """Where the last "but" (or "however", "apart from"...) is, if anywhere but first."""
    for i in range(len(words) - 1, 0, -1):
        if words[i] in CONTRASTS:
            return i
    return None


def score_normalised(padded: str) -> float:
    """`score_text` of a text already through `analysis.text.normalise` (PADDED)."""
    phrase_hits, masked = _phrase_hits(padded)
    words = masked.split()
    if not words:
        return 0.0
    hits = [(i, v, "") for i, v in phrase_hits] + _word_hits(words)
    if any(v < 0 for _, v, _ in hits):
        # Politeness around a complaint ("thank you, but...") says nothing about the meeting.
        hits = [(i, v, w) for i, v, w in hits if w not in POLITE]
    if _SARCASM.search(padded):
        hits = [(i, -abs(v), w) for i, v, w in hits] or [(0, -1.5, "")]
    # Words before the last contrast count less, words after it more.
    last = _last_contrast(words)
    if last is None:
        total = sum(v for _, v, _ in hits)
    else:
        total = sum(v * (_BEFORE_CONTRAST if i < last else _AFTER_CONTRAST) for i, v, _ in hits)
    return total / math.sqrt(total * total + 4)


def score_text(text: str) -> float:
    """TEXT's sentiment score in [-1, 1] (0 when nothing in it carries sentiment)."""
    return score_normalised(normalise(text))


def label_for(score: float) -> str:
    """The label for a score."""
    if score >= THRESHOLD:
        return POSITIVE
    return NEGATIVE if score <= -THRESHOLD else NEUTRAL


def sentiment(text: str) -> Sentiment:
    """The sentiment of one comment; a comment not in English is neutral and flagged."""
    return sentiment_normalised(text, normalise(text))


def sentiment_normalised(text: str, padded: str) -> Sentiment:
    """`sentiment` of TEXT, given PADDED = `normalise(TEXT)` (one normalisation for every
    analyser of a comment)."""
    if is_foreign(text, padded):
        return Sentiment(NEUTRAL, 0.0, needs_translation=True)
    score = round(score_normalised(padded), 3)
    return Sentiment(label_for(score), score)
