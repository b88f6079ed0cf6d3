"""Disclosure control, as the DfE's children in need statistics apply it.

Every count from 1 to 4 is shown as "fewer than 5" (primary suppression). A reader who sees a
row or column total and all but one of the cells it adds up could work the missing cell out, so
more cells are hidden ("suppressed", secondary suppression) until no hidden cell can be worked
out from the totals the table shows. "Worked out" is tested exactly: each total is a linear
equation over the hidden cells, and a hidden cell is recoverable when those equations pin it
down (not only when it is alone in its row or column: a hidden cell that links two blocks of
hidden cells is recoverable too). Percentages are recomputed from the raw counts and shown only
where both counts they come from are shown.

Zero is shown as 0, as the DfE does: a zero says no one is in a group, which identifies no one,
and hiding zeros would make every sparse table unreadable. What this does not guard against: a
reader who also uses that hidden cells are 1-4 (or at least 5) to narrow a sum, and sums shared
between different tables. Tables are built so that neither gives much away.
"""

from __future__ import annotations

import dataclasses

from analysis.tables import Cell, Table

FEWER_THAN_5 = "fewer than 5"
SUPPRESSED = "suppressed"
THRESHOLD = 5  # counts from 1 to THRESHOLD - 1 are hidden

Position = tuple[int, int]  # (row index, column index) in Table.rows


