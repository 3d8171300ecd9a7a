"""A weekly plan for the legs, built up over 4 to 12 weeks to meet the guidelines."""

import streamlit as st

from lib import plan, results
from lib.content import ContentError
from ui import render_article, require_router
from ui.content import load_library, load_plan_rules, show_content_error
from ui.exercises import stop_rule_doctor, stop_rules
from ui.plan import downloads, plan_inputs, show_plan
from ui.present import scene_details
from ui.results import full_results_mark, load_wording, result_bar
from ui.screening import load_text as load_screening_text
from ui.share import current_link, share_panel

require_router()
st.title("Your weekly plan", anchor=False)
st.caption(
    "A plan that builds up strength, balance and aerobic activity week by week, to meet the "
    "US 2018 and WHO 2020 guidelines. Educational, not medical advice; nothing is stored."
)
stop_rules()

try:
    screening_text = load_screening_text()
except ContentError as err:
    show_content_error(err)
    screening_text = None
details = scene_details()
details.__enter__()
stop_rule_doctor()
inputs = plan_inputs(text=screening_text)

try:
    library = load_library()
    rules = load_plan_rules()
except ContentError as err:
    show_content_error(err)
    library, rules = (), None

if inputs and library and rules:
    built = plan.build_plan(inputs, library, rules, screening_text)
    wording = load_wording()
    result_bar(results.plan_bar(built, wording) if wording else None)
    full_results_mark()
    show_plan(built, library, rules)
    downloads(built, library, current_link())
    share_panel()
render_article("plan_notes", show_title=False)
details.__exit__(None, None, None)
