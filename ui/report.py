"""Offering a printable one-page summary for download."""

from __future__ import annotations

import streamlit as st

from lib import report


def download_report(document: report.Report, *, file_name: str, key: str) -> None:
    """A download button for `document` as a self-contained, printable HTML page."""
    st.download_button(
        "Download a printable summary (HTML)",
        report.printable_html(document),
        file_name=file_name,
        mime="text/html",
        icon=":material/print:",
        key=key,
    )
