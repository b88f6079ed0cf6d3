from __future__ import annotations

import random

import numpy as np
import pytest

from analysis.suppression import FEWER_THAN_5, SUPPRESSED, is_hidden, shown, shown_count
from analysis.tables import Table

HIDDEN = (FEWER_THAN_5, SUPPRESSED)


def grid(rows, *, total_row=True, total_column=True, percentages=None, extra=()):
    """A table of counts with labels "r0".. and columns "c0".., totals added as asked."""
    body = [list(r) for r in rows]
    width = len(body[0])
    columns = [f"c{i}" for i in range(width)]
    if total_column:
        body = [[*r, sum(r)] for r in body]
        columns.append("Total")
    labelled = [[f"r{i}", *r] for i, r in enumerate(body)]
    if total_row:
        labelled.append(["Total", *(sum(col) for col in zip(*body, strict=True))])
    labelled = [[*r, *extra] for r in labelled]
    return Table(
        key="t",
        title="T",
        columns=("Label", *columns, *(f"x{i}" for i in range(len(extra)))),
        rows=tuple(tuple(r) for r in labelled),
        count_columns=tuple(columns),
        percentages=percentages or {},
        has_total_row=total_row,
        has_total_column=total_column,
    )


@pytest.mark.parametrize(
    ("n", "expected"), [(0, 0), (1, FEWER_THAN_5), (4, FEWER_THAN_5), (5, 5), (1234, 1234)]
)
def test_a_count_is_shown_as_the_dfe_shows_it(n, expected):
    assert shown_count(n) == expected


@pytest.mark.parametrize("bad", [-1, 2.5, "3", True])
def test_a_count_that_is_not_a_whole_number_of_0_or_more_is_refused(bad):
    with pytest.raises(ValueError, match="whole number"):
        shown_count(bad)


def test_primary_suppression_without_totals_hides_only_the_small_counts():
    table = grid([[0, 1, 7], [4, 5, 12]], total_row=False, total_column=False)
    assert shown(table).rows == (
        ("r0", 0, FEWER_THAN_5, 7),
        ("r1", FEWER_THAN_5, 5, 12),
    )


def test_a_small_cell_in_a_row_with_a_total_takes_the_next_smallest_with_it():
    table = grid([[3, 9, 6, 20]], total_row=False)
    assert shown(table).rows == (("r0", FEWER_THAN_5, 9, SUPPRESSED, 20, 38),)


def test_a_small_cell_in_a_column_with_a_total_takes_the_next_smallest_with_it():
    table = grid([[12], [2], [8], [30]], total_column=False)
    assert shown(table).column("c0") == [12, FEWER_THAN_5, SUPPRESSED, 30, 52]


def test_a_two_by_two_with_totals_hides_the_whole_square_but_keeps_the_totals():
    table = grid([[3, 10], [6, 7]])
    assert shown(table).rows == (
        ("r0", FEWER_THAN_5, SUPPRESSED, 13),
        ("r1", SUPPRESSED, SUPPRESSED, 13),
        ("Total", 9, 17, 26),
    )


def test_a_total_of_1_to_4_is_itself_fewer_than_5():
    table = grid([[1, 2], [0, 0]])
    assert shown(table).rows[0] == ("r0", FEWER_THAN_5, FEWER_THAN_5, FEWER_THAN_5)
    assert shown(table).rows[2] == ("Total", FEWER_THAN_5, FEWER_THAN_5, FEWER_THAN_5)


def test_zero_is_shown_and_a_nonzero_cell_is_preferred_to_protect_a_small_one():
    table = grid([[2, 0, 8]], total_row=False)
    assert shown(table).rows == (("r0", FEWER_THAN_5, 0, SUPPRESSED, 10),)


def test_secondary_suppression_runs_to_a_fixed_point_along_a_chain():
    # Hiding 6 to protect the 1 in row 0 exposes column 1's 6; that needs a partner in
    # column 1 (the 7), which exposes row 1...: one pass is not enough.
    table = grid([[1, 6, 30], [40, 7, 50], [60, 70, 80]])
    result = shown(table)
    assert result.rows[0][1] == FEWER_THAN_5
    assert sum(is_hidden(cell) for row in result.rows for cell in row) >= 4
    assert_nothing_recoverable(table, result)


def test_percentages_are_recomputed_and_blanked_where_either_count_is_hidden():
    table = Table(
        key="timeliness",
        title="ICPC timeliness",
        columns=("Month", "In timescale", "Held", "% in timescale"),
        rows=(("2026-04", 3, 10, 99.0), ("2026-05", 9, 12, 75.0), ("2026-06", 0, 0, None)),
        count_columns=("In timescale", "Held"),
        percentages={"% in timescale": ("In timescale", "Held")},
    )
    assert shown(table).column("% in timescale") == [SUPPRESSED, 75.0, None]


