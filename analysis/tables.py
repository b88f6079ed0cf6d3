"""A table of figures, as every report, digest, dashboard and CSV download shares it.

Figures are computed as raw counts (`Table`); disclosure control (`analysis.suppression`) turns
them into what may be shown. Renderers (HTML, PDF, DOCX, CSV, charts) read shown tables only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Cell = int | float | str | None


@dataclass(frozen=True)
class Table:
    """Rows of counts under named columns. The first column labels the row (a month, a role)."""

    key: str  # stable name, used for the CSV file name: "conferences_by_type"
    title: str  # what a manager reads: "Conferences by type and month"
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    # Columns holding counts of people or events (disclosure control applies to these);
    # other columns (labels, percentages, medians) are derived or descriptive.
    count_columns: tuple[str, ...] = ()
    # Columns that are a percentage of a count column: {"% in timescale": ("in timescale", "held")}
    # means 100 * in timescale / held; shown only when both counts are shown.
    percentages: dict[str, tuple[str, str]] = field(default_factory=dict)
    has_total_row: bool = False  # the last row is the sum of the rows above it
    has_total_column: bool = False  # the last count column is the sum of the others
    note: str = ""

    def column(self, name: str) -> list[Cell]:
        index = self.columns.index(name)
        return [row[index] for row in self.rows]
