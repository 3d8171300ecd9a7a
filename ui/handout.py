"""The clinician handout: chosen sections of the self-check, screening and plan on one page."""

from __future__ import annotations

import datetime as dt

import streamlit as st

import lib
from lib import linkparams, plan, report, screening
from lib.exercises import Exercise
from lib.guidelines import Assessment, GuidelineText
from ui.content import load_sources
from ui.plan import plan_report
from ui.report import download_report
from ui.screening import summary_report as screening_report
from ui.selfcheck import summary_report as selfcheck_report

SECTIONS = linkparams.SECTIONS.options


def handout(
    *,
    assessment: Assessment | None,
    guideline_text: GuidelineText | None,
    screening_results: list[screening.ScreenResult] | None,
    screening_text: screening.ScreeningText | None,
    built: plan.Plan | None,
    library: tuple[Exercise, ...],
    age: int,
    sex: str,
    warning_signs: bool,
    link: str | None,
) -> report.Report:
    """The chosen parts, combined into one printable report with the link back and QR code."""
    parts = []
    if assessment is not None and guideline_text is not None:
        parts.append(selfcheck_report(assessment, None, guideline_text))
    if screening_results is not None and screening_text is not None:
        parts.append(screening_report(screening_results, age, sex, None, screening_text))
    if built is not None:
        parts.append(plan_report(built, {e.slug: e.title for e in library}, None))
    extra: list[report.Section] = []
    extra_sources = ()
    if warning_signs:
        section, ids = report.warning_signs_section()
        extra.append(section)
        extra_sources = report.sources_for(ids, load_sources())
    return report.combine(
        "Leg muscle: notes for you",
        "Prepared with your clinician. Educational, not a diagnosis or a prescription.",
        parts,
        extra=extra,
        extra_sources=extra_sources,
        version=lib.__version__,
        made_on=dt.date.today(),
        link=link,
    )


def preview_and_download(document: report.Report) -> None:
    """What the handout holds, in words, and the download."""
    if not document.sections:
        st.info("Pick at least one section for the handout.", icon=":material/checklist:")
        return
    st.markdown(
        "**The handout holds:**\n\n"
        + "\n".join(f"- {section.heading}" for section in document.sections)
    )
    download_report(document, file_name="leg-muscle-handout.html", key="handout_html")
    st.caption(
        "The file is one printable page of plain HTML with a QR code back to this view; "
        "open it and print, or save it as PDF from the print dialog."
    )
