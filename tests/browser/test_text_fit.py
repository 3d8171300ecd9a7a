"""No words on a page are cut short with "…" by the browser, on a phone or a laptop."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Server, Visit
from tests.browser.test_axe import PAGES

# Every element in the main area whose text the browser cuts with an ellipsis (CSS
# text-overflow) because it is wider than its box: the words after the cut are lost.
_CUT = """() => [...document.querySelectorAll('[data-testid="stMain"] *')]
  .filter((e) => getComputedStyle(e).textOverflow === 'ellipsis'
    && e.scrollWidth > e.clientWidth + 1 && e.innerText.trim())
  .map((e) => e.innerText.trim().slice(0, 80))"""


# Every element in the main area that holds text of its own and reaches past the window's
# right edge (the words there are off screen), unless it sits in a box that scrolls sideways
# (a wide table's wrapper) or is a chart (tests/browser/test_chart_geometry.py).
_PAST_EDGE = """() => [...document.querySelectorAll('[data-testid="stMain"] *')]
  .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
  .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1
    && e.getBoundingClientRect().width > 0)
  .filter((e) => !e.closest('.lme-table-wrap, [data-testid="stVegaLiteChart"]'))
  .map((e) => e.textContent.trim().slice(0, 80))"""


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", PAGES)
def test_no_label_or_link_is_cut_short(server: Server, visit: Visit, path: str, width: int):
    """Toggle and checkbox labels, page links and the footer wrap: none ends in "…" or runs
    off the right edge of the window."""
    visit.page.set_viewport_size({"width": width, "height": 900})
    visit.page.goto(server.url + path)
    visit.settle()
    assert settled(visit, _CUT) == []
    assert settled(visit, _PAST_EDGE) == []


def settled(visit: Visit, script: str) -> list[str]:
    """What `script` finds once the layout has settled: read again for up to 3 s while it
    finds something (styles and late widgets can land just after the script run ends)."""
    found = visit.page.evaluate(script)
    for _ in range(12):
        if not found:
            break
        visit.page.wait_for_timeout(250)
        found = visit.page.evaluate(script)
    return found
