"""The clinician handout: the chosen sections on one PDF page, previewed, then downloaded."""

from __future__ import annotations

import base64
import datetime as dt
from typing import Any

import streamlit as st

import lib
from lib import guidelines, handout, linkparams, pdf, plan, screening
from lib import linkparams as lp
from lib.exercises import Exercise
from lib.redflags import Country
from ui.content import load_sources
from ui.inputs import url_choice
from ui.share import current_link

SECTIONS = linkparams.SECTIONS.options
# Typed fields are kept to a length that fits their line on the page.
FIELD_CHARS = 80
ADVICE_CHARS = 700
PREVIEW_WIDTH_PX = 900


def country_and_paper() -> tuple[Country, pdf.Paper]:
    """Whose warning signs and number to print, and the page size; both in the link."""
    left, right = st.columns(2)
    with left:
        code = url_choice(lp.COUNTRY)
        country: Country = "us" if code == "us" else "eu" if code == "eu" else "uk"
    with right:
        paper: pdf.Paper = "letter" if url_choice(lp.PAPER) == "letter" else "a4"
    return country, paper


def pdf_download(*, key: str, file_name: str, title: str, link: str | None, **parts: Any) -> None:
    """A one-page PDF of one page's results (the plan, the self-check), with the warning
    signs of the reader's country, blank fields to fill by hand and the QR code back.

    `parts` are `lib.handout.build`'s section arguments (e.g. `built=` and `library=`).
    """
    st.markdown("**One printable page (PDF)**")
    country, paper = country_and_paper()
    if link is not None:  # read again after the country and paper, so the link holds them
        link = current_link()
    sources, today = load_sources(), dt.date.today()

    def document() -> bytes:
        # Made when clicked, not on every run: laying the page out (its exercise diagrams
        # among it) cost a plan page's first view about 5 ms, for a PDF few download.
        return pdf.handout_pdf(
            handout.build(
                fields=pdf.Fields(),
                country=country,
                paper=paper,
                sources=sources,
                link=link,
                version=lib.__version__,
                made_on=today,
                title=title,
                subtitle=handout.OWN_SUBTITLE,
                **parts,
            )
        )

    size = "US Letter" if paper == "letter" else "A4"
    st.download_button(
        f"Download one page (PDF, {size})",
        document,
        file_name=file_name,
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        key=key,
        on_click="ignore",
    )


def pdf_inputs() -> tuple[Country, pdf.Paper, pdf.Fields]:
    """The country and paper (both in the link) and the fields (never in the link).

    What is typed here goes only into the PDF made in memory: it is not in the link, the
    QR code or any log, and it is gone when the tab is closed.
    """
    st.subheader("On the printed page", anchor=False)
    country, paper = country_and_paper()
    st.caption(
        "Fill these in, or leave them blank to write on the printed page. They are not "
        "stored, not put in the link and not sent anywhere: they go only into the PDF."
    )
    left, right = st.columns(2)
    with left:
        name = st.text_input("Patient name", max_chars=FIELD_CHARS, key="pdf_patient")
        clinician = st.text_input("Clinician name", max_chars=FIELD_CHARS, key="pdf_clinician")
        follow_up = st.text_input("Follow-up date", max_chars=FIELD_CHARS, key="pdf_follow_up")
    with right:
        date = st.text_input("Date", max_chars=FIELD_CHARS, key="pdf_date")
        contact = st.text_input(
            "Clinician contact (phone or email)", max_chars=FIELD_CHARS, key="pdf_contact"
        )
    advice = st.text_area("Advice (free text)", max_chars=ADVICE_CHARS, key="pdf_advice")
    fields = pdf.Fields(
        patient_name=name,
        patient_date=date,
        clinician_name=clinician,
        clinician_contact=contact,
        follow_up=follow_up,
        advice=advice,
    )
    return country, paper, fields


def make_handout(
    *,
    chosen: tuple[str, ...] | list[str],
    fields: pdf.Fields,
    country: Country,
    paper: pdf.Paper,
    assessment: guidelines.Assessment | None,
    guideline_text: guidelines.GuidelineText | None,
    screening_results: list[screening.ScreenResult] | None,
    screening_text: screening.ScreeningText | None,
    built: plan.Plan | None,
    library: tuple[Exercise, ...],
    link: str | None,
) -> pdf.Handout | None:
    """The handout of the chosen sections; None when none was chosen.

    The warning signs are printed on every handout that gives advice, chosen or not.
    """
    if not chosen:
        return None
    return handout.build(
        fields=fields,
        country=country,
        paper=paper,
        sources=load_sources(),
        assessment=assessment,
        guideline_text=guideline_text,
        screening_results=screening_results,
        screening_text=screening_text,
        built=built,
        library=library,
        link=link,
        version=lib.__version__,
        made_on=dt.date.today(),
    )


def holds(document: pdf.Handout) -> list[str]:
    """What the handout holds, in words, one line per part."""
    parts = [f"Warning signs (call {document.warning.number})"]
    parts += [group.heading for group in document.results]
    if document.exercises:
        parts.append(f"The exercises ({len(document.exercises)}, with diagrams and doses)")
    parts.append("Advice from your clinician")
    if document.sources:
        parts.append(f"Sources ({len(document.sources)})")
    return parts


_MADE = "_handout_pdf"  # this session's last handout, its PDF and its preview


def _made(document: pdf.Handout) -> tuple[bytes, bytes]:
    """The PDF and its preview, made again only when the handout changed.

    Kept in this session's state only (never a cache shared between readers), so what was
    typed is gone when the tab is closed.
    """
    last = st.session_state.get(_MADE)
    if last is not None and last[0] == document:
        return last[1], last[2]
    data = pdf.handout_pdf(document)
    preview = pdf.preview_png(data, width_px=PREVIEW_WIDTH_PX)
    st.session_state[_MADE] = (document, data, preview)
    return data, preview


def preview_and_download(document: pdf.Handout | None) -> None:
    """What the handout holds, a picture of its page, and the PDF download."""
    if document is None:
        st.info("Pick at least one section for the handout.", icon=":material/checklist:")
        return
    st.markdown("**The handout holds:**\n\n" + "\n".join(f"- {part}" for part in holds(document)))
    data, preview = _made(document)
    # An <img> of our own, not st.image: st.image gives the picture no alt text (axe-core),
    # and its caption was cut short on a phone.
    encoded = base64.b64encode(preview).decode("ascii")
    st.html(
        '<figure class="lme-preview"><img src="data:image/png;base64,'
        f'{encoded}" alt="Preview of the handout\'s page, as it will print: its fields, '
        'warning signs, results, exercises and sources." style="width:640px;max-width:100%">'
        "<figcaption>Preview of the handout's page, as it will print.</figcaption></figure>"
    )
    size = "US Letter" if document.paper == "letter" else "A4"
    st.download_button(
        f"Download the handout (PDF, {size})",
        data,
        file_name="leg-muscle-handout.pdf",
        mime="application/pdf",
        icon=":material/print:",
        key="handout_pdf",
        on_click="ignore",  # a download needs no rerun (and a rerun would retire the file)
    )
    st.caption(
        "One printable page with a QR code back to this view. The warning signs name "
        f"{document.warning.number} only, for the country chosen above."
    )
