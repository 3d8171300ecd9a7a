"""The exercise library: filter by level, muscle and equipment; each with a diagram."""

import streamlit as st

from lib import exercises, params
from lib.content import ContentError
from ui import require_router
from ui.content import load_library, show_content_error
from ui.exercises import exercise_card, stop_rules
from ui.inputs import url_pills
from ui.share import share_panel

require_router()
st.title("Exercise library", anchor=False)
st.caption(
    "Strength, balance and aerobic exercises for the legs, from seated to gym machines, each "
    "with steps, how much to do and safety notes from health services and guidelines."
)
stop_rules()

try:
    library = load_library()
except ContentError as err:
    show_content_error(err)
    library = ()

if library:
    filtered = any(key in st.query_params for key in ("kind", "level", "muscle", "equipment"))
    with st.expander("Filter the exercises", expanded=filtered, icon=":material/filter_list:"):
        kinds = url_pills(
            "Kind", key="kind", options={k: k.capitalize() for k in exercises.KINDS}, default=()
        )
        levels = url_pills("Level", key="level", options=exercises.LEVEL_NAMES, default=())
        muscles = url_pills("Muscles", key="muscle", options=exercises.MUSCLE_NAMES, default=())
        equipment = url_pills(
            "What you have (shows exercises that need nothing else)",
            key="equipment",
            options=exercises.EQUIPMENT_NAMES,
            default=(),
        )
    found = exercises.matching(
        library, levels=levels, muscles=muscles, equipment=equipment, kinds=kinds
    )
    wanted = params.optional_choice(
        st.query_params.get("ex"), label="exercise", options=[e.slug for e in library]
    )
    if wanted.note:
        st.info(wanted.note, icon=":material/link:")
    shown = exercises.first_then(found, library, wanted.value)
    st.caption(f"{len(found)} of {len(library)} exercises match the filters.")
    if not shown:
        st.info("No exercise matches all of these filters. Try removing one.")
    for exercise in shown:
        exercise_card(exercise, expanded=exercise.slug == wanted.value)
    share_panel()
