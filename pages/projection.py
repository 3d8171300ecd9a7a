"""Muscle over a lifetime: the ageing band, mass against strength, and a spell in bed."""

import streamlit as st

from lib import charts, projection
from ui import render_article, require_router, show_chart, source_line
from ui.inputs import url_choice, url_slider
from ui.share import share_panel

require_router()
st.title("Muscle over a lifetime", anchor=False)
st.warning(
    "**An illustration of population averages, not a prediction for you.**",
    icon=":material/info:",
)

age = url_slider("Age to look at", key="age", lo=30, hi=100, default=50)
rate = url_slider(
    "Loss per decade from 30 (%)",
    key="rate",
    lo=3,
    hi=8,
    default=5,
    step=0.5,
    integer=False,
    format="%.1f",
    help="Reviews give about 3% to 8% per decade after 30. From 60 the measured rates take over.",
)
measure = url_choice(
    "Show", key="measure", options={"mass": "Muscle mass", "strength": "Strength"}, default="mass"
)
st.header("A spell in bed or in a cast", anchor=False)
left, right = st.columns(2)
with left:
    bedrest_age = url_slider(
        "Age at the spell in bed", key="bedrest_age", lo=30, hi=100, default=70
    )
with right:
    bedrest_days = url_slider(
        "Days in bed (0 for none)", key="bedrest_days", lo=0, hi=60, default=0
    )

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
