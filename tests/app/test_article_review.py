"""Article pages under AppTest: each ends with its review dates and the corrections line."""

from __future__ import annotations

import re

import pytest

from tests.app.test_pages import open_page, texts
from tests.conftest import ROOT

ARTICLE_PAGES = sorted(
    p.relative_to(ROOT).as_posix()
    for p in (ROOT / "pages").glob("*.py")
    if "render_article(" in p.read_text(encoding="utf-8")
)
DEFAULT_LINE = "Spotted a mistake? Please tell the people who run this site"


def html_of(at) -> str:
    return "".join(e.proto.body for e in at.get("html"))


def test_there_are_article_pages():
    """The pages that show articles are found (notes beside charts included)."""
    assert len(ARTICLE_PAGES) >= 9


@pytest.mark.parametrize("page", ARTICLE_PAGES)
def test_article_page_ends_with_review_dates_and_the_corrections_line(page):
    """Reviewed on, Next review due and the corrections line close the article's HTML."""
    at = open_page(page)
    assert not at.exception
    body = html_of(at)
    footer = re.search(r'<footer class="lme-review".*?</footer>', body)
    assert footer, page
    assert "Reviewed on <time" in footer.group()
    assert "Next review due <time" in footer.group()
    assert DEFAULT_LINE in footer.group()
    assert footer.group().endswith("</footer>")
    assert body[footer.end() :].startswith("</article>")  # the footer closes the article


def test_a_configured_address_becomes_the_corrections_link(content_copy, monkeypatch):
    """Setting the address in content/site.yaml, the one place, links it on every article."""
    site = content_copy / "site.yaml"
    site.write_text(
        site.read_text("utf-8").replace("url: null", "url: mailto:corrections@example.org"),
        "utf-8",
    )
    monkeypatch.setenv("EXPLORER_CONTENT_DIR", str(content_copy))
    at = open_page("pages/causes.py")
    assert '<a href="mailto:corrections@example.org"' in html_of(at)
    assert DEFAULT_LINE not in html_of(at)


def test_a_broken_site_file_shows_its_error_and_the_article_still_shows(content_copy, monkeypatch):
    """A malformed site.yaml is reported by name; the article keeps its default footer."""
    (content_copy / "site.yaml").write_text("corrections: [unclosed\n", encoding="utf-8")
    monkeypatch.setenv("EXPLORER_CONTENT_DIR", str(content_copy))
    at = open_page("pages/causes.py")
    assert not at.exception
    assert "site.yaml" in texts(at)
    assert DEFAULT_LINE in html_of(at)
    assert '<section class="sources"' in html_of(at)
