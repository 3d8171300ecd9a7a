"""Charts for every reader: the chart, a sentence in words, and the data as a table and CSV.

Streamlit draws charts on a canvas that screen readers cannot read, so a chart is never
shown alone.
"""

from __future__ import annotations

import functools
import html
import json
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st
from streamlit.dataframe_util import convert_anything_to_arrow_bytes

from lib import linkparams
from lib.charts import finish, projected
from lib.content import ContentError
from lib.tables import html_table
from ui import chrome, links
from ui.content import load_scenes, load_sources
from ui.large import large_text

SCENE_BOX_KEY = "lme_scene_chart_box"  # a presenter's scene: where its first chart goes


Build = Callable[..., alt.TopLevelMixin]


@dataclass(frozen=True)
class Drawn:
    """A chart ready for `st.vega_lite_chart`, in a form no session can change.

    The spec is kept as JSON text and each session gets its own dict from it
    (`spec()`), because Streamlit edits the dict it is given; the named datasets are kept
    as the Arrow bytes Streamlit would make of them (bytes cannot be changed).
    """

    spec_json: str
    datasets: tuple[tuple[str, bytes], ...]
    title: str | None  # a scene's title, shown above the chart as Markdown

    def spec(self) -> dict[str, Any]:
        spec: dict[str, Any] = json.loads(self.spec_json)
        if self.datasets:
            spec["datasets"] = dict(self.datasets)
        return spec


def draw(chart: alt.TopLevelMixin, *, fill: bool = False, large: bool = False) -> Drawn:
    """What `show_chart` sends for `chart`: the finished spec, datasets as Arrow, a title.

    `fill`: a presenter's scene (the chart fills its box, its title goes above it as text).
    `large`: the large-text, high-contrast reading option (`ui.large`).
    """
    # The unit tests validate every spec against the Vega-Lite schema; validating again on
    # every rerun would cost more than drawing the page (about 45 ms of a projection rerun).
    spec = chart.to_dict(validate=False)
    title_md = None
    if fill:
        # Its title goes above it as text: Vega-Lite's "fit" leaves no room for a title.
        title = spec.pop("title", None)
        if isinstance(title, dict):
            title_md = f"**{title.get('text', '')}**  \n{title.get('subtitle', '')}"
        elif isinstance(title, str):
            title_md = f"**{title}**"
        # The shared type and contrast, grown for the room; the size is the box's.
        spec = projected(finish(spec, large=large))
    else:
        # `finish` adds the shared type, contrast and sizing (lib.charts.CHART_CONFIG).
        spec = finish(spec, large=large)
    named = spec.pop("datasets", None) or {}
    datasets = tuple(
        (str(name), convert_anything_to_arrow_bytes(rows)) for name, rows in named.items()
    )
    return Drawn(json.dumps(spec), datasets, title_md)


@functools.lru_cache(maxsize=64)
def _drawn_once(build: Build, args: tuple[Hashable, ...], fill: bool, large: bool) -> Drawn:
    """`draw(build(*args))`, once per process for each known view (see `known_view`)."""
    return draw(build(*args), fill=fill, large=large)


@functools.lru_cache(maxsize=64)
def _table_once(rows: tuple[tuple[tuple[str, object], ...], ...], caption: str) -> str:
    return _table_html([dict(row) for row in rows], caption=caption, row_headers=False)


def _hashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def known_view() -> bool:
    """Whether this run's inputs so far are the page's defaults or one of its scenes' links.

    Only such views, the same for every reader who opens them (the menu, a presenter's QR
    code), have their charts kept for the whole process: what a reader sets is drawn for
    that reader's session only, and never kept where another session could reach it.
    """
    items = tuple(sorted(links.view_items()))
    if not items:
        return True
    page = links.current_page() or ""
    try:
        scenes = load_scenes()
    except ContentError:  # a broken scenes file is for the present page to report
        return False
    return any(
        scene.page == page and tuple(sorted(linkparams.canonical(page, scene.query))) == items
        for scene in scenes
    )


