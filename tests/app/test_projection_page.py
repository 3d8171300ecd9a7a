"""The projection page under AppTest: deep links, refused values, and the reader's own input."""

from __future__ import annotations

import pytest

from tests.app.test_pages import open_page, texts

PAGE = "pages/projection.py"


def summaries(at) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("**In words:**")]


def test_deep_link_shows_that_view():
    """/projection?age=80&rate=8 opens at 80 with the 8%-per-decade path and says so."""
    at = open_page(PAGE, {"age": "80", "rate": "8"})
    assert not at.exception
    assert at.slider(key="age").value == 80
    assert at.slider(key="rate").value == 8.0
    assert summaries(at)[0].startswith(
        "**In words:** At 80, someone on this path keeps about 64% of the leg muscle they had "
        "at 30 (the band runs from 64% to 80%)."
    )
    assert not at.info


def test_strength_and_bed_rest_from_the_link():
    """measure, bedrest_age and bedrest_days come from the link and add the second chart."""
    at = open_page(
        PAGE, {"age": "80", "measure": "strength", "bedrest_age": "67", "bedrest_days": "10"}
    )
    assert at.button_group(key="measure").value == "strength"
    words = summaries(at)
    assert "after 10 days in bed at 67" in words[0]
    assert "of the leg strength they had at 30" in words[0]
    assert "loses about 13% of leg strength" in words[1]
    assert len(at.get("vega_lite_chart")) == 2


@pytest.mark.parametrize(
    ("query", "key", "value", "note"),
    [
        ({"age": "150"}, "age", 100, "the link asked for “150”, so 100 is shown"),
        ({"age": "abc"}, "age", 50, "is not a number"),
        ({"age": "1e309"}, "age", 50, "is not a number"),
        ({"rate": "-2"}, "rate", 3.0, "so 3 is shown"),
        ({"rate": "NaN"}, "rate", 5.0, "is not a number"),
        ({"bedrest_days": "61"}, "bedrest_days", 60, "so 60 is shown"),
        ({"bedrest_days": "2.5"}, "bedrest_days", 2, "in whole numbers"),
    ],
)
def test_bad_link_values_fall_back_with_a_visible_note(query, key, value, note):
    """A refused or clamped value is replaced and the reader is told, never an exception."""
    at = open_page(PAGE, query)
    assert not at.exception
    assert at.slider(key=key).value == value
    assert any(note in i.value for i in at.info), [i.value for i in at.info]


def test_unknown_measure_falls_back_to_mass():
    """?measure=power shows mass and says why."""
    at = open_page(PAGE, {"measure": "power"})
    assert at.button_group(key="measure").value == "mass"
    assert "is not one of mass, strength" in texts(at)


def test_reader_input_wins_over_the_link_and_the_note_goes():
    """After the reader moves a slider, their value stays and the link note is not repeated."""
    at = open_page(PAGE, {"age": "150"})
    at.slider(key="age").set_value(72).run()
    assert at.slider(key="age").value == 72
    assert not at.info
    assert "At 72" in summaries(at)[0]


def test_page_is_labelled_an_illustration_with_sources():
    """The label, the sources with fact ids, and the notes beside the chart are all shown."""
    at = open_page(PAGE)
    assert "not a prediction for you" in at.warning[0].value
    captions = " ".join(c.value for c in at.caption)
    assert "Volpi 2004" in captions
    assert "ML-01" in captions
    body = "".join(e.proto.body for e in at.get("html"))
    assert "Why the band is wide" in body


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ({"measure": "strength", "age": "85"}, "From 80 to 100 the line is dashed"),
        ({"measure": "strength", "age": "85"}, "At 85 the line is extrapolated."),
        ({"measure": "mass", "age": "65"}, "From 60 to 70 and from 80 to 100 the line is dashed"),
    ],
)
def test_page_says_in_words_which_ages_are_extrapolated(query, words):
    """The summary under the chart names the extrapolated ages, and the reader's own age."""
    at = open_page(PAGE, query)
    assert not at.exception
    assert words in summaries(at)[0]


@pytest.mark.parametrize(
    ("bedrest_age", "words"),
    [("70", "about 8% of leg muscle after 14 days"), ("45", "mostly young adults")],
)
def test_page_says_whose_bed_rest_data_the_curve_uses(bedrest_age, words):
    """The bed-rest summary names the older-adult figure at 60 and over, else labels the curve."""
    at = open_page(PAGE, {"bedrest_age": bedrest_age, "bedrest_days": "10"})
    assert not at.exception
    assert words in summaries(at)[1]
