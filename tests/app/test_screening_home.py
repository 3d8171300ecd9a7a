"""The screening page for a reader at home (AppTest): the emergency line first, by country,
where to go after a result past its cut-off, and tap-to-call numbers on the other pages."""

from __future__ import annotations

import pytest

from lib import screening
from tests.app.test_pages import open_page, texts
from tests.app.test_screening_page import PAGE, TEXT


@pytest.mark.parametrize(
    ("country", "shown", "hidden"),
    [
        ("uk", ["[999](tel:999)"], ["911", "112"]),
        ("us", ["[911](tel:911)"], ["999", "112"]),
        ("eu", ["[112](tel:112)"], ["999", "911"]),
        (None, ["[999](tel:999) (UK)", "[911](tel:911) (US)", "[112](tel:112) (EU)"], []),
    ],
)
def test_the_emergency_line_comes_first_with_the_readers_number(country, shown, hidden):
    at = open_page(PAGE, {"age": "72"} | ({"country": country} if country else {}))
    assert not at.exception
    line = at.error[0]
    main = list(at.main)
    assert main.index(line) < main.index(at.title[0])  # above the title
    for number in shown:
        assert number in line.value
    for number in hidden:
        assert number not in line.value
    assert "stop the test and call" in line.value


def test_a_chosen_country_adds_a_big_tap_to_call_link():
    at = open_page(PAGE, {"country": "us"})
    assert any('href="tel:911"' in h.proto.body for h in at.get("html"))
    at = open_page(PAGE, {})
    assert not any("Tap to call" in h.proto.body for h in at.get("html"))


def test_an_unknown_country_falls_back_to_every_number_with_a_note():
    at = open_page(PAGE, {"country": "mars"})
    assert not at.exception
    assert "[999](tel:999) (UK), [911](tel:911) (US) or [112](tel:112) (EU)" in at.error[0].value
    # The link's value was not used, and the page says so (beside the PDF's own note).
    (note,) = [i for i in at.info if "mars" in i.value]
    assert "(“mars”) is not one of uk, us, eu" in note.value


@pytest.mark.parametrize(
    ("country", "words"),
    [
        ("uk", ["falls clinic", "self-referral", "NHS 111"]),
        ("us", ["physical therapist", "urgent care"]),
        ("eu", ["physiotherapist"]),
        (None, ["your GP in the UK", "physical therapist in the US"]),
    ],
)
def test_where_to_go_follows_a_result_past_its_cut_off(country, words):
    query = {"age": "72", "sex": "female", "chair_stands": "5"}
    at = open_page(PAGE, query | ({"country": country} if country else {}))
    where = [m.value for m in at.markdown if m.value.startswith(f"**{TEXT.where_heading}:**")]
    assert len(where) == 1
    for word in words:
        assert word in where[0]


def test_no_where_to_go_for_results_within_their_cut_off_or_not_done():
    at = open_page(PAGE, {"age": "72", "sex": "female", "chair_stands": "15", "country": "uk"})
    assert not [m for m in at.markdown if m.value.startswith(f"**{TEXT.where_heading}:**")]


def test_chair_stand_meaning_places_the_count_against_the_cdc_line_without_a_rank():
    at = open_page(PAGE, {"age": "72", "sex": "female", "chair_stands": "12"})
    words = texts(at)
    assert "Your count is above the CDC line of 10 for women aged 70-74." in words
    assert "not how you rank among others" in words
    assert "percentile" not in words.lower()


@pytest.mark.parametrize(
    ("page", "number"),
    [("pages/home.py", "999"), ("pages/exercises.py", "911")],
)
def test_other_pages_show_emergency_numbers_as_links(page, number):
    at = open_page(page)
    assert any(f"[{number}](tel:{number})" in e.value for e in at.error)


def test_where_next_in_lib_is_only_for_concerns():
    text = TEXT
    concern = screening.chair_stand(5, 72, "female", text=text)
    ok = screening.chair_stand(15, 72, "female", text=text)
    grip = screening.grip(10, "female", age_years=72, text=text)[0]
    assert screening.where_next(concern, "us", text) == text.where_next["us"]["falls"]
    assert screening.where_next(concern, None, text) == text.where_next["any"]["falls"]
    assert screening.where_next(concern, "xx", text) == text.where_next["any"]["falls"]
    assert screening.where_next(grip, "uk", text) == text.where_next["uk"]["muscle"]
    assert screening.where_next(ok, "uk", text) is None
    assert set(text.where_next) == {"uk", "us", "eu", "any"}
