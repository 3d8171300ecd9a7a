"""Showing screening results: each labelled by source and purpose, never as a diagnosis."""

from __future__ import annotations

import datetime as dt

import streamlit as st

import lib
from lib import report, screening
from lib.screening import Flag, ScreenResult
from ui.charts import source_line
from ui.content import load_sources
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
    rows = tuple(
        (r.name, f"{line.split(': ', 1)[1]}. {r.meaning}")
        for r, line in zip(results, screening.summary(results), strict=True)
    )
    warning, warning_ids = report.warning_signs_section()
    document = report.Report(
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
    download_report(document, file_name="leg-muscle-screening.html", key="screening_summary")
