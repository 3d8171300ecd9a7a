"""The large-text, high-contrast reading option (`large=true`): the link parameter, the charts'
larger text (lib.charts.finish) and the reading pages under /read (lib.reading, web.reading).

The colours are measured in tests/unit/test_contrast.py; the app's pages in
tests/app/test_large_text_pages.py; a real browser in tests/browser/test_phone_results.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.applications import Starlette
from starlette.testclient import TestClient

from lib import charts, linkparams, reading
from lib.projection import project
from tests.conftest import CONTENT
from tests.unit.test_charts import _assessment
from web import reading as web

SITE = reading.Site("https://example.org/legs")

# --- the link parameter ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "on", "noted"),
    [
        ("true", True, False),
        ("1", True, False),
        ("yes", True, False),
        ("on", True, False),
        ("false", False, False),
        ("0", False, False),
        ("maybe", False, True),
        ("<script>", False, True),
    ],
)
def test_the_parameter_reads_yes_and_no_and_refuses_the_rest_with_a_note(raw, on, noted):
    checked = linkparams.LARGE.read([raw])
    assert checked.value is on
    assert bool(checked.note) is noted


def test_the_parameter_is_declared_for_every_page_and_is_not_a_views_input():
    """It is an every-page option: no page lists it, so a link naming only it resets nothing."""
    assert linkparams.LARGE in linkparams.EVERY_PAGE
    assert linkparams.LARGE.key not in linkparams.KNOWN_KEYS
    assert linkparams.LARGE.key == reading.LARGE_KEY


# --- the charts ----------------------------------------------------------------------------------

CHARTS = {
    "projection": lambda: charts.projection_chart(
        project(age_years=70, rate_pct_per_decade=5, bedrest_age_years=67, bedrest_days=10)
    ),
    "self-check": lambda: charts.guideline_chart(_assessment()),
}


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_large_charts_have_larger_shared_text_and_shorter_title_lines(name):
    spec = CHARTS[name]().to_dict()
    plain, large = charts.finish(spec), charts.finish(spec, large=True)
    for part, key in [
        ("axis", "labelFontSize"),
        ("title", "fontSize"),
        ("title", "subtitleFontSize"),
        ("text", "fontSize"),
    ]:
        wanted = charts.LARGE_OVERRIDES.get(part, {}).get(
            key, round(plain["config"][part][key] * charts.LARGE_SCALE)
        )
        assert large["config"][part][key] == wanted
        assert large["config"][part][key] > plain["config"][part][key]
    assert large["config"]["axis"]["labelFontSize"] >= 20
    for part, key in [
        ("axis", "titleFontSize"),
        ("legend", "labelFontSize"),
        ("title", "lineHeight"),
    ]:
        assert large["config"][part][key] > plain["config"][part][key]
    assert large["config"]["axis"]["labelColor"] == plain["config"]["axis"]["labelColor"]
    title = large["title"]
    assert " ".join(title["text"]) == " ".join(plain["title"]["text"])
    assert all(len(line) <= charts.TITLE_LINE_CHARS / charts.LARGE_SCALE for line in title["text"])


def test_large_leaves_the_shared_config_itself_alone():
    before = repr(charts.CHART_CONFIG)
    charts.finish(CHARTS["projection"]().to_dict(), large=True)
    assert repr(charts.CHART_CONFIG) == before


# --- the reading pages ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def library() -> reading.Library:
    return reading.load_library(CONTENT)


SITE_LINK = re.compile(r'href="(/legs/[^"]*)"')


def _site_links(document: str) -> list[str]:
    return SITE_LINK.findall(document)


def test_a_large_reading_page_carries_the_larger_style_and_keeps_it_in_every_link(library):
    page = next(p for p in reading.pages(library) if p.path == "/read/causes")
    plain = reading.document(page, library, SITE)
    large = reading.document(page, library, SITE, large=True)
    assert "html{font-size:137.5%}" in large
    assert "html{font-size:137.5%}" not in plain
    assert large.count("<style>") == 1
    links = _site_links(large)
    assert len(links) > 5
    # Every link to this site keeps the option, the link back to standard text excepted.
    standard = [link for link in links if "large=true" not in link]
    assert standard == ["/legs/read/causes"]
    assert ">Standard text size</a>" in large
    for link in links:
        query = parse_qs(urlsplit(link.replace("&amp;", "&")).query)
        assert query.get("large", ["true"]) == ["true"]
    # The plain page offers the option, and no other link carries it.
    assert [link for link in _site_links(plain) if "large" in link] == [
        "/legs/read/causes?large=true"
    ]


def test_large_links_keep_their_own_query_and_anchor():
    fragment = (
        '<a href="/legs/projection?age=80&amp;rate=5#chart">a</a><a href="#src-1">b</a>'
        '<a href="https://www.nhs.uk/">c</a><a href="/legs/read/faq">d</a>'
    )
    assert reading.with_large(fragment) == (
        '<a href="/legs/projection?age=80&amp;rate=5&amp;large=true#chart">a</a>'
        '<a href="#src-1">b</a><a href="https://www.nhs.uk/">c</a>'
        '<a href="/legs/read/faq?large=true">d</a>'
    )


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(Starlette(routes=web.routes())) as running:
        yield running


@pytest.mark.parametrize("value", ["true", "1", "yes"])
def test_the_route_serves_the_large_page_when_the_link_asks(client, value):
    reply = client.get(f"/read/glossary?large={value}")
    assert reply.status_code == 200
    assert "html{font-size:137.5%}" in reply.text
    assert reading.style_hash(large=True) in reply.headers["content-security-policy"]
    assert 'href="/read/sources?large=true"' in reply.text


@settings(max_examples=30, deadline=None)
@given(value=st.text(max_size=30))
def test_any_other_value_serves_the_standard_page(client, value):
    """A value that is not a yes (hostile, empty, Unicode) gives the standard page, never a 500."""
    reply = client.get("/read/glossary", params={"large": value})
    assert reply.status_code == 200
    wanted = linkparams.LARGE.read([value[:20]]).value
    assert ("html{font-size:137.5%}" in reply.text) is wanted


def test_redirects_keep_the_option(client):
    moved = client.get("/read/causes/?large=true", follow_redirects=False)
    assert moved.headers["location"].endswith("/read/causes?large=true")
    root = client.get("/read?large=1", follow_redirects=False)
    assert root.headers["location"].endswith("/read/?large=true")
    missing = client.get("/read/no_such_page?large=true")
    assert missing.status_code == 404
    assert "html{font-size:137.5%}" in missing.text


def test_large_charts_break_a_long_x_axis_title_into_lines_in_every_layer():
    path = project(age_years=50, rate_pct_per_decade=5, bedrest_age_years=67, bedrest_days=10)
    spec = charts.episode_chart(path).to_dict()
    large = charts.finish(spec, large=True)
    titles = [
        layer["encoding"]["x"]["title"]
        for layer in large["layer"]
        if "title" in layer.get("encoding", {}).get("x", {})
    ]
    assert titles
    for title in titles:
        lines = title if isinstance(title, list) else [title]
        assert all(len(line) <= charts.LARGE_AXIS_TITLE_CHARS for line in lines)
    assert charts.finish(spec) == charts.finish(spec)  # the standard mode leaves them whole
    assert "Days from the start of the spell in bed" in repr(charts.finish(spec))


def test_a_preview_link_sends_the_browser_on_with_the_option():
    """`/p/<page>?...&large=true` moves on to the live view with `large=true` kept."""
    from lib import preview

    found = preview.describe("self_check", [("age", "72"), ("large", "true")])
    assert found is not None
    document = preview.preview_document(found, SITE)
    assert 'url=https://example.org/legs/self_check?age=72&amp;large=true"' in document
    link = preview.preview_link("https://example.org/legs/self_check?age=72&large=true")
    assert link == "https://example.org/legs/p/self_check?age=72&large=true"
