"""Showing screening results: each labelled by source and purpose, never as a diagnosis."""

from __future__ import annotations

import datetime as dt

import streamlit as st

import lib
from lib import charts, report, screening
from lib import linkparams as lp
from lib.screening import Flag, ScreenResult, Sex
from ui.charts import show_chart, source_line
from ui.content import load_sources
from ui.inputs import url_choice, url_optional_choice, url_optional_number
from ui.report import download_report

FLAG_WORDS = {
    Flag.CONCERN: (":material/warning:", "worth a check"),
    Flag.OK: (":material/check_circle:", "no concern at this cut-off"),
    Flag.NO_NORM: (":material/help:", "no norm for this age"),
    Flag.NOT_DONE: (":material/radio_button_unchecked:", "not done yet"),
}


def show_results(*results: ScreenResult) -> None:
    """Each screen's result in turn (a test such as TUG has two, one per cut-off)."""
    for result in results:
        _show_result(result)


def _show_result(result: ScreenResult) -> None:
    """One screen's result: what it means, the next step, its cut-off, purpose and source."""
    icon, words = FLAG_WORDS[result.flag]
    value = "" if result.value is None else f" ({result.value:g} {result.unit})"
    with st.container(border=True):
        st.markdown(f"**{result.name}{value}: {icon} {words}**")
        st.markdown(result.meaning)
        st.markdown(f"**Next step:** {result.next_step}")
        st.caption(
            f"Cut-off: {result.cutoff}. Purpose: {result.purpose}. For: {result.population}. "
            f"{screening.SCREENING_NOT_DIAGNOSIS}"
        )
        source_line(result.source_ids, result.fact_ids)


def how_to(title: str, steps: tuple[str, ...]) -> None:
    """The set-up and safety notes of a test, folded away, with their source (CDC STEADI)."""
    with st.expander(title):
        st.markdown("\n".join(f"- {step}" for step in steps))
        source_line(("cdc-steadi",))


def summary_download(
    results: list[ScreenResult], age_years: int, sex: str, link: str | None
) -> None:
    """A one-page printable HTML summary of every screen."""
    download_report(
        summary_report(results, age_years, sex, link),
        file_name="leg-muscle-screening.html",
        key="screening_summary",
    )


def summary_report(
    results: list[ScreenResult], age_years: int, sex: str, link: str | None
) -> report.Report:
    """The screening results as a printable summary (also a part of the clinician handout)."""
    rows = tuple(
        (r.name, f"{line.split(': ', 1)[1]}. {r.meaning}")
        for r, line in zip(results, screening.summary(results), strict=True)
    )
    warning, warning_ids = report.warning_signs_section()
    return report.Report(
        title="Leg strength and balance screening",
        subtitle=f"Age {age_years}, {sex}. {screening.SCREENING_NOT_DIAGNOSIS}",
        notices=(
            f"{screening.SCREENING_NOT_DIAGNOSIS} Show these results to a doctor or "
            "physiotherapist; only a clinician can diagnose sarcopenia or assess falls.",
        ),
        sections=(report.Section("Results", rows=rows), warning),
        sources=report.sources_for(
            [*(s for r in results for s in r.source_ids), *warning_ids], load_sources()
        ),
        version=lib.__version__,
        made_on=dt.date.today(),
        link=link,
    )


def sex_input() -> Sex:
    """Sex for the norms and cut-offs that differ by it, bound to `sex`."""
    sex = url_choice(lp.SEX)
    return "male" if sex == "male" else "female"


def screening_inputs(age: int, sex: Sex, *, detailed: bool = True) -> list[ScreenResult]:
    """Every screening test's input, bound to its link parameter, and the results.

    With `detailed` (the screening page) each test also shows how to do it safely, its
    result and, for the chair stand, the chart; without it (the clinician handout) only the
    inputs are drawn.
    """
    heading = st.header if detailed else st.subheader
    heading("SARC-F questionnaire", anchor=False)
    answers = {
        item.key: url_optional_choice(param)
        for item, param in zip(screening.SARC_F_ITEMS, lp.SARC_F, strict=True)
    }
    sarc_f = screening.sarc_f(*(None if a is None else int(a) for a in answers.values()))
    if detailed:
        show_results(sarc_f)

    heading("30-second chair stand", anchor=False)
    if detailed:
        how_to("How to do it safely", screening.CHAIR_STAND_SETUP)
    stands = url_optional_number(lp.CHAIR_STANDS)
    chair = screening.chair_stand(None if stands is None else int(stands), age, sex)
    if detailed:
        show_results(chair)
        show_chart(
            charts.chair_stand_chart(chair, age, sex),
            summary=charts.chair_stand_summary(chair, age, sex),
            data=charts.chair_stand_rows(sex),
            name="chair_stand_norms",
        )

    heading("4-stage balance test", anchor=False)
    if detailed:
        how_to(
            "The four stances",
            tuple(f"Stage {s.number}, {s.name}: {s.how}" for s in screening.BALANCE_STAGES),
        )
        how_to("How to do it safely", screening.BALANCE_SETUP)
    stage = url_optional_choice(lp.BALANCE_STAGE)
    balance = screening.balance(None if stage is None else int(stage))
    if detailed:
        show_results(balance)

    heading("Timed Up and Go", anchor=False)
    if detailed:
        how_to("How to do it safely", screening.TUG_SETUP)
    tug_s = url_optional_number(lp.TUG_S)
    tug = screening.tug(tug_s)
    if detailed:
        show_results(*tug)

    heading("5-times sit-to-stand", anchor=False)
    sts5_s = url_optional_number(lp.STS5_S)
    sts5 = screening.sit_to_stand_5(sts5_s)
    if detailed:
        show_results(*sts5)

    heading("Grip strength (optional)", anchor=False)
    grip_kg = url_optional_number(lp.GRIP_KG)
    grip = screening.grip(grip_kg, sex)
    if detailed:
        show_results(*grip)
    return [sarc_f, chair, balance, *tug, *sts5, *grip]
