"""A test entry file for the stack tests: a page that takes `?sleep=` seconds to finish.

It says which replica drew it (`LME_REPLICA`, set by deploy/serve.py) and offers a download,
so a test can tell where a session's run, its websocket and its media requests went.
"""

import os
import time

import streamlit as st

st.write(f"replica: {os.environ.get('LME_REPLICA', '?')}")
try:
    seconds = min(float(st.query_params.get("sleep", "0")), 30.0)
except ValueError:
    seconds = 0.0
note = st.text_input("Note", key="note")
st.write("started")
time.sleep(seconds)
st.download_button("Download", data=f"note: {note}\n", file_name="note.txt", on_click="ignore")
st.write(f"finished after {seconds:g} s")
