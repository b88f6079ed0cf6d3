"""Charts of shown tables: bar, stacked bar, horizontal bar and line, as PNG bytes or inline SVG.

Drawn with matplotlib's object API on the Agg canvas (no pyplot, no GUI, no global figure state).
Accessible by construction: a title, labelled axes, the Okabe-Ito colour-blind-safe palette with
hatching as a second cue, every value written on the chart, and a text description for alt text.
Disclosure control has already happened: a cell that reads "fewer than 5" or "suppressed" is not a
number, so it is never drawn (drawing it as zero would be a false figure); it is marked "<5" or
"*" where its bar or point would be, and a note under the chart says why.
"""

from __future__ import annotations

import html
import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

import matplotlib
import numpy as np
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from analysis.tables import Cell, Table

Kind = Literal["bar", "stacked", "barh", "line"]

# Okabe and Ito (2008): distinguishable with every common colour-vision deficiency.
PALETTE = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
)
HATCHES = ("", "//", "..", "xx", "\\\\", "oo", "--", "++")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
FEWER_MARK, SUPPRESSED_MARK = "<5", "*"
ABSENT_NOTE = (
    "<5: fewer than 5.  *: hidden so that a small number cannot be worked out. "
    "Neither is drawn, and neither means zero."
)
FONT_FILE = Path(__file__).resolve().parents[1] / "surveys" / "fonts" / "NotoSans-Regular.ttf"


@dataclass(frozen=True)
class ChartData:
    """What a chart draws: category labels, and per series its values (None: not drawn)."""

    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float | None, ...]], ...]
    marks: tuple[tuple[str, ...], ...]  # per series, per category: "", "<5" or "*"
    percent: bool


@cache
def _font_family() -> str:
    """The report's own Noto Sans when present, so charts match the PDF; else matplotlib's."""
    if FONT_FILE.exists():
        font_manager.fontManager.addfont(str(FONT_FILE))
        return font_manager.FontProperties(fname=str(FONT_FILE)).get_name()
    return "DejaVu Sans"


def _number(cell: Cell) -> float | None:
    if isinstance(cell, bool) or cell is None:
        return None
    if isinstance(cell, int | float):
        return None if isinstance(cell, float) and math.isnan(cell) else float(cell)
    return None


def _mark(cell: Cell) -> str:
    if isinstance(cell, str) and cell.strip():
        return FEWER_MARK if cell.casefold().startswith("fewer") else SUPPRESSED_MARK
    return ""


def default_columns(table: Table) -> tuple[str, ...]:
    """The count columns, without the total column (a total beside its parts misleads)."""
    columns = [c for c in table.columns[1:] if c in table.count_columns]
    if table.has_total_column and columns:
        columns = columns[:-1]
    return tuple(columns)


def _label_columns(table: Table) -> list[int]:
    """The leading columns that name a row ("2025-26 Q1", "Mothers"): up to the first figure."""
    labels = []
    for index, name in enumerate(table.columns):
        if name in table.count_columns or name in table.percentages:
            break
        labels.append(index)
    return labels or [0]


def chart_data(table: Table, columns: Sequence[str] | None = None) -> ChartData:
    """The series to draw from TABLE's COLUMNS (default: its count columns but the total)."""
    names = tuple(columns) if columns else default_columns(table)
    unknown = [name for name in names if name not in table.columns]
    if unknown:
        raise ValueError(f"{table.key} has no column {', '.join(unknown)}")
    rows = table.rows[:-1] if table.has_total_row and table.rows else table.rows
    labels = _label_columns(table)
    categories = tuple(
        " ".join(str(row[i]) for i in labels if row[i] not in (None, "")) for row in rows
    )
    series, marks = [], []
    for name in names:
        index = table.columns.index(name)
        series.append((name, tuple(_number(row[index]) for row in rows)))
        marks.append(tuple(_mark(row[index]) for row in rows))
    percent = bool(names) and all(name in table.percentages for name in names)
    return ChartData(categories, tuple(series), tuple(marks), percent)


