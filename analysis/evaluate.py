"""Scores on the held-out labelled comments: `python -m analysis.evaluate` prints the README table.

Themes and sentiment are scored on the English comments (the others are flagged for translation,
which is scored separately); redaction on every comment. TextBlob and VADER are the baselines
and are needed only here and in the benchmark (dev dependencies).
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from analysis.language import needs_translation
from analysis.redaction import KINDS, redact
from analysis.sentiment import NEGATIVE, NEUTRAL, POSITIVE, sentiment
from analysis.themes import THEMES, classify

LABELLED = Path(__file__).resolve().parents[1] / "tests" / "analysis" / "data"
LABELLED_CSV = LABELLED / "comments_labelled.csv"
LABELS = (POSITIVE, NEUTRAL, NEGATIVE)


@dataclass(frozen=True)
class Scores:
    theme_macro_f1: float
    theme_f1: dict[str, float]
    sentiment_macro_f1: dict[str, float]
    translation_recall: float
    translation_false_alarms: int
    redaction: dict[str, tuple[int, float, float]]  # kind -> (labelled, recall, precision)


def load(split: str = "heldout", path: Path = LABELLED_CSV) -> list[dict[str, str]]:
    """The labelled comments of one split ("dev", "heldout" or "all")."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if split in ("all", row["split"])]


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def macro_f1(pairs: Iterable[tuple[set[str], set[str]]], labels: Iterable[str]) -> dict[str, float]:
    """Per label F1 over (gold, predicted) label sets."""
    counts: Counter[tuple[str, str]] = Counter()
    for gold, predicted in pairs:
        for label in gold | predicted:
            outcome = "tp" if label in gold & predicted else "fn" if label in gold else "fp"
            counts[(label, outcome)] += 1
    return {
        label: f1(counts[(label, "tp")], counts[(label, "fp")], counts[(label, "fn")])
        for label in labels
    }


def _mean(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def textblob_label(text: str) -> str:
    """Raw TextBlob (pattern) polarity: above zero positive, below negative."""
    from textblob import TextBlob

    polarity = TextBlob(text).sentiment.polarity
    return POSITIVE if polarity > 0 else NEGATIVE if polarity < 0 else NEUTRAL


def vader_labeller() -> Callable[[str], str]:
    """VADER's compound score with its authors' thresholds of +/-0.05."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyser = SentimentIntensityAnalyzer()

    def label(text: str) -> str:
        compound = analyser.polarity_scores(text)["compound"]
        return POSITIVE if compound >= 0.05 else NEGATIVE if compound <= -0.05 else NEUTRAL

    return label


def redaction_scores(rows: list[dict[str, str]]) -> dict[str, tuple[int, float, float]]:
    """Per kind: labelled items, recall (the item's text is gone, a marker is there) and
    precision (of the markers of that kind, the share that stand for a labelled item)."""
    labelled: Counter[str] = Counter()
    found: Counter[str] = Counter()
    markers: Counter[str] = Counter()
    for row in rows:
        redacted = redact(row["text"]).text
        for kind in KINDS:
            markers[kind] += redacted.count(f"[{kind}]")
        for item in filter(None, row["pii"].split(";")):
            kind, value = item.split("=", 1)
            labelled[kind] += 1
            found[kind] += value not in redacted and f"[{kind}]" in redacted
    return {
        kind: (
            labelled[kind],
            found[kind] / labelled[kind] if labelled[kind] else 1.0,
            min(1.0, found[kind] / markers[kind]) if markers[kind] else 1.0,
        )
        for kind in KINDS
    }


def evaluate(rows: list[dict[str, str]]) -> Scores:
    """Every score over ROWS."""
    english = [row for row in rows if row["language"] == "en"]
    theme_f1 = macro_f1(
        ((set(filter(None, r["themes"].split(";"))), set(classify(r["text"]))) for r in english),
        THEMES,
    )
    systems: dict[str, Callable[[str], str]] = {
        "Heard": lambda text: sentiment(text).label,
        "TextBlob": textblob_label,
        "VADER": vader_labeller(),
    }
    sentiment_f1 = {
        name: _mean(
            macro_f1((({r["sentiment"]}, {system(r["text"])}) for r in english), LABELS).values()
        )
        for name, system in systems.items()
    }
    others = [row for row in rows if row["language"] != "en"]
    return Scores(
        theme_macro_f1=_mean(theme_f1.values()),
        theme_f1=theme_f1,
        sentiment_macro_f1=sentiment_f1,
        translation_recall=_mean(needs_translation(r["text"]) for r in others),
        translation_false_alarms=sum(needs_translation(r["text"]) for r in english),
        redaction=redaction_scores(rows),
    )


def markdown(scores: Scores, split: str, rows: int) -> str:
    """The scores as the markdown table the README quotes."""
    s = scores.sentiment_macro_f1
    lines = [
        f"Scored on the {split} split ({rows} comments) of {LABELLED_CSV.name}.",
        "",
        "| measure | score |",
        "| --- | --- |",
        f"| theme macro-F1 (15 themes, English comments) | {scores.theme_macro_f1:.2f} |",
        f"| sentiment macro-F1, Heard | {s['Heard']:.2f} |",
        f"| sentiment macro-F1, raw TextBlob | {s['TextBlob']:.2f} |",
        f"| sentiment macro-F1, VADER | {s['VADER']:.2f} |",
        f"| other languages flagged for translation | {scores.translation_recall:.0%} |",
        f"| English comments wrongly flagged for translation | {scores.translation_false_alarms} |",
    ]
    for kind, (count, recall, precision) in scores.redaction.items():
        figures = f"{recall:.2f} / {precision:.2f}" if count else "none labelled"
        lines.append(f"| redaction of {kind} ({count} labelled): recall / precision | {figures} |")
    lines += ["", "| theme | F1 |", "| --- | --- |"]
    lines += [f"| {key} | {value:.2f} |" for key, value in scores.theme_f1.items()]
    return "\n".join(lines)


def main(split: str = "heldout") -> None:
    rows = load(split)
    print(markdown(evaluate(rows), split, len(rows)))


if __name__ == "__main__":
    import sys

    main(sys.argv[1] if len(sys.argv) > 1 else "heldout")