def show_chart(
    chart: alt.TopLevelMixin | Build,
    *args: Hashable,
    summary: str,
    data: Sequence[Mapping[str, object]],
    name: str,
    fill: bool = False,
) -> None:
    """Show a chart with its one-sentence `summary` and `data` (table and CSV download).

    Args:
        chart: an Altair chart, or a function of `args` that builds one (a chart function of
            `lib.charts` and its frozen, hashable inputs). Given a function, a known view's
            chart (the page's defaults, a presenter's scene: `known_view`) is built once
            per process and shared; any other is built for this run only.
        summary: the chart's text alternative, one plain sentence.
        data: the numbers drawn, one row (a mapping of column to value) per point.
        name: a short stable name, used for the CSV file and widget keys.
        fill: a presenter's scene: the chart fills its box's height (see ui.present) and the
            numbers are left to the link the class opens.
    """
    box = st.session_state.pop(SCENE_BOX_KEY, None)
    if box is not None and not fill:
        with box:
            show_chart(chart, *args, summary=summary, data=data, name=name, fill=True)
        return
    shared = not isinstance(chart, alt.TopLevelMixin) and _hashable(args) and known_view()
    large = large_text()
    if isinstance(chart, alt.TopLevelMixin):
        drawn = draw(chart, fill=fill, large=large)
    elif shared:
        drawn = _drawn_once(chart, args, fill, large)
    else:
        drawn = draw(chart(*args), fill=fill, large=large)
    if fill:
        if drawn.title is not None:
            st.markdown(drawn.title)
        st.vega_lite_chart(drawn.spec(), width="stretch", height="stretch")  # its summary
        return
    st.vega_lite_chart(drawn.spec(), width="stretch")
    st.markdown(f"**In words:** {summary}")
    with st.expander("The numbers behind this chart"):
        caption = "The numbers drawn in the chart above"
        rows = tuple(tuple(row.items()) for row in data) if shared else None
        if rows is not None and _hashable(rows):
            _show_table_html(_table_once(rows, caption))
        else:
            show_table(data, caption=caption)
        st.download_button(
            "Download these numbers (CSV)",
            lambda: pd.DataFrame(data).to_csv(index=False),
            file_name=f"{name}.csv",
            mime="text/csv",
            key=f"csv_{name}",
            icon=":material/download:",
            on_click="ignore",  # a download needs no rerun (and a rerun would retire the file)
        )


def show_table(
    rows: Sequence[Mapping[str, object]],
    *,
    caption: str | None = None,
    row_headers: bool = False,
) -> None:
    """`rows` as a plain HTML table (see `lib.tables` for why not `st.dataframe`).

    The wrapper scrolls sideways when the table is wider than the screen, so it is a named
    region a keyboard can reach and scroll (WCAG 2.1.1; axe's scrollable-region-focusable).
    """
    _show_table_html(_table_html(rows, caption=caption, row_headers=row_headers))


def _table_html(
    rows: Sequence[Mapping[str, object]], *, caption: str | None, row_headers: bool
) -> str:
    name = html.escape(caption or "Table", quote=True)
    return (
        f'<div class="lme-table-wrap" role="region" tabindex="0" aria-label="{name}">'
        + html_table(rows, caption=caption, row_headers=row_headers)
        + "</div>"
    )


def _show_table_html(table: str) -> None:
    chrome.html(table)


def source_line(source_ids: tuple[str, ...], fact_ids: tuple[str, ...] = ()) -> None:
    """A caption naming and linking the sources behind what is on screen (and fact ids)."""
    sources = load_sources()
    links = [
        f"[{sources[s].short_author} {sources[s].year or 'n.d.'}]({sources[s].link})"
        for s in source_ids
        if s in sources
    ]
    facts = f" Fact ids: {', '.join(fact_ids)}." if fact_ids else ""
    st.caption(f"Sources: {'; '.join(links)}.{facts}")
