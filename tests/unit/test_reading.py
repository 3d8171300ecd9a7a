"""The reading pages (lib.reading): every page of the real content, whole and valid."""

from __future__ import annotations

import html
import itertools
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import html5lib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib import content, plan, reading
from tests.conftest import CONTENT, ROOT

APP_PAGES = {p.stem for p in (ROOT / "pages").glob("*.py")} | {""}
SITE = reading.Site("https://example.org/legs")


@pytest.fixture(scope="module")
def library() -> reading.Library:
    return reading.load_library(CONTENT)


@pytest.fixture(scope="module")
def built(library: reading.Library) -> dict[str, str]:
    return {p.path: reading.document(p, library, SITE) for p in reading.pages(library)}


class Outline(HTMLParser):
    """What the checks need from a document: tags, headings, links, ids, resources."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.headings: list[int] = []
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.resources: list[str] = []
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.lang: str | None = None
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        self.tags.append(tag)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if "id" in found:
            self.ids.add(found["id"])
        if tag == "a" and "href" in found:
            self.links.append(found["href"])
        if tag in {"img", "script", "iframe", "video", "audio", "source"} and "src" in found:
            self.resources.append(found["src"])
        if tag == "link":
            if found.get("rel") == "canonical":
                self.canonical = found.get("href")
            else:
                self.resources.append(found.get("href", ""))
        if tag == "meta":
            key = found.get("name") or found.get("property")
            if key:
                self.meta[key] = found.get("content", "")
        if tag == "html":
            self.lang = found.get("lang")
        if tag == "title":
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def outline(document: str) -> Outline:
    parsed = Outline()
    parsed.feed(document)
    return parsed


def html5_errors(document: str) -> list[object]:
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(document)
    return list(parser.errors)


# --- every page ------------------------------------------------------------------------------


def test_every_article_glossary_warning_sign_exercise_and_the_sources_have_a_page(
    library: reading.Library, built: dict[str, str]
) -> None:
    slugs = set(content.article_paths(CONTENT))
    expected = (
        {reading.article_path(s) for s in slugs}
        | {reading.exercise_path(e.slug) for e in library.exercises}
        | {
            reading.INDEX_PATH,
            reading.GLOSSARY_PATH,
            reading.WARNING_SIGNS_PATH,
            reading.EXERCISES_PATH,
            reading.SOURCES_PATH,
        }
    )
    assert set(built) == expected
    assert {"faq", "popular_numbers", "causes", "seek_care"} <= slugs


def test_every_page_parses_as_html5_without_a_single_error(built: dict[str, str]) -> None:
    problems = {path: html5_errors(doc) for path, doc in built.items()}
    assert {path: errors for path, errors in problems.items() if errors} == {}


def test_html5lib_does_report_a_broken_document() -> None:
    # The check above can fail: a stray end tag and a missing doctype are errors.
    assert html5_errors("<html><body><p>text</div></body></html>")


def test_every_page_has_lang_a_title_a_description_a_canonical_url_and_social_tags(
    built: dict[str, str],
) -> None:
    for path, document in built.items():
        page = outline(document)
        assert page.lang == "en", path
        assert page.title.strip(), path
        assert page.meta["description"].strip(), path
        assert page.canonical == SITE.url(path), path
        for key in ("og:title", "og:description", "og:url", "og:type", "twitter:card"):
            assert page.meta.get(key), (path, key)
        assert page.meta["og:url"] == page.canonical


def test_titles_are_unique_and_descriptions_come_from_the_front_matter(
    library: reading.Library, built: dict[str, str]
) -> None:
    titles = [outline(doc).title for doc in built.values()]
    assert len(set(titles)) == len(titles)
    for article in library.articles:
        page = outline(built[reading.article_path(article.slug)])
        assert page.meta["description"] == " ".join(article.summary.split())
        assert page.title.startswith(article.title)
    for exercise in library.exercises:
        page = outline(built[reading.exercise_path(exercise.slug)])
        assert page.meta["description"] == " ".join(exercise.summary.split())


def test_one_h1_and_headings_never_skip_a_level(built: dict[str, str]) -> None:
    for path, document in built.items():
        levels = outline(document).headings
        assert levels.count(1) == 1, path
        assert levels[0] == 1, path
        for before, after in itertools.pairwise(levels):
            assert after <= before + 1, (path, levels)


def test_every_page_carries_the_red_flag_box_and_the_footer(built: dict[str, str]) -> None:
    for path, document in built.items():
        assert 'class="redflag"' in document, path
        words = re.sub(r"<[^>]+>", "", document)
        assert "Call 999 (UK), 911 (US) or 112 (EU) now" in words, path
        assert 'Call <a href="tel:999">999</a> (UK), <a href="tel:911">911</a>' in document, path
        assert "Educational, not medical advice." in document, path
        assert "@media print" in document, path


def test_no_javascript_and_nothing_from_another_host(built: dict[str, str]) -> None:
    for path, document in built.items():
        page = outline(document)
        assert "script" not in page.tags, path
        assert not re.search(r"\son[a-z]+=", document), path
        # The policy allows the one style sheet by its hash; style attributes would be blocked.
        assert " style=" not in document, path
        for resource in page.resources:
            assert resource.startswith("data:"), (path, resource)


def test_articles_keep_their_citations_and_sources(
    library: reading.Library, built: dict[str, str]
) -> None:
    for article in library.articles:
        document = built[reading.article_path(article.slug)]
        assert ('class="sources"' in document) == bool(article.source_ids), article.slug
        if article.cited:
            assert 'class="cite"' in document, article.slug
            for number in range(1, len(article.cited) + 1):
                assert f'id="src-{number}"' in document, (article.slug, number)


def test_every_internal_link_resolves(built: dict[str, str]) -> None:
    for path, document in built.items():
        page = outline(document)
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme in ("http", "https"):
                assert parts.netloc != "example.org", (path, href)  # site links are paths
                continue
            if parts.scheme == "tel":  # tap to call: only the emergency numbers
                assert parts.path in ("999", "911", "112"), (path, href)
                continue
            if href.startswith("#"):
                assert href[1:] in page.ids, (path, href)
                continue
            assert href.startswith(SITE.prefix + "/"), (path, href)
            target = parts.path.removeprefix(SITE.prefix)
            if target.startswith(reading.READ):
                assert target in built, (path, href)
                if parts.fragment:
                    assert f'id="{parts.fragment}"' in built[target], (path, href)
            else:
                assert target.strip("/") in APP_PAGES, (path, href)


def test_each_page_links_to_the_tools_with_the_context_it_can_pass(
    built: dict[str, str],
) -> None:
    causes = outline(built[reading.article_path("causes")])
    assert any("/projection?" in h and "bedrest_days=10" in h for h in causes.links)
    # The article's own link to /seek_care stays on the plain pages.
    assert "/legs/read/seek_care" in causes.links
    assert "/legs/seek_care" not in causes.links
    squat = outline(built[reading.exercise_path("mini_squat")])
    assert "/legs/exercises?ex=mini_squat" in squat.links
    signs = outline(built[reading.WARNING_SIGNS_PATH])
    assert "/legs/red_flags" in signs.links


def test_exercise_pages_draw_their_diagram_inline(
    library: reading.Library, built: dict[str, str]
) -> None:
    for exercise in library.exercises:
        document = built[reading.exercise_path(exercise.slug)]
        assert f'id="lme-fig-{exercise.figure}-title"' in document
        assert "<svg" in document
        assert html.escape(plan.STOP.sentences()[0]) in document


def test_warning_signs_are_grouped_by_urgency_with_every_sign_and_its_source(
    library: reading.Library, built: dict[str, str]
) -> None:
    document = built[reading.WARNING_SIGNS_PATH]
    heads = [document.find(h) for h in ("Emergency: call", "Urgent: get", "Book an appointment")]
    assert heads == sorted(heads)
    assert -1 not in heads
    for flag in library.flags:
        assert reading.html.escape(flag.symptom) in document, flag.id
    assert 'class="sources"' in document


def test_raw_html_in_an_article_is_shown_as_text(content_copy: Path) -> None:
    causes = content_copy / "010-causes.md"
    causes.write_text(
        causes.read_text(encoding="utf-8") + "\n\n<script>alert(1)</script>\n", encoding="utf-8"
    )
    library = reading.load_library(content_copy)
    page = next(p for p in reading.pages(library) if p.path == reading.article_path("causes"))
    document = reading.document(page, library, SITE)
    assert "<script>" not in document
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in document


def test_a_broken_content_file_is_a_content_error(content_copy: Path) -> None:
    (content_copy / "glossary.yaml").write_text("- term: [unclosed\n", encoding="utf-8")
    with pytest.raises(content.ContentError, match=r"glossary\.yaml"):
        reading.load_library(content_copy)


# --- the sitemap and robots.txt ----------------------------------------------------------------


def test_the_sitemap_lists_exactly_the_reading_pages(
    library: reading.Library, built: dict[str, str]
) -> None:
    xml = reading.sitemap_xml(reading.pages(library), SITE)
    assert html5lib.parse(xml) is not None
    locs = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert sorted(locs) == sorted(SITE.url(p) for p in built)
    assert len(locs) == len(set(locs))
    assert "<lastmod>2026-" in xml


def test_robots_points_at_the_sitemap_and_keeps_crawlers_out_of_streamlit() -> None:
    text = reading.robots_txt(SITE)
    assert "Sitemap: https://example.org/legs/sitemap.xml" in text.splitlines()
    assert "Allow: /legs/read/" in text
    assert "Disallow: /legs/_stcore/" in text


@pytest.mark.parametrize(
    ("public", "request_base", "expected"),
    [
        (None, "http://localhost:8501/", "http://localhost:8501"),
        ("https://example.org/legs/", "http://localhost:8501/", "https://example.org/legs"),
        ("", "http://10.0.0.2:8501/", "http://10.0.0.2:8501"),
        ("javascript:alert(1)", "http://localhost:8501/", "http://localhost:8501"),
        ("not a url", "ftp://x/", "http://localhost:8501"),
    ],
)
def test_the_public_address_comes_from_explorer_public_url_else_the_request(
    public: str | None, request_base: str, expected: str
) -> None:
    assert reading.site_for(public, request_base).base_url == expected


# --- headings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("<h3>a</h3><h3>b</h3>", "<h2>a</h2><h2>b</h2>"),  # the FAQ's questions
        ("<h4>Steps</h4><h4>Safety</h4>", "<h2>Steps</h2><h2>Safety</h2>"),  # an exercise
        ("<h2>a</h2><h3>b</h3><h2>c</h2>", "<h2>a</h2><h3>b</h3><h2>c</h2>"),  # unchanged
        ("<h2>a</h2><h4>b</h4>", "<h2>a</h2><h3>b</h3>"),  # a gap closed
        ("<h3>a</h3><h2>b</h2><h3>c</h3>", "<h2>a</h2><h2>b</h2><h3>c</h3>"),  # deeper first
        ('<h3>q</h3><section class="sources"><h2>Sources</h2></section>',
         '<h2>q</h2><section class="sources"><h2>Sources</h2></section>'),
        ("<p>no headings</p>", "<p>no headings</p>"),
    ],
)  # fmt: skip
def test_relevel(given: str, expected: str) -> None:
    assert reading.relevel(given) == expected


@given(st.lists(st.integers(min_value=1, max_value=6), max_size=12))
def test_relevelled_headings_never_skip_a_level_after_the_h1(levels: list[int]) -> None:
    fragment = "".join(f"<h{n}>x</h{n}>" for n in levels)
    out = [int(n) for n in re.findall(r"<h([1-6])>", reading.relevel(fragment))]
    assert len(out) == len(levels)
    previous = 1
    for level in out:
        assert 2 <= level <= previous + 1
        previous = level
    assert re.findall(r"<h([1-6])>", reading.relevel(fragment)) == re.findall(
        r"</h([1-6])>", reading.relevel(fragment)
    )
