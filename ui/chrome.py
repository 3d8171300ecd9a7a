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


class _Prepared:
    """HTML Streamlit takes as it is (`_repr_html_`), without dedenting it again."""

    __slots__ = ("body",)

    def __init__(self, body: str) -> None:
        self.body = body

    def _repr_html_(self) -> str:
        return self.body


def html(body: str) -> None:
    """`st.html(body)`, the same element, without Streamlit's dedent of large bodies.

    Why: st.html runs `textwrap.dedent` over every string body, about 0.15 ms for each
    4 KB (the exercise library's 54 bodies cost 9-15 ms a run, more than the rest of its
    cards). Dedenting changes nothing when no line starts with a space or a tab, which
    holds for the HTML the app builds; such a body goes in stripped, as st.html would
    leave it; any other body goes through st.html unchanged.
    """
    if "\n " in body or "\n\t" in body or body[:1] in (" ", "\t"):
        st.html(body)
    else:
        st.html(_Prepared(body.strip()))


@st.cache_data(max_entries=1)
def _style_sheet(path: str, mtime_ns: int) -> str:
    return Path(path).read_text(encoding="utf-8")


def apply_style() -> None:
    """Add the explorer's style sheet (article typography, callouts, print rules)."""
    css = _style_sheet(str(_STYLE), _STYLE.stat().st_mtime_ns)
    html(f"<style>{css}</style>")


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
