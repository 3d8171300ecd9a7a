"""The bare interaction baseline: one slider, one small Altair line chart and one sentence."""

import altair as alt
import pandas as pd
import streamlit as st

value = st.slider("Value", 30, 100, 50, key="value")
st.altair_chart(
    alt.Chart(pd.DataFrame({"x": range(30, 101), "y": [x * value for x in range(30, 101)]}))
    .mark_line()
    .encode(x="x:Q", y="y:Q")
    + alt.Chart(pd.DataFrame({"x": [value]})).mark_rule().encode(x="x:Q")
)
st.markdown(f"**In words:** the line ends at {100 * value}.")
