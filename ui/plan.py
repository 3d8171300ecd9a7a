"""Showing a weekly plan: what is short, the chart, the week grid, one week's days, downloads."""

from __future__ import annotations

import datetime as dt

import streamlit as st

import lib
from lib import charts, exercises, plan, report
from lib.exercises import Exercise
from lib.plan import Plan
from ui.charts import show_chart, show_table, source_line
from ui.content import load_sources
from ui.inputs import url_choice, url_optional_number, url_pills, url_slider
from ui.report import download_report


def show_plan(built: Plan, library: tuple[Exercise, ...]) -> None:
    """Everything the plan page shows below its inputs."""
    if built.shortfalls:
        st.warning(
            "**This plan falls short of the guidelines:**\n\n"
            + "\n".join(f"- {s}" for s in built.shortfalls),
            icon=":material/warning:",
        )
    else:
        st.success(
            "By the last week this plan meets the guidelines for aerobic, strength"
            + (" and balance" if built.balance_days else "")
            + " activity.",
            icon=":material/check_circle:",
        )
    st.markdown(f"**In short:** {built.summary}")
    show_chart(
        charts.plan_chart(built),
        summary=charts.plan_summary(built),
        data=charts.plan_rows(built),
        name="plan_weeks",
    )
    st.header("Week by week", anchor=False)
    show_table(plan.grid(built), caption="Your plan, week by week", row_headers=True)
    source_line(built.source_ids, built.fact_ids)
    _one_week(built, {e.slug: e for e in library})


def _one_week(built: Plan, by_slug: dict[str, Exercise]) -> None:
    number = st.select_slider(
        "Show the days of week",
        options=[w.number for w in built.weeks],
        key="plan_week",
    )
    week = built.weeks[int(number) - 1]
    if week.easier:
        st.info("An easier week: a step back, so your body can catch up.", icon=":material/spa:")
    for day in week.days:
        with st.container(border=True):
            st.markdown(f"**{day.name}**, about {day.minutes} minutes")
            for activity in day.activities:
                names = [
                    f"[{by_slug[s].title}](/exercises?ex={s})"
                    for s in activity.exercises
                    if s in by_slug
                ]
                joiner = " or " if activity.kind == "aerobic" else ", "
                st.markdown(
                    f"- **{activity.title}**, {activity.minutes} min: {activity.detail}"
                    + (f" ({joiner.join(names)})" if names else "")
                )


def downloads(built: Plan, library: tuple[Exercise, ...], link: str | None) -> None:
    """Printable HTML, CSV and calendar (.ics) downloads, dated from a start day."""
    start = st.date_input(
        "Start on",
        value=plan.first_monday(dt.date.today()),
        key="plan_start",
        help="Week 1 is the Monday-to-Sunday week that holds this day.",
    )
    titles = {e.slug: e.title for e in library}
    left, middle, right = st.columns(3)
    with left:
        download_report(
            plan_report(built, titles, link), file_name="leg_plan.html", key="plan_html"
        )
    with middle:
        st.download_button(
            "Download as a spreadsheet (CSV)",
            lambda: plan.to_csv(built, start),
            file_name="leg_plan.csv",
            mime="text/csv",
            icon=":material/table:",
            key="plan_csv",
            on_click="ignore",  # a download needs no rerun (and a rerun would retire the file)
        )
    with right:
        st.download_button(
            "Add to your calendar (.ics)",
            # Made when clicked: building the calendar costs about 9 ms, on every rerun.
            lambda: plan.to_ics(
                built, start, stamp=dt.datetime.now(dt.UTC), titles=titles, link=link
            ),
            file_name="leg_plan.ics",
            mime="text/calendar",
            icon=":material/calendar_month:",
            key="plan_ics",
            on_click="ignore",  # a download needs no rerun (and a rerun would retire the file)
        )


def plan_report(built: Plan, titles: dict[str, str], link: str | None) -> report.Report:
    """The plan as a one-page printable summary."""
    warning, warning_sources = report.warning_signs_section()
    return report.Report(
        title="Your weekly leg plan",
        subtitle="Strength, balance and aerobic activity, built up week by week.",
        sections=(
            report.Section("Stop rules", paragraphs=(plan.STOP_RULE,), alert=True),
            report.Section("The plan in short", paragraphs=(built.summary,)),
            *plan.report_sections(built, titles),
            warning,
        ),
        sources=report.sources_for([*built.source_ids, *warning_sources], load_sources()),
        version=lib.__version__,
        made_on=dt.date.today(),
        link=link,
    )


def plan_inputs(age: int | None = None) -> plan.PlanInput | None:
    """The plan's inputs, each bound to its link parameter; None (with a note) without a day.

    A page that already asks for the age (the clinician handout) passes it in.
    """
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
            "Minutes a day",
            key="minutes",
            lo=plan.MIN_DAY_MIN,
            hi=plan.MAX_DAY_MIN,
            default=60,
            step=5,
        )
    with middle:
        if age is None:
            age = int(
                url_slider("Age (years)", key="age", lo=plan.MIN_AGE, hi=plan.MAX_AGE, default=70)
            )
    with right:
        weeks = url_slider("Weeks", key="weeks", lo=plan.MIN_WEEKS, hi=plan.MAX_WEEKS, default=8)
    now = url_optional_number(
        "Moderate-equivalent minutes you do now each week (optional, from the self-check)",
        key="now",
        lo=0,
        hi=3000,
        step=10,
    )
    if not days:
        st.warning("Pick at least one day you can exercise.", icon=":material/event_busy:")
        return None
    return plan.PlanInput(
        level=level,
        days=tuple(plan.WEEKDAYS.index(d) for d in days),
        minutes_per_day=int(minutes),
        age_years=min(max(int(age), plan.MIN_AGE), plan.MAX_AGE),
        weeks=int(weeks),
        current_weekly_min=None if now is None else int(now),
    )
