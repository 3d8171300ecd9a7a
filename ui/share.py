"""The current view's shareable link (the public base comes from EXPLORER_PUBLIC_URL)."""

from __future__ import annotations

import os

import streamlit as st

from lib.links import share_link


def current_link() -> str | None:
    """The address that reopens this view with its inputs, or None outside a browser session."""
    page_url = st.context.url
    if not page_url:
        return None
    params = {key: st.query_params[key] for key in st.query_params}
    return share_link(page_url, params, os.environ.get("EXPLORER_PUBLIC_URL"))
