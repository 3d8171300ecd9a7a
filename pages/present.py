"""Presenter mode: preset scenes for a class, each a deep link with speaker notes and a QR code."""

import streamlit as st

from lib import linkparams, scenes
from lib.content import ContentError
from ui import links, require_router
from ui.content import load_scenes, show_content_error
from ui.inputs import url_select, url_toggle
from ui.links import link_to
from ui.present import notes_button, notes_view, present_params, presenting, qr_slide, scene_params
from ui.share import local_note, qr_code
from ui.teach import notes_page, qr_page

require_router()

try:
    all_scenes = load_scenes()
except ContentError as err:
    st.title("Teach with the explorer", anchor=False)
    show_content_error(err)
    all_scenes = ()

if all_scenes and presenting() and qr_slide():
    qr_page(all_scenes)
elif all_scenes and presenting() and notes_view():
    notes_page(all_scenes)
elif all_scenes:
    st.title("Teach with the explorer", anchor=False)
    ids = [s.id for s in all_scenes]
    titles = {s.id: f"{n}. {s.title}" for n, s in enumerate(all_scenes, start=1)}
    if not presenting():
        st.caption(
            "Pick a scene and open it on the projector; the class can scan the QR code to "
            "open the same scene on their phones. Turn on presenter mode for big type."
        )
    present = url_toggle(linkparams.PRESENT)
    wanted = url_select(linkparams.SCENE.with_options(titles, default=ids[0]))
    index = ids.index(wanted)
    scene = all_scenes[index]

    def _go(step: int) -> None:
        st.session_state[scenes.SCENE_KEY] = ids[(index + step) % len(ids)]

    with st.container(horizontal=True):
        st.button(
            "Previous", icon=":material/arrow_back:", on_click=_go, args=(-1,), disabled=index == 0
        )
        st.button(
            "Next",
            icon=":material/arrow_forward:",
            on_click=_go,
            args=(1,),
            disabled=index == len(ids) - 1,
        )
    st.header(scene.title, anchor=False)
    show, code = st.columns([3, 2], vertical_alignment="center")
    with show:
        st.page_link(
            scene.script,
            label=f"Open the scene: {scene.title}",
            icon=":material/open_in_new:",
            query_params=scene_params(scene) if present else scene.params(present=False),
        )
        if present:
            # Notes stay off the projected screen: they open in the presenter's own tab.
            notes_button(scene, "Speaker notes and the next scene (a second tab)")
            st.page_link(
                "pages/present.py",
                label="The QR code on the whole screen",
                icon=":material/qr_code_2:",
                query_params=present_params(scene, qr="1"),
            )
        else:
            with st.expander("Speaker notes", expanded=True, icon=":material/notes:"):
                st.html(scene.notes_html)
    link = link_to(scene.page, linkparams.canonical(scene.page, scene.query))
    with code:
        if link:
            qr_code(link, title=f"QR code of the scene: {scene.title}", width_px=300)
            st.caption(link)
    if link:
        local_note(link)  # across the page: its addresses do not fit the QR code's column
    links.page_link("quiz", label="Then the quiz: myths and facts", icon=":material/school:")
