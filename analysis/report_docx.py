"""The annual report as a Word document (python-docx): headings, tables and chart pictures, so
the service can add its own words around the data sections before publishing."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from analysis.report_model import AnnualReport, Chart, QuoteLine, Section, cell_text, is_numeric
from analysis.tables import Table
from heard.clock import london

FILE_NAME = "report.docx"
GREY = RGBColor(0x50, 0x5A, 0x5F)


def _repeat_as_header(row) -> None:
    """Mark a table row to repeat at the top of every page the table runs onto."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _small(paragraph, text: str, *, size: float = 9) -> None:
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.font.color.rgb = GREY


def _table(document: DocumentType, table: Table) -> None:
    caption = document.add_paragraph(table.title, style="Caption")
    caption.paragraph_format.keep_with_next = True
    grid = document.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    header = grid.rows[0]
    _repeat_as_header(header)
    for cell, column in zip(header.cells, table.columns, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(column).bold = True
    for number, row in enumerate(table.rows):
        total = table.has_total_row and number == len(table.rows) - 1
        cells = grid.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            run = cell.paragraphs[0].add_run(cell_text(value))
            run.bold = total
            if is_numeric(value):
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if not table.rows:
        _small(document.add_paragraph(), "Nothing recorded in this period.")
    if table.note:
        _small(document.add_paragraph(), table.note)


def _chart(document: DocumentType, chart: Chart) -> None:
    document.add_picture(io.BytesIO(chart.png()), width=Cm(16))
    picture = document.inline_shapes[-1]
    # Alt text for screen readers: Word reads it from the drawing's descr attribute.
    picture._inline.docPr.set("descr", chart.description())
    picture._inline.docPr.set("title", chart.heading)


def _quotes(document: DocumentType, quotes: tuple[QuoteLine, ...]) -> None:
    document.add_heading("What people said", level=2)
    for quote in quotes:
        paragraph = document.add_paragraph(f"“{quote.text}”", style="Quote")
        paragraph.add_run("\n")
        source = f"{quote.respondent_type.capitalize()}, on “{quote.theme}” ({quote.kind})"
        _small(paragraph, source)


def _section(document: DocumentType, number: int, section: Section) -> None:
    document.add_heading(f"{number}. {section.heading}", level=1)
    if section.intro:
        document.add_paragraph(section.intro)
    for fact in section.facts:
        document.add_paragraph(fact)
    for table in section.tables:
        chart = section.chart_for(table)
        if chart is not None:
            _chart(document, chart)
        _table(document, table)
    if section.quotes:
        _quotes(document, section.quotes)


def render_docx(report: AnnualReport) -> bytes:
    document = Document()
    document.core_properties.title = f"{report.title} {report.year_label}"
    document.core_properties.author = report.authority
    document.core_properties.language = "en-GB"
    document.add_heading(f"{report.title} {report.year_label}", level=0)
    _small(document.add_paragraph(), f"{report.authority}. {report.period}.", size=11)
    generated = london(report.generated_at).strftime("%-d %B %Y at %H:%M")
    _small(document.add_paragraph(), f"Made by Heard on {generated}.")
    for note in report.notes:
        _small(document.add_paragraph(), note)
    for number, section in enumerate(report.sections, start=1):
        _section(document, number, section)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_docx(report: AnnualReport, directory: Path) -> Path:
    """Write report.docx into DIRECTORY (which must exist); return its path."""
    path = Path(directory) / FILE_NAME
    path.write_bytes(render_docx(report))
    return path
