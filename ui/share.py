"""The current view's shareable link and its QR code (the public base is EXPLORER_PUBLIC_URL)."""

from __future__ import annotations

import html
import os
from collections.abc import Mapping
from urllib.parse import urlsplit, urlunsplit

import streamlit as st

from lib import qr
from lib.links import share_link

# Parameters that belong to presenting, not to the view a reader reopens.
_NOT_SHARED = ("present", "scene")


def current_link() -> str | None:
    """The address that reopens this view with its inputs, or None outside a browser session."""
    page_url = st.context.url
    if not page_url:
        return None
    params = {key: st.query_params[key] for key in st.query_params if key not in _NOT_SHARED}
    return share_link(page_url, params, os.environ.get("EXPLORER_PUBLIC_URL"))


def page_link_url(page: str, params: Mapping[str, str]) -> str | None:
    """The full address of another page of the app (`page` is its URL name) with `params`."""
    here = st.context.url
    if not here:
        return None
    parts = urlsplit(here)
    root = parts.path.rstrip("/").rsplit("/", 1)[0] if parts.path.strip("/") else ""
    page_url = urlunsplit((parts.scheme, parts.netloc, f"{root}/{page}", "", ""))
    return share_link(page_url, params, os.environ.get("EXPLORER_PUBLIC_URL"))


@st.cache_data(max_entries=64, show_spinner=False)
def _qr_img(link: str, title: str) -> str:
    # About 5 ms to encode: cached, since every rerun of an interactive page draws it again.
    return qr.qr_img(link, title=title)


def qr_code(link: str, *, title: str, width_px: int = 220) -> None:
    """The link's QR code, drawn on the page (no image is fetched from anywhere)."""
    try:
        image = _qr_img(link, title)
    except ValueError:
        st.caption("This link is too long for a QR code; copy it instead.")
        return
    st.html(f'<div class="lme-qr-box" style="width:{width_px}px;max-width:100%">{image}</div>')


def share_panel(*, expanded: bool = False) -> None:
    """Share this view: its link to copy and a QR code a phone can scan."""
    link = current_link()
    if link is None:
        return
    with st.expander(
        "Share this view (link and QR code)", icon=":material/qr_code_2:", expanded=expanded
    ):
        code, words = st.columns([1, 2], vertical_alignment="center")
        with code:
            qr_code(link, title="QR code of this view's link")
        with words:
            st.markdown("Scan the code with a phone camera, or copy the link:")
            # Plain text, not st.code: its copy button costs 1.5 MB of syntax-highlighter
            # JavaScript on every page with a share panel (bench/RESULTS.md, cold loads).
            st.html(f'<p><code class="lme-link">{html.escape(link)}</code></p>')
            st.caption(
                "One click selects the whole link; then copy it (Ctrl+C, or ⌘+C on a Mac). "
                "The link holds only what is on screen; nothing is stored."
            )
