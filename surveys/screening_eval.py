"""Measure the disclosure screen against a labelled set: `python -m surveys.screening_eval [CSV]`.

Prints a markdown table of precision, recall, F1 and counts overall, per split and per language.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from surveys.screening import screen_text

DEFAULT_CSV = Path(__file__).resolve().parent.parent / "tests/surveys/data/screening_labelled.csv"


@dataclass
class Counts:
    """Confusion counts for one slice of the labelled set."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, *, expected: bool, predicted: bool) -> None:
        """Count one row."""
        if expected:
            self.tp, self.fn = self.tp + predicted, self.fn + (not predicted)
        else:
            self.fp, self.tn = self.fp + predicted, self.tn + (not predicted)

    def scores(self) -> dict[str, float | int]:
        """Precision, recall, F1 (1.0 where undefined because nothing was expected) and counts."""
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        total = precision + recall
        f1 = 2 * precision * recall / total if total else 0.0
        return {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
            "n": self.tp + self.fp + self.fn + self.tn,
        }


def is_disclosure(label: str) -> bool:
    """A label cell is true when it says 1, true or yes."""
    return label.strip().lower() in {"1", "true", "yes"}


def evaluate(rows: Iterable[Mapping[str, str]]) -> dict[str, object]:
    """Scores overall, per split and per language, and the rows the screen got wrong."""
    overall = Counts()
    by_split: dict[str, Counts] = {}
    by_language: dict[str, Counts] = {}
    misses: list[dict[str, str]] = []
    false_alarms: list[dict[str, str]] = []
    for row in rows:
        expected = is_disclosure(row.get("disclosure", ""))
        predicted = screen_text(row.get("text", ""), row.get("language") or None).disclosure
        for counts in (
            overall,
            by_split.setdefault(row.get("split") or "all", Counts()),
            by_language.setdefault(row.get("language") or "unknown", Counts()),
        ):
            counts.add(expected=expected, predicted=predicted)
        if expected != predicted:
            (misses if expected else false_alarms).append(dict(row))
    return {
        "overall": overall.scores(),
        "split": {k: v.scores() for k, v in sorted(by_split.items())},
        "language": {k: v.scores() for k, v in sorted(by_language.items())},
        "misses": misses,
        "false_alarms": false_alarms,
    }


def read_rows(path: Path) -> list[dict[str, str]]:
    """The labelled rows of a CSV with columns id,text,language,disclosure[,split,...]."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def _line(name: str, scores: Mapping[str, float | int]) -> str:
    """One markdown table row."""
    figures = [f"{scores[k]:.2f}" for k in ("precision", "recall", "f1")]
    counts = [str(scores[k]) for k in ("n", "tp", "fp", "fn", "tn")]
    return "| " + " | ".join([name, *figures, *counts]) + " |"


def table(result: Mapping[str, object]) -> str:
    """The evaluation as a markdown table."""
    lines = [
        "| slice | precision | recall | F1 | n | tp | fp | fn | tn |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        _line("**overall**", result["overall"]),  # type: ignore[arg-type]
    ]
    for group in ("split", "language"):
        slices: Mapping[str, Mapping[str, float | int]] = result[group]  # type: ignore[assignment]
        lines += [_line(f"{group}: {name}", scores) for name, scores in slices.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the table for the CSV given, or the project's labelled set."""
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else DEFAULT_CSV
    print(table(evaluate(read_rows(path))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
