"""The large-text, high-contrast reading option (`?large=true` on any page).

A switch in the sidebar turns it on; a link that says `large=true` (or 1, yes, on) turns it
on too. It is kept in Session State, so it stays on as the reader moves from page to page,
and `ui.links` adds it to every link the app writes (the address bar, share links and their
QR codes, `/p/` previews, links between pages). With it on, the page gets `ui/large.css`
(body text about 22 px, text and borders at 7:1 or more, thicker focus rings) and every
chart gets larger text (`lib.charts.finish(large=True)`).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from lib import linkparams
from ui import links

_CSS = Path(__file__).with_name("large.css")
PARAM = linkparams.LARGE


@st.cache_data(max_entries=1)
def _style_sheet(path: str, mtime_ns: int) -> str:
    return Path(path).read_text(encoding="utf-8")


def large_text() -> bool:
    """Whether the reader has the large-text, high-contrast option on."""
    return st.session_state.get(PARAM.key) is True


def reading_option() -> None:
    """The sidebar switch for the option, started from the link when the link names it.

    Called by the router on every run (before the page), so the switch and its state
    outlive page changes. A link's value that is not a yes or a no is refused with a note
    on the page (not in the sidebar, which a phone folds away).
    """
    raws = st.query_params.get_all(PARAM.key)
    if links.link_is_new() and raws:
        checked = PARAM.read(raws)
        st.session_state[PARAM.key] = bool(checked.value)
        if checked.note:
            st.info(checked.note, icon=":material/link:")
    elif PARAM.key not in st.session_state:
        st.session_state[PARAM.key] = False
    from ui.results import load_wording  # ui.results imports ui.charts, which imports this

    wording = load_wording()
    st.sidebar.toggle(
        PARAM.label, key=PARAM.key, help=wording.texts["large_help"] if wording else None
    )
    if large_text():
        css = _style_sheet(str(_CSS), _CSS.stat().st_mtime_ns)
        st.html(f"<style>{css}</style>")
