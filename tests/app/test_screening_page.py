"""The screening page under AppTest: deep links, every screen's verdict, impossible values."""

from __future__ import annotations

import pytest

from lib import screening
from tests.app.test_pages import FOOTER, open_page, texts
from tests.conftest import CONTENT

PAGE = "pages/screening.py"
TEXT = screening.load_text(CONTENT / "screening.yaml")
NOT_DIAGNOSIS = TEXT.not_diagnosis


def verdicts(at) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("**") and ": :material/" in m.value]


@pytest.mark.parametrize(
    ("age", "sex", "stands", "concern"),
    [
        ("72", "female", "9", True),
        ("72", "female", "10", False),
        ("72", "male", "11", True),
        ("72", "male", "12", False),
    ],
)
def test_chair_stand_examples(age, sex, stands, concern):
    """A woman of 72 with 9 stands is below average, with 10 is not; a man with 11 is."""
    at = open_page(PAGE, {"age": age, "sex": sex, "chair_stands": stands})
    assert not at.exception
    line = next(v for v in verdicts(at) if v.startswith("**30-second chair stand"))
    assert ("worth a check" in line) is concern


@pytest.mark.parametrize("age", ["59", "95"])
def test_no_norm_outside_60_to_94(age):
    """Ages 59 and 95 have no CDC norm, and the page says so rather than guessing."""
    at = open_page(PAGE, {"age": age, "chair_stands": "10"})
    line = next(v for v in verdicts(at) if v.startswith("**30-second chair stand"))
    assert "no verdict" in line
    assert "no line for age" in texts(at)


def test_sarc_f_total_from_the_link():
    """Five answers in the link give the SARC-F total and its verdict."""
    answers = {f"sarcf_{k}": "1" for k in "sarcf"}
    at = open_page(PAGE, answers)
    assert any(v.startswith("**SARC-F questionnaire (5 points)") for v in verdicts(at))


def test_tug_is_labelled_by_purpose():
    """13 s: a fall-risk concern (CDC) but no concern on the EWGSOP2 severity cut-off."""
    at = open_page(PAGE, {"tug_s": "13"})
    lines = verdicts(at)
    assert any(
        v.startswith("**Timed Up and Go (fall risk)") and "worth a check" in v for v in lines
    )
    assert any(
        v.startswith("**Timed Up and Go (sarcopenia severity)") and "not past the cut-off" in v
        for v in lines
    )


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ({"chair_stands": "200"}, "chair_stands"),
        ({"chair_stands": "-1"}, "chair_stands"),
        ({"tug_s": "-4"}, "tug_s"),
        ({"sts5_s": "abc"}, "sts5_s"),
        ({"grip_kg": "1e309"}, "grip_kg"),
    ],
)
def test_impossible_values_are_refused_with_a_message(query, key):
    """Negative times or 200 stands leave the box empty with a note, never an exception."""
    at = open_page(PAGE, query)
    assert not at.exception
    assert at.number_input(key=key).value is None
    assert "left empty" in texts(at)


def test_every_result_says_screening_not_diagnosis_and_offers_a_summary():
    """Each result card carries the screening label, and the summary can be downloaded."""
    at = open_page(PAGE, {"chair_stands": "9", "tug_s": "13"})
    captions = [c.value for c in at.caption if c.value.startswith("Cut-off:")]
    assert len(captions) == 9
    assert all(NOT_DIAGNOSIS in c for c in captions)
    assert NOT_DIAGNOSIS in at.warning[0].value
    assert TEXT.page_intro in at.warning[0].value  # do them with someone beside you
    assert at.get("download_button")


def test_set_up_notes_name_their_source():
    """The folded set-up notes (chair height, walking distance) cite the CDC STEADI sheets."""
    at = open_page(PAGE)
    steadi = [c.value for c in at.caption if c.value.startswith("Sources: [Centers for Disease")]
    assert len(steadi) >= 4  # chair stand, the four stances, balance safety, TUG


@pytest.mark.parametrize(
    ("age", "verdict"),
    [("30", "no verdict"), ("64", "no verdict"), ("65", "worth a check"), ("90", "worth a check")],
)
def test_grip_and_balance_cut_offs_only_for_their_ages(age, verdict):
    """14 kg grip and no balance stance held: a verdict from 65 only, never at 30 or 64."""
    at = open_page(PAGE, {"age": age, "sex": "female", "grip_kg": "14", "balance_stage": "0"})
    assert not at.exception
    lines = [v for v in verdicts(at) if v.startswith(("**Grip strength", "**4-stage balance"))]
    assert len(lines) == 3
    assert all(verdict in line for line in lines), lines
    if verdict == "no verdict":
        assert "low grip strength" not in texts(at).lower()


def test_page_says_who_the_cut_offs_are_for():
    """The age note under the inputs names the groups; each card names its own."""
    at = open_page(PAGE, {"age": "30"})
    assert TEXT.age_note in [c.value for c in at.caption]
    captions = [c.value for c in at.caption if c.value.startswith("Cut-off:")]
    assert all("For: adults" in c for c in captions)


def test_within_cut_off_shows_no_tick_and_no_clean_bill_of_health():
    """A result within every cut-off has no green tick and says it rules nothing out."""
    at = open_page(
        PAGE,
        {"age": "70", "chair_stands": "20", "balance_stage": "4", "tug_s": "8", "sts5_s": "9"},
    )
    assert "check_circle" not in texts(at)
    lines = [v for v in verdicts(at) if "not past the cut-off" in v]
    assert len(lines) == 6  # chair stand, balance, both TUG readings, both sit-to-stand
    assert texts(at).count(TEXT.within_cutoff) >= 6


