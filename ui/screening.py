"""Showing screening results: each labelled by source and population, never as a diagnosis.

The wording comes from `content/screening.yaml` (`load_text`); only the icons live here. A
result within its cut-off gets a neutral icon, never a green tick: screening cannot rule a
problem out.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import cast

import streamlit as st

import lib
from lib import charts, handout, pdf, redflags, report, screening, tel
from lib import linkparams as lp
from lib.links import OptionalChoice
from lib.redflags import Country
from lib.screening import Flag, ScreeningText, ScreenResult, Sex
from ui.charts import show_chart, source_line
from ui.content import content_dir, load_sources, shared
from ui.inputs import url_choice, url_optional_choice, url_optional_number
from ui.redflags import call_link
from ui.report import download_report
from ui.share import current_link
from ui.timers import timer

# The sources of content/screening.yaml `where_next`, by country ("any": none chosen).
WHERE_SOURCES = {
    "uk": ("nhs-physio-access", "gstt-falls", "lpt-falls-service"),
    "us": ("nia-falls", "cdc-talk-falls"),
    "eu": ("nia-falls",),
    "any": ("nhs-physio-access", "lpt-falls-service", "nia-falls"),
}
EMERGENCY_LINE_SOURCES = ("edinburgh-hsc-falls", "nhs-tayside-super-six", "cdc-heartattack")

# No tick for OK: "not past the cut-off" is not a clean bill of health.
FLAG_ICONS = {
    Flag.CONCERN: ":material/warning:",
    Flag.OK: ":material/info:",
    Flag.NO_NORM: ":material/help:",
    Flag.NOT_DONE: ":material/radio_button_unchecked:",
}


@st.cache_resource(max_entries=4, show_spinner=False)
def _text(path: Path, mtime_ns: int) -> ScreeningText:
    return screening.load_text(path)


def load_text() -> ScreeningText:
    """The screening wording of `content/screening.yaml` (cached until the file changes).

    Raises:
        ContentError: the file cannot be used.
    """
    path = content_dir() / "screening.yaml"
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = 0
    return shared(_text, path, mtime)


def show_results(text: ScreeningText, *results: ScreenResult, country: str | None = None) -> None:
    """Each screen's result in turn (a test such as TUG has two, one per cut-off)."""
    for result in results:
        _show_result(result, text, country)


def _show_result(result: ScreenResult, text: ScreeningText, country: str | None) -> None:
    """One screen's result: what it means, the next step and where to go (past its
    cut-off, for the reader's country), who its cut-off is for, the source."""
    value = "" if result.value is None else f" ({result.value:g} {result.unit})"
    with st.container(border=True):
        st.markdown(f"**{result.name}{value}: {FLAG_ICONS[result.flag]} {result.label}**")
        st.markdown(result.meaning)
        st.markdown(f"**Next step:** {result.next_step}")
        where = screening.where_next(result, country, text)
        if where is not None:
            st.markdown(tel.markdown(f"**{text.where_heading}:** {where}"))
            source_line(WHERE_SOURCES[country or "any"])
        st.caption(
            f"Cut-off: {result.cutoff}. Purpose: {result.purpose}. For: {result.population}. "
            f"{text.not_diagnosis}"
        )
        source_line(result.source_ids, result.fact_ids)


def emergency_line(text: ScreeningText, country: str | None) -> None:
    """The line at the very top of the page: who to call if something goes wrong during a
    test, the reader's own number (or every country's) as a tap-to-call link."""
    number = redflags.numbers_text(country) if country in redflags.EMERGENCY_NUMBERS else None
    shown = number or redflags.numbers_text()
    st.error(
        tel.markdown(f"**{text.emergency_line.format(number=shown)}**"),
        icon=":material/emergency:",
    )
    if number is not None:
        call_link(number)
    source_line((*EMERGENCY_LINE_SOURCES, *redflags.EMERGENCY_NUMBER_SOURCES), ("RF-01",))


def how_to(title: str, steps: tuple[str, ...]) -> None:
    """The set-up and safety notes of a test, folded away, with their source (CDC STEADI)."""
    with st.expander(title):
        st.markdown("\n".join(f"- {step}" for step in steps))
        source_line(("cdc-steadi",))


def summary_download(
    results: list[ScreenResult],
    age_years: int,
    sex: str,
    text: ScreeningText,
    country: str | None = None,
) -> None:
    """The screening printout: one PDF page (the reader's paper, the country's number) and
    the printable HTML summary of every screen, both with the link back to this view."""
    st.markdown("**One printable page (PDF)**")
    paper: pdf.Paper = "letter" if url_choice(lp.PAPER) == "letter" else "a4"
    link = current_link()  # read after the paper choice, so the link holds it too
    if country not in redflags.EMERGENCY_NUMBERS:
        # No number is printed for everyone: the page asks whose it should be.
        st.info(
            "Choose where you are at the top of the page, and the PDF prints your country's "
            "emergency number and where to go next there.",
            icon=":material/public:",
        )
    else:
        document = screening_handout(
            results, age_years, sex, link, text, cast(Country, country), paper
        )
        size = "US Letter" if paper == "letter" else "A4"
        st.download_button(
            f"Download one page (PDF, {size})",
            lambda: pdf.handout_pdf(document),  # made when clicked, not on every rerun
            file_name="leg-muscle-screening.pdf",
            mime="application/pdf",
            icon=":material/picture_as_pdf:",
            key="screening_pdf",
            on_click="ignore",
        )
    download_report(
        summary_report(results, age_years, sex, link, text),
        file_name="leg-muscle-screening.html",
        key="screening_summary",
    )


