"""The clinician handout's PDF, read back with pypdf (text, pages, size) and PDFium + zxing
(the QR code), for the common case: self-check, screening, a plan and the warning signs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from functools import cache

import pypdf
import pypdfium2 as pdfium
import pytest
import zxingcpp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib import content, exercises, guidelines, handout, pdf, plan, redflags, screening
from tests.conftest import ROOT

C = ROOT / "content"
LINK = "http://localhost:8501/handout?sections=selfcheck,screening,plan,redflags&age=72"
FACT_ID = re.compile(r"\b[A-Z]{2,3}-\d{2}[a-z]?\b")
MM_PER_PT = 25.4 / 72


@cache
def loaded() -> tuple:
    sources = content.load_sources(C / "sources.yaml")
    return (
        sources,
        guidelines.load_text(C / "guidelines.yaml"),
        screening.load_text(C / "screening.yaml"),
        exercises.load_library(C / "exercises", sources),
        plan.load_rules(C / "plan_rules.yaml", sources),
    )


def common(
    country: redflags.Country = "uk",
    paper: pdf.Paper = "a4",
    fields: pdf.Fields | None = None,
    link: str | None = LINK,
) -> pdf.Handout:
    """A 72-year-old woman: a week of activity, three tests done (two not), an 8-week plan."""
    sources, gtext, stext, library, rules = loaded()
    assessment = guidelines.assess(
        guidelines.Inputs(72, 70, 100, 0, 1, True, 0, 60, False, False, False, "who"), gtext
    )
    results = [
        screening.chair_stand(9, 72, "female", text=stext),
        *screening.tug(14.2, age_years=72, text=stext),
        screening.balance(2, age_years=72, text=stext),
        *screening.sit_to_stand_5(None, age_years=72, text=stext),
        *screening.grip(None, "female", age_years=72, text=stext),
    ]
    built = plan.build_plan(
        plan.PlanInput("supported", (0, 2, 4), 45, 72, 8, None, "female", 9, 2, 14.2),
        library,
        rules,
        stext,
    )
    return handout.build(
        fields=fields or pdf.Fields(),
        country=country,
        paper=paper,
        sources=sources,
        assessment=assessment,
        guideline_text=gtext,
        screening_results=results,
        screening_text=stext,
        built=built,
        library=library,
        link=link,
        version="test",
        made_on=dt.date(2026, 12, 1),
    )


def read(data: bytes) -> tuple[pypdf.PdfReader, str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("country", ["uk", "us", "eu"])
def test_the_common_case_is_one_page_of_the_chosen_size(country, paper):
    reader, text = read(pdf.handout_pdf(common(country, paper)))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    width, height = pdf.PAPER_SIZES[paper]
    assert float(box.width) * MM_PER_PT == pytest.approx(width, abs=0.1)
    assert float(box.height) * MM_PER_PT == pytest.approx(height, abs=0.1)
    number = redflags.EMERGENCY_NUMBERS[country]
    assert f"call {number} now" in text
    for other in set(redflags.EMERGENCY_NUMBERS.values()) - {number}:
        assert not re.search(rf"(?<!\d){other}(?!\d)", text), other


def test_the_country_is_the_readers_only():
    """The UK page says NHS 111; the US page names urgent care and not the NHS."""
    _, uk = read(pdf.handout_pdf(common("uk")))
    _, us = read(pdf.handout_pdf(common("us")))
    assert "NHS 111" in uk
    assert "urgent care" in us
    assert "NHS 111" not in us


def test_blank_fields_are_labels_to_write_beside():
    _, text = read(pdf.handout_pdf(common()))
    for label in ("Patient name:", "Date:", "Clinician:", "Contact:", "Follow-up date:"):
        assert label in text
    assert "Advice from your clinician" in text


def test_typed_fields_are_printed():
    fields = pdf.Fields(
        patient_name="Margaret O'Neill",
        patient_date="1 Dec 2026",
        clinician_name="Dr Amira Shah",
        clinician_contact="0161 496 0000",
        follow_up="12 January 2027",
        advice="Walk to the shop and back on dry days. Bring this sheet next time.",
    )
    reader, text = read(pdf.handout_pdf(common(fields=fields)))
    assert len(reader.pages) == 1
    for value in (
        fields.patient_name,
        fields.patient_date,
        fields.clinician_name,
        fields.clinician_contact,
        fields.follow_up,
        fields.advice,
    ):
        assert flat(value) in flat(text)


def test_the_exercises_their_doses_and_the_stop_rule():
    document = common()
    _, text = read(pdf.handout_pdf(document))
    *_rest, library, _rules = loaded()
    titles = {e.slug: e.title for e in library}
    assert document.exercises
    for item in document.exercises:
        assert item.figure_svg.startswith("<svg")
        assert flat(item.title) in flat(text)
        assert flat(item.dose) in flat(text)
    assert titles["glute_bridge"] in text
    assert any(i.dose.startswith("1 set of 5") for i in document.exercises)
    assert flat(plan.STOP.text("uk")) in flat(text)


def test_only_the_results_that_were_entered():
    document = common()
    _, text = read(pdf.handout_pdf(document))
    screened = next(g for g in document.results if g.heading == "Screening tests")
    names = [row[0] for row in screened.rows]
    assert names == [
        "30-second chair stand",
        "Timed Up and Go (fall risk)",
        "Timed Up and Go (sarcopenia severity)",
        "4-stage balance test",
    ]
    assert "5-times sit-to-stand" not in text.lower()
    assert "not done" not in text.lower()
    assert "Screening, not a diagnosis." in text
    assert "Educational, not medical advice" in text


def test_no_screening_entered_leaves_the_block_out():
    stext = loaded()[2]
    group, ids = handout.screening_group(
        [screening.chair_stand(None, 72, "female", text=stext)], stext
    )
    assert group is None
    assert ids == ()


def test_sources_are_numbered_without_fact_ids():
    document = common()
    _, text = read(pdf.handout_pdf(document))
    assert document.sources
    assert "Sources" in text
    assert not FACT_ID.findall(text)
    for number in (1, len(document.sources)):
        assert re.search(rf"(?m)^{number}\. ", text) or f" {number}. " in text
    first = document.sources[0]
    assert flat(f"1. {first.short_author}") in flat(text)


def test_the_qr_code_opens_the_view_again():
    data = pdf.handout_pdf(common())
    page = pdfium.PdfDocument(data)[0]
    image = page.render(scale=3).to_pil()
    codes = zxingcpp.read_barcodes(image)
    assert [c.text for c in codes if c.format == zxingcpp.BarcodeFormat.QRCode] == [LINK]


def test_a_link_too_long_for_a_code_is_still_printed():
    link = "http://localhost:8501/handout?q=" + "x" * 1200
    data = pdf.handout_pdf(common(link=link))
    _, text = read(data)
    assert flat(f"This view: {link}") in flat(text)
    assert not zxingcpp.read_barcodes(pdfium.PdfDocument(data)[0].render(scale=2).to_pil())


def test_the_preview_is_a_png_of_the_page():
    data = pdf.handout_pdf(common(paper="letter"))
    png = pdf.preview_png(data, width_px=600)
    assert png.startswith(b"\x89PNG")
    from PIL import Image

    image = Image.open(io.BytesIO(png))
    assert image.width == 600
    assert image.height == pytest.approx(600 * 11 / 8.5, abs=2)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Zoë Brontë", "Zoë Brontë"),
        ("\u2018quoted\u2019 \u2013 \u201cdashes\u201d\u2026", "'quoted' - \"dashes\"..."),
        ("Łukasz", "Lukasz"),
        ("名前", "??"),
        ("a\x00b\x1bc", "a b c"),
        ("line\r\nbreak", "line\nbreak"),
        ("soft\xadhyphen\u200b", "softhyphen"),
        ("Zoe\u0308 \U0001f600", "Zo\u00eb ?"),
    ],
)
def test_plain_spells_out_what_the_type_cannot_draw(text, shown):
    assert pdf.plain(text) == shown


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    name=st.text(max_size=80),
    contact=st.text(max_size=80),
    advice=st.text(max_size=700),
)
def test_hostile_typed_text_never_breaks_the_pdf_and_shows_as_text(name, contact, advice):
    fields = pdf.Fields(patient_name=name, clinician_contact=contact, advice=advice)
    reader, text = read(pdf.handout_pdf(common(fields=fields)))
    assert 1 <= len(reader.pages) <= 2
    for value in (name, contact, advice):
        printed = flat(pdf.plain(value))
        assert printed in flat(text)


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("part", ["plan", "selfcheck"])
def test_the_plan_and_self_check_pdfs_are_one_page_with_one_number(part, paper):
    """The plan's and the self-check's own PDFs (their pages' download): one page, the
    country's number only, the part's own content."""
    full = common("eu", paper)
    document = dataclasses.replace(
        full,
        results=() if part == "plan" else full.results[:1],
        plan_summary=full.plan_summary if part == "plan" else "",
        exercises=full.exercises if part == "plan" else (),
        stop_rule=full.stop_rule if part == "plan" else "",
    )
    reader, text = read(pdf.handout_pdf(document))
    assert len(reader.pages) == 1
    assert "call 112 now" in text
    assert not re.search(r"(?<!\d)(999|911)(?!\d)", text)
    assert ("Glute bridge" in text) is (part == "plan")
    assert ("Self-check against" in text) is (part == "selfcheck")
