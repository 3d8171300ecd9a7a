"""Unit tests of lib.params: every hostile link value becomes a safe value and a plain note."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib import params


@pytest.mark.parametrize(
    ("raw", "value", "noted"),
    [
        (None, 50, False),
        ("80", 80, False),
        (" 80 ", 80, False),
        ("30", 30, False),
        ("100", 100, False),
        ("29", 30, True),
        ("101", 100, True),
        ("-5", 30, True),
        ("80.4", 80, True),
        ("1e309", 50, True),
        ("nan", 50, True),
        ("inf", 50, True),
        ("-inf", 50, True),
        ("abc", 50, True),
        ("", 50, True),
        ("8O", 50, True),
    ],
)
def test_number_clamps_and_notes(raw, value, noted):
    """Numbers are clamped into range, junk falls back to the default, and both are noted."""
    checked = params.number(raw, label="Age", lo=30, hi=100, default=50)
    assert checked.value == value
    assert (checked.note is not None) is noted


def test_number_keeps_fractions_when_not_integer():
    """A decimal input keeps its decimals."""
    assert params.number("5.5", label="Rate", lo=3, hi=8, default=5, integer=False).value == 5.5


def test_note_says_what_was_asked_and_what_is_shown():
    """The note names the input, the range, the request and what is used instead."""
    note = params.number("150", label="Age", lo=30, hi=100, default=50).note
    assert note == "Age goes from 30 to 100; the link asked for “150”, so 100 is shown."


@pytest.mark.parametrize(
    ("raw", "value", "noted"),
    [
        (None, "mass", False),
        ("strength", "strength", False),
        ("STRENGTH", "strength", False),
        ("power", "mass", True),
        ("", "mass", True),
    ],
)
def test_choice(raw, value, noted):
    """Only a listed option is accepted, whatever its case."""
    checked = params.choice(raw, label="Measure", options=("mass", "strength"), default="mass")
    assert checked.value == value
    assert (checked.note is not None) is noted


@pytest.mark.parametrize(
    ("raw", "value", "noted"),
    [(None, False, False), ("true", True, False), ("1", True, False), ("No", False, False),
     ("maybe", False, True)],
)  # fmt: skip
def test_boolean(raw, value, noted):
    """true/false, 1/0, yes/no and on/off are understood; anything else is noted."""
    checked = params.boolean(raw, label="Kidney disease", default=False)
    assert checked.value is value
    assert (checked.note is not None) is noted


@given(st.text(max_size=300))
def test_number_is_always_in_range_and_finite(raw):
    """Whatever the link says, the value is finite and inside the range."""
    checked = params.number(raw, label="Age", lo=30, hi=100, default=50)
    assert math.isfinite(checked.value)
    assert 30 <= checked.value <= 100


@given(st.text(max_size=300))
def test_notes_never_echo_markup(raw):
    """A note never carries markup characters from the link back onto the page."""
    for checked in (
        params.number(raw, label="Age", lo=30, hi=100, default=50),
        params.choice(raw, label="Measure", options=("mass",), default="mass"),
        params.boolean(raw, label="Flag", default=False),
    ):
        note = checked.note or ""
        for bad in ("<", ">", "$", "[", "]", "`", "*", "_", ":"):
            assert bad not in note.replace("Age", "").replace("Flag", "").replace("Measure", "")


@pytest.mark.parametrize(
    ("raw", "value", "noted"),
    [
        (None, None, False),
        ("9", 9, False),
        ("0", 0, False),
        ("200", 60, True),
        ("-3", 0, True),
        ("abc", None, True),
        ("nan", None, True),
        ("1e309", None, True),
    ],
)
def test_optional_number(raw, value, noted):
    """An empty box stays empty; junk is left empty with a note; numbers are clamped."""
    checked = params.optional_number(raw, label="Stands", lo=0, hi=60)
    assert checked.value == value
    assert (checked.note is not None) is noted


@pytest.mark.parametrize(
    ("raw", "value", "noted"),
    [(None, None, False), ("2", "2", False), ("3", None, True), ("", None, True)],
)
def test_optional_choice(raw, value, noted):
    """An unanswered question stays unanswered; an unknown answer is refused with a note."""
    checked = params.optional_choice(raw, label="Strength", options=("0", "1", "2"))
    assert checked.value == value
    assert (checked.note is not None) is noted


@pytest.mark.parametrize(("raw", "value"), [("200", None), ("-3", None), ("60", 60), ("9.6", 10)])
def test_optional_measurement_is_refused_not_clamped(raw, value):
    """An impossible measurement is left empty (with a note) rather than made up."""
    checked = params.optional_number(raw, label="Stands", lo=0, hi=60, clamp=False)
    assert checked.value == value


@pytest.mark.parametrize(
    ("raw", "value", "noted"),
    [(None, "", False), ("atrophy", "atrophy", False), ("x" * 60, "x" * 60, False),
     ("x" * 61, "x" * 60, True), ("<b>" * 40, ("<b>" * 40)[:60], True)],
)  # fmt: skip
def test_text_is_cut_to_length_with_a_note(raw, value, noted):
    """Free text up to the limit passes; a longer value is cut and the reader told."""
    checked = params.text(raw, label="Search", max_chars=60)
    assert checked.value == value
    assert (checked.note is not None) is noted
    assert "<" not in (checked.note or "")


LEVEL_LABELS = {"seated": "Seated or lying", "bodyweight": "Standing, body weight"}


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("seated", "seated"),
        ("Seated or lying", "seated"),  # what Streamlit's binding writes to the URL
        ("  seated  OR lying ", "seated"),
        ("Standing, body weight", "bodyweight"),
    ],
)
def test_choice_accepts_the_value_or_its_label(raw, value):
    """A link may carry an option's value or the label Streamlit's binding wrote."""
    checked = params.choice(
        raw, label="Level", options=list(LEVEL_LABELS), default="seated", labels=LEVEL_LABELS
    )
    assert checked == params.Checked(value)


@pytest.mark.parametrize(
    ("raws", "value", "noted"),
    [
        (["seated,bodyweight"], ("seated", "bodyweight"), False),
        (["Seated or lying", "Standing, body weight"], ("seated", "bodyweight"), False),
        (["Standing, body weight", "seated"], ("seated", "bodyweight"), False),
        (["seated", "seated"], ("seated",), False),
        (["seated,<b>"], ("seated",), True),
        (["<b>"], ("seated",), True),  # nothing known: the default, with a note
        ([""], (), False),  # an emptied choice stays empty
    ],
)
def test_choices_read_repeated_comma_separated_or_labelled_values(raws, value, noted):
    """Several choices: repeated keys, commas, labels (even with commas); unknowns noted."""
    checked = params.choices(
        raws, label="Level", options=list(LEVEL_LABELS), default=("seated",), labels=LEVEL_LABELS
    )
    assert checked.value == value
    assert (checked.note is not None) == noted
