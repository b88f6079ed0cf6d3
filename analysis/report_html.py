"""The annual report as one self-contained web page: charts inline as PNG data, no outside files."""

from __future__ import annotations

import base64
import struct
from functools import cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from analysis.report_model import AnnualReport, Chart, cell_text, is_numeric
from analysis.suppression import is_hidden
from analysis.tables import Cell
from heard.clock import london

FILE_NAME = "report.html"


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("analysis", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals.update(text=cell_text, css=_css, png=_png, chart_height=_height)
    return environment


def _png(chart: Chart) -> str:
    # The same picture as the PDF and the Word document: drawn once, readable on any phone.
    return base64.b64encode(chart.png()).decode("ascii")


def _height(chart: Chart) -> int:
    """The picture's height when shown 960 pixels wide (so the page does not jump as it loads)."""
    wide, high = struct.unpack(">II", chart.png()[16:24])
    return round(960 * high / wide)


def _css(cell: Cell) -> str:
    if is_hidden(cell):
        return "num hidden"
    return "num" if is_numeric(cell) or cell is None else ""


def render_html(report: AnnualReport) -> str:
    generated = london(report.generated_at).strftime("%-d %B %Y at %H:%M")
    template = _environment().get_template("annual_report.html")
    return template.render(report=report, generated=generated)


def write_html(report: AnnualReport, directory: Path) -> Path:
    """Write report.html into DIRECTORY (which must exist); return its path."""
    path = Path(directory) / FILE_NAME
    path.write_text(render_html(report), encoding="utf-8")
    return path
