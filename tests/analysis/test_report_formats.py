"""The annual report's formats: the PDF opens and holds every table, the Word document holds the
tables and charts, the CSV files parse, the web page is self-contained and accessible; an empty
year still renders."""

from __future__ import annotations

import base64
import csv
from html.parser import HTMLParser
from pathlib import Path

import docx
import pypdfium2

from analysis.periods import FinancialYear
from analysis.report import build_annual_report, write_all, write_steps
from analysis.report_model import AnnualReport, QuoteLine, Section, cell_text
from analysis.report_pdf import printable, render_pdf
from analysis.suppression import FEWER_THAN_5
from analysis.tables import Table
from tests.analysis.helpers_year import seed_year
from tests.factories import NOW

YEAR = FinancialYear.parse("2025-26")


class Page(HTMLParser):
    """What a test needs from the web page: tags with their attributes, and the text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_a_seeded_year_is_written_in_every_format(session, tmp_path):
    """One report, written once (charts take a few seconds), then read back in each format."""
    seed_year(session)
    session.commit()
    report = build_annual_report(session, YEAR, authority="Birmingham Children's Trust", now=NOW)
    steps: list[str] = []
    paths = write_all(report, tmp_path, progress=steps.append)
    assert steps == write_steps(report)
    assert len(paths) == 3 + len(report.tables)
    written = (report, tmp_path)
    check_the_pdf_opens_with_a_page_per_section_and_every_table_in_it(written)
    check_the_word_document_has_every_table_cell_for_cell_and_a_picture_per_chart(written)
    check_each_table_is_a_csv_file_named_by_its_key_with_hidden_cells_in_words(written)
    check_the_web_page_is_one_self_contained_file_with_every_table_and_chart(written)


def pdf_text_of(source: Path | bytes) -> tuple[int, str]:
    document = pypdfium2.PdfDocument(source)
    try:
        pages = len(document)
        text = "\n".join(document[i].get_textpage().get_text_range() for i in range(pages))
    finally:
        document.close()
    return pages, text


def pdf_text(path: Path) -> tuple[int, str]:
    return pdf_text_of(path)


def check_the_pdf_opens_with_a_page_per_section_and_every_table_in_it(written):
    report, folder = written
    pages, text = pdf_text(folder / "report.pdf")
    assert pages >= 1 + len(report.sections)
    flat = " ".join(text.split())
    assert "Birmingham Children's Trust" in flat and "2025-26" in flat
    for section in report.sections:
        assert section.heading in flat
        for table in section.tables:
            assert " ".join(table.title.split()) in flat, table.key
    assert FEWER_THAN_5 in flat
    conferences = next(t for t in report.tables if t.key == "conferences_by_type")
    total = conferences.rows[-1]
    assert f"Total {cell_text(total[1])} {cell_text(total[2])}" in flat


def check_the_word_document_has_every_table_cell_for_cell_and_a_picture_per_chart(written):
    report, folder = written
    document = docx.Document(str(folder / "report.docx"))
    assert len(document.tables) == len(report.tables)
    for table, grid in zip(report.tables, document.tables, strict=True):
        assert [c.text for c in grid.rows[0].cells] == list(table.columns)
        assert len(grid.rows) == 1 + len(table.rows)
        for row, printed in zip(table.rows, grid.rows[1:], strict=True):
            assert [c.text for c in printed.cells] == [cell_text(cell) for cell in row]
    charts = sum(len(section.charts) for section in report.sections)
    assert len(document.inline_shapes) == charts
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [f"{n}. {s.heading}" for n, s in enumerate(report.sections, start=1)]
    assert document.core_properties.title.endswith("2025-26")


def check_each_table_is_a_csv_file_named_by_its_key_with_hidden_cells_in_words(written):
    report, folder = written
    files = sorted(p.name for p in (folder / "csv").iterdir())
    assert files == sorted(f"{t.key}.csv" for t in report.tables)
    for table in report.tables:
        with (folder / "csv" / f"{table.key}.csv").open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        assert tuple(rows[0]) == table.columns
        assert len(rows) == 1 + len(table.rows)
        for row, written_row in zip(table.rows, rows[1:], strict=True):
            for cell, text in zip(row, written_row, strict=True):
                if cell is None:
                    assert text == ""
                elif isinstance(cell, int | float):
                    assert float(text) == cell
                else:
                    assert text == cell
    by_type = (folder / "csv" / "conferences_by_type.csv").read_bytes()
    assert by_type.startswith(b"\xef\xbb\xbfMonth,ICPC,RCPC,transfer-in,Total\r\n2025-04,")


def check_the_web_page_is_one_self_contained_file_with_every_table_and_chart(written):
    report, folder = written
    page = parse(folder / "report.html")
    assert [t["id"] for t in page.all("table")] == [t.key for t in report.tables]
    assert len(page.all("caption")) == len(report.tables)
    charts = [chart for section in report.sections for chart in section.charts]
    pictures = page.all("img")
    assert len(pictures) == len(charts)
    for picture, chart in zip(pictures, charts, strict=True):
        assert picture["alt"] == chart.description()
        assert (
            base64.b64decode(picture["src"].removeprefix("data:image/png;base64,")) == chart.png()
        )
    headers = page.all("th")
    assert {h.get("scope") for h in headers} == {"col", "row"}
    # Nothing fetched from elsewhere: no scripts, no style sheets, pictures carried inline.
    assert not page.all("script") and not page.all("link")
    assert all(p["src"].startswith("data:image/png;base64,") for p in pictures)
    assert page.all("meta")[1]["content"].startswith("width=device-width")
    text = " ".join(" ".join(page.text).split())
    assert "fewer than 5" in text
    feedback = next(s for s in report.sections if s.key == "feedback")
    for quote in feedback.quotes:
        assert quote.text in text


def test_an_empty_year_still_renders_every_format_and_writing_again_replaces_it(session, tmp_path):
    report = build_annual_report(session, FinancialYear.parse("2030-31"), now=NOW)
    write_all(report, tmp_path)
    pages, text = pdf_text(tmp_path / "report.pdf")
    assert pages > len(report.sections)
    assert "Conferences by type" in text
    conferences = next(t for t in report.tables if t.key == "conferences_by_type")
    assert conferences.rows[0] == ("2030-04", 0, 0, 0, 0)
    feedback = next(s for s in report.sections if s.key == "feedback")
    assert feedback.quotes == ()
    document = docx.Document(str(tmp_path / "report.docx"))
    assert len(document.tables) == len(report.tables)
    page = parse(tmp_path / "report.html")
    assert len(page.all("table")) == len(report.tables)
    first = (tmp_path / "report.html").read_bytes()
    (tmp_path / "csv" / "conferences_by_type.csv").write_text("stale", encoding="utf-8")
    write_all(report, tmp_path)
    assert (tmp_path / "report.html").read_bytes() == first
    assert (
        (tmp_path / "csv" / "conferences_by_type.csv")
        .read_text(encoding="utf-8-sig")
        .startswith("Month,")
    )
    assert len(list((tmp_path / "csv").iterdir())) == len(report.tables)


def test_characters_no_bundled_font_has_are_left_out_of_the_pdf_not_printed_as_boxes():
    assert printable("Great chair 👍 thank you ❤️") == "Great chair thank you"
    assert printable("مجھے مترجم نہیں ملا") == "مجھے مترجم نہیں ملا"
    assert printable("Plain words.") == "Plain words."
    quote = QuoteLine("Respect", "positive", "Great chair 👍 thank you", "parent")
    section = Section("feedback", "Feedback", "", quotes=(quote,))
    report = AnnualReport("Report", "Authority", "period", "2025-26", NOW, (section,))
    pages, text = pdf_text_of(render_pdf(report))
    assert pages == 2 and "Great chair thank you" in " ".join(text.split())


def test_a_table_too_wide_for_a_page_is_printed_in_parts_repeating_its_labels():
    """Every site in England as columns: 150 sites and a total do not fit across an A4 page."""
    sites = tuple(f"Authority {n:03d}" for n in range(1, 151))
    wide = Table(
        key="by_site",
        title="Responses by respondent type and site",
        columns=("Respondent type", *sites, "Total"),
        rows=(("parent", *range(10, 160), 12_675),),
        count_columns=(*sites, "Total"),
    )
    section = Section("feedback", "Feedback", "", tables=(wide,))
    report = AnnualReport("Report", "England", "period", "2025-26", NOW, (section,))

    document = pypdfium2.PdfDocument(render_pdf(report))
    text = "".join(page.get_textpage().get_text_range() for page in document)
    assert "(part 1 of 17)" in text and "(part 17 of 17)" in text
    assert text.count("Respondent type") == 17  # the label column repeats in every part
    assert "Authority 150" in text and "12675" in text.replace(",", "")
