"""Guideline self-check: a week of activity and protein against the US 2018 and WHO 2020 advice."""

import streamlit as st

from lib import guidelines, results
from lib import linkparams as lp
from lib.content import ContentError
from ui import require_router
from ui.content import show_content_error
from ui.inputs import url_number
from ui.present import scene_details
from ui.results import full_results_mark, load_wording, result_bar
from ui.selfcheck import (
    PILLARS,
    activity_inputs,
    guideline_input,
    load_text,
    render_assessment,
    summary_download,
    weight_kg_input,
)
from ui.share import current_link, share_panel

require_router()
st.title("Guideline self-check", anchor=False)
st.caption(
    "Compare a typical week with the physical activity guidelines (US 2018, WHO 2020) and "
    "expert protein advice. Educational, not a diagnosis; nothing you type is stored."
)

details = scene_details()
details.__enter__()
guideline = guideline_input()
left, right = st.columns(2)
with left:
    age = int(url_number(lp.SELF_CHECK_AGE))
with right:
    weight_kg = weight_kg_input()

inputs = activity_inputs(age, weight_kg, guideline)
try:
    text = load_text()
except ContentError as err:
    show_content_error(err)
else:
    assessment = guidelines.assess(inputs, text)
    wording = load_wording()
    result_bar(results.self_check_bar(assessment, text, PILLARS, wording) if wording else None)
    full_results_mark()
    render_assessment(assessment, text)
    summary_download(assessment, current_link(), text)
share_panel()
details.__exit__(None, None, None)
