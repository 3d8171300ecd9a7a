"""The bare chart baseline: one small Altair line chart."""

import altair as alt
import pandas as pd
import streamlit as st

st.altair_chart(
    alt.Chart(pd.DataFrame({"x": range(71), "y": range(71)})).mark_line().encode(x="x:Q", y="y:Q")
)
