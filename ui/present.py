"""Presenter mode (`?present=1`): no navigation chrome, big type, a bar to move between scenes."""

from __future__ import annotations

import streamlit as st

from lib import linkparams, scenes
from lib.content import ContentError
from ui import links
from ui.content import load_scenes

PRESENT_CSS = """
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stSidebarNav"] {
  display: none !important;
}
html { font-size: 26px !important; }
[data-testid="stMainBlockContainer"] { max-width: 94vw !important; padding-top: 1.5rem !important; }
.lme-article { max-width: none; }
.st-key-lme_present_bar { border-bottom: 2px solid #0072b2; padding-bottom: 0.4rem; }
"""


def presenting() -> bool:
    """True when the link asks for presenter mode (`present=1`, `true`, `yes` or `on`).

    On the scenes page the presenter-mode switch decides, as the reader has just set it.
    """
    if links.current_page() == "present":
        checked = links.start(linkparams.PRESENT)
        if checked is None:
            return bool(st.session_state.get(linkparams.PRESENT.key))
        return bool(checked.value)
    return bool(linkparams.PRESENT.read(st.query_params.get_all(scenes.PRESENT_KEY)).value)


def presenter_chrome() -> None:
    """In presenter mode: hide the navigation, enlarge the type, and show the scene bar."""
    if not presenting():
        return
    st.html(f"<style>{PRESENT_CSS}</style>")
    wanted = st.query_params.get(scenes.SCENE_KEY)
    if wanted is None:
        return
    try:
        all_scenes = load_scenes()
    except ContentError:
        return
    index = scenes.find(all_scenes, wanted)
    with st.container(key="lme_present_bar", horizontal=True):
        st.page_link(
            "pages/present.py",
            label="All scenes",
            icon=":material/slideshow:",
            query_params={scenes.SCENE_KEY: all_scenes[index].id, scenes.PRESENT_KEY: "1"},
        )
        if index + 1 < len(all_scenes):
            after = all_scenes[index + 1]
            st.page_link(
                after.script,
                label=f"Next: {after.title}",
                icon=":material/arrow_forward:",
                query_params=after.params(present=True),
            )