def screening_handout(
    results: list[ScreenResult],
    age_years: int,
    sex: str,
    link: str | None,
    text: ScreeningText,
    country: Country,
    paper: pdf.Paper,
) -> pdf.Handout:
    """The screening printout: the results entered, each with what it means ("screening,
    not a diagnosis"), the next steps and where to go next in `country`, the warning signs
    with that country's number only, the QR code back to this view and numbered sources."""
    words = text.summary
    return handout.build(
        fields=pdf.Fields(),
        country=country,
        paper=paper,
        sources=load_sources(),
        screening_results=results,
        screening_text=text,
        screening_detail=True,
        link=link,
        version=lib.__version__,
        made_on=dt.date.today(),
        title=words["title"],
        subtitle=words["subtitle"].format(age=age_years, sex=sex, not_diagnosis=text.not_diagnosis)
        + " Educational, not medical advice.",
    )


def summary_report(
    results: list[ScreenResult],
    age_years: int,
    sex: str,
    link: str | None,
    text: ScreeningText,
) -> report.Report:
    """The screening results as a printable summary (also a part of the clinician handout).

    Every row carries its verdict, who the cut-off is for and what it may mean; the subtitle
    and the notice say "Screening, not a diagnosis".
    """
    rows = tuple(
        (r.name, f"{line.split(': ', 1)[1]}. {r.meaning} {r.next_step}")
        for r, line in zip(results, screening.summary(results, text), strict=True)
    )
    words = text.summary
    warning, warning_ids = report.warning_signs_section()
    return report.Report(
        title=words["title"],
        subtitle=words["subtitle"].format(age=age_years, sex=sex, not_diagnosis=text.not_diagnosis),
        notices=(words["notice"].format(not_diagnosis=text.not_diagnosis),),
        sections=(report.Section(words["results_heading"], rows=rows), warning),
        sources=report.sources_for(
            [*(s for r in results for s in r.source_ids), *warning_ids], load_sources()
        ),
        version=lib.__version__,
        made_on=dt.date.today(),
        link=link,
    )


def balance_stage_param(text: ScreeningText) -> OptionalChoice:
    """The `balance_stage` input with the stages named as content/screening.yaml names them."""
    return lp.BALANCE_STAGE.with_options(
        {
            "0": "Stage 1 not held",
            **{str(s.number): f"{s.number}. {s.name}" for s in text.balance_stages},
        }
    )


def sex_input() -> Sex:
    """Sex for the norms and cut-offs that differ by it, bound to `sex`."""
    sex = url_choice(lp.SEX)
    return "male" if sex == "male" else "female"


def screening_inputs(
    age: int, sex: Sex, text: ScreeningText, *, detailed: bool = True, country: str | None = None
) -> list[ScreenResult]:
    """Every screening test's input, bound to its link parameter, and the results.

    With `detailed` (the screening page) each test also shows how to do it safely, its
    result and, for the chair stand, the chart; without it (the clinician handout) only the
    inputs are drawn.
    """
    heading = st.header if detailed else st.subheader
    heading("SARC-F questionnaire", anchor=False)
    answers = {
        item.key: url_optional_choice(
            param.with_options(
                {str(score): answer for score, answer in enumerate(item.answers)},
                label=f"{item.name}: {item.question}",
            )
        )
        for item, param in zip(text.sarc_f_items, lp.SARC_F, strict=True)
    }
    sarc_f = screening.sarc_f(
        *(None if a is None else int(a) for a in answers.values()), age_years=age, text=text
    )
    if detailed:
        show_results(text, sarc_f, country=country)

    heading("30-second chair stand", anchor=False)
    if detailed:
        how_to("How to do it safely", text.setup["chair_stand"])
        timer("chair_stand", lp.CHAIR_STANDS, text)
    stands = url_optional_number(lp.CHAIR_STANDS)
    chair = screening.chair_stand(None if stands is None else int(stands), age, sex, text=text)
    if detailed:
        show_results(text, chair, country=country)
        show_chart(
            charts.chair_stand_chart,
            chair,
            age,
            sex,
            summary=charts.chair_stand_summary(chair, age, sex),
            data=charts.chair_stand_rows(sex),
            name="chair_stand_norms",
        )

    heading("4-stage balance test", anchor=False)
    if detailed:
        how_to(
            "The four stances",
            tuple(f"Stage {s.number}, {s.name}: {s.how}" for s in text.balance_stages),
        )
        how_to("How to do it safely", text.setup["balance"])
        timer("balance", balance_stage_param(text), text)
    stage = url_optional_choice(balance_stage_param(text))
    balance = screening.balance(None if stage is None else int(stage), age_years=age, text=text)
    if detailed:
        show_results(text, balance, country=country)

    heading("Timed Up and Go", anchor=False)
    if detailed:
        how_to("How to do it safely", text.setup["tug"])
        timer("tug", lp.TUG_S, text)
    tug_s = url_optional_number(lp.TUG_S)
    tug = screening.tug(tug_s, age_years=age, text=text)
    if detailed:
        show_results(text, *tug, country=country)

    heading("5-times sit-to-stand", anchor=False)
    if detailed:
        timer("sts5", lp.STS5_S, text)
    sts5_s = url_optional_number(lp.STS5_S)
    sts5 = screening.sit_to_stand_5(sts5_s, age_years=age, text=text)
    if detailed:
        show_results(text, *sts5, country=country)

    heading("Grip strength (optional)", anchor=False)
    grip_kg = url_optional_number(lp.GRIP_KG)
    grip = screening.grip(grip_kg, sex, age_years=age, text=text)
    if detailed:
        show_results(text, *grip, country=country)
    return [sarc_f, chair, balance, *tug, *sts5, *grip]
