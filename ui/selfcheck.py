"""Showing the guideline self-check: inputs with units, results per pillar, the summary file.

The headlines, steps, notes and status words come from `content/guidelines.yaml`
(`load_text`); only the icons live here. A met pillar gets a neutral icon, never a green
tick: meeting a guideline is about activity or protein, not a health check.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import streamlit as st

import lib
from lib import charts, guidelines, report
from lib import linkparams as lp
from lib.content import ContentError
from lib.guidelines import Assessment, GuidelineText, Status
from ui import links
from ui.charts import show_chart, show_table, source_line
from ui.content import content_dir, load_sources, shared
from ui.handout import pdf_download
from ui.inputs import url_choice, url_number, url_toggle
from ui.report import download_report

PILLARS = {
    "aerobic": "Aerobic activity",
    "strength": "Strength training",
    "balance": "Balance activity (65 and over)",
    "protein": "Protein",
}
# No tick for MET: a met guideline is not a clean bill of health.
STATUS_ICONS = {
    Status.MET: ":material/info:",
    Status.PARTLY: ":material/timelapse:",
    Status.NOT_MET: ":material/cancel:",
    Status.NO_TARGET: ":material/remove_circle_outline:",
}
WEIGHT = {"kg": lp.WEIGHT_KG, "lb": lp.WEIGHT_LB}


@st.cache_resource(max_entries=4, show_spinner=False)
def _text(path: Path, mtime_ns: int) -> GuidelineText:
    return guidelines.load_text(path)


def load_text() -> GuidelineText:
    """The self-check wording of `content/guidelines.yaml` (cached until the file changes).

    Raises:
        ContentError: the file cannot be used.
    """
    path = content_dir() / "guidelines.yaml"
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = 0
    return shared(_text, path, mtime)


def _convert_weight() -> None:
    """When the reader switches kg and lb, convert the weight they typed rather than lose it."""
    unit, weight = st.session_state.get("unit"), st.session_state.get("weight")
    if weight is None:
        return
    converted = guidelines.kg_to_lb(weight) if unit == "lb" else guidelines.lb_to_kg(weight)
    param = WEIGHT[str(unit)]
    st.session_state["weight"] = round(min(max(converted, param.lo), param.hi), 1)


def guideline_input() -> str:
    """Which guideline to check against, bound to `guideline` (WHO 2020 by default)."""
    return url_choice(lp.GUIDELINE)


def weight_kg_input() -> float:
    """Body weight with a kg/lb switch, both bound to the link; returns kilograms."""
    unit = url_choice(lp.UNIT, on_change=_convert_weight)
    weight = url_number(WEIGHT[unit])
    return weight if unit == "kg" else guidelines.lb_to_kg(weight)


def _use_meal_total(total: float) -> None:
    st.session_state["protein_g"] = float(round(total))


def meal_protein_helper(age_years: int, text: GuidelineText | None) -> None:
    """An optional per-meal estimate that can fill in the daily protein total."""
    with st.expander("Not sure? Add it up meal by meal"):
        st.caption("Food labels give grams of protein per serving.")
        cols = st.columns(4)
        names = ("Breakfast", "Lunch", "Dinner", "Snacks")
        grams = [
            col.number_input(f"{name} (g)", 0, 200, 0, key=f"meal_{name.lower()}")
            for col, name in zip(cols, names, strict=True)
        ]
        total = guidelines.protein_per_meal_total(*grams)
        st.button(
            f"Use this total: {total:.0f} g a day",
            on_click=_use_meal_total,
            args=(total,),
            disabled=total == 0,
        )
        if text is not None and age_years >= guidelines.OLDER_ADULT_AGE and total > 0:
            low = guidelines.meals_below_target(*grams[:3])
            if low:
                st.info(
                    text.say(
                        "protein",
                        "meal_helper",
                        meal_min=guidelines.MEAL_PROTEIN_MIN_G,
                        meal_max=guidelines.MEAL_PROTEIN_MAX_G,
                        older_age=guidelines.OLDER_ADULT_AGE,
                        meals=", ".join(low),
                    ),
                    icon=":material/restaurant:",
                )
                source_line(("bauer2013",), ("PR-06",))


def render_assessment(assessment: Assessment, text: GuidelineText) -> None:
    """Each pillar's status, gap and next step; the chart; caveats; the guideline table."""
    st.header("Your results", anchor=False)
    links.page_link(
        "red_flags",
        label="Before you change anything: check the warning signs",
        icon=":material/emergency:",
    )
    st.info(text.intro, icon=":material/info:")
    for result in assessment.results:
        with st.container(border=True):
            st.markdown(f"### {PILLARS[result.pillar]}: {text.status_label(result.status)}")
            st.markdown(f"{STATUS_ICONS[result.status]} {result.headline}")
            if result.status in (Status.PARTLY, Status.NOT_MET):
                st.markdown(f"**Next step:** {result.next_step}")
            elif result.next_step:
                st.markdown(result.next_step)
            source_line(result.source_ids, result.fact_ids)
    for note in assessment.notes:
        st.info(note, icon=":material/info:")
    source_line(assessment.note_source_ids, assessment.note_fact_ids)
    show_chart(
        charts.guideline_chart,
        assessment,
        summary=charts.guideline_summary(assessment),
        data=charts.guideline_rows(assessment),
        name="guideline_self_check",
    )
    a = assessment.inputs
    vigorous = a.vigorous_min_per_week  # counted as the aerobic result above counts it
    links.page_link(
        "plan",
        label="Build a weekly plan that starts from these minutes",
        icon=":material/calendar_month:",
        extra={
            "now": str(guidelines.moderate_equivalent_minutes(a.moderate_min_per_week, vigorous))
        },
    )
    with st.expander("The US 2018 and WHO 2020 guidelines side by side"):
        show_table(
            [
                {
                    "Topic": r.topic,
                    "US 2018": r.us_2018,
                    "WHO 2020": r.who_2020,
                    "Fact ids": ", ".join(r.fact_ids),
                }
                for r in guidelines.GUIDELINE_TABLE
            ],
            caption="What each guideline says",
            row_headers=True,
        )
        source_line(("hhs2018", "who2020"))


