"""The glossary: plain-language meanings of the words the explorer uses."""

import streamlit as st

from lib import linkparams as lp
from ui import render_glossary, require_router
from ui.inputs import url_text

require_router()
st.title("Glossary", anchor=False)
query = url_text(lp.QUERY, placeholder="for example: sarcopenia")
render_glossary(query)
