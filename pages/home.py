"""The home page: what the explorer is, and where each audience should start."""

import streamlit as st

from ui import render_home, require_router

require_router()
st.title("Leg Muscle Explorer", anchor=False)
render_home()
