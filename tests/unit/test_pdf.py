"""The clinician handout's PDF, read back with pypdf (text, pages, size, type sizes) and
PDFium + zxing (the QR code): the common case on one page (the README's example handout and
a handout of three exercises), every handout in type never below 10 pt (the body and the
warning signs never below 11 pt), running on to a second page rather than shrinking."""

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

from lib import content, exercises, guidelines, handout, pdf, plan, printsigns, redflags, screening
from tests.conftest import ROOT

C = ROOT / "content"
LINK = "http://localhost:8501/handout?sections=selfcheck,screening,plan,redflags&age=72"
README_LINK = (
    "http://localhost:8501/handout?sections=screening,plan,redflags&age=72&chair_stands=9"
    "&level=seated"
)
BODY_PT = 11.0  # the body and the warning signs, at least
FLOOR_PT = 10.0  # anything on the page, at least
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


def readme_case(
    country: redflags.Country = "uk",
    paper: pdf.Paper = "a4",
    fields: pdf.Fields | None = None,
    link: str | None = README_LINK,
) -> pdf.Handout:
    """The README's example handout: /handout?sections=screening,plan,redflags&age=72&
    chair_stands=9&level=seated (the page's defaults for the rest: a woman, Monday to
    Friday, 60 minutes a day, 8 weeks): one screening result and seven exercises."""
    sources, _gtext, stext, library, rules = loaded()
    built = plan.build_plan(
        plan.PlanInput("seated", (0, 1, 2, 3, 4), 60, 72, 8, None, "female", 9, None, None),
        library,
        rules,
        stext,
    )
    return handout.build(
        fields=fields or pdf.Fields(),
        country=country,
        paper=paper,
        sources=sources,
        screening_results=[screening.chair_stand(9, 72, "female", text=stext)],
        screening_text=stext,
        built=built,
        library=library,
        link=link,
        version="test",
        made_on=dt.date(2026, 12, 1),
    )


def entered(chair: bool, balance: bool) -> list[screening.ScreenResult]:
    stext = loaded()[2]
    return [
        screening.chair_stand(9 if chair else None, 72, "female", text=stext),
        screening.balance(2 if balance else None, age_years=72, text=stext),
    ]


def three_exercises(
    country: redflags.Country = "uk",
    paper: pdf.Paper = "a4",
    picks: tuple[int, ...] = (0, 1, 2),
    chair: bool = True,
    balance: bool = True,
) -> pdf.Handout:
    """A handout of up to three of the README plan's exercises and the CDC fall-risk tests
    entered (chair stand, balance), with the plan's summary and stop rule: the results as
    the handout page prints them beside a plan (verdicts; the screening PDF says more)."""
    document = readme_case(country, paper)
    stext = loaded()[2]
    screened, _ids = handout.screening_group(entered(chair, balance), stext, meaning=False)
    return dataclasses.replace(
        document,
        exercises=tuple(document.exercises[i] for i in picks),
        results=() if screened is None else (screened,),
    )


