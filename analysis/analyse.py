"""One comment through every analyser: themes, sentiment, disclosure and a redacted quote."""

from __future__ import annotations

from typing import Any

from analysis.redaction import redact
from analysis.sentiment import sentiment_normalised
from analysis.text import normalise
from analysis.themes import DEFAULT, Taxonomy
from surveys.screening import screen_text

# Longer than any real comment; keeps the analysis of a pasted document bounded in time.
MAX_CHARS = 20_000


def analyse_comment(
    id: str, text: str, language: str | None = None, taxonomy: Taxonomy = DEFAULT
) -> dict[str, Any]:
    """The analysis of one comment, as the JSON object `heard analyse` prints."""
    text = (text or "")[:MAX_CHARS]
    padded = normalise(text)  # once, for the language check, sentiment and themes alike
    feeling = sentiment_normalised(text, padded)
    return {
        "id": id,
        "themes": [] if feeling.needs_translation else taxonomy.classify_normalised(padded),
        "sentiment": feeling.label,
        "score": feeling.score,
        "needs_translation": feeling.needs_translation,
        "disclosure": screen_text(text, language).disclosure,
        "redacted": redact(text).text,
    }
