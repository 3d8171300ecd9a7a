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
