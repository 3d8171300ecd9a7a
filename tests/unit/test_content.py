"""Unit tests of lib.content: parsing, citations, front matter, sources and checks."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib import content
from lib.content import ContentError, Source

SOURCES = {
    "alpha2020": Source(
        id="alpha2020",
        authors="Alpha A, et al.",
        title="Muscle & <ageing>",
        year=2020,
        container="J Test",
        details="1(2):3-4",
        url=None,
        doi="10.1000/xyz",
        facts=("ML-01",),
        supports="",
        status="verified",
    ),
    "beta-page": Source(
        id="beta-page",
        authors="NHS",
        title="Beta page",
        year=None,
        container="NHS",
        details=None,
        url="https://www.nhs.uk/beta",
        doi=None,
        facts=(),
        supports="",
        status="found",
    ),
}

GOOD_FRONT = """\
---
title: A test article
summary: What it says.
audience: [patients]
reviewed: 2026-11-21
review_due: 2027-11-21
sources: [alpha2020, beta-page]
---
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def article(tmp_path: Path, body: str, front: str = GOOD_FRONT, name: str = "010-test.md"):
    return content.load_article(write(tmp_path, name, front + body), SOURCES)


def test_raw_html_is_shown_as_text(tmp_path):
    """Raw HTML in an article is escaped, never passed through."""
    body = '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)"> [@alpha2020] [@beta-page]\n'
    html = article(tmp_path, body).html
    assert "<script" not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_javascript_links_are_not_rendered_as_links(tmp_path):
    """markdown-it refuses javascript: URLs, so no clickable script link survives."""
    html = article(tmp_path, "[click](javascript:alert(1)) [@alpha2020] [@beta-page]\n").html
    assert 'href="javascript:' not in html


def test_citations_are_numbered_by_first_use(tmp_path):
    """The first cited source is 1, a repeat reuses its number, the list follows that order."""
    body = "One [@beta-page]. Two [@alpha2020; @beta-page]. Three [@alpha2020].\n"
    a = article(tmp_path, body)
    assert a.cited == ("beta-page", "alpha2020")
    assert a.html.count('href="#src-1"') == 2
    assert a.html.count('href="#src-2"') == 2
    assert a.html.index('id="src-1"') < a.html.index('id="src-2"')
    assert 'id="src-1" tabindex="-1">NHS (n.d.)' in a.html


def test_source_list_links_and_escapes(tmp_path):
    """Each source links to its URL, or to its DOI when it has no URL, with text escaped."""
    a = article(tmp_path, "A [@alpha2020] B [@beta-page]\n")
    assert 'href="https://doi.org/10.1000/xyz"' in a.html
    assert 'href="https://www.nhs.uk/beta"' in a.html
    assert "Muscle &amp; &lt;ageing&gt;" in a.html
    assert "Fact ids: ML-01" in a.html


def test_article_fields_and_word_count(tmp_path):
    """Front matter fields come through typed, and the word count sees the body."""
    a = article(tmp_path, "word " * 450 + "[@alpha2020] [@beta-page]\n")
    assert (a.slug, a.order, a.title) == ("test", 10, "A test article")
    assert a.audience == ("patients",)
    assert a.reviewed == dt.date(2026, 11, 21)
    assert a.words >= 450
    assert a.minutes == 2


def test_admonitions_tables_and_footnotes_render(tmp_path):
    """Callouts, tables and footnotes are switched on in the one parser."""
    body = (
        '!!! danger "Call now"\n    Body text.\n\n| a | b |\n|---|---|\n| x | y |\n\n'
        "Note.[^1] [@alpha2020] [@beta-page]\n\n[^1]: A footnote.\n"
    )
    html = article(tmp_path, body).html
    assert '<div class="admonition danger">' in html
    assert "<table>" in html
    assert "footnote" in html