def shown_count(n: int) -> int | str:
    """N as it may be shown: 0 stays 0, 1 to 4 become "fewer than 5", 5 and over stay."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError(f"a count must be a whole number of 0 or more, not {n!r}")
    return FEWER_THAN_5 if 0 < n < THRESHOLD else n


def is_hidden(cell: Cell) -> bool:
    """Whether CELL was hidden by disclosure control."""
    return cell in (FEWER_THAN_5, SUPPRESSED)


def shown(table: Table) -> Table:
    """TABLE as it may be published: same shape, small counts hidden, percentages recomputed."""
    _check(table)
    counts = _counts(table)
    primary = {pos for pos, n in counts.items() if 0 < n < THRESHOLD}
    secondary = _secondary(counts, _lines(table, counts), primary)
    rows = [list(row) for row in table.rows]
    for r, c in primary:
        rows[r][c] = FEWER_THAN_5
    for r, c in secondary:
        rows[r][c] = SUPPRESSED
    _recompute_percentages(table, rows)
    return dataclasses.replace(table, rows=tuple(tuple(row) for row in rows))


def _check(table: Table) -> None:
    for name in (*table.count_columns, *table.percentages):
        if name not in table.columns:
            raise ValueError(f"table {table.key!r} has no column {name!r}")
    for pct, (numerator, denominator) in table.percentages.items():
        for name in (numerator, denominator):
            if name not in table.columns:
                raise ValueError(f"percentage {pct!r} of table {table.key!r} needs column {name!r}")
    for row in table.rows:
        if len(row) != len(table.columns):
            raise ValueError(f"table {table.key!r} has a row of the wrong length: {row!r}")


def _counts(table: Table) -> dict[Position, int]:
    """The whole-number cells of the count columns (None or text cells say nothing)."""
    indices = [table.columns.index(name) for name in table.count_columns]
    counts = {}
    for r, row in enumerate(table.rows):
        for c in indices:
            value = row[c]
            if isinstance(value, int) and not isinstance(value, bool):
                if value < 0:
                    raise ValueError(f"table {table.key!r} has a negative count in row {r + 1}")
                counts[(r, c)] = value
    return counts


# A line is a total and the cells that add up to it.
Line = tuple[Position, tuple[Position, ...]]


def _lines(table: Table, counts: dict[Position, int]) -> list[Line]:
    """Every row and column sum the table shows (only where it says it has totals)."""
    indices = [table.columns.index(name) for name in table.count_columns]
    n_rows = len(table.rows)
    lines: list[Line] = []
    if table.has_total_column and len(indices) > 1:
        total, parts = indices[-1], indices[:-1]
        for r in range(n_rows):
            lines.append(((r, total), tuple((r, c) for c in parts)))
    if table.has_total_row and n_rows > 1:
        for c in indices:
            lines.append(((n_rows - 1, c), tuple((r, c) for r in range(n_rows - 1))))
    # Cells that are not counts (None, text) cannot be hidden and add nothing to a sum.
    return [(total, tuple(p for p in parts if p in counts)) for total, parts in lines]


def _secondary(
    counts: dict[Position, int], lines: list[Line], primary: set[Position]
) -> set[Position]:
    """The cells to hide so that no hidden cell can be worked out; repeats to a fixed point."""
    hidden = set(primary)
    while True:
        _cover_lone_cells(counts, lines, hidden)
        # What is left is rarer: a hidden cell pinned down by several lines taken together.
        recoverable = _recoverable(lines, hidden)
        if not recoverable:
            break
        choice = _complement(counts, lines, hidden, recoverable)
        if choice is None:  # every cell near them is hidden already; cannot happen with totals
            break
        hidden.add(choice)
    return hidden - primary


def _cover_lone_cells(
    counts: dict[Position, int], lines: list[Line], hidden: set[Position]
) -> None:
    """The DfE's rule: while a row or column has one hidden cell (counting its total), hide
    the next smallest cell in it too. Cheap, and enough for most tables."""
    changed = True
    while changed:
        changed = False
        for total, parts in lines:
            cells = [p for p in (*parts, total) if p in counts]
            if not parts or sum(p in hidden for p in cells) != 1:
                continue
            shown_cells = [p for p in cells if p not in hidden]
            if shown_cells:
                hidden.add(min(shown_cells, key=lambda p: _preference(counts, lines, p)))
                changed = True


def _preference(counts: dict[Position, int], lines: list[Line], pos: Position) -> tuple:
    """Which cell to hide first: inside the table before any total (totals stay shown where
    they can), above zero before zero (hiding a 0 protects little), smallest, then first."""
    is_total = any(pos == total for total, _ in lines)
    return (is_total, counts[pos] == 0, counts[pos], pos)


def _complement(
    counts: dict[Position, int],
    lines: list[Line],
    hidden: set[Position],
    recoverable: set[Position],
) -> Position | None:
    """The next cell to hide: one in a row or column of a RECOVERABLE cell, the one that
    leaves fewest cells recoverable, then by `_preference`."""
    candidates: set[Position] = set()
    for total, parts in lines:
        if total in recoverable or recoverable.intersection(parts):
            candidates.update((*parts, total))
    candidates = {p for p in candidates if p in counts and p not in hidden}
    if not candidates:
        return None
    return min(
        candidates,
        key=lambda p: (
            len(_recoverable(lines, hidden | {p})),
            *_preference(counts, lines, p),
        ),
    )


def _recoverable(lines: list[Line], hidden: set[Position]) -> set[Position]:
    """The hidden cells the shown totals and cells pin down exactly.

    Each line gives sum(hidden parts) - (hidden total) = a known number. A hidden cell is
    recoverable when its unit vector lies in the span of those equations, that is, when the
    reduced row echelon form has a row with that cell alone.
    """
    variables = sorted(hidden)
    index = {pos: i for i, pos in enumerate(variables)}
    equations: list[dict[int, int]] = []
    for total, parts in lines:
        equation = {index[p]: 1 for p in parts if p in index}
        if total in index:
            equation[index[total]] = _PRIME - 1  # -1
        if equation:
            equations.append(equation)
    return {variables[i] for i in _pinned(equations)}


# Elimination is done modulo a large prime: exact, and far faster than fractions. With
# coefficients of 0 and 1 in tables of a few thousand cells, a rank that differs modulo this
# prime from the rank over the rationals would need a determinant divisible by 2**61 - 1.
_PRIME = 2**61 - 1


def _pinned(equations: list[dict[int, int]]) -> set[int]:
    """The variables a set of sparse linear equations determine (Gauss-Jordan elimination)."""
    reduced: list[tuple[int, dict[int, int]]] = []  # (pivot, row) with row[pivot] == 1
    for equation in equations:
        row = dict(equation)
        for pivot, other in reduced:
            factor = row.get(pivot)
            if factor:
                _subtract(row, other, factor)
        if not row:
            continue
        pivot = min(row)
        inverse = pow(row[pivot], -1, _PRIME)
        row = {k: v * inverse % _PRIME for k, v in row.items()}
        for i, (other_pivot, other) in enumerate(reduced):
            factor = other.get(pivot)
            if factor:
                _subtract(other, row, factor)
                reduced[i] = (other_pivot, other)
        reduced.append((pivot, row))
    return {pivot for pivot, row in reduced if len(row) == 1}


def _subtract(row: dict[int, int], other: dict[int, int], factor: int) -> None:
    """ROW -= FACTOR * OTHER, in place, dropping what becomes zero."""
    for k, v in other.items():
        value = (row.get(k, 0) - factor * v) % _PRIME
        if value:
            row[k] = value
        else:
            row.pop(k, None)


def _recompute_percentages(table: Table, rows: list[list[Cell]]) -> None:
    for pct, (numerator, denominator) in table.percentages.items():
        p, n, d = (table.columns.index(name) for name in (pct, numerator, denominator))
        for raw, row in zip(table.rows, rows, strict=True):
            if is_hidden(row[n]) or is_hidden(row[d]):
                row[p] = SUPPRESSED
            else:
                row[p] = percentage(raw[n], raw[d])


def percentage(numerator: Cell, denominator: Cell) -> float | None:
    """100 * NUMERATOR / DENOMINATOR to one decimal place; None where there is nothing to divide."""
    if not isinstance(numerator, int | float) or not isinstance(denominator, int | float):
        return None
    if not denominator:
        return None
    return round(100 * numerator / denominator, 1)
