"""The annual report's build over a year at the scale of all of England, on PostgreSQL.

Seeds (once) the England-scale year of bench/england.py and times `heard report annual
--year 2025-26` (figures, suppression, charts, quotes; HTML, PDF, DOCX and CSV written), against
a bare `SELECT count(*)` over the same tables in the same run.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import england  # noqa: E402

from analysis.periods import FinancialYear  # noqa: E402
from analysis.report import build_annual_report, write_all  # noqa: E402
from heard.db import make_engine, session_factory  # noqa: E402

TABLES = ("conference", "invitation", "response", "answer", "consultation", "escalation")


def main() -> None:
    url = england.ensure()
    engine = make_engine(url)

    def bare() -> None:
        with engine.connect() as connection:
            for table in TABLES:
                connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()

    bare()
    rounds = []
    for _ in range(3):
        started = time.perf_counter()
        bare()
        rounds.append(time.perf_counter() - started)
    baseline = statistics.median(rounds)
    print(f"bare SELECT count(*) over {len(TABLES)} tables: {baseline * 1000:.0f} ms (median)")
    year = FinancialYear.parse("2025-26")
    with session_factory(engine)() as session, tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        report = build_annual_report(session, year)
        built = time.perf_counter() - started
        started = time.perf_counter()
        write_all(report, Path(out))
        written = time.perf_counter() - started
    print(
        f"annual report 2025-26: built in {built:.1f} s, written (HTML, PDF, DOCX, CSV) in {written:.1f} s"
    )
    print(f"  {built + written:.1f} s in all; {(built + written) / baseline:.0f}x the bare counts")


if __name__ == "__main__":
    main()