def test_a_percentage_of_a_secondary_suppressed_count_is_blanked_too():
    table = grid([[3, 9, 6]], total_row=False, percentages={"x0": ("c1", "Total")}, extra=(0,))
    assert shown(table).rows[0][-1] == 50.0  # 9 of 18, both shown
    table = grid([[3, 9, 6]], total_row=False, percentages={"x0": ("c2", "Total")}, extra=(0,))
    assert shown(table).rows[0][-1] == SUPPRESSED  # the 6 went with the 3


def test_labels_and_other_columns_pass_through_unchanged():
    table = grid([[2, 50]], total_row=False, extra=("median 4 days",))
    assert shown(table).rows[0][0] == "r0"
    assert shown(table).rows[0][-1] == "median 4 days"
    assert shown(table).key == table.key
    assert shown(table).columns == table.columns


def test_a_table_naming_a_column_it_does_not_have_is_refused():
    table = Table(key="t", title="T", columns=("a",), rows=((1,),), count_columns=("b",))
    with pytest.raises(ValueError, match="no column 'b'"):
        shown(table)


def lines_of(table):
    """(total cell, part cells) of every row and column sum in a shown table, as positions."""
    counts = [table.columns.index(c) for c in table.count_columns]
    n = len(table.rows)
    lines = []
    if table.has_total_column:
        lines += [((r, counts[-1]), [(r, c) for c in counts[:-1]]) for r in range(n)]
    if table.has_total_row:
        lines += [((n - 1, c), [(r, c) for r in range(n - 1)]) for c in counts]
    return lines


def assert_nothing_recoverable(raw: Table, result: Table) -> None:
    """No hidden cell is the only hidden one of a row or column and its total (a reader could
    subtract), and every 1-4 count is "fewer than 5"."""
    known = {
        (r, c)
        for r, row in enumerate(result.rows)
        for c, cell in enumerate(row)
        if not is_hidden(cell)
    }
    for total, parts in lines_of(result):
        unknown = [p for p in [total, *parts] if p not in known]
        assert len(unknown) != 1, f"{unknown[0]} is the only hidden cell in its row or column"
    for r, row in enumerate(raw.rows):
        for c, cell in enumerate(row):
            if raw.columns[c] in raw.count_columns and isinstance(cell, int) and 0 < cell < 5:
                assert result.rows[r][c] == FEWER_THAN_5


def pinned_down(result: Table) -> list[tuple[int, int]]:
    """Hidden cells that all the shown totals together determine, by numpy's rank (a check
    independent of the module's own elimination)."""
    hidden = [
        (r, c) for r, row in enumerate(result.rows) for c, cell in enumerate(row) if is_hidden(cell)
    ]
    index = {pos: i for i, pos in enumerate(hidden)}
    equations = []
    for total, parts in lines_of(result):
        equation = np.zeros(len(hidden))
        for p in parts:
            if p in index:
                equation[index[p]] = 1
        if total in index:
            equation[index[total]] = -1
        if equation.any():
            equations.append(equation)
    if not equations:
        return []
    a = np.array(equations)
    rank = np.linalg.matrix_rank(a)
    return [
        pos
        for pos, i in index.items()
        if np.linalg.matrix_rank(np.vstack([a, np.eye(len(hidden))[i]])) == rank
    ]


def test_a_cell_worked_out_from_several_rows_and_columns_together_is_protected():
    # Two squares of small counts joined by the 3 at (r0, c2): every row and column has two
    # hidden cells, yet rows r0 and r1 less columns c0 and c1 give the 3 exactly.
    table = grid([[1, 2, 3, 50], [2, 1, 60, 70], [80, 90, 1, 2], [40, 30, 2, 1]])
    result = shown(table)
    assert sum(cell == FEWER_THAN_5 for row in result.rows for cell in row) == 9
    assert any(cell == SUPPRESSED for row in result.rows for cell in row)
    assert pinned_down(result) == []
    # Primary suppression alone leaves it exposed: the check above can fail.
    primary_only = Table(
        **{
            **table.__dict__,
            "rows": tuple(
                tuple(FEWER_THAN_5 if isinstance(v, int) and 0 < v < 5 else v for v in row)
                for row in table.rows
            ),
        }
    )
    assert pinned_down(primary_only) == [(0, 3)]


@pytest.mark.parametrize("seed", range(60))
def test_no_hidden_cell_can_be_worked_out_from_shown_totals_in_random_tables(seed):
    rng = random.Random(seed)
    n_rows, n_cols = rng.randint(1, 6), rng.randint(1, 6)
    cells = [
        [rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 8, 12, 20, 45]) for _ in range(n_cols)]
        for _ in range(n_rows)
    ]
    table = grid(cells, total_row=rng.random() < 0.8, total_column=rng.random() < 0.8)
    result = shown(table)
    assert len(result.rows) == len(table.rows)
    assert_nothing_recoverable(table, result)
    assert pinned_down(result) == []
    # Shown cells keep their raw values.
    for raw_row, row in zip(table.rows, result.rows, strict=True):
        assert all(a == b for a, b in zip(raw_row, row, strict=True) if not is_hidden(b))
