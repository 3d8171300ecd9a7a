"""lib.tables: data tables as plain HTML, escaped, with headers a screen reader can use."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.tables import html_table


class _Cells(HTMLParser):
    """Rows of (tag, attributes, text) for every th/td, and every tag seen."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[tuple[str, dict[str, str | None], str]]] = []
        self.tags: list[str] = []
        self.caption = ""
        self._cell: tuple[str, dict[str, str | None]] | None = None
        self._text: list[str] = []
        self._in_caption = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("th", "td"):
            self._cell, self._text = (tag, dict(attrs)), []
        elif tag == "caption":
            self._in_caption = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self._cell is not None:
            self.rows[-1].append((*self._cell, "".join(self._text)))
            self._cell = None
        elif tag == "caption":
            self._in_caption = False

    def handle_data(self, data: str) -> None:
        if self._in_caption:
            self.caption += data
        elif self._cell is not None:
            self._text.append(data)


def parse(markup: str) -> _Cells:
    parser = _Cells()
    parser.feed(markup)
    parser.close()
    return parser


def cells(markup: str) -> list[tuple[str, dict[str, str | None], str]]:
    return [cell for row in parse(markup).rows for cell in row]


def texts(markup: str) -> list[list[str]]:
    return [[text for _, _, text in row] for row in parse(markup).rows]


def test_header_row_then_one_row_per_mapping():
    markup = html_table([{"Age": 30, "Muscle (%)": 100.0}, {"Age": 40, "Muscle (%)": 95.5}])
    assert texts(markup) == [["Age", "Muscle (%)"], ["30", "100.0"], ["40", "95.5"]]
    header = parse(markup).rows[0]
    assert all(tag == "th" and attrs["scope"] == "col" for tag, attrs, _ in header)


@pytest.mark.parametrize(
    ("values", "shown"),
    [
        ([1, 2, 3], ["1", "2", "3"]),  # whole numbers: no decimals
        ([1.0, 2.0], ["1", "2"]),  # whole floats too
        ([1.5, 2.0], ["1.5", "2.0"]),  # one column, one number of decimals
        ([0.25, 1.0], ["0.25", "1.00"]),
        ([1 / 3, 2.0], ["0.33", "2.00"]),  # at most two decimals
        ([1234.5, 2.0], ["1,234.5", "2.0"]),  # thousands separated
        ([-3.25, 0], ["-3.25", "0.00"]),
        ([float("nan"), 1.5], ["n/a", "1.5"]),  # never "nan" on screen
        ([float("inf"), 2], ["n/a", "2"]),
    ],
)
def test_numbers_line_up_with_one_number_of_decimals_per_column(values, shown):
    markup = html_table([{"x": v} for v in values])
    assert [row[0] for row in texts(markup)[1:]] == shown
    assert all(attrs.get("class") == "num" for _, attrs, _ in cells(markup))


def test_text_and_mixed_columns_are_left_as_text():
    markup = html_table([{"x": "rest", "y": True}, {"x": 3, "y": False}])
    assert texts(markup)[1:] == [["rest", "True"], ["3", "False"]]
    assert all("class" not in attrs for _, attrs, _ in cells(markup))


def test_missing_values_are_empty_cells_and_columns_keep_first_seen_order():
    markup = html_table([{"b": 1}, {"a": "x", "b": 2}, {"c": None}])
    assert texts(markup) == [["b", "a", "c"], ["1", "", ""], ["2", "x", ""], ["", "", ""]]


def test_chosen_columns_and_row_headers():
    rows = [{"Week": "1", "Mon": "rest", "Tue": "strength 20 min"}]
    markup = html_table(rows, columns=["Week", "Tue"], row_headers=True, caption="Plan")
    parsed = parse(markup)
    assert parsed.caption == "Plan"
    assert texts(markup) == [["Week", "Tue"], ["1", "strength 20 min"]]
    first, second = parsed.rows[1]
    assert first[0] == "th"
    assert first[1]["scope"] == "row"
    assert second[0] == "td"


def test_no_rows_is_an_empty_table_not_an_error():
    assert texts(html_table([])) == [[]]


@given(
    st.lists(
        st.dictionaries(
            st.text(max_size=20),
            st.one_of(st.text(max_size=40), st.integers(), st.floats(), st.none()),
            max_size=4,
        ),
        max_size=6,
    ),
    st.one_of(st.none(), st.text(max_size=40)),
)
def test_any_text_is_escaped_and_the_table_keeps_its_shape(rows, caption):
    """Hostile text (tags, quotes, ampersands) is shown as text: no element is injected."""
    markup = html_table(rows, caption=caption)
    parsed = parse(markup)
    assert set(parsed.tags) <= {"table", "caption", "thead", "tbody", "tr", "th", "td"}
    columns = list(dict.fromkeys(key for row in rows for key in row))
    assert len(parsed.rows) == 1 + len(rows)
    assert all(len(row) == len(columns) for row in parsed.rows)
    assert [text for _, _, text in parsed.rows[0]] == columns
    if caption:
        assert parsed.caption == caption