def test_all_results_list_says_screening_not_a_diagnosis():
    """The list of all results carries the phrase itself, not only the cards above it."""
    at = open_page(PAGE, {"chair_stands": "9"})
    header = [m.value for m in at.markdown]
    i = next(n for n, v in enumerate(header) if v.startswith(f"**{NOT_DIAGNOSIS}**"))
    assert header[i + 1].startswith("- SARC-F questionnaire")


def test_broken_screening_file_shows_its_error_not_a_crash(content_copy, monkeypatch):
    """A mistake in screening.yaml is named on the page; no result is shown without wording."""
    path = content_copy / "screening.yaml"
    path.write_text(path.read_text("utf-8").replace("within_cutoff:", "within:"), "utf-8")
    monkeypatch.setenv("EXPLORER_CONTENT_DIR", str(content_copy))
    at = open_page(PAGE, {"chair_stands": "9"})
    assert not at.exception
    assert "screening.yaml" in at.error[0].value
    assert not verdicts(at)
    assert FOOTER in texts(at)


def sample_results(age: int) -> list[screening.ScreenResult]:
    return [
        screening.chair_stand(20, age, "female", text=TEXT),
        screening.balance(4, age_years=age, text=TEXT),
        *screening.grip(14, "female", age_years=age, text=TEXT),
    ]


@pytest.mark.parametrize("age", [30, 70])
def test_printed_summary_says_screening_and_who_each_cut_off_is_for(age):
    """The printable page says "Screening, not a diagnosis", and each row its population."""
    from lib import report
    from ui.screening import summary_report

    results = sample_results(age)
    document = summary_report(results, age, "female", None, TEXT)
    page = report.printable_html(document)
    assert NOT_DIAGNOSIS in document.subtitle
    assert NOT_DIAGNOSIS in document.notices[0]
    assert page.count(NOT_DIAGNOSIS) >= 2
    rows = document.sections[0].rows
    assert len(rows) == len(results)
    for (name, row), result in zip(rows, results, strict=True):
        assert name == result.name
        assert f"cut-off for {result.population}" in row
        assert result.label in row
        if result.flag is screening.Flag.OK:
            assert TEXT.within_cutoff in row
    assert "check_circle" not in page
    assert " - ok " not in page


def test_handout_with_screening_carries_the_screening_notice():
    """The clinician handout's PDF keeps "Screening, not a diagnosis" with the results."""
    import io

    import pypdf

    from lib import handout, pdf

    document = handout.build(
        fields=pdf.Fields(),
        country="uk",
        paper="a4",
        sources={},
        screening_results=sample_results(70),
        screening_text=TEXT,
    )
    data = pdf.handout_pdf(document)
    page = "".join(pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text().split())
    assert "".join(NOT_DIAGNOSIS.split()) in page
    assert "".join(TEXT.within_cutoff.split()) in page


SCREENED = {"age": "72", "chair_stands": "9", "balance_stage": "2", "tug_s": "14.2"}


@pytest.mark.parametrize(
    ("country", "paper", "label", "size_mm", "where"),
    [
        ("us", "letter", "US Letter", (215.9, 279.4), "physical therapist"),
        ("uk", None, "A4", (210.0, 297.0), "falls prevention service"),
        ("eu", "a4", "A4", (210.0, 297.0), "physiotherapist"),
    ],
)
def test_the_screening_page_offers_its_printout_as_a_one_page_pdf(
    monkeypatch, country, paper, label, size_mm, where
):
    """The download is a real PDF: the results entered with what each means and
    "screening, not a diagnosis", where to go next in the country, that country's number
    only, the fields to fill in, on one page of the chosen paper, in readable type."""
    import io
    import re

    import pypdf

    import ui.screening
    from lib import pdf, redflags
    from tests.unit.test_pdf import assert_readable

    made = []
    real = ui.screening.screening_handout

    def keep(*args, **kwargs):
        made.append(real(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(ui.screening, "screening_handout", keep)
    query = {**SCREENED, "country": country, **({"paper": paper} if paper else {})}
    at = open_page(PAGE, query)
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert f"Download one page (PDF, {label})" in labels
    (document,) = made
    data = pdf.handout_pdf(document)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72, 1), round(float(box.height) * 25.4 / 72, 1)) == (
        size_mm
    )
    text = reader.pages[0].extract_text()
    flat = "".join(text.split())
    number = redflags.EMERGENCY_NUMBERS[country]
    assert f"Call {number} now" in text
    for other in set(redflags.EMERGENCY_NUMBERS.values()) - {number}:
        assert not re.search(rf"(?<!\d){other}(?!\d)", text), other
    assert flat.count("".join(NOT_DIAGNOSIS.split())) >= 2  # the subtitle and the results
    for name in ("30-second chair stand", "4-stage balance test", "Timed Up and Go (fall risk)"):
        assert name in text
    rows = document.results[0].rows
    assert len(rows) == 4  # chair stand, balance, TUG twice; the tests not done are left out
    for label_, value in rows:
        assert "".join(f"{label_}: {value}".split()) in flat
    assert "".join(TEXT.where_heading.split()) in flat
    assert "".join(where.split()) in flat
    for field in ("Patient name:", "Date:", "Clinician:", "Contact:", "Follow-up:"):
        assert field in text
    assert "Sources." in text
    assert "1. " in text
    assert_readable(data, document)


def test_without_a_country_the_pdf_asks_whose_number_to_print():
    """No country chosen: no PDF with one number for everyone, but a note saying why; the
    HTML summary (which names every country's number) is still offered."""
    at = open_page(PAGE, SCREENED)
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert not any(label.startswith("Download one page (PDF") for label in labels)
    assert "Download a printable summary (HTML)" in labels
    assert any("Choose where you are" in i.value for i in at.info)
