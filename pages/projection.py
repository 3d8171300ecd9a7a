"""Muscle over a lifetime: the ageing band, mass against strength, and a spell in bed."""

import streamlit as st

from lib import charts, projection
from lib import linkparams as lp
from ui import render_article, require_router, show_chart, source_line
from ui.inputs import url_choice, url_slider
from ui.share import share_panel

require_router()
st.title("Muscle over a lifetime", anchor=False)
st.warning(
    "**An illustration of population averages, not a prediction for you.**",
    icon=":material/info:",
)

age = url_slider(lp.PROJECTION_AGE)
rate = url_slider(
    lp.RATE,
    format="%.1f",
    help=(
        "Reviews give about 3% to 8% per decade after 30. Where studies measured the rates, the "
        "chart uses them at those ages only; elsewhere the line is dashed and marked extrapolated."
    ),
)
measure = url_choice(lp.MEASURE)
st.subheader("A spell in bed or in a cast", anchor=False)
left, right = st.columns(2)
with left:
    bedrest_age = url_slider(lp.BEDREST_AGE)
with right:
    bedrest_days = url_slider(lp.BEDREST_DAYS)

path = projection.project(
    age_years=age,
    rate_pct_per_decade=rate,
    measure=measure,
    bedrest_age_years=bedrest_age,
    bedrest_days=bedrest_days,
)
reference = (
    projection.project(age_years=age, rate_pct_per_decade=rate) if measure == "strength" else None
)
show_chart(
    charts.projection_chart(path, reference),
    summary=path.summary,
    data=path.rows(),
    name="muscle_over_a_lifetime",
)
if path.has_episode:
    show_chart(
        charts.episode_chart(path),
        summary=path.episode_summary,
        data=charts.episode_rows(path),
        name="bed_rest_day_by_day",
    )
source_line(projection.SOURCE_IDS, projection.FACT_IDS)
share_panel()
render_article("projection_notes", show_title=False)
