"""Hostile links in a real Chromium: nothing from the URL runs, and the reader is told why.

AppTest (tests/app/test_hostile_links.py) sees the elements Streamlit sends; this sees what
the browser makes of them. Each payload would set `window.__pwned` if it ever ran, so a
script that runs without opening a dialog is caught too.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from tests.browser.conftest import Server, Visit, screenshot

SCRIPT = "<script>window.__pwned='script';alert(1)</script>"
IMG = "<img src=x onerror=\"window.__pwned='img';alert(2)\">"
SVG = "<svg onload=\"window.__pwned='svg';alert(3)\">"
JS_URL = "javascript:window.__pwned='href';alert(4)"
LONG = "9" * 10_000

# (path, query, a phrase from the note the reader must see)
CASES = [
    (
        "/projection",
        {"age": SCRIPT, "rate": "1e309", "measure": IMG, "bedrest_days": LONG},
        "The link's value for Age to look at",
    ),
    (
        "/self_check",
        {"age": "1e309", "weight": IMG, "unit": SVG, "legs": JS_URL, "guideline": SCRIPT},
        "The link's value for Age (years)",
    ),
    (
        "/screening",
        {"chair_stands": SCRIPT, "tug_s": "-1e309", "sarcf_s": IMG, "grip_kg": LONG},
        "The link's value for Full stands in 30 seconds",
    ),
    ("/red_flags", {"country": IMG, SCRIPT: SCRIPT}, "The link's value for Where are you?"),
    ("/glossary", {"q": SCRIPT + "x" * 10_000}, "longer than 60 characters"),
]

# Elements or attributes the payloads would create if the browser parsed them as HTML.
INJECTED = """() => {
  const bad = [];
  for (const s of document.querySelectorAll('script'))
    if (/__pwned|alert\\(/.test(s.textContent)) bad.push('script: ' + s.textContent.slice(0, 80));
  for (const e of document.querySelectorAll('[onerror], [onload]'))
    bad.push(e.tagName + ' with an event handler');
  for (const a of document.querySelectorAll('a[href^="javascript:" i]'))
    bad.push('javascript: link ' + a.getAttribute('href').slice(0, 80));
  for (const img of document.querySelectorAll('img[src="x"]')) bad.push('img src=x');
  return bad;
}"""


@pytest.mark.parametrize(("path", "query", "note"), CASES, ids=[c[0] for c in CASES])
def test_hostile_link_runs_nothing_and_explains(server: Server, visit: Visit, path, query, note):
    """A link full of script, onerror images, 1e309 and 10 kB values runs nothing and says why."""
    page = visit.page
    page.goto(f"{server.url}{path}?{urlencode(query)}")
    visit.settle()
    page.wait_for_timeout(500)  # give a payload time to fire, if one could

    assert visit.dialogs == []
    assert page.evaluate("() => window.__pwned") is None
    assert page.evaluate(INJECTED) == []
    assert page.locator('[data-testid="stException"]').count() == 0
    notes = page.locator('[data-testid="stAlert"]', has_text=note)
    assert notes.count() == 1, page.locator('[data-testid="stAlert"]').all_inner_texts()
    assert notes.first.is_visible()
    # The refused value is named only by its harmless part, never echoed whole.
    assert "<script" not in notes.first.inner_text()
    screenshot(visit, f"hostile{path.replace('/', '_')}")


def test_the_checks_see_an_injected_script(server: Server, visit: Visit):
    """The injection checks above notice a payload that does run (so they can fail)."""
    page = visit.page
    page.goto(f"{server.url}/glossary")
    visit.settle()
    page.evaluate(
        """() => { const d = document.createElement('div');
                   d.innerHTML = '<img src=x onerror="window.__pwned=1">';
                   document.body.append(d); }"""
    )
    page.wait_for_function("() => window.__pwned === 1", timeout=5_000)
    assert page.evaluate(INJECTED) != []
