"""Strength and balance screening: SARC-F, chair stand, 4-stage balance, TUG, sit-to-stand, grip."""

import streamlit as st

from lib import linkparams as lp
from lib import screening
from ui import require_router
from ui.inputs import url_number
from ui.screening import screening_inputs, sex_input, summary_download
from ui.share import current_link, share_panel

require_router()
st.title("Strength and balance screening", anchor=False)
st.warning(
    f"**{screening.SCREENING_NOT_DIAGNOSIS}** These are the quick tests clinicians use to "
    "decide who needs a closer look. Do them with someone beside you, and stop if you feel "
    "unsteady or unwell.",
    icon=":material/info:",
)
left, right = st.columns(2)
with left:
    age = int(url_number(lp.SCREENING_AGE))
with right:
    sex = sex_input()

everything = screening_inputs(age, sex)

st.header("All results", anchor=False)
st.markdown("\n".join(f"- {line}" for line in screening.summary(everything)))
summary_download(everything, age, sex, current_link())
share_panel()
