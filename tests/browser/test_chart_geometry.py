"""Every chart's text, as drawn in Chromium, at a phone, a tablet, a laptop and a wide screen.

Fails when any title, subtitle, axis label, legend entry or mark label is cut with an
ellipsis, reaches outside the chart's box, or is drawn over another text.
"""

from __future__ import annotations

import itertools

import pytest

from tests.browser.chart_geometry import CHART, problems, read_charts
from tests.browser.conftest import Server, Visit

WIDTHS = (390, 768, 1280, 1920)
# (name, link, charts expected). The links are the README's examples and the class scenes.
PAGES = [
    (
        "self_check",
        "/self_check?age=70&weight=70&moderate=100&vigorous=25&strength_days=1"
        "&balance_days=0&protein_g=60",
        1,
    ),
    # Every input at 0 (and no protein target): the rows must keep their height and labels.
    (
        "self_check_zero",
        "/self_check?age=40&moderate=0&vigorous=0&strength_days=0&balance_days=0"
        "&protein_g=0&kidney=true",
        1,
    ),
    (
        "self_check_scene",
        "/self_check?age=70&weight=70&moderate=150&vigorous=0&strength_days=2"
        "&balance_days=3&protein_g=84&present=1",
        1,
    ),
    ("screening", "/screening?age=72&sex=female&chair_stands=9", 1),
    ("plan", "/plan?level=seated&days=mon,wed,fri,sat&minutes=45&age=72&weeks=8", 1),
    ("projection", "/projection?age=80&rate=8", 1),
    ("projection_bed_rest", "/projection?bedrest_age=67&bedrest_days=10", 2),
]


def open_charts(visit: Visit, url: str, expected: int) -> list[dict]:
    visit.page.goto(url)
    visit.settle()
    # Drawn, or failed: a spec the embed refuses shows its JavaScript error in an alert box.
    failed = (
        "[...document.querySelectorAll('[data-testid=\"stAlertContentError\"]')]"
        ".map((e) => e.innerText).filter((t) => /^[A-Za-z]*Error: /m.test(t))"
    )
    visit.page.wait_for_function(
        f"document.querySelectorAll('{CHART} svg.marks').length >= {expected}"
        f" || {failed}.length > 0",
        timeout=20_000,
    )
    assert visit.page.evaluate(failed) == []
    visit.page.wait_for_timeout(400)  # Vega redraws once the container has its final width
    return read_charts(visit.page)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("name", "link", "expected"), PAGES, ids=[p[0] for p in PAGES])
def test_chart_text_is_whole_and_apart(server: Server, visit: Visit, name, link, expected, width):
    """No chart text is cut with "…", clipped by the chart's box, or drawn over other text."""
    visit.page.set_viewport_size({"width": width, "height": 900})
    drawn = open_charts(visit, server.url + link, expected)
    assert len(drawn) == expected
    found = {d["label"][:60]: problems(d) for d in drawn}
    assert not any(found.values()), found


def test_every_guideline_pillar_has_its_own_labelled_row(server: Server, visit: Visit):
    """The self-check chart labels all four pillars, each on its own row, inputs at 0 too."""
    visit.page.set_viewport_size({"width": 390, "height": 900})
    for _, link, expected in PAGES[:2]:
        (drawn,) = open_charts(visit, server.url + link, expected)
        texts = [t["text"] for t in drawn["texts"]]
        pillars = ["Aerobic activity", "Strength training", "Balance activity", "Protein"]
        assert all(texts.count(p) == 1 for p in pillars), texts
        tops = sorted(t["box"]["top"] for t in drawn["texts"] if t["text"] in pillars)
        gaps = [b - a for a, b in itertools.pairwise(tops)]
        assert min(gaps) >= 40, gaps  # a row each, not squashed together


PROJECTION_PAGES = [p for p in PAGES if p[0].startswith("projection")] + [
    ("projection_strength", "/projection?measure=strength&age=90&rate=8", 1),
    ("projection_long_bed_rest", "/projection?measure=strength&bedrest_age=80&bedrest_days=60", 2),
]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    ("name", "link", "expected"), PROJECTION_PAGES, ids=[p[0] for p in PROJECTION_PAGES]
)
def test_projection_dashed_lines_are_labelled_in_words(
    server: Server, visit: Visit, name, link, expected, width
):
    """The lines at 30 and 60 carry their words, whole, apart and inside the chart, in order."""
    visit.page.set_viewport_size({"width": width, "height": 900})
    drawn = open_charts(visit, server.url + link, expected)[0]
    assert problems(drawn) == []  # the labels too: not clipped, cut or over other text
    wanted = {30: "Reviews: lossstarts at 30", 60: "Reviews: lossfaster after 60"}
    boxes = {
        age: [t["box"] for t in drawn["texts"] if t["text"] == words]
        for age, words in wanted.items()
    }
    assert all(len(found) == 1 for found in boxes.values()), drawn["texts"]
    at_30, at_60 = boxes[30][0], boxes[60][0]
    assert at_30["right"] <= at_60["left"]  # side by side, 30 first, as the lines are
    assert abs(at_30["bottom"] - at_60["bottom"]) <= 1  # on one level, low in the plot
    # Low in the plot, above the age axis: the x-axis numbers are the lowest numbers drawn.
    numbers = [t["box"] for t in drawn["texts"] if t["text"].isdigit()]
    axis_top = max(b["top"] for b in numbers)
    ages = [b for b in numbers if abs(b["top"] - axis_top) <= 1]
    assert len(ages) >= 4  # 30, 50, 70, 90 on a phone; every ten years on a wide screen
    assert at_30["bottom"] <= axis_top
    plot_middle = (min(b["top"] for b in numbers) + axis_top) / 2
    assert at_30["top"] > plot_middle  # in the empty lower half, below the curves


def test_problems_finds_overlap_clipping_and_ellipses():
    """The checker itself: each fault it must catch, in a made-up reading."""

    def box(left, top, right, bottom):
        return {"left": left, "top": top, "right": right, "bottom": bottom}

    drawn = {
        "label": "made up",
        "renderer": "svg",
        "chart": box(0, 0, 300, 200),
        "svg": box(0, 0, 300, 200),
        "texts": [
            {"text": "Aerobic activity", "box": box(10, 10, 100, 24)},
            {"text": "not met", "box": box(90, 14, 140, 28)},
            {"text": "Leg muscle mass from 30 to…", "box": box(10, 40, 200, 60)},
            {"text": "Week", "box": box(280, 180, 320, 196)},
            {"text": "apart", "box": box(10, 100, 50, 114)},
        ],
    }
    found = problems(drawn)
    assert any("text over text" in p and "not met" in p for p in found)
    assert any("ellipsis" in p for p in found)
    assert any("clipped" in p and "Week" in p for p in found)
    assert not any("apart" in p for p in found)
    assert problems({**drawn, "renderer": "canvas"})[0].startswith("drawn with canvas")
