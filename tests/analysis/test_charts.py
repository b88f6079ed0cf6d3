"""Charts of shown tables: hidden cells are never drawn (least of all as zero), totals are not
drawn beside their parts, and every chart carries a title, labels and a text description."""

from __future__ import annotations

import io
import math
import struct

import pytest
from matplotlib.colors import to_hex

from analysis import charts
from analysis.charts import chart_data, chart_description, chart_png, chart_svg
from analysis.suppression import FEWER_THAN_5, SUPPRESSED, shown
from analysis.tables import Table

BY_MONTH = Table(
    key="conferences_by_type",
    title="Conferences by type and month",
    columns=("Month", "ICPC", "RCPC", "transfer-in", "Total"),
    rows=(
        ("2025-04", 12, 20, 0, 32),
        ("2025-05", 9, 3, 2, 14),
        ("2025-06", 15, 18, 6, 39),
        ("Total", 36, 41, 8, 85),
    ),
    count_columns=("ICPC", "RCPC", "transfer-in", "Total"),
    has_total_row=True,
    has_total_column=True,
)
TIMELINESS = Table(
    key="icpc_timeliness",
    title="ICPC timeliness by month",
    columns=("Month", "Held", "In timescale", "% in timescale"),
    rows=(("2025-04", 10, 9, 90.0), ("2025-05", 3, 3, 100.0), ("2025-06", 8, 6, 75.0)),
    count_columns=("Held", "In timescale"),
    percentages={"% in timescale": ("In timescale", "Held")},
)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def figure(table: Table, **options):
    defaults = dict(kind="bar", columns=None, title=None, ylabel=None, xlabel=None, size=(8, 4.5))
    return charts._figure(table, **{**defaults, **options})


def test_hidden_cells_are_not_drawn_and_are_marked_instead():
    table = shown(BY_MONTH)
    data = chart_data(table)
    columns = zip(*(values for _, values in data.series), strict=True)
    may = dict(zip(data.categories, columns, strict=True))
    assert table.rows[1][2:4] == (FEWER_THAN_5, FEWER_THAN_5)
    assert may["2025-05"][1:] == (None, None)  # not 0: a hidden count is not a zero
    assert data.marks[1][1] == charts.FEWER_MARK
    drawn = [value for _, values in data.series for value in values if value is not None]
    bars = figure(table).axes[0].patches
    assert len(bars) == len(drawn)
    assert sorted(bar.get_height() for bar in bars) == sorted(drawn)


def test_a_suppressed_cell_is_marked_with_a_star_and_the_chart_explains_both_marks():
    table = Table(
        key="t",
        title="Some counts",
        columns=("Role", "Invited"),
        rows=(("Mothers", 12), ("Fathers", SUPPRESSED), ("Children", FEWER_THAN_5)),
        count_columns=("Invited",),
    )
    data = chart_data(table)
    assert data.marks == (("", charts.SUPPRESSED_MARK, charts.FEWER_MARK),)
    texts = [text.get_text() for text in figure(table).texts]
    assert charts.ABSENT_NOTE in texts
    svg = chart_svg(table)
    assert "&lt;5" in svg and "neither means zero" in svg


def test_the_total_row_and_total_column_are_left_out_of_the_chart():
    data = chart_data(BY_MONTH)
    assert data.categories == ("2025-04", "2025-05", "2025-06")
    assert [name for name, _ in data.series] == ["ICPC", "RCPC", "transfer-in"]


def test_bars_take_the_colour_blind_safe_palette_in_order():
    bars = figure(BY_MONTH).axes[0].patches
    colours = {to_hex(bar.get_facecolor()).upper() for bar in bars}
    assert colours == {c.upper() for c in charts.PALETTE[:3]}


def test_every_value_drawn_is_written_on_the_chart():
    labels = [text.get_text() for text in figure(BY_MONTH).axes[0].texts]
    for value in (12, 20, 9, 3, 2, 15, 18, 6):
        assert str(value) in labels


