"""The exercise library: filter by level, muscle and equipment; each with a diagram."""

import streamlit as st

from lib import exercises
from lib import linkparams as lp
from lib.content import ContentError
from ui import require_router
from ui.content import load_library, show_content_error
from ui.exercises import exercise_card, stop_rules
from ui.inputs import url_pills, url_value
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
    filters = ("kind", "level", "muscle", "equipment")
    filtered = any(k in st.query_params or st.session_state.get(k) for k in filters)
    with st.expander("Filter the exercises", expanded=filtered, icon=":material/filter_list:"):
        kinds = url_pills(lp.KIND)
        levels = url_pills(lp.LEVELS)
        muscles = url_pills(lp.MUSCLE)
        equipment = url_pills(lp.EQUIPMENT)
    found = exercises.matching(
        library, levels=levels, muscles=muscles, equipment=equipment, kinds=kinds
    )
    wanted = url_value(lp.EXERCISE.with_options({e.slug: e.title for e in library}))
    shown = exercises.first_then(found, library, wanted)
    st.caption(f"{len(found)} of {len(library)} exercises match the filters.")
    if not shown:
        st.info("No exercise matches all of these filters. Try removing one.")
    for exercise in shown:
        exercise_card(exercise, expanded=exercise.slug == wanted)
    share_panel()
