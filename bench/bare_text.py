"""The bare baseline: a one-line Streamlit page."""

import streamlit as st

st.write("Hello")
