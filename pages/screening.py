"""Strength and balance screening: SARC-F, chair stand, 4-stage balance, TUG, sit-to-stand, grip."""

import streamlit as st

from lib import charts, screening
from ui import require_router, show_chart
from ui.inputs import url_choice, url_number, url_optional_choice, url_optional_number
from ui.screening import how_to, show_results, summary_download
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
    age = int(url_number("Age (years)", key="age", lo=18, hi=110, default=70))
with right:
    sex = url_choice(
        "Sex", key="sex", options={"female": "Female", "male": "Male"}, default="female"
    )

st.header("SARC-F questionnaire", anchor=False)
answers = {
    item.key: url_optional_choice(
        f"{item.name}: {item.question}",
        key=f"sarcf_{item.key}",
        options={str(score): label for score, label in enumerate(item.answers)},
    )
    for item in screening.SARC_F_ITEMS
}
sarc_f = screening.sarc_f(*(None if a is None else int(a) for a in answers.values()))
show_results(sarc_f)

st.header("30-second chair stand", anchor=False)
how_to("How to do it safely", screening.CHAIR_STAND_SETUP)
stands = url_optional_number(
    "Full stands in 30 seconds", key="chair_stands", lo=0, hi=60, clamp=False
)
chair = screening.chair_stand(None if stands is None else int(stands), age, sex)
show_results(chair)
show_chart(
    charts.chair_stand_chart(chair, age, sex),
    summary=charts.chair_stand_summary(chair, age, sex),
    data=charts.chair_stand_rows(sex),
    name="chair_stand_norms",
)

st.header("4-stage balance test", anchor=False)
how_to(
    "The four stances",
    tuple(f"Stage {s.number}, {s.name}: {s.how}" for s in screening.BALANCE_STAGES),
)
how_to("How to do it safely", screening.BALANCE_SETUP)
stage = url_optional_choice(
    "Last stage held for 10 seconds",
    key="balance_stage",
    options={
        "0": "None",
        **{str(s.number): f"{s.number}. {s.name}" for s in screening.BALANCE_STAGES},
    },
)
balance = screening.balance(None if stage is None else int(stage))
show_results(balance)

st.header("Timed Up and Go", anchor=False)
how_to("How to do it safely", screening.TUG_SETUP)
tug_s = url_optional_number(
    "Timed Up and Go (seconds)", key="tug_s", lo=0.1, hi=600, step=0.1, integer=False, clamp=False
)
tug = screening.tug(tug_s)
show_results(*tug)

st.header("5-times sit-to-stand", anchor=False)
sts5_s = url_optional_number(
    "Seconds for 5 stands", key="sts5_s", lo=0.1, hi=300, step=0.1, integer=False, clamp=False
)
sts5 = screening.sit_to_stand_5(sts5_s)
show_results(*sts5)

st.header("Grip strength (optional)", anchor=False)
grip_kg = url_optional_number(
    "Grip strength (kg), measured with a hand dynamometer",
    key="grip_kg",
    lo=0,
    hi=150,
    step=0.5,
    integer=False,
    clamp=False,
)
grip = screening.grip(grip_kg, sex)
show_results(*grip)

st.header("All results", anchor=False)
everything = [
    sarc_f,
    chair,
    balance,
    *tug,
    *sts5,
    *grip,
]
st.markdown("\n".join(f"- {line}" for line in screening.summary(everything)))
summary_download(everything, age, sex, current_link())
share_panel()
