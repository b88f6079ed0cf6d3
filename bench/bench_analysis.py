"""Comment analysis throughput over 100,000 comments (the labelled set, repeated), against raw
TextBlob sentiment alone over the same comments in the same run.

The two alternate in chunks of 1,000 comments, so a busy machine slows both alike and the ratio
stays fair.

Repeats are not cached: each of the 100,000 comments goes through the whole analysis (and through
TextBlob) again, even when the same text was analysed a moment before; nothing in either is keyed
on the text. The speed comes from doing less work per comment (one normalisation shared by the
analysers, phrases tried only at words that start like them, rules skipped when a quick test
shows they cannot match), each checked to give exactly the same results.
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.analyse import analyse_comment  # noqa: E402

LABELLED = ROOT / "tests" / "analysis" / "data" / "comments_labelled.csv"
COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
CHUNK = 1_000


def main() -> None:
    from textblob import TextBlob

    with LABELLED.open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    corpus = (texts * (COUNT // len(texts) + 1))[:COUNT]
    analyse_comment("warm-up", "compile the screen's and the themes' rules before timing")
    TextBlob("warm up the pattern lexicon").sentiment  # noqa: B018

    ours = baseline = 0.0
    negative = below_zero = 0
    for first in range(0, len(corpus), CHUNK):
        chunk = corpus[first : first + CHUNK]
        start = time.perf_counter()
        negative += sum(analyse_comment("c", t)["sentiment"] == "negative" for t in chunk)
        middle = time.perf_counter()
        below_zero += sum(TextBlob(text).sentiment.polarity < 0 for text in chunk)
        ours += middle - start
        baseline += time.perf_counter() - middle

    n = len(corpus)
    print(f"comment analysis over {n:,} comments (the labelled set, repeated)")
    print(f"  full analysis (themes, sentiment, screen, redaction): {n / ours:8,.0f} comments/s")
    print(
        f"  raw TextBlob sentiment alone:                         {n / baseline:8,.0f} comments/s"
    )
    print(f"  ({negative:,} negative by ours, {below_zero:,} below zero by TextBlob)")
    print(f"  ratio: the full analysis runs at {baseline / ours:.2f}x raw TextBlob's speed")


if __name__ == "__main__":
    main()