@pytest.mark.parametrize(
    ("front", "problem"),
    [
        ("no front matter\n", "must start with front matter"),
        ("---\n- a list\n---\n", "must be a mapping"),
        ("---\ntitle: [unclosed\n---\n", "not valid YAML"),
        (GOOD_FRONT.replace("title: A test article\n", ""), "misses ['title']"),
        (GOOD_FRONT.replace("reviewed", "colour: red\nreviewed"), "unknown fields ['colour']"),
        (GOOD_FRONT.replace("[patients]", "[everyone]"), "'audience' must list"),
        (GOOD_FRONT.replace("[patients]", "[]"), "'audience' must list"),
        (GOOD_FRONT.replace("2026-11-21", "last week"), "'reviewed' must be a date"),
        (GOOD_FRONT.replace("summary: What it says.", "summary: ''"), "'summary' must be"),
        (GOOD_FRONT.replace("[alpha2020, beta-page]", "alpha2020"), "list of source ids"),
        (GOOD_FRONT.replace("[alpha2020, beta-page]", "[alpha2020, alpha2020]"), "an id twice"),
        (GOOD_FRONT.replace("beta-page]", "beta-page, gamma]"), "unknown source ids: ['gamma']"),
    ],
)
def test_malformed_front_matter_names_the_file(tmp_path, front, problem):
    """Every kind of broken front matter raises ContentError naming the file."""
    with pytest.raises(ContentError) as caught:
        article(tmp_path, "Body.\n", front=front, name="030-broken.md")
    assert str(caught.value).startswith("030-broken.md: ")
    assert problem in str(caught.value)


def test_unknown_citation_names_the_file_and_id(tmp_path):
    """Citing an id that sources.yaml lacks is an error naming the file and the id."""
    with pytest.raises(ContentError, match=r"^010-test.md: cites unknown source ids: \['nope'\]"):
        article(tmp_path, "Claim [@nope].\n")


@pytest.mark.parametrize("name", ["causes.md", "10-causes.md", "010-Causes.md", "010-cau ses.md"])
def test_article_file_names_are_checked(tmp_path, name):
    """Only NNN-slug.md names are articles."""
    with pytest.raises(ContentError, match=r"NNN-slug\.md"):
        article(tmp_path, "Body.\n", name=name)


def test_missing_file_is_a_content_error(tmp_path):
    """A missing article file is reported, not raised as FileNotFoundError."""
    with pytest.raises(ContentError, match="file not found"):
        content.load_article(tmp_path / "010-gone.md", SOURCES)


def test_article_paths_orders_by_number_and_refuses_duplicate_slugs(tmp_path):
    """Articles are found in numbered order; two files with one slug are an error."""
    for name in ("020-b.md", "010-a.md", "notes.md", "030-c.md"):
        write(tmp_path, name, "x")
    assert list(content.article_paths(tmp_path)) == ["a", "b", "c"]
    write(tmp_path, "040-a.md", "x")
    with pytest.raises(ContentError, match=r"slug 'a' is also used by 010-a\.md"):
        content.article_paths(tmp_path)


GOOD_SOURCE = """\
s1:
  authors: Someone
  title: Something
  year: 2019
  journal: J Test
  url: https://example.org/s1
  facts: [PA-02]
  accessed: 2026-12-01
"""


def test_load_sources_reads_a_good_entry(tmp_path):
    """A complete entry becomes a typed Source with its link."""
    sources = content.load_sources(write(tmp_path, "sources.yaml", GOOD_SOURCE))
    assert sources["s1"].facts == ("PA-02",)
    assert sources["s1"].link == "https://example.org/s1"
    assert sources["s1"].status == "found"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("  authors: Someone\n", ""), "missing 'authors'"),
        (("  year: 2019\n", ""), "missing 'year'"),
        (("2019", "'twenty'"), "'year' must be"),
        (("2019", "1850"), "'year' must be"),
        (("  journal: J Test\n", ""), "'journal' or a 'publisher'"),
        (("  url: https://example.org/s1\n", ""), "'url' or a 'doi'"),
        (("[PA-02]", "[PA-2]"), "fact ids"),
        (("s1:", "S 1:"), "ids are lower case"),
        (("  facts: [PA-02]\n", "  facts: [PA-02]\n  status: guessed\n"), "'status' must be"),
    ],
)
def test_load_sources_refuses_incomplete_entries(tmp_path, change, problem):
    """Each missing or malformed field is named in the error."""
    text = GOOD_SOURCE.replace(*change)
    with pytest.raises(ContentError, match=problem):
        content.load_sources(write(tmp_path, "sources.yaml", text))


@pytest.mark.parametrize("text", ["", "- a\n- b\n", "key: [unclosed\n"])
def test_load_sources_refuses_non_mappings(tmp_path, text):
    """An empty, list-shaped or broken YAML file is an error naming sources.yaml."""
    with pytest.raises(ContentError, match=r"^sources.yaml: "):
        content.load_sources(write(tmp_path, "sources.yaml", text))


