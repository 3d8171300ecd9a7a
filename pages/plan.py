"""A weekly plan for the legs, built up over 4 to 12 weeks to meet the guidelines."""

import streamlit as st

from lib import exercises, plan
from lib.content import ContentError
from ui import render_article, require_router
from ui.content import load_library, show_content_error
from ui.exercises import stop_rules
from ui.inputs import url_choice, url_optional_number, url_pills, url_slider
from ui.plan import downloads, show_plan
from ui.share import current_link, share_panel

require_router()
st.title("Your weekly plan", anchor=False)
st.caption(
    "A plan that builds up strength, balance and aerobic activity week by week, to meet the "
    "US 2018 and WHO 2020 guidelines. Educational, not medical advice; nothing is stored."
)
stop_rules()

level = url_choice(
    "Where you start", key="level", options=exercises.LEVEL_NAMES, default="supported"
)
days = url_pills(
    "Days you can exercise",
    key="days",
    options=dict(zip(plan.WEEKDAYS, plan.WEEKDAY_NAMES, strict=True)),
    default=plan.WEEKDAYS[:5],
)
left, middle, right = st.columns(3)
with left:
    minutes = url_slider(
        "Minutes a day", key="minutes", lo=plan.MIN_DAY_MIN, hi=plan.MAX_DAY_MIN, default=60, step=5
    )
with middle:
    age = url_slider("Age (years)", key="age", lo=plan.MIN_AGE, hi=plan.MAX_AGE, default=70)
with right:
    weeks = url_slider("Weeks", key="weeks", lo=plan.MIN_WEEKS, hi=plan.MAX_WEEKS, default=8)
now = url_optional_number(
    "Moderate-equivalent minutes you do now each week (optional, from the self-check)",
    key="now",
    lo=0,
    hi=3000,
    step=10,
)

try:
    library = load_library()
except ContentError as err:
    show_content_error(err)
    library = ()

if not days:
    st.warning("Pick at least one day you can exercise.", icon=":material/event_busy:")
elif library:
    built = plan.build_plan(
        plan.PlanInput(
            level=level,
            days=tuple(plan.WEEKDAYS.index(d) for d in days),
            minutes_per_day=int(minutes),
            age_years=int(age),
            weeks=int(weeks),
            current_weekly_min=None if now is None else int(now),
        ),
        library,
    )
    show_plan(built, library)
    downloads(built, library, current_link())
    share_panel()
render_article("plan_notes", show_title=False)