def summary_download(assessment: Assessment, link: str | None, text: GuidelineText) -> None:
    """A one-page PDF (the reader's country and paper) and the printable HTML summary."""
    pdf_download(
        key="self_check_pdf",
        file_name="leg-muscle-self-check.pdf",
        title="Leg muscle guideline self-check",
        link=link,
        assessment=assessment,
        guideline_text=text,
    )
    download_report(
        summary_report(assessment, link, text),
        file_name="leg-muscle-self-check.html",
        key="self_check_summary",
    )


def summary_report(assessment: Assessment, link: str | None, text: GuidelineText) -> report.Report:
    """The self-check as a printable summary (also a part of the clinician handout).

    Its notice says that meeting a guideline is not a health check.
    """
    a = assessment.inputs
    sources = load_sources()
    inputs = (
        ("Age", f"{a.age_years} years"),
        ("Weight", f"{a.weight_kg:.1f} kg"),
        ("Moderate activity", f"{a.moderate_min_per_week} min a week"),
        ("Vigorous activity", f"{a.vigorous_min_per_week} min a week"),
        (
            "Strength training",
            f"{a.strength_days_per_week} days a week"
            f"{'' if a.strength_works_legs else ' (not the legs)'}",
        ),
        ("Balance activity", f"{a.balance_days_per_week} days a week"),
        ("Protein", f"{a.protein_g_per_day:.0f} g a day ({assessment.protein_g_per_kg:.2f} g/kg)"),
        ("Guideline", "US 2018" if a.guideline == "us" else "WHO 2020"),
    )
    results = tuple(
        (
            PILLARS[r.pillar],
            f"{text.status_label(r.status).capitalize()}. {r.headline} {r.next_step}",
        )
        for r in assessment.results
    )
    ids = [s for r in assessment.results for s in r.source_ids]
    warning, warning_ids = report.warning_signs_section()
    return report.Report(
        title="Leg muscle guideline self-check",
        subtitle="How one week compares with the physical activity and protein guidelines.",
        notices=(text.intro,),
        sections=(
            warning,
            report.Section("What was entered", rows=inputs),
            report.Section("Results", rows=results),
            report.Section("Notes", paragraphs=assessment.notes),
        ),
        sources=report.sources_for([*ids, *warning_ids], sources),
        version=lib.__version__,
        made_on=dt.date.today(),
        link=link,
    )


def activity_inputs(
    age: int, weight_kg: float, guideline: str, *, helper: bool = True
) -> guidelines.Inputs:
    """The week's activity, protein and health questions, each bound to its link parameter.

    `helper=False` leaves out the meal-by-meal protein helper (the clinician handout).
    """
    st.header("Activity in a typical week", anchor=False)
    left, right = st.columns(2)
    with left:
        moderate = int(url_number(lp.MODERATE))
        strength_days = int(url_number(lp.STRENGTH_DAYS))
        legs = url_toggle(lp.LEGS)
    with right:
        vigorous = int(url_number(lp.VIGOROUS))
        balance_days = int(url_number(lp.BALANCE_DAYS))
        active = url_toggle(lp.ACTIVE)

    st.header("Protein and health", anchor=False)
    protein_g = url_number(lp.PROTEIN_G)
    if helper:
        try:
            meal_protein_helper(age, load_text())
        except ContentError:
            meal_protein_helper(age, None)  # the page shows the file's error below
    left, right = st.columns(2)
    with left:
        kidney = url_toggle(lp.KIDNEY)
    with right:
        illness = url_toggle(lp.ILLNESS)
    return guidelines.Inputs(
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
