"""Showing the exercise library: a card per exercise with its diagram, and the stop rules."""

from __future__ import annotations

import streamlit as st

from lib import figures, plan, redflags, tel
from lib.exercises import EQUIPMENT_NAMES, LEVEL_NAMES, MUSCLE_NAMES, Exercise
from ui import links, present
from ui.charts import source_line
from ui.chrome import html


def stop_rules() -> None:
    """The warning signs to stop for, above any advice to exercise, with their sources.

    On a projected scene, which must fit one screen, the box keeps when to stop and when to
    call; when to see a doctor moves under it into the scene's fold (`stop_rule_doctor`).
    """
    # The words are content/plan_rules.yaml's (plan.STOP), every country's number named.
    stop, emergency, doctor = plan.STOP.sentences()
    text = (
        f"**{stop}** {emergency}" if present.on_scene() else f"**{stop}** {emergency}\n\n{doctor}"
    )
    st.error(tel.markdown(text), icon=":material/emergency:")
    source_line(
        (*plan.STOP_SOURCES, *redflags.EMERGENCY_NUMBER_SOURCES), (*plan.STOP_FACTS, "RF-01")
    )
    links.page_link("red_flags", label="Check the warning signs", icon=":material/emergency:")


def stop_rule_doctor() -> None:
    """On a projected scene: the stop rule's same-day advice, inside the scene's fold."""
    if present.on_scene():
        st.warning(plan.STOP.sentences()[2], icon=":material/emergency:")


@st.cache_data(max_entries=64, show_spinner=False)
def _figure(key: str, title: str) -> str:
    # The same 27 diagrams on every rerun of the library page: drawn once.
    return figures.figure_img(key, title=title)


def exercise_card(exercise: Exercise, *, expanded: bool = False) -> None:
    """One exercise: its diagram, what it works, and (folded) its steps, dose and safety."""
    with st.container(border=True):
        picture, words = st.columns([2, 3], vertical_alignment="center")
        with picture:
            html(_figure(exercise.figure, exercise.title))
        with words:
            st.header(exercise.title, anchor=False)
            st.markdown(exercise.summary)
            st.caption(describe(exercise))
        with st.expander(f"How to do the {exercise.title.lower()}", expanded=expanded):
            html(exercise.html)


def describe(exercise: Exercise) -> str:
    """ "Strength · Standing, holding a support · Works: ... · You need: ..."."""
    works = ", ".join(MUSCLE_NAMES[m].split(" (")[0].lower() for m in exercise.muscles)
    needs = ", ".join(EQUIPMENT_NAMES[e].lower() for e in exercise.equipment)
    parts = [exercise.kind.capitalize(), LEVEL_NAMES[exercise.level]]
    if works:
        parts.append(f"Works: {works}")
    parts.append(f"You need: {needs}")
    return " · ".join(parts)