def _label(value: float, percent: bool) -> str:
    if percent:
        return f"{value:.0f}%"
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def _bars(ax: Axes, data: ChartData, *, stacked: bool, horizontal: bool) -> None:
    count = len(data.series)
    width = 0.8 if stacked else 0.8 / max(count, 1)
    bottoms = [0.0] * len(data.categories)
    draw = ax.barh if horizontal else ax.bar
    for number, (name, values) in enumerate(data.series):
        offset = 0.0 if stacked else (number - (count - 1) / 2) * width
        drawn = [position for position, value in enumerate(values) if value is not None]
        heights = [values[position] or 0.0 for position in drawn]
        if drawn:
            extra = {"left" if horizontal else "bottom": [bottoms[p] for p in drawn]}
            bars = draw(
                [position + offset for position in drawn],
                heights,
                width,
                color=PALETTE[number % len(PALETTE)],
                hatch=HATCHES[number % len(HATCHES)],
                edgecolor="white",
                linewidth=0.5,
                label=name,
                **(extra if stacked else {}),
            )
            # A zero inside a stack has no height to carry its label; beside a bar it is news.
            labels = [
                "" if stacked and not height else _label(height, data.percent) for height in heights
            ]
            ax.bar_label(
                bars,
                labels=labels,
                label_type="center" if stacked else "edge",
                fontsize=7,
                padding=0 if stacked else 2,
                color="white" if stacked and number % len(PALETTE) in (0, 7) else "black",
            )
        for position, height in zip(drawn, heights, strict=True):
            bottoms[position] += height if stacked else 0.0
        if not stacked:
            for position, mark in enumerate(data.marks[number]):
                if mark and values[position] is None:
                    _absent(ax, position + offset, 0.0, mark, horizontal=horizontal)
    if stacked:
        for position in range(len(data.categories)):
            marks = [marks[position] for marks in data.marks if marks[position]]
            if marks:
                _absent(ax, position, bottoms[position], " ".join(marks), horizontal=horizontal)


def _absent(ax: Axes, where: float, base: float, mark: str, *, horizontal: bool) -> None:
    x, y = (base, where) if horizontal else (where, base)
    ax.annotate(
        mark,
        (x, y),
        xytext=(3, 0) if horizontal else (0, 3),
        textcoords="offset points",
        ha="left" if horizontal else "center",
        va="center" if horizontal else "bottom",
        fontsize=7,
        color="#505a5f",
    )


def _lines(ax: Axes, data: ChartData) -> None:
    for number, (name, values) in enumerate(data.series):
        ys = [math.nan if value is None else value for value in values]
        ax.plot(
            range(len(values)),
            ys,
            color=PALETTE[number % len(PALETTE)],
            marker=MARKERS[number % len(MARKERS)],
            linestyle=("-", "--", ":", "-.")[number % 4],
            label=name,
        )
        for position, value in enumerate(values):
            if value is None:
                if data.marks[number][position]:
                    _absent(ax, position, 0.0, data.marks[number][position], horizontal=False)
                continue
            ax.annotate(
                _label(value, data.percent),
                (position, value),
                xytext=(0, 5),
                textcoords="offset points",
                ha="center",
                fontsize=7,
            )


WIDTH, HEIGHT = 8.0, 4.5  # inches: the default size; long bar charts grow taller
LABEL_CHARS = 48


def _size(kind: Kind, data: ChartData) -> tuple[float, float]:
    if kind != "barh":
        return WIDTH, HEIGHT
    bars = len(data.categories) * max(1.0, 0.6 * len(data.series))
    return WIDTH, max(HEIGHT, 1.6 + 0.24 * bars)


def _short(label: str) -> str:
    """A category label short enough for an axis; the table beside the chart has it whole."""
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def _figure(
    table: Table,
    *,
    kind: Kind,
    columns: Sequence[str] | None,
    title: str | None,
    ylabel: str | None,
    xlabel: str | None,
    size: tuple[float, float] | None,
) -> Figure:
    data = chart_data(table, columns)
    figure = Figure(figsize=size or _size(kind, data), layout="constrained")
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    ax.set_title(title or table.title, fontsize=11, loc="left", wrap=True)
    horizontal = kind == "barh"
    drawn = any(value is not None for _, values in data.series for value in values)
    if kind == "line":
        _lines(ax, data)
    else:
        _bars(ax, data, stacked=kind == "stacked", horizontal=horizontal)
    value_label = ylabel or ("Per cent" if data.percent else "Number")
    category_label = xlabel if xlabel is not None else table.columns[0]
    ticks = range(len(data.categories))
    if horizontal:
        ax.set_yticks(ticks, [_short(c) for c in data.categories], fontsize=8)
        ax.invert_yaxis()  # the first row reads first, at the top
        ax.set_xlabel(value_label)
        ax.set_ylabel(category_label)
    else:
        rotate = len(data.categories) > 6 or max(map(len, data.categories), default=0) > 10
        names = [_short(c) for c in data.categories]
        ax.set_xticks(ticks, names, fontsize=8, rotation=45 if rotate else 0)
        if rotate:
            for tick in ax.get_xticklabels():
                tick.set_horizontalalignment("right")
        ax.set_ylabel(value_label)
        ax.set_xlabel(category_label)
    top = _top(data, stacked=kind == "stacked") * 1.15 or 1.0
    (ax.set_xlim if horizontal else ax.set_ylim)(0, top)
    ax.spines[["top", "right"]].set_visible(False)
    if len(data.series) > 1 and drawn:
        # Beside the plot, never over a bar.
        ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    if not data.categories or not drawn:
        ax.text(0.5, 0.5, "Nothing to draw for this period", transform=ax.transAxes, ha="center")
    if any(mark for marks in data.marks for mark in marks):
        figure.text(0.01, 0.005, ABSENT_NOTE, fontsize=7, color="#505a5f", va="bottom")
        figure.get_layout_engine().set(h_pad=0.25)
    return figure


