"""Showing a weekly plan: what is short, the chart, the week grid, one week's days, downloads."""

from __future__ import annotations

import datetime as dt

import streamlit as st

import lib
from lib import charts, exercises, plan, report
from lib import linkparams as lp
from lib.exercises import Exercise
from lib.plan import Plan, PlanRules
from lib.screening import ScreeningText, ScreenResult
from ui import links
from ui.charts import show_chart, show_table, source_line
from ui.content import load_sources
from ui.handout import pdf_download
from ui.inputs import url_choice, url_optional_choice, url_optional_number, url_pills, url_slider
from ui.report import download_report
from ui.screening import balance_stage_param


def show_start(built: Plan, rules: PlanRules | None) -> None:
    """Which screening result put the reader at which level, and the seated-start rule."""
    start = built.start
    if rules is None or start is None:
        return
    if start.steps:
        lines = [f"- {plan.start_text(step, rules)}" for step in start.steps]
        level = exercises.LEVEL_NAMES[start.level]
        head = f"**Where you start: {level}.** " + (
            "Your screening results lowered where you start." if start.lowered else ""
        )
        note = rules.texts["start_note"]
        st.info(
            head + "\n\n" + "\n".join(lines) + f"\n\n{note.text}",
            icon=":material/accessibility_new:",
        )
        source_line(note.source_ids, note.fact_ids)
    if start.level == "seated":
        seated = rules.texts["seated_balance"]
        st.info(seated.text, icon=":material/chair:")


def show_plan(built: Plan, library: tuple[Exercise, ...], rules: PlanRules | None = None) -> None:
    """Everything the plan page shows below its inputs."""
    show_start(built, rules)
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
        charts.plan_chart,
        built,
        summary=charts.plan_summary(built),
        data=charts.plan_rows(built),
        name="plan_weeks",
    )
    if rules is not None:
        ramp = rules.texts["ramp"]
        st.caption(ramp.text)
    st.header("Week by week", anchor=False)
    show_table(plan.grid(built), caption="Your plan, week by week", row_headers=True)
    source_line(built.source_ids, built.fact_ids)
    _one_week(built, {e.slug: e for e in library})
    if built.next_check is not None:
        st.warning(
            f"**After this plan, move up only if:** {built.next_check.text}",
            icon=":material/trending_up:",
        )
        source_line(built.next_check.source_ids, built.next_check.fact_ids)


def _one_week(built: Plan, by_slug: dict[str, Exercise]) -> None:
    number = st.select_slider(
        "Show the days of week",
        options=[w.number for w in built.weeks],
        key="plan_week",
    )
    week = built.weeks[int(number) - 1]
    if week.easier:
        st.info("An easier week: a step back, so your body can catch up.", icon=":material/spa:")
    if week.check is not None:
        st.warning(
            f"**New, harder exercises this week. Move up only if:** {week.check.text}",
            icon=":material/trending_up:",
        )
        source_line(week.check.source_ids, week.check.fact_ids)
    for day in week.days:
        with st.container(border=True):
            st.markdown(f"**{day.name}**, about {day.minutes} minutes")
            for activity in day.activities:
                names = [
                    # The library opens on the exercise, filtered to its own level (not the
                    # level chosen above, which a screening result may have lowered).
                    f"[{by_slug[s].title}]"
                    f"({links.href('exercises', {'ex': s, 'level': by_slug[s].level})})"
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
    pdf_download(
        key="plan_pdf",
        file_name="leg-plan.pdf",
        title="Your weekly leg plan",
        link=link,
        built=built,
        library=library,
    )
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


def screening_start_inputs(text: ScreeningText) -> dict[str, object]:
    """The screening results a plan can start from, with the screening page's keys.

    Bound to `sex`, `chair_stands`, `balance_stage` and `tug_s`, checked as that page checks
    them, folded away: they only lower where the plan starts.
    """
    with st.expander("Start from your screening results (optional)"):
        st.caption(
            "Enter the results of the chair stand, balance and Timed Up and Go tests from the "
            "screening page. A result past its fall-risk cut-off lowers where you start. "
            f"{text.not_diagnosis}"
        )
        sex = url_choice(lp.SEX)
        stands = url_optional_number(lp.CHAIR_STANDS)
        stage = url_optional_choice(balance_stage_param(text))
        tug_s = url_optional_number(lp.TUG_S)
    return {
        "sex": "male" if sex == "male" else "female",
        "chair_stands": None if stands is None else int(stands),
        "balance_stage": None if stage is None else int(stage),
        "tug_s": tug_s,
    }


def screening_values(results: list[ScreenResult], sex: str) -> dict[str, object]:
    """The plan's screening inputs from results another section already asked for."""
    by_screen = {r.screen: r.value for r in results}
    stands, stage = by_screen.get("chair_stand"), by_screen.get("balance")
    return {
        "sex": "male" if sex == "male" else "female",
        "chair_stands": None if stands is None else int(stands),
        "balance_stage": None if stage is None else int(stage),
        "tug_s": by_screen.get("tug_falls"),
    }


def plan_inputs(
    age: int | None = None,
    screened: dict[str, object] | None = None,
    text: ScreeningText | None = None,
) -> plan.PlanInput | None:
    """The plan's inputs, each bound to its link parameter; None (with a note) without a day.

    A page that already asks for the age (the clinician handout) passes it in, and passes
    the screening values it read (`screening_values`) or an empty dict; otherwise the
    screening inputs are drawn here (`screening_start_inputs`) when the screening wording
    `text` could be loaded.
    """
    level = url_choice(lp.LEVEL)
    days = url_pills(lp.DAYS)
    left, middle, right = st.columns(3)
    with left:
        minutes = url_slider(lp.MINUTES)
    with middle:
        if age is None:
            age = int(url_slider(lp.PLAN_AGE))
    with right:
        weeks = url_slider(lp.WEEKS)
    now = url_optional_number(lp.NOW)
    if screened is None:
        screened = {} if text is None else screening_start_inputs(text)
    values = screened
    if not days:
        st.warning("Pick at least one day you can exercise.", icon=":material/event_busy:")
        return None
    stands, stage, tug_s = (
        values.get("chair_stands"),
        values.get("balance_stage"),
        values.get("tug_s"),
    )
    return plan.PlanInput(
        level=level,
        days=tuple(plan.WEEKDAYS.index(d) for d in days),
        minutes_per_day=int(minutes),
        age_years=min(max(int(age), plan.MIN_AGE), plan.MAX_AGE),
        weeks=int(weeks),
        current_weekly_min=None if now is None else int(now),
        sex="male" if values.get("sex") == "male" else "female",
        chair_stands=stands if isinstance(stands, int) else None,
        balance_stage=stage if isinstance(stage, int) else None,
        tug_s=float(tug_s) if isinstance(tug_s, (int, float)) else None,
    )