def test_a_percentage_line_has_a_gap_where_a_figure_is_hidden_and_labels_in_per_cent():
    table = shown(TIMELINESS)
    assert table.rows[1][3] == SUPPRESSED
    drawn = figure(table, kind="line", columns=("% in timescale",))
    ys = drawn.axes[0].lines[0].get_ydata()
    assert ys[0] == 90.0 and math.isnan(ys[1]) and ys[2] == 75.0
    labels = [text.get_text() for text in drawn.axes[0].texts]
    assert "90%" in labels and "75%" in labels
    assert drawn.axes[0].get_ylabel() == "Per cent"


@pytest.mark.parametrize("kind", ["bar", "stacked", "barh", "line"])
def test_every_kind_gives_a_png_with_a_title_and_axis_labels(kind):
    data = chart_png(shown(BY_MONTH), kind=kind, dpi=100)
    assert png_size(data) == (800, 450)
    drawn = figure(shown(BY_MONTH), kind=kind).axes[0]
    assert drawn.get_title(loc="left") == "Conferences by type and month"
    assert {drawn.get_xlabel(), drawn.get_ylabel()} == {"Month", "Number"}


def test_a_stacked_bar_starts_where_the_one_below_ends():
    bars = figure(BY_MONTH, kind="stacked").axes[0].patches
    april = sorted((bar.get_y(), bar.get_height()) for bar in bars if abs(bar.get_x() + 0.4) < 1e-9)
    assert april == [(0.0, 12.0), (12.0, 20.0), (32.0, 0.0)]


def test_the_same_table_gives_the_same_bytes():
    assert chart_png(BY_MONTH) == chart_png(BY_MONTH)
    assert chart_svg(BY_MONTH) == chart_svg(BY_MONTH)


def test_the_svg_is_an_inline_element_with_a_title_and_description_and_real_text():
    svg = chart_svg(BY_MONTH)
    assert svg.startswith('<svg role="img" aria-labelledby="conferences_by_type-title')
    assert "<?xml" not in svg and "DOCTYPE" not in svg
    assert '<title id="conferences_by_type-title">Conferences by type and month</title>' in svg
    assert "Highest: RCPC, 2025-04, 20." in svg
    assert ">Month<" in svg or "Month</text>" in svg  # text stays text, to be read and found


def test_the_description_says_what_is_charted_and_the_highest_value():
    assert chart_description(BY_MONTH) == (
        "Chart of Conferences by type and month: ICPC, RCPC, transfer-in by month. "
        "Highest: RCPC, 2025-04, 20. The figures are in the table."
    )


def test_an_empty_table_still_draws_and_says_there_is_nothing():
    empty = Table("e", "Escalations by theme", ("Theme", "Raised"), (), count_columns=("Raised",))
    assert png_size(chart_png(empty, dpi=50)) == (400, 225)
    assert "Nothing to draw" in chart_svg(empty)
    assert "No figures to draw." in chart_description(empty)


def test_rows_named_by_several_columns_are_labelled_by_all_of_them():
    table = Table(
        "attendance",
        "Attendance by quarter and role",
        ("Quarter", "Role", "Invited", "Attended"),
        (("Q1", "Mothers", 10, 8), ("Q1", "Fathers", 9, 5)),
        count_columns=("Invited", "Attended"),
    )
    assert chart_data(table).categories == ("Q1 Mothers", "Q1 Fathers")


def test_an_unknown_column_is_a_clear_error():
    with pytest.raises(ValueError, match="conferences_by_type has no column Nope"):
        chart_png(BY_MONTH, columns=("Nope",))


def test_png_bytes_open_as_an_image():
    from matplotlib.image import imread

    pixels = imread(io.BytesIO(chart_png(BY_MONTH, dpi=60)), format="png")
    assert pixels.shape[:2] == (270, 480)
