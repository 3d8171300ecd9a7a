"""Leg Muscle Explorer: the router. Every page, its title and its icon are defined here only."""

from pathlib import Path

import streamlit as st

from ui import apply_style, footer, links, mark_routed
from ui.large import reading_option
from ui.present import presenter_chrome

# A local favicon: a :material/...: page icon would be fetched from Google's font servers.
st.set_page_config(page_icon=str(Path(__file__).parent / "ui" / "favicon.png"), layout="centered")

pages = {
    "Start": [
        st.Page("pages/home.py", title="Home", icon=":material/home:", default=True),
    ],
    "Learn": [
        st.Page("pages/causes.py", title="Why legs get weaker", icon=":material/help:"),
        st.Page(
            "pages/consequences.py",
            title="What losing muscle does",
            icon=":material/trending_down:",
        ),
        st.Page(
            "pages/prevention.py",
            title="Keep and rebuild strength",
            icon=":material/fitness_center:",
        ),
        st.Page("pages/seek_care.py", title="When to seek care", icon=":material/emergency:"),
        st.Page(
            "pages/popular_numbers.py", title="The popular numbers", icon=":material/fact_check:"
        ),
        st.Page("pages/faq.py", title="Questions people ask", icon=":material/quiz:"),
        st.Page("pages/glossary.py", title="Glossary", icon=":material/menu_book:"),
    ],
    "Explore": [
        st.Page(
            "pages/projection.py", title="Muscle over a lifetime", icon=":material/show_chart:"
        ),
    ],
    "Move": [
        st.Page("pages/exercises.py", title="Exercise library", icon=":material/exercise:"),
        st.Page("pages/plan.py", title="Your weekly plan", icon=":material/calendar_month:"),
    ],
    "Teach": [
        st.Page("pages/present.py", title="Teach with the explorer", icon=":material/slideshow:"),
        st.Page("pages/quiz.py", title="Quiz: myths and facts", icon=":material/school:"),
        st.Page("pages/handout.py", title="Clinician handout", icon=":material/print:"),
    ],
    "Check": [
        st.Page("pages/self_check.py", title="Guideline self-check", icon=":material/checklist:"),
        st.Page(
            "pages/screening.py",
            title="Strength and balance screening",
            icon=":material/accessibility_new:",
        ),
        st.Page("pages/red_flags.py", title="Warning signs checklist", icon=":material/emergency:"),
    ],
    "About": [
        st.Page("pages/about.py", title="About and sources", icon=":material/info:"),
    ],
}

# Expanded: with the reading option in the sidebar, Streamlit would fold the menu to its
# first pages and a "View 8 more" button.
page = st.navigation(pages, expanded=True)
mark_routed()
links.begin(page.url_path)
apply_style()
reading_option()
presenter_chrome()
page.run()
footer()
links.finish()
