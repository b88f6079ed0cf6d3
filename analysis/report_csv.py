"""The annual report's tables as CSV files, one per table, named by the table's key.

Numbers are written plain (1234, 91.5) for spreadsheets; hidden cells keep their words
("fewer than 5", "suppressed") so that no one mistakes them for zero; an empty cell is empty.
The files start with a byte order mark: still UTF-8, and Excel then reads the text correctly.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from analysis.report_model import AnnualReport
from analysis.tables import Cell, Table

DIRECTORY = "csv"
SAFE_KEY = re.compile(r"[a-z0-9][a-z0-9_]*")


def _value(cell: Cell) -> str | int | float:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    return cell


def file_name(table: Table) -> str:
    if not SAFE_KEY.fullmatch(table.key):
        raise ValueError(f"table key {table.key!r} cannot name a file: use a-z, 0-9 and _")
    return f"{table.key}.csv"


def write_table(table: Table, path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(table.columns)
        for row in table.rows:
            writer.writerow([_value(cell) for cell in row])
    return path


def write_csv(report: AnnualReport, directory: Path) -> list[Path]:
    """Write DIRECTORY/csv/<key>.csv for every table of REPORT; return the paths."""
    names = [file_name(table) for table in report.tables]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise ValueError(f"two tables would share a CSV file: {', '.join(repeated)}")
    folder = Path(directory) / DIRECTORY
    folder.mkdir(exist_ok=True)
    return [
        write_table(table, folder / name) for table, name in zip(report.tables, names, strict=True)
    ]
