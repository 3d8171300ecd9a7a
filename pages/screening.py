"""Strength and balance screening: SARC-F, chair stand, 4-stage balance, TUG, sit-to-stand, grip."""

import streamlit as st

from lib import linkparams as lp
from lib import results, screening
from lib.content import ContentError
from ui import require_router
from ui.content import show_content_error
from ui.inputs import url_number, url_optional_choice
from ui.present import scene_details
from ui.results import full_results_mark, load_wording, result_bar
from ui.screening import (
    emergency_line,
    load_text,
    screening_inputs,
    sex_input,
    summary_download,
)
from ui.share import share_panel

require_router()
# The emergency line goes first, above the title: the reader may be standing up for a test.
# It is drawn here once the country below is read.
top = st.container()
st.title("Strength and balance screening", anchor=False)
try:
    text = load_text()
except ContentError as err:
    show_content_error(err)
    text = None

if text is not None:
    # On a projected scene the chart comes first: what leads up to it folds away with the
    # inputs (the emergency line above the title stays).
    details = scene_details()
    details.__enter__()
    country = url_optional_choice(lp.SCREENING_COUNTRY)
    with top:
        emergency_line(text, country)
    st.warning(
        f"**{text.not_diagnosis}** {text.page_intro}",
        icon=":material/info:",
    )
    left, right = st.columns(2)
    with left:
        age = int(url_number(lp.SCREENING_AGE))
    with right:
        sex = sex_input()
    st.caption(text.age_note)

    everything = screening_inputs(age, sex, text, country=country)
    wording = load_wording()
    result_bar(results.screening_bar(everything, text, wording) if wording else None)

    full_results_mark()
    st.header("All results", anchor=False)
    st.markdown(f"**{text.not_diagnosis}** {text.within_cutoff}")
    st.markdown("\n".join(f"- {line}" for line in screening.summary(everything, text)))
    summary_download(everything, age, sex, text, country)
    share_panel()
    details.__exit__(None, None, None)
else:
    share_panel()
