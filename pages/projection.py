"""Muscle over a lifetime: the ageing band, mass against strength, and a spell in bed."""

import streamlit as st

from lib import charts, projection, results
from lib import linkparams as lp
from ui import render_article, require_router, show_chart, source_line
from ui.inputs import url_choice, url_slider
from ui.present import on_scene
from ui.results import full_results_mark, load_wording, result_bar
from ui.share import share_panel

require_router()
# A presenter's scene fits one screen: the chart first, as large as the screen allows, and
# the inputs folded away under it.
scene = on_scene()
st.title("Muscle over a lifetime", anchor=False)
st.warning(
    "**An illustration of population averages, not a prediction for you.**",
    icon=":material/info:",
)
if scene:
    charts_here = st.container(key="lme_scene_chart")
    words_column, inputs_column = st.columns(2)
    words = words_column.expander("The chart in words", icon=":material/notes:")
    inputs = inputs_column.expander("Change the inputs", icon=":material/tune:")
else:
    inputs = st.container()
inputs.__enter__()

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
st.header("A spell in bed or in a cast", anchor=False)
left, right = st.columns(2)
with left:
    bedrest_age = url_slider(lp.BEDREST_AGE)
with right:
    bedrest_days = url_slider(lp.BEDREST_DAYS)

inputs.__exit__(None, None, None)
path = projection.project(
    age_years=age,
    rate_pct_per_decade=rate,
    measure=measure,
    bedrest_age_years=bedrest_age,
    bedrest_days=bedrest_days,
)
if not scene:
    # On a phone the chart is a screen below the inputs: the result in words stays in view.
    wording = load_wording()
    result_bar(results.projection_bar(path, wording) if wording else None)
    full_results_mark()
    charts_here = st.container()  # the charts below the inputs, as the page reads
reference = (
    projection.project(age_years=age, rate_pct_per_decade=rate) if measure == "strength" else None
)
with charts_here:
    # On a scene with a spell in bed, the two charts share the screen side by side.
    main, episode = (
        st.columns([3, 2]) if scene and path.has_episode else (st.container(), st.container())
    )
    with main:
        show_chart(
            charts.projection_chart,
            path,
            reference,
            summary=path.summary,
            data=path.rows(),
            name="muscle_over_a_lifetime",
            fill=scene,
        )
    if path.has_episode:
        with episode:
            show_chart(
                charts.episode_chart,
                path,
                summary=path.episode_summary,
                data=charts.episode_rows(path),
                name="bed_rest_day_by_day",
                fill=scene,
            )
if scene:
    with words:
        st.markdown(path.summary)
        if path.has_episode:
            st.markdown(path.episode_summary)
    source_line(projection.SOURCE_IDS)  # no internal fact ids on the projected screen
else:
    source_line(projection.SOURCE_IDS, projection.FACT_IDS)
    share_panel()
    render_article("projection_notes", show_title=False)
