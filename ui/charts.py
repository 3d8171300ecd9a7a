"""Charts for every reader: the chart, a sentence in words, and the data as a table and CSV.

Streamlit draws charts on a canvas that screen readers cannot read, so a chart is never
shown alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd
import streamlit as st

from ui.content import load_sources


def show_chart(
    chart: alt.TopLevelMixin,
    *,
    summary: str,
    data: Sequence[Mapping[str, object]],
    name: str,
) -> None:
    """Show `chart` with its one-sentence `summary` and `data` (table and CSV download).

    Args:
        chart: an Altair chart.
        summary: the chart's text alternative, one plain sentence.
        data: the numbers drawn, one row (a mapping of column to value) per point.
        name: a short stable name, used for the CSV file and widget keys.
    """
    # The unit tests validate every spec against the Vega-Lite schema; validating again on
    # every rerun would cost more than drawing the page (about 45 ms of a projection rerun).
    st.vega_lite_chart(chart.to_dict(validate=False), width="stretch")
    st.markdown(f"**In words:** {summary}")
    table = pd.DataFrame(data)
    with st.expander("The numbers behind this chart"):
        st.dataframe(table, hide_index=True, width="stretch")
        st.download_button(
            "Download these numbers (CSV)",
            table.to_csv(index=False),
            file_name=f"{name}.csv",
            mime="text/csv",
            key=f"csv_{name}",
            icon=":material/download:",
            on_click="ignore",  # a download needs no rerun (and a rerun would retire the file)
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
