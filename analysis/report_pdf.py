"""The annual report as an A4 PDF (fpdf2): headings, charts as images, tables with captions.

The Noto fonts that print the feedback forms (surveys/fonts) print the report too, so a quote in
another script still prints, and the text can be searched and copied.
"""

from __future__ import annotations

import io
import struct
from dataclasses import replace
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF, XPos, YPos
from fpdf.fonts import FontFace

from analysis.report_model import AnnualReport, Chart, QuoteLine, Section, cell_text, is_numeric
from analysis.tables import Table
from heard.clock import london
from surveys.pdfdoc import FACES, FONTS_DIR

FILE_NAME = "report.pdf"
MARGIN = 15.0
WIDTH = 210.0 - 2 * MARGIN
MAX_CHART_HEIGHT = 200.0
BODY = "sans"
FONT_NAMES = ("sans", "naskh", "bengali", "gurmukhi")
INK, GREY, BLUE = (11, 12, 12), (80, 90, 95), (29, 112, 184)


@cache
def _printable_characters() -> frozenset[int]:
    """Every character one of the bundled fonts can print."""
    found: set[int] = set()
    for name in FONT_NAMES:
        with TTFont(FONTS_DIR / FACES[name].regular, lazy=True) as font:
            found.update(font.getBestCmap())
    return frozenset(found)


def printable(text: str) -> str:
    """TEXT without the characters no bundled font has (emoji, mostly): they would print as
    nothing, and fpdf2 would log them."""
    if text.isascii():
        return text
    known = _printable_characters()
    kept = "".join(c for c in text if ord(c) in known or c.isspace())
    return " ".join(kept.split()) if len(kept) != len(text) else text


class _Document(FPDF):
    def __init__(self, report: AnnualReport) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.report = report
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN + 5)
        for name in FONT_NAMES:
            face = FACES[name]
            self.add_font(name, "", FONTS_DIR / face.regular)
            self.add_font(name, "B", FONTS_DIR / face.bold)
        self.set_fallback_fonts(["naskh", "bengali", "gurmukhi"])
        self.set_title(f"{report.title} {report.year_label}")
        self.set_author(report.authority)
        self.set_creator("Heard")
        self.set_lang("en-GB")

    def footer(self) -> None:
        self.set_y(-MARGIN)
        self.set_font(BODY, size=8)
        self.set_text_color(*GREY)
        label = f"{self.report.title} {self.report.year_label}"
        self.cell(0, 5, f"{label}  ·  page {self.page_no()}", align="C")

    def paragraph(self, text: str, *, size: float = 10, bold: bool = False, colour=INK) -> None:
        self.set_font(BODY, "B" if bold else "", size)
        self.set_text_color(*colour)
        self.multi_cell(WIDTH, size * 0.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1.5)


def _cover(pdf: _Document, report: AnnualReport) -> None:
    pdf.add_page()
    pdf.paragraph(report.authority, size=12, colour=GREY)
    pdf.paragraph(f"{report.title} {report.year_label}", size=22, bold=True)
    pdf.paragraph(report.period, size=12, colour=GREY)
    generated = london(report.generated_at).strftime("%-d %B %Y at %H:%M")
    pdf.paragraph(f"Made by Heard on {generated}.", size=9, colour=GREY)
    for note in report.notes:
        pdf.paragraph(note, size=9, colour=GREY)
    pdf.ln(4)
    pdf.paragraph("Contents", size=14, bold=True)
    for number, section in enumerate(report.sections, start=1):
        pdf.paragraph(f"{number}. {section.heading}", size=10)


def _chart(pdf: _Document, chart: Chart) -> None:
    png = chart.png()
    pixels_wide, pixels_high = struct.unpack(">II", png[16:24])  # the PNG header's size
    width = WIDTH
    height = width * pixels_high / pixels_wide
    if height > MAX_CHART_HEIGHT:  # a long bar chart: narrower, so that it fits on a page
        width, height = width * MAX_CHART_HEIGHT / height, MAX_CHART_HEIGHT
    if pdf.will_page_break(height + 5):
        pdf.add_page()
    pdf.image(io.BytesIO(png), x=MARGIN, w=width, h=height, alt_text=chart.description())
    pdf.set_y(pdf.get_y() + 3)


