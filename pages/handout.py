"""A clinician handout: pick sections, fill them in, print one page with a QR code back here."""

import streamlit as st

from lib import guidelines, plan
from lib import linkparams as lp
from lib.content import ContentError
from ui import require_router
from ui.content import load_library, load_plan_rules, show_content_error
from ui.handout import SECTIONS, make_handout, pdf_inputs, preview_and_download
from ui.inputs import url_number, url_pills
from ui.plan import plan_inputs, screening_values
from ui.screening import load_text as load_screening_text
from ui.screening import screening_inputs, sex_input
from ui.selfcheck import activity_inputs, guideline_input, weight_kg_input
from ui.selfcheck import load_text as load_guideline_text
from ui.share import current_link, share_panel

require_router()
st.title("Clinician handout", anchor=False)
st.caption(
    "For clinicians and patients together: choose what to include, fill it in, and download one "
    "PDF page to print and take home. Nothing typed here is stored; the link and QR code carry "
    "the inputs, never names or advice."
)
chosen = url_pills(lp.SECTIONS)
left, right = st.columns(2)
with left:
    age = int(url_number(lp.HANDOUT_AGE))
with right:
    sex = sex_input()

assessment = results = built = screening_text = guideline_text = None
library = ()
if "selfcheck" in chosen:
    with st.expander(SECTIONS["selfcheck"], expanded=True, icon=":material/checklist:"):
        guideline = guideline_input()
        weight_kg = weight_kg_input()
        week = activity_inputs(age, weight_kg, guideline, helper=False)
        try:
            guideline_text = load_guideline_text()
        except ContentError as err:
            show_content_error(err)
        if guideline_text is not None:
            assessment = guidelines.assess(week, guideline_text)
if "screening" in chosen:
    with st.expander(SECTIONS["screening"], expanded=True, icon=":material/accessibility_new:"):
        try:
            screening_text = load_screening_text()
        except ContentError as err:
            show_content_error(err)
        if screening_text is not None:
            results = screening_inputs(age, sex, screening_text, detailed=False)
if "plan" in chosen:
    with st.expander(SECTIONS["plan"], expanded=True, icon=":material/calendar_month:"):
        # The plan starts from the screening section's results when both are chosen.
        inputs = plan_inputs(age=age, screened=screening_values(results or [], sex))
        rules = None
        try:
            library = load_library()
            rules = load_plan_rules()
        except ContentError as err:
            show_content_error(err)
            library = ()
        if inputs and library:
            built = plan.build_plan(inputs, library, rules, screening_text)

country, paper, fields = pdf_inputs()
document = make_handout(
    chosen=chosen,
    fields=fields,
    country=country,
    paper=paper,
    assessment=assessment,
    guideline_text=guideline_text,
    screening_results=results,
    screening_text=screening_text,
    built=built,
    library=library,
    link=current_link(),
)
preview_and_download(document)
share_panel()