@pytest.mark.parametrize(
    ("text", "uncited"),
    [
        ("Muscle falls 3% a decade.\n", ["Muscle falls 3% a decade."]),
        ("Muscle falls 3% a decade [@a].\n", []),
        ("## Chapter 2\n\nNo digits here.\n", []),
        ("- item 1 [@a]\n- item 2\n", ["item 2"]),
        ("| age | count |\n|---|---|\n| 60-64 | 12 [@a] |\n| 65-69 | 11 |\n", ["65-69 11"]),
        ('!!! danger "Call 999"\n    Go now [@a].\n', []),
        ('!!! danger "Call"\n    Dial 999.\n', ["Dial 999."]),
    ],
)
def test_blocks_with_uncited_numbers(text, uncited):
    """A paragraph, list item or table row with a digit needs a citation; titles do not."""
    assert content.blocks_with_uncited_numbers(text) == uncited


def test_plain_text_drops_markup_headings_and_citations():
    """The prose for readability scoring has no headings, citation marks or markup."""
    text = "## Heading\n\nSome **bold** words [@a].\nNext line.\n\n- a list item\n"
    assert content.plain_text(text) == "Some bold words . Next line.\na list item"


HOME = """\
alert: Call now.
alert_sources: [alpha2020]
intro: Hello.
cards:
  - audience: Patients
    text: Start here.
    links:
      - page: pages/causes.py
        label: Causes
"""


def test_load_home_reads_cards(tmp_path):
    """The home page wording loads with its cards and links."""
    home = content.load_home(write(tmp_path, "home.yaml", HOME), SOURCES)
    assert home.cards[0].links[0].page == "pages/causes.py"
    assert home.alert_sources == ("alpha2020",)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("alert: Call now.\n", ""), "'alert' and 'intro'"),
        (("[alpha2020]", "[nobody]"), "known source ids"),
        (("pages/causes.py", "https://evil.example"), "pages/x.py"),
        (("    text: Start here.\n", ""), "needs 'audience' and 'text'"),
    ],
)
def test_load_home_refuses_bad_files(tmp_path, change, problem):
    """A home file without its parts, or linking outside the app, is refused."""
    with pytest.raises(ContentError, match=problem):
        content.load_home(write(tmp_path, "home.yaml", HOME.replace(*change)), SOURCES)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_any_body_renders_without_live_html(tmp_path_factory, body):
    """Whatever the body holds, rendering succeeds or fails cleanly and emits no raw tags."""
    tmp = tmp_path_factory.mktemp("any")
    try:
        a = article(tmp, body.replace("\r", "") + "\n")
    except ContentError:
        return
    lowered = a.html.lower()
    for tag in ("<script", "<img", "<iframe", "<svg", "<object", "onerror=", "<style"):
        assert tag not in lowered


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["alpha2020", "beta-page"]), min_size=1, max_size=6))
def test_citation_numbers_are_dense_and_ordered(tmp_path_factory, ids):
    """However sources are cited, they are numbered 1..n in order of first appearance."""
    tmp = tmp_path_factory.mktemp("cite")
    body = " ".join(f"Claim [@{i}]." for i in ids) + "\n"
    front = GOOD_FRONT.replace("[alpha2020, beta-page]", f"[{', '.join(dict.fromkeys(ids))}]")
    a = article(tmp, body, front=front)
    assert a.cited == tuple(dict.fromkeys(ids))
    for number in range(1, len(a.cited) + 1):
        assert f'id="src-{number}"' in a.html


@pytest.mark.parametrize(
    ("authors", "short"),
    [
        ("Volpi E, Nazemi R, Fujita S", "Volpi"),
        ("Cruz-Jentoft AJ, et al.", "Cruz-Jentoft"),
        ("NHS", "NHS"),
        ("Cleveland Clinic", "Cleveland Clinic"),
        ("World Health Organization", "World Health Organization"),
    ],
)
def test_short_author(authors, short):
    """Captions name a paper by its first author's surname and a page by its organisation."""
    source = SOURCES["beta-page"].__class__(**{**SOURCES["beta-page"].__dict__, "authors": authors})
    assert source.short_author == short
