"""Our projection chart alone: one slider, the chart from `lib.charts`, its summary sentence.

Between the bare slider page (Streamlit's floor) and the whole /projection page, this
shows what our chart itself costs to rerun and redraw, apart from the rest of the page.
"""

import streamlit as st

from lib import charts, projection

age = st.slider("Age to look at", 30, 100, 50, key="age")
path = projection.project(age_years=age, rate_pct_per_decade=5)
st.vega_lite_chart(charts.projection_chart(path).to_dict(validate=False), width="stretch")
st.markdown(f"**In words:** {path.summary}")