def _top(data: ChartData, *, stacked: bool) -> float:
    """The longest bar or highest point, so the axis leaves room for the value labels."""
    if stacked:
        sums = [0.0] * len(data.categories)
        for _, values in data.series:
            for position, value in enumerate(values):
                sums[position] += value or 0.0
        return max(sums, default=0.0)
    return max((v for _, values in data.series for v in values if v is not None), default=0.0)


def _render(figure: Figure, fmt: str, dpi: int) -> bytes:
    buffer = io.BytesIO()
    settings = {"svg.fonttype": "none", "svg.hashsalt": "heard", "font.family": _font_family()}
    with matplotlib.rc_context(settings):
        if fmt == "png":
            # Drawn once and saved as RGB: an opaque picture needs no alpha channel, and
            # without one the PDF and Word writers embed it without splitting it again.
            figure.set_dpi(dpi)
            canvas = figure.canvas
            canvas.draw()
            pixels = np.asarray(canvas.buffer_rgba())[..., :3]
            Image.fromarray(pixels).save(buffer, format="PNG", compress_level=1)
        else:
            # No creation date, so that the same table always gives the same text.
            figure.savefig(buffer, format=fmt, dpi=dpi, metadata={"Date": None})
    return buffer.getvalue()


def chart_png(
    table: Table,
    *,
    kind: Kind = "bar",
    columns: Sequence[str] | None = None,
    title: str | None = None,
    ylabel: str | None = None,
    xlabel: str | None = None,
    size: tuple[float, float] | None = None,
    dpi: int = 120,
) -> bytes:
    """TABLE (already through disclosure control) as a PNG chart: one series per column.

    COLUMNS: the columns to draw (default: the count columns but a total column). YLABEL labels
    the values' axis (the horizontal one for "barh"), XLABEL the categories' (default: the
    table's first column name). SIZE in inches; default 8 by 4.5, long "barh" charts taller."""
    with matplotlib.rc_context({"font.family": _font_family()}):
        figure = _figure(
            table, kind=kind, columns=columns, title=title, ylabel=ylabel, xlabel=xlabel, size=size
        )
        return _render(figure, "png", dpi)


def chart_svg(
    table: Table,
    *,
    kind: Kind = "bar",
    columns: Sequence[str] | None = None,
    title: str | None = None,
    ylabel: str | None = None,
    xlabel: str | None = None,
    size: tuple[float, float] | None = None,
) -> str:
    """TABLE as an SVG element to put inline in a web page, with a title and description that
    screen readers announce (the text stays text, so it can be found and read)."""
    with matplotlib.rc_context({"font.family": _font_family()}):
        figure = _figure(
            table, kind=kind, columns=columns, title=title, ylabel=ylabel, xlabel=xlabel, size=size
        )
        svg = _render(figure, "svg", 72).decode("utf-8")
    svg = svg[svg.index("<svg") :]  # an inline element carries no XML prolog or DOCTYPE
    label = _escape(title or table.title)
    describe = _escape(chart_description(table, columns=columns))
    ids = f"{table.key}-title {table.key}-desc"
    svg = re.sub(r"<svg\b", f'<svg role="img" aria-labelledby="{ids}"', svg, count=1)
    heading = f'<title id="{table.key}-title">{label}</title>'
    return svg.replace(">", f'>{heading}<desc id="{table.key}-desc">{describe}</desc>', 1)


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def chart_description(table: Table, *, columns: Sequence[str] | None = None) -> str:
    """A sentence or two for alt text: what is charted, and the largest value drawn."""
    data = chart_data(table, columns)
    names = ", ".join(name for name, _ in data.series) or "no series"
    drawn = [
        (value, name, category)
        for name, values in data.series
        for category, value in zip(data.categories, values, strict=True)
        if value is not None
    ]
    text = f"Chart of {table.title}: {names} by {table.columns[0].lower()}."
    if drawn:
        value, name, category = max(drawn, key=lambda item: item[0])
        text += f" Highest: {name}, {category}, {_label(value, data.percent)}."
    else:
        text += " No figures to draw."
    if any(mark for marks in data.marks for mark in marks):
        text += " Some figures are fewer than 5 or hidden, and are not drawn."
    return text + " The figures are in the table."
