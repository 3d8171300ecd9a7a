"""The glossary: plain-language meanings of the words the explorer uses."""

import streamlit as st

from ui import render_glossary, require_router

require_router()
st.title("Glossary", anchor=False)
query = st.text_input(
    "Find a word",
    key="q",
    bind="query-params",
    max_chars=60,
    placeholder="for example: sarcopenia",
)
render_glossary(query)
