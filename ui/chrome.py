"""Shared chrome: the router handshake, the style sheet and the footer on every page."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

_ROUTED = "_lme_routed"
_RETRIED = "_lme_router_retry"
_STYLE = Path(__file__).with_name("style.css")


def mark_routed() -> None:
    """Record that this session's script runs start in app.py (called by the router)."""
    st.session_state[_ROUTED] = True


def require_router() -> None:
    """Make sure a page is shown through app.py, with its navigation and footer.

    Why: Streamlit 1.67 treats a folder named `pages/` as an old-style multipage app until
    `st.navigation` has run in the server process (AppTest even resets that before every
    run). So when the first request a fresh server gets is a deep link
    (`/causes?x=1`), Streamlit runs that page's script on its own, without app.py. Turning
    the flag off and rerunning sends the run through app.py, which picks the same page from
    the URL. The flag is then off for good, so this cannot loop. A session that has never
    been through the router while the flag is already off (a second visitor in that same
    first moment) gets one retry; the retry key stops a page run on its own on purpose
    (AppTest of a single page file) from rerunning for ever.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
    if st.session_state.get(_ROUTED) or st.session_state.get(_RETRIED):
        return
    st.session_state[_RETRIED] = True
    st.rerun()


@st.cache_data(max_entries=1)
def _style_sheet(path: str, mtime_ns: int) -> str:
    return Path(path).read_text(encoding="utf-8")


def apply_style() -> None:
    """Add the explorer's style sheet (article typography, callouts, print rules)."""
    css = _style_sheet(str(_STYLE), _STYLE.stat().st_mtime_ns)
    st.html(f"<style>{css}</style>")


def footer() -> None:
    """The footer every page ends with: not medical advice, where to get help, privacy."""
    st.divider()
    with st.container(key="lme_footer"):
        st.caption(
            "**Educational, not medical advice.** This site cannot diagnose you. "
            "Nothing you type is stored or shared: it is used only to draw this page "
            "and is forgotten when you close the tab."
        )
        st.page_link(
            "pages/seek_care.py",
            label="When to seek care: warning signs that need a doctor now",
            icon=":material/emergency:",
        )
