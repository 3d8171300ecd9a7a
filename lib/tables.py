"""Data tables as plain, accessible HTML: the numbers behind a chart, a week-by-week grid.

Why not `st.dataframe` or `st.table`: both make the browser fetch Streamlit's data-grid
code (about 2.8 MB of JavaScript for `st.dataframe`, with its syntax highlighter and Arrow
formatting) before the page settles, which was the largest part of the chart pages' extra
load time in `bench/RESULTS.md`. A screen reader reads a plain `<table>` best anyway.

Every cell is escaped; numbers are right-aligned (and given one fixed number of decimals per
column) so that columns of figures line up.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence
from numbers import Real

Row = Mapping[str, object]


def _is_number(value: object) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool)


def _decimals(values: Sequence[object]) -> int | None:
    """Decimals to show for a column of numbers (None: not all numbers), at most 2."""
    numbers = [v for v in values if v is not None]
    if not numbers or not all(_is_number(v) for v in numbers):
        return None
    places = 0
    for value in numbers:
        number = float(value)  # type: ignore[arg-type]  # checked by _is_number
        if not math.isfinite(number):
            continue
        for wanted in range(3):
            if round(number, wanted) == number:
                break
        places = max(places, wanted)
    return places


def _cell(value: object, decimals: int | None) -> str:
    if value is None:
        return ""
    if decimals is not None and _is_number(value):
        number = float(value)  # type: ignore[arg-type]  # checked by _is_number
        return "n/a" if not math.isfinite(number) else f"{number:,.{decimals}f}"
    return html.escape(str(value))


def html_table(
    rows: Sequence[Row],
    *,
    caption: str | None = None,
    columns: Sequence[str] | None = None,
    row_headers: bool = False,
) -> str:
    """`rows` as an HTML `<table>` with column headers (and row headers if `row_headers`).

    Args:
        rows: one mapping of column name to value per row; a missing value is an empty cell.
        caption: a visible caption that names the table for screen readers.
        columns: the columns in order (default: the keys of the rows, first seen first).
        row_headers: draw the first column as row headers (`<th scope="row">`).
    """
    if columns is None:
        seen: dict[str, None] = {}
        for row in rows:
            seen.update(dict.fromkeys(row))
        columns = list(seen)
    places = {c: _decimals([row.get(c) for row in rows]) for c in columns}
    head = "".join(
        f'<th scope="col"{" class=num" if places[c] is not None else ""}>{html.escape(c)}</th>'
        for c in columns
    )
    body = []
    for row in rows:
        cells = []
        for index, column in enumerate(columns):
            numeric = places[column] is not None
            tag = "th" if row_headers and index == 0 else "td"
            scope = ' scope="row"' if tag == "th" else ""
            css = " class=num" if numeric else ""
            cells.append(f"<{tag}{scope}{css}>{_cell(row.get(column), places[column])}</{tag}>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    title = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (
        f'<table class="lme-table">{title}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )
