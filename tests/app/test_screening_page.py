"""The screening page under AppTest: deep links, every screen's verdict, impossible values."""

from __future__ import annotations

import pytest

from lib import screening
from tests.app.test_pages import open_page, texts

PAGE = "pages/screening.py"


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
    assert "no norm for this age" in line
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
        v.startswith("**Timed Up and Go (sarcopenia severity)") and "no concern" in v for v in lines
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
    assert all(screening.SCREENING_NOT_DIAGNOSIS in c for c in captions)
    assert screening.SCREENING_NOT_DIAGNOSIS in at.warning[0].value
    assert at.get("download_button")


def test_set_up_notes_name_their_source():
    """The folded set-up notes (chair height, walking distance) cite the CDC STEADI sheets."""
    at = open_page(PAGE)
    steadi = [c.value for c in at.caption if c.value.startswith("Sources: [Centers for Disease")]
    assert len(steadi) >= 4  # chair stand, the four stances, balance safety, TUG
