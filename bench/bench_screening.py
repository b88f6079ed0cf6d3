"""Disclosure screening throughput: texts per second over the labelled set, repeated."""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from surveys.screening import screen_text  # noqa: E402

LABELLED = ROOT / "tests" / "surveys" / "data" / "screening_labelled.csv"


def main() -> None:
    with LABELLED.open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    corpus = (texts * (100_000 // len(texts) + 1))[:100_000]
    screen_text("warm up the compiled rules")
    start = time.perf_counter()
    flagged = sum(screen_text(text).disclosure for text in corpus)
    elapsed = time.perf_counter() - start
    baseline_start = time.perf_counter()
    baseline = sum("hit" in text.casefold() for text in corpus)
    baseline_elapsed = time.perf_counter() - baseline_start
    print(f"disclosure screening over {len(corpus):,} texts (the labelled set, repeated)")
    print(f"  screen_text:           {len(corpus) / elapsed:10,.0f} texts/s  ({flagged:,} flagged)")
    print(
        f"  baseline casefold+find: {len(corpus) / baseline_elapsed:10,.0f} texts/s  ({baseline:,} hits)"
    )
    print(
        f"  ratio: screening runs at {baseline_elapsed / elapsed:.3f} of a bare substring test's speed"
    )


if __name__ == "__main__":
    main()
