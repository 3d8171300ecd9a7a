"""The entry file: the Streamlit app (`app.py`, the router) and the reading routes beside it.

`streamlit run streamlit_app.py` (what `make run` and Streamlit Community Cloud run) finds
the `st.App` below and serves `app.py` as usual, plus `/read/...` (every article, the
glossary, the warning signs and the exercises as plain HTML), `/sitemap.xml`, `/robots.txt`
and the link previews `/p/<page>` (see `web/reading.py`).
"""

import streamlit as st

from web.reading import routes

app = st.App("app.py", routes=routes(st.get_option("server.baseUrlPath")))
