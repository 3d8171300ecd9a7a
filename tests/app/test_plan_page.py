"""The weekly plan page under AppTest, started from screening results (issue 13 section 3).

The plan takes the screening page's keys (`sex`, `chair_stands`, `balance_stage`, `tug_s`):
a result past its CDC STEADI fall-risk cut-off lowers where the plan starts, and the page says
which result did it, that the mapping is the app's own choice, and, for a seated start, what
balance work is allowed and the check that must come before standing work.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.app.test_pages import open_page, texts

BASE = {"days": "mon,tue,wed,thu,fri,sat,sun", "minutes": "90", "age": "72", "weeks": "8"}


def exercise_links(at) -> set[str]:
    """The exercises the one-week view links to."""
    found = set()
    for block in at.markdown:
        for link in re.findall(r"\]\((/exercises\?[^)]*)\)", str(block.value)):
            found.update(parse_qs(urlsplit(link).query).get("ex", []))
    return found


def test_a_failed_balance_stage_starts_the_plan_seated():
    """Stage 2 (tandem stance not held 10 s) moves a body-weight choice down to seated."""
    at = open_page("pages/plan.py", {**BASE, "level": "bodyweight", "balance_stage": "2"})
    assert not at.exception
    assert at.button_group(key="balance_stage").value == "2"
    body = texts(at)
    assert "Where you start: Seated or lying" in body
    assert "4-stage balance test result (2 of 4 stages held) crosses its fall-risk cut-off" in body
    assert "our own cautious choice" in body
    assert "both hands" in body  # the seated-start rule
    assert "someone beside you" in body
    assert "After this plan, move up only if:" in body
    assert "tandem stance" in body
    assert "because of your screening results" in body
    shown = exercise_links(at)
    assert shown, "the week lists its exercises"
    assert not shown & {"heel_to_toe_walk", "one_leg_stand", "walking", "mini_squat"}
    assert "heel_to_toe_stand" in shown


@pytest.mark.parametrize(
    ("query", "start"),
    [
        ({"tug_s": "11.9"}, None),  # under 12 s: no change
        ({"tug_s": "12"}, "Standing, holding a support"),  # SC-41: 12 s or more
        ({"chair_stands": "10", "sex": "female"}, None),  # SC-32: women 70-74, below 10
        ({"chair_stands": "9", "sex": "female"}, "Standing, holding a support"),
        ({"chair_stands": "12", "sex": "male"}, None),  # SC-32: men 70-74, below 12
        ({"chair_stands": "11", "sex": "male"}, "Standing, holding a support"),
        ({"balance_stage": "3"}, None),
        ({"balance_stage": "0"}, "Seated or lying"),
    ],
)
def test_each_cut_off_on_the_page(query, start):
    """At each boundary the page names the result and the level it starts at."""
    at = open_page("pages/plan.py", {**BASE, "level": "bodyweight", **query})
    assert not at.exception
    body = texts(at)
    assert "Where you start:" in body
    if start is None:
        assert "Where you start: Standing, body weight" in body
        assert "does not cross its fall-risk cut-off" in body
        assert "does not rule out a risk of falling" in body
    else:
        assert f"Where you start: {start}" in body
        assert "crosses its fall-risk cut-off" in body


def test_without_screening_results_the_page_says_nothing_about_them():
    """No result entered: no start box, the reader's own level stands."""
    at = open_page("pages/plan.py", {**BASE, "level": "supported"})
    assert not at.exception
    assert "Where you start:" not in texts(at)
    assert at.number_input(key="chair_stands").value is None


def test_the_page_says_the_pace_is_the_apps_own_choice():
    """The aerobic ramp is labelled as the app's own choice of pace."""
    at = open_page("pages/plan.py", {**BASE, "level": "seated"})
    body = texts(at)
    assert "our own choice of pace, not a guideline figure" in body
    assert "At the slower pace this plan builds up" in body  # seated, 8 weeks: below 150


def test_the_week_that_moves_up_shows_its_check():
    """In a 12-week supported plan the week of the new level shows "move up only if"."""
    at = open_page("pages/plan.py", {**BASE, "level": "supported", "weeks": "12"})
    assert not at.exception
    grid = next(h.proto.body for h in at.get("html") if "Your plan, week by week" in h.proto.body)
    week = next(w for w in range(1, 13) if f">{w} (move-up check first)<" in grid)
    at.select_slider(key="plan_week").set_value(week).run()
    body = texts(at)
    assert "New, harder exercises this week. Move up only if:" in body
    assert "2 sets of 10 to 15" in body
    assert "1 set of 5 of each exercise" in body


@pytest.mark.parametrize(
    ("query", "key"),
    [({"balance_stage": "9"}, "balance_stage"), ({"chair_stands": "200"}, "chair_stands")],
)
def test_impossible_screening_values_are_refused_with_a_note(query, key):
    """An impossible result in the link is dropped with a note; the plan still shows."""
    at = open_page("pages/plan.py", {**BASE, **query})
    assert not at.exception
    assert any("link" in str(i.value).lower() for i in at.info)
    assert "A 8-week plan" not in texts(at)
    assert "An 8-week plan" in texts(at)
    assert "Where you start:" not in texts(at)


@pytest.mark.parametrize(("stage", "lowered"), [("2", True), ("3", False)])
def test_the_handout_plan_starts_from_its_screening_section(monkeypatch, stage, lowered):
    """On the clinician handout the plan uses the screening section's balance result."""
    import ui.handout

    documents = []
    monkeypatch.setattr(ui.handout, "preview_and_download", documents.append)
    at = open_page(
        "pages/handout.py",
        {"sections": ["screening", "plan"], "balance_stage": stage, "level": "bodyweight"},
    )
    assert not at.exception
    printed = documents[-1].plan_summary
    assert ("because of your screening results" in printed) is lowered
    assert ("It starts at seated or lying" in printed) is lowered


@pytest.mark.parametrize(("query", "label"), [({}, "A4"), ({"paper": "letter"}, "US Letter")])
def test_the_plan_offers_a_one_page_pdf(query, label):
    """Beside the HTML, CSV and calendar files, the plan offers its one-page PDF."""
    at = open_page("pages/plan.py", {**BASE, "country": "us", **query})
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert f"Download one page (PDF, {label})" in labels
    assert at.button_group(key="country").value == "us"
