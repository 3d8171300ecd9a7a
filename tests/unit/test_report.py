"""Unit tests of lib.report: the printable summary is complete, escaped and self-contained."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib import report
from lib.content import Source

SOURCE = Source("s1", "NHS", "A page", 2020, "NHS", None, "https://nhs.uk/p", None, (), "", "found")


def make(**overrides) -> str:
    fields = {
        "title": "Self-check",
        "subtitle": "One week.",
        "sections": (
            report.Section("Entered", rows=(("Age", "70 years"),)),
            report.Section("Warning", paragraphs=("Call 999 now.",), alert=True),
        ),
        "sources": (SOURCE,),
        "version": "0.1.0",
        "made_on": dt.date(2026, 11, 21),
        "link": "http://localhost:8501/self_check?age=70",
        "notices": ("Screening, not a diagnosis.",),
    } | overrides
    return report.printable_html(report.Report(**fields))


def test_report_has_every_part():
    """Title, rows, alert box, sources, version, date, link and the not-advice line."""
    page = make()
    assert page.startswith("<!DOCTYPE html>")
    assert "<th>Age</th><td>70 years</td>" in page
    assert '<section class="alert">' in page
    assert 'href="https://nhs.uk/p"' in page
    assert "Leg Muscle Explorer 0.1.0" in page
    assert "Made on 21 November 2026" in page
    assert "self_check?age=70" in page
    assert "Educational, not medical advice" in page
    assert "Screening, not a diagnosis." in page


def test_report_loads_nothing_from_anywhere():
    """No script, image, stylesheet link or font: the file prints the same offline."""
    page = make()
    assert not re.search(r"<(script|img|link|iframe)\b", page)
    assert "@import" not in page
    assert "url(" not in page


@given(st.text(max_size=200).map(lambda t: f"<x-tag onclick=alert(1)>{t}"))
def test_everything_is_escaped(text):
    """Whatever text goes in, no tag from it survives into the document."""
    page = make(
        title=text,
        sections=(report.Section(text, rows=((text, text),), paragraphs=(text,)),),
        link=text,
        notices=(text,),
    )
    assert "<x-tag" not in page
    assert "&lt;x-tag onclick=alert(1)&gt;" in page


def test_sources_for_keeps_order_and_skips_unknown_ids():
    """Sources come once each, in first-mention order, and unknown ids are skipped."""
    other = Source("s2", "WHO", "B", 2020, "WHO", None, "https://who.int", None, (), "", "found")
    found = report.sources_for(["s2", "nope", "s1", "s2"], {"s1": SOURCE, "s2": other})
    assert [s.id for s in found] == ["s2", "s1"]


def test_warning_signs_come_from_the_checklist():
    """The printed warning box lists every emergency sign of lib.redflags, by its heading."""
    from lib import redflags

    section, source_ids = report.warning_signs_section("us")
    emergency = [f for f in redflags.RED_FLAGS if f.urgency == redflags.Urgency.EMERGENCY]
    others = [f for f in redflags.RED_FLAGS if f.urgency != redflags.Urgency.EMERGENCY]
    assert section.alert
    assert section.heading == "Warning signs: call 911 now"
    text = " ".join(section.paragraphs)
    for flag in emergency:
        line = next(p for p in section.paragraphs if flag.symptom in p)
        assert line.startswith(f"{flag.group}: "), flag.id
    assert not [f.id for f in others if f.symptom in text]
    assert set(source_ids) == {s for f in emergency for s in f.source_ids}
    assert "cannot rule out" in section.paragraphs[-1]


@pytest.mark.parametrize(
    ("country", "heading", "absent"),
    [
        ("uk", "Warning signs: call 999 now", ("911", "112")),
        ("us", "Warning signs: call 911 now", ("999", "112")),
        ("eu", "Warning signs: call 112 now", ("999", "911")),
        (None, "Warning signs: call 999 (UK), 911 (US) or 112 (EU) now", ()),
    ],
)
def test_printed_warning_signs_use_the_readers_number_or_name_every_country(
    country, heading, absent
):
    """A printout names the reader's own number; not knowing the country, it names all three."""
    section, _ = report.warning_signs_section(country)
    assert section.heading == heading
    text = " ".join((section.heading, *section.paragraphs))
    assert not [n for n in absent if n in text]


def test_emergency_numbers_in_a_printed_warning_box_are_tel_links():
    """In the warning box each number is a link a phone can call; elsewhere text stays text."""
    warning, _ = report.warning_signs_section()
    other = report.Section("Notes", paragraphs=("Table 999 and 911 rows.",))
    page = report.printable_html(report.Report("T", "S", (warning, other)))
    box = page[page.index('<section class="alert">') : page.index("</section>")]
    for number in ("999", "911", "112"):
        assert f'<a href="tel:{number}">{number}</a>' in box
    assert "<p>Table 999 and 911 rows.</p>" in page


def test_a_report_with_a_link_prints_a_qr_code_that_reads_back():
    """The printed page carries the link as text and as a QR code that decodes to it."""
    from tests.unit.test_qr import _svg_to_png, decode_png

    link = "https://example.org/handout?sections=plan&level=seated"
    page = report.printable_html(report.Report("T", "S", (), link=link))
    svg = page[page.index("<svg") : page.index("</svg>") + len("</svg>")]
    assert decode_png(_svg_to_png(svg)) == [link]
    assert "example.org/handout?sections=plan&amp;level=seated" in page


def test_combine_keeps_one_set_of_warning_signs_and_every_source_once():
    """Parts' warning-sign sections are dropped for the one passed in; sources are unique."""
    warning, _ = report.warning_signs_section()
    one, two = (
        Source(i, "A", "T", 2020, "J", None, "https://x.org", None, (), "", "found")
        for i in ("one", "two")
    )
    a = report.Report(
        "Self-check",
        "",
        (warning, report.Section("Results", rows=(("a", "b"),))),
        sources=(one, two),
    )
    b = report.Report(
        "Screening",
        "",
        (report.Section("Results", rows=(("c", "d"),)), warning),
        sources=(two,),
        notices=("n", "n"),
    )
    combined = report.combine("Handout", "sub", [a, b], extra=(warning,))
    headings = [s.heading for s in combined.sections]
    assert headings == [warning.heading, "Self-check: Results", "Screening: Results"]
    assert combined.notices == ("n",)
    assert [s.id for s in combined.sources] == ["one", "two"]
