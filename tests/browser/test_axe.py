"""axe-core (shipped inside the axe-playwright-python wheel) on every page, phone and laptop.

WCAG 2.0, 2.1 and 2.2 A and AA rules plus axe's best practices. A violation in the
project's own markup fails. What Streamlit's own widgets and navigation cause is excused
only by `ALLOWED`: one rule, inside one element of Streamlit's, with the reason and the
upstream report; the same list is in the README's "Accessibility" section.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import Server, Visit
from tests.conftest import ROOT

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
WIDTHS = (390, 1280)
# Every page, by its URL: the home page is `/`, every other page its file's name.
PAGES = sorted("/" if p.stem == "home" else f"/{p.stem}" for p in (ROOT / "pages").glob("*.py"))


@dataclass(frozen=True)
class Allowed:
    """A violation that is Streamlit's, not ours: `rule` on nodes inside `within` only."""

    rule: str
    within: str
    why: str
    upstream: str


REPORT = "reproduced in a bare Streamlit app; to file: docs/upstream/streamlit-sidebar-nav-list.md"

ALLOWED = (
    # Streamlit 1.67's sidebar navigation with sections (st.navigation with a dict) puts each
    # section's <li> items in a <ul> inside a <div>, and that <div> directly in the outer
    # <ul data-testid="stSidebarNavItems">: a <ul> with <div> children, and <li> elements
    # whose parent is not a list. The links themselves are named and reachable by keyboard.
    Allowed(
        "list",
        '[data-testid="stSidebarNav"]',
        "Streamlit's sidebar navigation: a <ul> whose children are <div>s",
        REPORT,
    ),
    Allowed(
        "listitem",
        '[data-testid="stSidebarNav"]',
        "Streamlit's sidebar navigation: section items outside a list",
        REPORT,
    ),
)

_INSIDE = "([selector, within]) => !!document.querySelector(selector)?.closest(within)"


def our_violations(page, results: dict) -> list[str]:
    """Each violating node not excused by `ALLOWED`, as 'rule (impact): selector: html'."""
    found = []
    for violation in results["violations"]:
        for node in violation["nodes"]:
            selector = node["target"][0] if node["target"] else ""
            excused = isinstance(selector, str) and any(
                a.rule == violation["id"] and page.evaluate(_INSIDE, [selector, a.within])
                for a in ALLOWED
            )
            if not excused:
                found.append(
                    f"{violation['id']} ({violation['impact']}): {selector}: {node['html'][:160]}"
                )
    return found


def run_axe(visit: Visit) -> dict:
    options = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
    return Axe().run(visit.page, options=options).response


@pytest.fixture
def sized(visit: Visit, request) -> Visit:
    visit.page.set_viewport_size({"width": request.param, "height": 900})
    return visit


@pytest.mark.parametrize("sized", WIDTHS, indirect=True, ids=lambda w: f"{w}px")
@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_axe_violations_of_its_own(server: Server, sized: Visit, path: str):
    """Zero axe-core violations in the project's markup, at 390 and 1280 px."""
    sized.page.goto(server.url + path)
    sized.settle()
    assert our_violations(sized.page, run_axe(sized)) == []


# The large-text, high-contrast option (`?large=true`) on the pages it changes most: the
# result bar, the warning signs, an article, the chart pages.
LARGE_PAGES = ("/", "/projection", "/self_check", "/screening", "/plan", "/red_flags", "/causes")


@pytest.mark.parametrize("sized", WIDTHS, indirect=True, ids=lambda w: f"{w}px")
@pytest.mark.parametrize("path", LARGE_PAGES)
def test_large_text_pages_have_no_axe_violations_of_their_own(
    server: Server, sized: Visit, path: str
):
    """Zero axe-core violations of our own with the large-text option on, at 390 and 1280 px."""
    sized.page.goto(f"{server.url}{path}?large=true")
    sized.settle()
    size = sized.page.evaluate("getComputedStyle(document.documentElement).fontSize")
    assert size == "22px"  # the option is on
    assert our_violations(sized.page, run_axe(sized)) == []


def test_the_allow_list_is_still_needed(server: Server, visit: Visit):
    """Each excused rule still fires inside Streamlit's element: drop it once fixed upstream."""
    visit.page.goto(server.url)
    visit.settle()
    results = run_axe(visit)
    for allowed in ALLOWED:
        nodes = [
            n["target"][0]
            for v in results["violations"]
            if v["id"] == allowed.rule
            for n in v["nodes"]
        ]
        assert any(visit.page.evaluate(_INSIDE, [s, allowed.within]) for s in nodes), allowed


def test_each_excuse_points_to_its_upstream_report():
    """Every excused rule names its report, and a report kept in docs/ exists and names it."""
    for allowed in ALLOWED:
        path = allowed.upstream.rsplit(" ", 1)[-1]
        if path.startswith("docs/"):
            report = (ROOT / path).read_text(encoding="utf-8")
            assert f"`{allowed.rule}`" in report, allowed
            assert "stSidebarNavItems" in report, allowed
        else:
            assert "github.com/streamlit/streamlit/issues/" in allowed.upstream, allowed


def test_a_heading_jump_in_our_markup_is_caught(server: Server, visit: Visit):
    """The check is live: an h1 followed by an h3 in the page's main area is reported."""
    visit.page.goto(server.url + "/about")
    visit.settle()
    visit.page.evaluate(
        "document.querySelector('[data-testid=\"stMain\"] h1')"
        ".insertAdjacentHTML('afterend', '<h3 id=\"jump\">Jump</h3>')"
    )
    found = our_violations(visit.page, run_axe(visit))
    assert any(f.startswith("heading-order") and "jump" in f for f in found), found
