"""The article pages under AppTest: key points, contents, citations with a way back, callout
icons and the projection chart's labelled lines, as the Streamlit pages show them (issue 15).
"""

from __future__ import annotations

import re

import pytest

from lib import content
from tests.app.test_pages import open_page
from tests.conftest import CONTENT

SOURCES = content.load_sources(CONTENT / "sources.yaml")
LONG = {
    slug: path
    for slug, path in content.article_paths(CONTENT).items()
    if content.load_article(path, SOURCES).long
}
# The page that shows each article (the chart notes are shown beside their chart).
PAGE_OF = {"projection_notes": "projection", "plan_notes": "plan"}


def article_html(page: str) -> str:
    at = open_page(f"pages/{page}.py")
    assert not at.exception
    bodies = [e.proto.body for e in at.get("html") if 'class="lme-article"' in e.proto.body]
    assert len(bodies) == 1, page
    return bodies[0]


@pytest.mark.parametrize("slug", sorted(LONG))
def test_long_article_page_shows_key_points_and_contents(slug):
    body = article_html(PAGE_OF.get(slug, slug))
    article = content.load_article(LONG[slug], SOURCES)
    assert 'class="lme-keypoints"' in body
    for point in article.key_points:
        assert point.split(" (")[0][:40] in re.sub(r"<[^>]+>", "", body)
    ids = set(re.findall(r' id="([^"]+)"', body))
    toc = re.search(r'<nav class="lme-toc".*?</nav>', body)
    assert toc is not None
    targets = re.findall(r'href="#([^"]+)"', toc[0])
    assert len(targets) == len(article.sections) + 1  # and the sources
    assert set(targets) <= ids


def test_citations_on_the_page_are_named_and_link_both_ways():
    body = article_html("causes")
    cites = re.findall(
        r'<a href="#(src-\d+)" id="(src-cite-\d+-\d+)" class="cite-link" '
        r'aria-label="(Source \d+: [^"]+)">',
        body,
    )
    assert len(cites) > 50
    backs = set(re.findall(r'class="backref" href="#(src-cite-\d+-\d+)"', body))
    assert {anchor for _, anchor, _ in cites} == backs
    assert all(label.startswith(f"Source {target[4:]}:") for target, _, label in cites)


def test_the_danger_callout_draws_an_svg_image_not_an_emoji():
    body = article_html("seek_care")
    title = re.search(
        r'<div class="admonition danger">\s*<p class="admonition-title">(.*?)</p>', body, re.S
    )
    assert title is not None
    assert '<img class="lme-icon" src="data:image/svg+xml;base64,' in title[1]
    assert 'alt="" aria-hidden="true"' in title[1]
    assert "Emergency" in title[1]
    assert "🚨" not in body


def test_about_is_short_and_has_no_contents():
    body = article_html("about")
    assert "lme-toc" not in body
    assert "lme-keypoints" not in body


def test_projection_page_says_what_the_dashed_lines_are():
    at = open_page("pages/projection.py")
    words = [m.value for m in at.markdown if m.value.startswith("**In words:**")]
    assert "dashed lines mark 30, where reviews say muscle loss starts" in words[0]
    table = next(h.proto.body for h in at.get("html") if "The numbers drawn" in h.proto.body)
    assert "Reviews: loss starts at 30" in table
    assert "Reviews: loss faster after 60" in table
    chart = at.get("vega_lite_chart")[0].proto
    assert '"label"' in chart.spec  # the text layer that draws the words
    (thresholds,) = [d for d in chart.datasets if d.name == "thresholds"]
    assert "starts at 30" in str(thresholds.data)
    assert "faster after 60" in str(thresholds.data)
