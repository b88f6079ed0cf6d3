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

from analysis.language import needs_translation
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


def _phrase_hits(padded: str) -> tuple[list[tuple[int, float]], str]:
    """(word position, valence) of each phrase, and PADDED with the phrases' words masked."""
    hits = [
        (padded.count(" ", 0, m.start()), PHRASES[int(m.lastgroup[1:])][1])
        for m in _phrases().finditer(padded)
        if m.lastgroup
    ]
    return hits, _phrases().sub(_mask, padded) if hits else padded


def _mask(match: re.Match[str]) -> str:
    """The matched words as underscores, so the words are not scored again but still counted."""
    return " " + " ".join("_" * len(w) for w in match.group().split())


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


def _clause_weights(words: list[str]) -> list[float]:
    """Per word: less before the last "but" (or "however", "apart from"...), more after."""
    cuts = [i for i, w in enumerate(words) if w in CONTRASTS and i > 0]
    if not cuts:
        return [1.0] * len(words)
    last = cuts[-1]
    return [_BEFORE_CONTRAST if i < last else _AFTER_CONTRAST for i in range(len(words))]


def score_text(text: str) -> float:
    """TEXT's sentiment score in [-1, 1] (0 when nothing in it carries sentiment)."""
    padded = normalise(text)
    phrase_hits, masked = _phrase_hits(padded)
    words = masked.split()
    hits = [(i, v, "") for i, v in phrase_hits] + _word_hits(words)
    if any(v < 0 for _, v, _ in hits):
        # Politeness around a complaint ("thank you, but...") says nothing about the meeting.
        hits = [(i, v, w) for i, v, w in hits if w not in POLITE]
    if _SARCASM.search(padded):
        hits = [(i, -abs(v), w) for i, v, w in hits] or [(0, -1.5, "")]
    weights = _clause_weights(words)
    total = sum(v * weights[min(i, len(weights) - 1)] for i, v, _ in hits) if words else 0.0
    return total / math.sqrt(total * total + 4)


def label_for(score: float) -> str:
    """The label for a score."""
    if score >= THRESHOLD:
        return POSITIVE
    return NEGATIVE if score <= -THRESHOLD else NEUTRAL


def sentiment(text: str) -> Sentiment:
    """The sentiment of one comment; a comment not in English is neutral and flagged."""
    if needs_translation(text):
        return Sentiment(NEUTRAL, 0.0, needs_translation=True)
    score = round(score_text(text), 3)
    return Sentiment(label_for(score), score)