# A page holds about ten columns; a wider table (every site in England, say) is printed in
# parts of that many, each repeating the label column, rather than squeezed past reading.
MAX_COLUMNS = 10


def _table(pdf: _Document, table: Table) -> None:
    parts = _column_parts(table)
    for number, part in enumerate(parts, start=1):
        title = table.title if len(parts) == 1 else f"{table.title} (part {number} of {len(parts)})"
        _grid(pdf, part, title)
    if not table.rows:
        pdf.paragraph("Nothing recorded in this period.", size=9, colour=GREY)
    if table.note:
        pdf.paragraph(table.note, size=8, colour=GREY)
    pdf.ln(2)


def _column_parts(table: Table) -> list[Table]:
    if len(table.columns) <= MAX_COLUMNS:
        return [table]
    step = MAX_COLUMNS - 1
    parts = []
    for first in range(1, len(table.columns), step):
        keep = [0, *range(first, min(first + step, len(table.columns)))]
        parts.append(
            replace(
                table,
                columns=tuple(table.columns[i] for i in keep),
                rows=tuple(tuple(row[i] for i in keep) for row in table.rows),
            )
        )
    return parts


def _grid(pdf: _Document, table: Table, title: str) -> None:
    columns = len(table.columns)
    size = 9 if columns <= 6 else 7.5 if columns <= 10 else 6
    if pdf.will_page_break(size * 2.5):
        pdf.add_page()
    pdf.paragraph(title, size=10, bold=True)
    pdf.set_font(BODY, size=size)
    pdf.set_text_color(*INK)
    widths = (2.0,) + (1.0,) * (columns - 1)
    align = ("LEFT",) + ("RIGHT",) * (columns - 1)
    heading = FontFace(emphasis="BOLD", fill_color=(243, 242, 241))
    with pdf.table(
        col_widths=widths,
        text_align=align,
        headings_style=heading,
        line_height=size * 0.55,
        width=WIDTH,
        first_row_as_headings=True,
        repeat_headings=1,
    ) as grid:
        header = grid.row()
        for column in table.columns:
            header.cell(printable(column))
        for number, row in enumerate(table.rows):
            total = table.has_total_row and number == len(table.rows) - 1
            style = FontFace(emphasis="BOLD") if total else None
            cells = grid.row(style=style)
            for cell in row:
                text = printable(cell_text(cell))
                cells.cell(text, align="RIGHT" if is_numeric(cell) else None)
    pdf.ln(2)


def _quotes(pdf: _Document, quotes: tuple[QuoteLine, ...]) -> None:
    pdf.paragraph("What people said", size=12, bold=True)
    for quote in quotes:
        pdf.set_x(MARGIN + 5)
        pdf.set_font(BODY, size=10)
        pdf.set_text_color(*INK)
        text = f"“{printable(quote.text)}”"
        pdf.multi_cell(WIDTH - 5, 5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_x(MARGIN + 5)
        pdf.set_font(BODY, size=8)
        pdf.set_text_color(*GREY)
        source = f"{quote.respondent_type.capitalize()}, on “{quote.theme}” ({quote.kind})"
        pdf.multi_cell(WIDTH - 5, 4, source, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)


def _section(pdf: _Document, number: int, section: Section) -> None:
    pdf.add_page()
    pdf.start_section(section.heading)  # the PDF's outline (bookmarks)
    pdf.paragraph(f"{number}. {section.heading}", size=16, bold=True, colour=BLUE)
    if section.intro:
        pdf.paragraph(section.intro)
    for fact in section.facts:
        pdf.paragraph(fact)
    for table in section.tables:
        chart = section.chart_for(table)
        if chart is not None:
            _chart(pdf, chart)
        _table(pdf, table)
    if section.quotes:
        _quotes(pdf, section.quotes)


def render_pdf(report: AnnualReport) -> bytes:
    pdf = _Document(report)
    _cover(pdf, report)
    for number, section in enumerate(report.sections, start=1):
        _section(pdf, number, section)
    return bytes(pdf.output())


def write_pdf(report: AnnualReport, directory: Path) -> Path:
    """Write report.pdf into DIRECTORY (which must exist); return its path."""
    path = Path(directory) / FILE_NAME
    path.write_bytes(render_pdf(report))
    return path
