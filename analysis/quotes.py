"""Quotes for digests and reports: short, redacted, and never from a disclosure or a small group.

The rules (issue 6), in the order they apply:
- a comment from a response flagged as a disclosure is never quoted, and does not count here;
- no quote from a theme raised by fewer than 5 respondents, nor from a respondent type that
  fewer than 5 respondents in that theme belong to ("the only child who mentioned the venue");
- personal data is redacted first; a comment that still looks identifying after redaction, or
  that needed more than MAX_REDACTIONS redactions (it is about named people), is not used;
- a quote is a sentence or two, at most MAX_CHARS characters, cut on a sentence boundary (a
  word boundary if one sentence is too long) and marked with an ellipsis where cut;
- per theme: the most positive, the most negative, and the comments closest to the theme's
  median sentiment (representative), distinct from each other;
- the same comments give the same quotes, whatever order they come in.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from analysis.redaction import KINDS, redact, still_identifying
from analysis.sentiment import NEGATIVE, POSITIVE
from analysis.themes import Taxonomy

MIN_GROUP = 5
MAX_CHARS = 200
MAX_REDACTIONS = 2
MIN_WORDS = 3
ELLIPSIS = "…"

_MARKER = re.compile(r"\[(?:" + "|".join(re.escape(kind) for kind in KINDS) + r")\]")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+")
_WORDS = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Comment:
    """One free-text answer as the quote picker needs it (already analysed)."""

    text: str
    respondent_type: str
    themes: tuple[str, ...]
    sentiment: str  # "positive", "neutral" or "negative"
    score: float
    flagged: bool = False
    respondent: int | None = None  # the response it came from; None: a respondent of its own


@dataclass(frozen=True)
class Quote:
    text: str
    sentiment: str
    respondent_type: str
    theme: str


@dataclass(frozen=True)
class ThemeQuotes:
    theme: str
    respondents: int  # unflagged respondents whose comments raise the theme
    positive: tuple[Quote, ...] = ()
    negative: tuple[Quote, ...] = ()
    representative: tuple[Quote, ...] = ()

    def all(self) -> tuple[Quote, ...]:
        return self.representative + self.positive + self.negative


def pick_quotes(
    comments: Iterable[Comment],
    *,
    per_theme: int = 1,
    min_group: int = MIN_GROUP,
    taxonomy: Taxonomy | None = None,
) -> dict[str, ThemeQuotes]:
    """Up to PER_THEME positive, negative and representative quotes for each theme that at
    least MIN_GROUP respondents raised; themes in TAXONOMY order (or by key without one).

    With TAXONOMY, a long comment is quoted from the sentence that raises the theme."""
    if isinstance(per_theme, bool) or not isinstance(per_theme, int) or per_theme < 1:
        raise ValueError(f"per_theme must be a whole number of 1 or more, not {per_theme!r}")
    # Sorted, so the order comments arrive in changes nothing.
    usable = sorted(
        (c for c in comments if not c.flagged and c.text.strip()),
        key=lambda c: (c.text, c.respondent_type, c.score, c.respondent or 0),
    )
    by_theme: dict[str, list[int]] = defaultdict(list)
    for i, comment in enumerate(usable):
        for theme in dict.fromkeys(comment.themes):
            by_theme[theme].append(i)
    order = [k for k in taxonomy.labels if k in by_theme] if taxonomy else sorted(by_theme)
    picker = _Picker(usable, per_theme, min_group, taxonomy)
    result = {}
    for theme in order:
        members = [usable[i] for i in by_theme[theme]]
        size = _respondents(members)
        if size >= min_group:
            result[theme] = picker.for_theme(theme, by_theme[theme], size)
    return result


def _respondents(comments: Iterable[Comment]) -> int:
    seen: set[object] = set()
    for n, comment in enumerate(comments):
        seen.add(comment.respondent if comment.respondent is not None else ("own", n))
    return len(seen)


class _Picker:
    """Chooses quotes for one theme at a time, redacting each distinct text at most once."""

    def __init__(
        self, usable: list[Comment], per_theme: int, min_group: int, taxonomy: Taxonomy | None
    ) -> None:
        self.usable, self.per_theme, self.min_group = usable, per_theme, min_group
        self.taxonomy = taxonomy
        self._redacted: dict[str, str | None] = {}  # by text: many comments say the same

    def for_theme(self, theme: str, indices: list[int], respondents: int) -> ThemeQuotes:
        members = [self.usable[i] for i in indices]
        by_type: dict[str, list[Comment]] = defaultdict(list)
        for comment in members:
            by_type[comment.respondent_type].append(comment)
        big_enough = {t for t, group in by_type.items() if _respondents(group) >= self.min_group}
        eligible = [i for i in indices if self.usable[i].respondent_type in big_enough]
        median = statistics.median(c.score for c in members)
        used: set[int] = set()
        texts: set[str] = set()

        def take(order: list[int]) -> tuple[Quote, ...]:
            picked = []
            for i, text in self._quotable(order, theme):
                if i in used or text in texts:
                    continue
                used.add(i)
                texts.add(text)
                c = self.usable[i]
                picked.append(Quote(text, c.sentiment, c.respondent_type, theme))
                if len(picked) == self.per_theme:
                    break
            return tuple(picked)

        def score(i: int) -> float:
            return self.usable[i].score

        positive = take(
            sorted((i for i in eligible if self.usable[i].sentiment == POSITIVE), key=_by(score))
        )
        negative = take(
            sorted(
                (i for i in eligible if self.usable[i].sentiment == NEGATIVE),
                key=_by(lambda i: -score(i)),
            )
        )
        representative = take(sorted(eligible, key=_by(lambda i: -abs(score(i) - median))))
        return ThemeQuotes(theme, respondents, positive, negative, representative)

    def _quotable(self, order: list[int], theme: str) -> Iterator[tuple[int, str]]:
        tried: set[str] = set()
        for i in order:
            text = self.usable[i].text
            if text in tried:  # the same words again: quoted or refused already
                continue
            tried.add(text)
            redacted = self._redact(text)
            if redacted is None:
                continue
            quote = trim(redacted, theme=theme, taxonomy=self.taxonomy)
            if len(_WORDS.findall(_MARKER.sub(" ", quote))) >= MIN_WORDS:
                yield i, quote

    def _redact(self, text: str) -> str | None:
        """TEXT redacted, or None where it is not safe to quote."""
        if text not in self._redacted:
            redacted = redact(text).text
            too_personal = len(_MARKER.findall(redacted)) > MAX_REDACTIONS
            self._redacted[text] = None if too_personal or still_identifying(redacted) else redacted
        return self._redacted[text]


def _by(strength):
    """Sort key: strongest first, then in the (sorted, so stable) order of the comments."""
    return lambda i: (-strength(i), i)


def sentences(text: str) -> list[str]:
    """TEXT split into sentences, whitespace tidied."""
    tidy = " ".join(text.split())
    return [s for s in _SENTENCE_END.split(tidy) if s]


def trim(
    text: str,
    *,
    theme: str | None = None,
    taxonomy: Taxonomy | None = None,
    max_chars: int = MAX_CHARS,
) -> str:
    """A sentence or two of TEXT, at most MAX_CHARS long, with an ellipsis where cut.

    Starts from the first sentence that raises THEME (when a taxonomy is given), else the first.
    """
    parts = sentences(text)
    if not parts:
        return ""
    start = 0
    if theme and taxonomy:
        start = next((n for n, s in enumerate(parts) if theme in taxonomy.classify(s)), 0)
    lead = len(ELLIPSIS) + 1 if start else 0  # "… " before a quote from mid-comment
    tail = len(ELLIPSIS) + 1  # " …" after a quote that stops before the comment does
    chosen, end = parts[start], start + 1
    if lead + len(chosen) + (tail if end < len(parts) else 0) > max_chars:
        cut = chosen[: max_chars - lead - len(ELLIPSIS)]
        cut = cut[: cut.rfind(" ")] if " " in cut else cut
        chosen, end = cut.rstrip(" ,;:-–—") + ELLIPSIS, len(parts)
    elif end < len(parts):
        longer = f"{chosen} {parts[end]}"
        if lead + len(longer) + (tail if end + 1 < len(parts) else 0) <= max_chars:
            chosen, end = longer, end + 1
    if end < len(parts):
        chosen = f"{chosen} {ELLIPSIS}"
    return f"{ELLIPSIS} {chosen}" if start else chosen


def quotes_for(summary: dict[str, ThemeQuotes], themes: Sequence[str]) -> dict[str, ThemeQuotes]:
    """The quotes of THEMES only, in that order (for a section about a few themes)."""
    return {theme: summary[theme] for theme in themes if theme in summary}