def read(data: bytes) -> tuple[pypdf.PdfReader, str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    return "".join(text.split())


def sized_text(data: bytes) -> list[tuple[float, str]]:
    """Every piece of text on every page with its type size in points, as drawn (the font
    size times the text and graphics matrices' scale), read from the PDF by pypdf."""
    runs: list[tuple[float, str]] = []

    def visit(text, cm, tm, _font, size):
        if not text.strip():
            return
        a = tm[0] * cm[0] + tm[1] * cm[2]
        b = tm[0] * cm[1] + tm[1] * cm[3]
        c = tm[2] * cm[0] + tm[3] * cm[2]
        d = tm[2] * cm[1] + tm[3] * cm[3]
        runs.append((round(size * abs(a * d - b * c) ** 0.5, 2), text))

    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return runs


def assert_readable(data: bytes, document: pdf.Handout) -> None:
    """No text below 10 pt; every warning sign's line, its heading, the closing line and
    every result in 11 pt or more."""
    runs = sized_text(data)
    assert runs
    smallest = min(size for size, _ in runs)
    assert smallest >= FLOOR_PT, [t for size, t in runs if size == smallest][:3]
    large = flat(" ".join(t for size, t in runs if size >= BODY_PT))
    for block in document.warning.blocks:
        for line in (block.heading, *block.lines, block.where):
            assert flat(pdf.plain(line)) in large, line
    assert flat(pdf.plain(document.warning.closing)) in large
    for group in document.results:
        for label, value in group.rows:
            assert flat(pdf.plain(f"{label}: {value}")) in large, label
        for label, value in group.after:
            assert flat(pdf.plain(f"{label}: {value}")) in large, label
    for item in document.exercises:
        assert flat(pdf.plain(item.dose)) in large, item.title


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("country", ["uk", "us", "eu"])
@pytest.mark.parametrize("case", [readme_case, three_exercises])
def test_the_common_case_is_one_page_of_the_chosen_size(case, country, paper):
    document = case(country, paper)
    data = pdf.handout_pdf(document)
    reader, text = read(data)
    assert len(reader.pages) == 1
    assert_readable(data, document)
    box = reader.pages[0].mediabox
    width, height = pdf.PAPER_SIZES[paper]
    assert float(box.width) * MM_PER_PT == pytest.approx(width, abs=0.1)
    assert float(box.height) * MM_PER_PT == pytest.approx(height, abs=0.1)
    number = redflags.EMERGENCY_NUMBERS[country]
    assert f"Call {number} now" in text
    for other in set(redflags.EMERGENCY_NUMBERS.values()) - {number}:
        assert not re.search(rf"(?<!\d){other}(?!\d)", text), other


def test_the_readme_case_has_its_seven_exercises_and_one_result():
    """The case the one-page test holds to is the README's example, as the page builds it."""
    document = readme_case()
    assert len(document.exercises) == 7
    assert [len(g.rows) for g in document.results] == [1]


@pytest.mark.parametrize("country", ["uk", "us", "eu"])
def test_every_print_line_is_on_the_page(country):
    """Each line of the short warning signs, with the country's number filled in."""
    data = pdf.handout_pdf(readme_case(country))
    _, text = read(data)
    shown = printsigns.printed(country, printsigns.load_print_form())
    for block in shown.blocks:
        for line in (block.heading, *block.lines):
            assert flat(line) in flat(text), line
    assert flat(shown.closing) in flat(text)
    assert "{number}" not in text


def test_the_full_warning_list_is_not_printed():
    """The 45 signs' own wording is left to the checklist page: the PDF prints the short
    form, so the page keeps its 11 pt type (issue 16: 6.8 pt)."""
    _, text = read(pdf.handout_pdf(readme_case()))
    long_signs = [f for f in redflags.RED_FLAGS if len(f.symptom) > 80]
    assert long_signs
    assert not any(flat(f.symptom) in flat(text) for f in long_signs)


def test_the_country_is_the_readers_only():
    """The UK page says NHS 111; the US page names urgent care and not the NHS."""
    _, uk = read(pdf.handout_pdf(common("uk")))
    _, us = read(pdf.handout_pdf(common("us")))
    assert "NHS 111" in uk
    assert "urgent care" in us
    assert "NHS 111" not in us


def test_blank_fields_are_labels_to_write_beside():
    _, text = read(pdf.handout_pdf(common()))
    for label in ("Patient name:", "Date:", "Clinician:", "Contact:", "Follow-up:"):
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
    reader, text = read(pdf.handout_pdf(readme_case(fields=fields)))
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
    # The stop rule in short with the reader's number; "educational, not medical advice"
    # is the page's footer, once for everything on it.
    assert document.stop_rule == plan.STOP.short_text("uk")
    assert "999" in document.stop_rule
    assert flat(document.stop_rule) in flat(text)
    assert "Educational, not medical advice" in text


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
    assert flat(f"1. {pdf.short_name(first).split()[0]}") in flat(text)
    # The warning signs' own 24 sources are named in one line, not numbered one by one.
    assert document.sign_sources.startswith(f"Warning signs: {len(redflags.SOURCE_IDS)} sources")
    assert flat(document.sign_sources) in flat(text)
    assert not set(redflags.SOURCE_IDS) & {s.id for s in document.sources}


@pytest.mark.parametrize(
    ("source_id", "shown"), [("cdc-steadi", "CDC"), ("rikli1999", "Rikli"), ("nhs-sciatica", "NHS")]
)
def test_an_organisation_goes_by_its_short_name_and_a_paper_by_its_author(source_id, shown):
    source = loaded()[0][source_id]
    assert pdf.short_name(source) == shown


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
    document = readme_case(fields=fields)
    data = pdf.handout_pdf(document)
    reader, text = read(data)
    assert 1 <= len(reader.pages) <= 2
    assert_readable(data, document)
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
    data = pdf.handout_pdf(document)
    reader, text = read(data)
    assert len(reader.pages) == 1
    assert_readable(data, document)
    assert "Call 112 now" in text
    assert not re.search(r"(?<!\d)(999|911)(?!\d)", text)
    assert ("Glute bridge" in text) is (part == "plan")
    assert ("self-check against" in text.lower()) is (part == "selfcheck")


def test_more_than_fits_runs_on_to_a_second_page_in_the_same_type():
    """Every result entered, the self-check and seven exercises: two pages, not small type."""
    document = common()
    data = pdf.handout_pdf(document)
    reader, _ = read(data)
    assert len(reader.pages) == 2
    assert_readable(data, document)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    country=st.sampled_from(["uk", "us", "eu"]),
    paper=st.sampled_from(["a4", "letter"]),
    picks=st.lists(st.integers(0, 6), min_size=0, max_size=3, unique=True).map(tuple),
    chair=st.booleans(),
    balance=st.booleans(),
)
def test_the_common_case_stays_one_page_in_readable_type(country, paper, picks, chair, balance):
    """Any country and paper, up to three exercises and any of the fall-risk tests entered:
    one page, nothing below 10 pt, the body and the warning signs 11 pt or more."""
    document = three_exercises(country, paper, picks, chair, balance)
    data = pdf.handout_pdf(document)
    reader, text = read(data)
    assert len(reader.pages) == 1
    assert_readable(data, document)
    assert f"Call {redflags.EMERGENCY_NUMBERS[country]} now" in text


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    country=st.sampled_from(["uk", "us", "eu"]),
    paper=st.sampled_from(["a4", "letter"]),
    groups=st.sets(st.sampled_from(["selfcheck", "screening"])),
    exercise_count=st.integers(0, 7),
    advice=st.text(max_size=700),
)
def test_the_type_floor_holds_for_any_handout(country, paper, groups, exercise_count, advice):
    """However much is on it, no text is below 10 pt and the body and the warning signs
    are 11 pt or more: more content makes more pages, never smaller type."""
    full = common(country, paper, fields=pdf.Fields(advice=advice))
    document = dataclasses.replace(
        full,
        results=tuple(
            g
            for g in full.results
            if ("selfcheck" if g.heading.startswith("Self-check") else "screening") in groups
        ),
        exercises=full.exercises[:exercise_count],
    )
    data = pdf.handout_pdf(document)
    reader, text = read(data)
    assert 1 <= len(reader.pages) <= 3
    assert_readable(data, document)
    number = redflags.EMERGENCY_NUMBERS[country]
    assert f"Call {number} now" in text
    for other in set(redflags.EMERGENCY_NUMBERS.values()) - {number}:
        assert not re.search(rf"(?<!\d){other}(?!\d)", text), other


def test_the_sources_get_two_columns_when_the_page_has_room():
    """Four short columns only where they keep the handout to one page; with room to spare
    (the self-check's own PDF) each source gets half the width and more of its title."""
    full = common()
    roomy = dataclasses.replace(
        full, results=full.results[:1], plan_summary="", exercises=(), stop_rule=""
    )
    _, text = read(pdf.handout_pdf(roomy))
    first = next(line for line in text.splitlines() if line.startswith("1. "))
    assert len(first.split("...")[0].split()) >= 6, first
    _, tight = read(pdf.handout_pdf(readme_case("uk", "letter")))
    first = next(line for line in tight.splitlines() if line.startswith("1. "))
    assert len(first.split("...")[0].split()) < 6, first
