"""What an annual report is made of, shared by its builder and its writers (HTML, PDF, DOCX, CSV).

Every table here has been through disclosure control; the writers only lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from analysis.charts import Kind, chart_description, chart_png, chart_svg
from analysis.tables import Cell, Table


@dataclass(eq=False)
class Chart:
    """A chart of one shown table; drawn once per format, when a writer first asks for it."""

    table: Table
    kind: Kind = "bar"
    columns: tuple[str, ...] | None = None
    title: str = ""
    value_label: str | None = None  # the values' axis; default "Number" or "Per cent"
    _png: bytes | None = field(default=None, repr=False)
    _svg: str | None = field(default=None, repr=False)

    @property
    def heading(self) -> str:
        return self.title or self.table.title

    def png(self) -> bytes:
        if self._png is None:
            self._png = chart_png(
                self.table,
                kind=self.kind,
                columns=self.columns,
                title=self.heading,
                ylabel=self.value_label,
            )
        return self._png

    def svg(self) -> str:
        if self._svg is None:
            self._svg = chart_svg(
                self.table,
                kind=self.kind,
                columns=self.columns,
                title=self.heading,
                ylabel=self.value_label,
            )
        return self._svg

    def description(self) -> str:
        return chart_description(self.table, columns=self.columns)


@dataclass(frozen=True)
class QuoteLine:
    """A quote as printed: already redacted and checked by analysis.quotes."""

    theme: str  # the theme's label
    kind: str  # positive, negative or representative
    text: str
    respondent_type: str


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    intro: str
    tables: tuple[Table, ...] = ()
    charts: tuple[Chart, ...] = ()
    facts: tuple[str, ...] = ()  # short sentences: "Comments waiting for translation: 12."
    quotes: tuple[QuoteLine, ...] = ()

    def chart_for(self, table: Table) -> Chart | None:
        return next((chart for chart in self.charts if chart.table.key == table.key), None)


@dataclass(frozen=True)
class AnnualReport:
    title: str
    authority: str
    period: str  # "1 April 2025 to 31 March 2026"
    year_label: str  # "2025-26"
    generated_at: datetime
    sections: tuple[Section, ...]
    notes: tuple[str, ...] = ()

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(table for section in self.sections for table in section.tables)


def cell_text(cell: Cell, *, blank: str = "–") -> str:
    """A cell as a reader sees it: 1,234; 91.5; "fewer than 5"; BLANK where there is nothing."""
    if cell is None or cell == "":
        return blank
    if isinstance(cell, bool):
        return "yes" if cell else "no"
    if isinstance(cell, int):
        return f"{cell:,}"
    if isinstance(cell, float):
        return f"{cell:,.0f}" if cell.is_integer() else f"{cell:,.1f}"
    return str(cell)


def is_numeric(cell: Cell) -> bool:
    return isinstance(cell, int | float) and not isinstance(cell, bool)
