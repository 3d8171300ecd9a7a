"""The entry file: the Streamlit app (`app.py`, the router) and the reading routes beside it.

`streamlit run streamlit_app.py` (what `make run` and Streamlit Community Cloud run) finds
the `st.App` below and serves `app.py` as usual, plus `/read/...` (every article, the
glossary, the warning signs and the exercises as plain HTML), `/sitemap.xml`, `/robots.txt`
and the link previews `/p/<page>` (see `web/reading.py`).
"""

import altair  # noqa: F401  (see below)
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from lib import charts, pdf  # noqa: F401  (see below)
from web.reading import routes

# Streamlit imports this file when the server starts, before any session runs:
# - app.py routes (st.navigation), so Streamlit must not treat the folder `pages/` as an
#   old-style multipage app. Without this, the first deep link a fresh process got
#   (`/projection?age=80`: a class scanning a QR code) ran twice, first as the page alone,
#   then through app.py (see `ui.chrome.require_router`, which still does that rerun, once
#   per process, under `streamlit run app.py`). Streamlit's own st.navigation sets the same.
# - the libraries behind the charts and the PDFs are imported above (about 0.5 s once per
#   process), so the first reader does not wait for them.
PagesManager.uses_pages_directory = False
app = st.App("app.py", routes=routes(st.get_option("server.baseUrlPath")))
