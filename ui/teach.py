"""The presenter's own tab (speaker notes, the next scene) and the full-screen QR slide."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from lib import scenes
from ui.present import NOTES_CSS, current_scene, follow, keys, scene_params, short_link
from ui.share import local_note, qr_code


def _index(all_scenes: Sequence[scenes.Scene]) -> int:
    found = current_scene()
    return found[1] if found is not None else 0


def _show(scene_id: str) -> None:
    st.query_params[scenes.SCENE_KEY] = scene_id


def _key_button(which: str, label: str, icon: str, scene_id: str) -> None:
    """A button the keys press (`which` is "next" or "prev"): this tab moves to the scene."""
    with st.container(key=f"lme_key_{which}", width="content"):
        st.button(label, icon=icon, on_click=_show, args=(scene_id,), key=f"lme_notes_{which}")


def notes_page(all_scenes: Sequence[scenes.Scene]) -> None:
    """The presenter view: this scene's notes and the next one's; it follows the projector."""
    index = _index(all_scenes)
    scene = all_scenes[index]
    st.html(f"<style>{NOTES_CSS}</style>")
    st.caption(
        "Presenter view: keep this tab on your own screen. The projected tab follows it, "
        "and it follows the projected tab."
    )
    with st.container(key="lme_present_bar", horizontal=True, vertical_alignment="center"):
        if index > 0:
            before = all_scenes[index - 1]
            _key_button("prev", "Previous", ":material/arrow_back:", before.id)
        st.markdown(f"**Scene {index + 1} of {len(all_scenes)}**")
        if index + 1 < len(all_scenes):
            after = all_scenes[index + 1]
            _key_button("next", "Next", ":material/arrow_forward:", after.id)
        keys()
    st.header(scene.title, anchor=False)
    st.html(scene.notes_html)
    st.page_link(
        scene.script,
        label="Show this scene in this tab instead",
        icon=":material/slideshow:",
        query_params=scene_params(scene),
    )
    if index + 1 < len(all_scenes):
        after = all_scenes[index + 1]
        with st.container(border=True):
            st.subheader(f"Next: {after.title}", anchor=False)
            st.html(after.notes_html)
    else:
        st.info("This is the last scene. Next comes the quiz.", icon=":material/school:")
    follow(scene, "present")


def qr_page(all_scenes: Sequence[scenes.Scene]) -> None:
    """The scene's QR code on the whole screen, big enough to scan from the back row."""
    scene = all_scenes[_index(all_scenes)]
    link = short_link(scene)
    with st.container(key="lme_qr_slide", horizontal_alignment="center"):
        st.markdown(f"**Scan to open: {scene.title}**")
        if link:
            qr_code(link, title=f"QR code of the scene: {scene.title}", width_px=900)
            st.markdown(f"`{link.split('://', 1)[-1]}`")
            local_note(link)
