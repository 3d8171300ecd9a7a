"""Offering a printable one-page summary for download."""

from __future__ import annotations

import streamlit as st

from lib import report


def download_report(document: report.Report, *, file_name: str, key: str) -> None:
    """A download button for `document` as a self-contained, printable HTML page."""
    st.download_button(
        "Download a printable summary (HTML)",
        # Made when clicked, not on every rerun (the QR code and escaping cost a few ms).
        lambda: report.printable_html(document),
        file_name=file_name,
        mime="text/html",
        icon=":material/print:",
        key=key,
        on_click="ignore",  # a download needs no rerun (and a rerun would retire the file)
    )
