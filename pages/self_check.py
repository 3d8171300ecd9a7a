"""Guideline self-check: a week of activity and protein against the US 2018 and WHO 2020 advice."""

import streamlit as st

from lib import guidelines
from ui import require_router
from ui.inputs import url_choice, url_number, url_toggle
from ui.selfcheck import meal_protein_helper, render_assessment, summary_download, weight_kg_input
from ui.share import current_link, share_panel

require_router()
st.title("Guideline self-check", anchor=False)
st.caption(
    "Compare a typical week with the physical activity guidelines (US 2018, WHO 2020) and "
    "expert protein advice. Educational, not a diagnosis; nothing you type is stored."
)

guideline = url_choice(
    "Guideline", key="guideline", options={"who": "WHO 2020", "us": "US 2018"}, default="who"
)
left, right = st.columns(2)
with left:
    age = int(url_number("Age (years)", key="age", lo=18, hi=110, default=50))
with right:
    weight_kg = weight_kg_input()

st.subheader("Activity in a typical week", anchor=False)
left, right = st.columns(2)
with left:
    moderate = int(
        url_number(
            "Moderate minutes a week (brisk walking)",
            key="moderate",
            lo=0,
            hi=3000,
            default=0,
            step=10,
        )
    )
    strength_days = int(
        url_number("Strength-training days a week", key="strength_days", lo=0, hi=7, default=0)
    )
    legs = url_toggle("My strength training works the legs", key="legs", default=True)
with right:
    vigorous = int(
        url_number(
            "Vigorous minutes a week (running, fast cycling)",
            key="vigorous",
            lo=0,
            hi=3000,
            default=0,
            step=5,
        )
    )
    balance_days = int(
        url_number(
            "Balance or mixed activity days a week", key="balance_days", lo=0, hi=7, default=0
        )
    )
    active = url_toggle("I do resistance training or am otherwise very active", key="active")

st.subheader("Protein and health", anchor=False)
protein_g = url_number("Protein eaten in a day (g)", key="protein_g", lo=0, hi=500, default=0)
meal_protein_helper(age)
left, right = st.columns(2)
with left:
    kidney = url_toggle("I have kidney disease", key="kidney")
with right:
    illness = url_toggle("I have an illness or a recent hospital stay", key="illness")

assessment = guidelines.assess(
    guidelines.Inputs(
        age_years=age,
        weight_kg=weight_kg,
        moderate_min_per_week=moderate,
        vigorous_min_per_week=vigorous,
        strength_days_per_week=strength_days,
        strength_works_legs=legs,
        balance_days_per_week=balance_days,
        protein_g_per_day=protein_g,
        kidney_disease=kidney,
        recent_illness=illness,
        active=active,
        guideline=guideline,
    )
)
render_assessment(assessment)
summary_download(assessment, current_link())
share_panel()
