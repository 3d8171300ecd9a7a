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


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", PAGES)
def test_no_label_or_link_is_cut_short(server: Server, visit: Visit, path: str, width: int):
    """Toggle and checkbox labels, page links and the footer wrap rather than end in "…"."""
    visit.page.set_viewport_size({"width": width, "height": 900})
    visit.page.goto(server.url + path)
    visit.settle()
    assert visit.page.evaluate(_CUT) == []
