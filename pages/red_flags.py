"""Warning signs checklist: which leg symptoms need an emergency call, help today or a GP visit."""

import streamlit as st

from lib import linkparams as lp
from lib import redflags, results
from ui import require_router, source_line
from ui.inputs import url_choice
from ui.present import on_scene
from ui.redflags import checklist, show_triage
from ui.results import full_results_mark, load_wording, result_bar
from ui.warning_scene import warning_signs_scene

require_router()
if on_scene():  # a presenter's scene: by urgency, then a group a step (ui.warning_scene)
    warning_signs_scene()
else:
    # The verdict is drawn here, above everything else, once the boxes below are read; its
    # first line and the ticked signs also stay in view at the foot of the screen while the
    # reader ticks (the result bar), with the number to call in an emergency.
    verdict = st.container()
    st.title("Warning signs checklist", anchor=False)
    st.caption("Tick anything you have now. Screening for danger signs, not a diagnosis.")
    country = url_choice(lp.COUNTRY)
    result = redflags.triage(checklist(redflags.GROUPS, country), country)
    wording = load_wording()
    bar = results.red_flags_bar(result, wording) if wording else None
    result_bar(bar, target="lme-verdict")
    with verdict:
        full_results_mark("lme-verdict")
        show_triage(result)
source_line(redflags.SOURCE_IDS, redflags.FACT_IDS)
