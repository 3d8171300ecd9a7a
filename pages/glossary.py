"""The glossary: plain-language meanings of the words the explorer uses."""

import streamlit as st

from ui import render_glossary, require_router
from ui.inputs import url_text

require_router()
st.title("Glossary", anchor=False)
query = url_text("Find a word", key="q", max_chars=60, placeholder="for example: sarcopenia")
render_glossary(query)
