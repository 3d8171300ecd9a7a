"""Charts for every reader: the chart, a sentence in words, and the data as a table and CSV.

Streamlit draws charts on a canvas that screen readers cannot read, so a chart is never
shown alone.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd
import streamlit as st

from lib.charts import finish
from lib.tables import html_table
from ui.content import load_sources
from ui.large import large_text

SCENE_BOX_KEY = "lme_scene_chart_box"  # a presenter's scene: where its first chart goes


def show_chart(
    chart: alt.TopLevelMixin,
    *,
    summary: str,
    data: Sequence[Mapping[str, object]],
    name: str,
    fill: bool = False,
) -> None:
    """Show `chart` with its one-sentence `summary` and `data` (table and CSV download).

    Args:
        chart: an Altair chart.
        summary: the chart's text alternative, one plain sentence.
        data: the numbers drawn, one row (a mapping of column to value) per point.
        name: a short stable name, used for the CSV file and widget keys.
        fill: a presenter's scene: the chart fills its box's height (see ui.present) and the
            numbers are left to the link the class opens.
    """
    # The unit tests validate every spec against the Vega-Lite schema; validating again on
    # every rerun would cost more than drawing the page (about 45 ms of a projection rerun).
    box = st.session_state.pop(SCENE_BOX_KEY, None)
    if box is not None and not fill:
        with box:
            show_chart(chart, summary=summary, data=data, name=name, fill=True)
        return
    spec = chart.to_dict(validate=False)
    if fill:
        # Its title goes above it as text: Vega-Lite's "fit" leaves no room for a title.
        title = spec.pop("title", None)
        if isinstance(title, dict):
            st.markdown(f"**{title.get('text', '')}**  \n{title.get('subtitle', '')}")
        elif isinstance(title, str):
            st.markdown(f"**{title}**")
        spec = finish(spec, large=large_text())  # shared type and contrast; the box's height
        spec["height"] = "container"
        spec["autosize"] = {"type": "fit", "contains": "padding"}
        st.vega_lite_chart(spec, width="stretch", height="stretch")  # its description: summary
        return
    # `finish` adds the shared type, contrast and sizing (lib.charts.CHART_CONFIG).
    st.vega_lite_chart(finish(spec, large=large_text()), width="stretch")
    st.markdown(f"**In words:** {summary}")
    with st.expander("The numbers behind this chart"):
        show_table(data, caption="The numbers drawn in the chart above")
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
    name = html.escape(caption or "Table", quote=True)
    st.html(
        f'<div class="lme-table-wrap" role="region" tabindex="0" aria-label="{name}">'
        + html_table(rows, caption=caption, row_headers=row_headers)
        + "</div>"
    )


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
