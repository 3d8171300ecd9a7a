"""The real articles' tops: every long one has key points and a contents list, and a key point
never brings in a number the article's body does not state with its source (issue 15).
"""

from __future__ import annotations

import re

import pytest
import textstat

from lib import content
from tests.conftest import CONTENT

SOURCES = content.load_sources(CONTENT / "sources.yaml")
ARTICLES = content.article_paths(CONTENT)
LOADED = {slug: content.load_article(path, SOURCES) for slug, path in ARTICLES.items()}
# The house aim for patients: US grade 8 (Flesch-Kincaid). Key points are the first thing a
# reader on a phone sees, so they are held to it (the article bodies to grade 9).
KEY_POINT_GRADE = 8.0


def test_the_rule_picks_the_long_articles():
    """Every article but the short about page (336 words) counts as long."""
    assert {s for s, a in LOADED.items() if not a.long} == {"about"}


@pytest.mark.parametrize("slug", ARTICLES)
def test_a_long_article_has_key_points_and_a_contents_list(slug):
    article = LOADED[slug]
    if not article.long:
        assert not article.key_points
        assert "lme-toc" not in article.html
        return
    assert content.KEY_POINTS_MIN <= len(article.key_points) <= content.KEY_POINTS_MAX
    assert 'class="lme-keypoints"' in article.html
    toc = re.search(r'<nav class="lme-toc".*?</nav>', article.html)
    assert toc is not None
    ids = re.findall(r' id="([^"]+)"', article.html)
    assert len(ids) == len(set(ids)), slug
    targets = re.findall(r'href="#([^"]+)"', toc[0])
    assert targets == [s.anchor for s in article.sections] + ["src-list"]
    assert set(targets) <= set(ids)


@pytest.mark.parametrize("slug", ARTICLES)
def test_key_point_numbers_are_stated_with_a_source_in_the_body(slug):
    """Each number in a key point appears in a cited paragraph, item or row of the body."""
    article = LOADED[slug]
    text = ARTICLES[slug].read_text(encoding="utf-8")
    assert content.unsourced_key_point_numbers(text, article.key_points) == []


@pytest.mark.parametrize("slug", [s for s, a in LOADED.items() if a.key_points])
def test_key_points_read_at_grade_8(slug):
    grade = textstat.flesch_kincaid_grade(" ".join(LOADED[slug].key_points))
    assert grade <= KEY_POINT_GRADE, f"{slug}: key points read at grade {grade}"


@pytest.mark.parametrize(
    ("slug", "anchor"),
    [
        ("causes", "getting-older"),
        ("seek_care", "what-about-muscle-loss-you-cant-explain"),
        ("faq", "is-walking-enough"),
        ("prevention", "protein"),
        ("projection_notes", "what-is-measured-and-what-is-extrapolated"),
    ],
)
def test_section_links_people_share_keep_working(slug, anchor):
    """Ids come from the headings' words: a link to /read/causes#getting-older stays good."""
    assert anchor in [s.anchor for s in LOADED[slug].sections]
