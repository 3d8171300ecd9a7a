"""Unit tests of the article's ways around: citations and back links, callout icons, heading
ids, key points and the contents list (lib.content), and the CSS that sizes them.

Issue 15: citation superscripts were 7 x 18 px tap targets with no way back from the source
list, the danger callout's icon was an emoji, and long articles had no contents or key points.
"""

from __future__ import annotations

import base64
import re
import textwrap
from pathlib import Path
from xml.etree import ElementTree

import html5lib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib import content, reading
from lib.content import ContentError, Source
from tests.conftest import ROOT

SOURCES = {
    "alpha2020": Source(
        id="alpha2020",
        authors="Alpha A, et al.",
        title='Muscle & "ageing"',
        year=2020,
        container="J Test",
        details=None,
        url=None,
        doi="10.1000/xyz",
        facts=(),
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
FRONT = """\
---
title: A test article
summary: What it says.
audience: [patients]
reviewed: 2026-11-21
review_due: 2027-11-21
sources: [alpha2020, beta-page]
{extra}---
"""
KEY_POINTS = (
    "key_points:\n"
    '  - "Muscle falls by 3% a decade."\n'
    '  - "Strength falls faster than size."\n'
    '  - "Call 999 now if weakness is sudden."\n'
)
FILLER = "Plain words for the reader to read here. " * 20  # 160 words a section
LONG_BODY = (
    "Opening words [@alpha2020].\n\n"
    '!!! danger "Call 999 now if"\n    Sudden weakness, call 999 [@beta-page].\n\n'
    f"## First part\n\n{FILLER} Muscle falls by 3% a decade [@alpha2020].\n\n"
    f"## Second part\n\n{FILLER} Again [@alpha2020].\n\n"
    f"## Third part\n\n{FILLER}\n\n### A detail\n\n{FILLER}\n"
)
CSS = (ROOT / "ui" / "style.css").read_text(encoding="utf-8")


def load(tmp_path: Path, body: str, extra: str = "", name: str = "010-test.md") -> content.Article:
    path = tmp_path / name
    path.write_text(FRONT.format(extra=extra) + textwrap.dedent(body), encoding="utf-8")
    return content.load_article(path, SOURCES)


def parse(fragment: str):
    return html5lib.parseFragment(fragment, treebuilder="etree", namespaceHTMLElements=False)


def links(fragment: str, css_class: str) -> list:
    return [a for a in parse(fragment).iter("a") if css_class in (a.get("class") or "").split()]


# --- citations and back links ---------------------------------------------------------------


def test_each_use_of_a_citation_has_its_own_id_and_a_name_in_words(tmp_path):
    """Cited twice: two ids; each link is named "Source N: author, title", in words."""
    a = load(tmp_path, "One [@alpha2020]. Two [@beta-page; @alpha2020].\n")
    cites = links(a.html, "cite-link")
    assert [c.get("id") for c in cites] == ["src-cite-1-1", "src-cite-2-1", "src-cite-1-2"]
    assert [c.get("href") for c in cites] == ["#src-1", "#src-2", "#src-1"]
    assert [c.text for c in cites] == ["[1]", "[2]", "[1]"]
    assert cites[0].get("aria-label") == 'Source 1: Alpha, Muscle & "ageing"'
    assert cites[1].get("aria-label") == "Source 2: NHS, Beta page"
    ids = [e.get("id") for e in parse(a.html).iter() if e.get("id")]
    assert len(ids) == len(set(ids)), ids


def test_the_source_list_links_back_to_every_place_it_is_cited(tmp_path):
    """Cited once: "Back to the text"; cited twice: a and b, each to its own place."""
    a = load(tmp_path, "One [@alpha2020]. Two [@beta-page]. Three [@alpha2020].\n")
    tree = parse(a.html)
    entries = {li.get("id"): li for li in tree.iter("li") if li.get("id")}
    first = [x for x in entries["src-1"].iter("a") if x.get("class") == "backref"]
    second = [x for x in entries["src-2"].iter("a") if x.get("class") == "backref"]
    assert [(x.text, x.get("href")) for x in first] == [
        ("a", "#src-cite-1-1"),
        ("b", "#src-cite-1-2"),
    ]
    assert [(x.text, x.get("href")) for x in second] == [("Back to the text", "#src-cite-2-1")]
    assert first[0].get("aria-label").startswith("a: back to place 1 of 2 where source 1")
    # Every back link's target exists, once.
    ids = {e.get("id") for e in tree.iter() if e.get("id")}
    for link in links(a.html, "backref"):
        assert link.get("href")[1:] in ids
    # The entry takes the focus when a citation is followed.
    assert entries["src-1"].get("tabindex") == "-1"


def test_a_source_listed_but_not_cited_has_no_back_link(tmp_path):
    a = load(tmp_path, "Only one [@alpha2020].\n")
    tree = parse(a.html)
    entry = next(li for li in tree.iter("li") if li.get("id") == "src-2")
    assert not [x for x in entry.iter("a") if x.get("class") == "backref"]


@pytest.mark.parametrize(
    ("place", "letter"), [(1, "a"), (2, "b"), (26, "z"), (27, "aa"), (28, "ab"), (52, "az")]
)
def test_back_link_letters(place, letter):
    assert content._letter(place) == letter


@given(uses=st.lists(st.sampled_from(["alpha2020", "beta-page"]), min_size=1, max_size=30))
def test_every_citation_has_a_way_back_and_every_way_back_a_citation(uses):
    """For any order of citations: one back link per use, each to a distinct, existing id."""
    text = " ".join(f"Claim [@{u}]." for u in uses)
    rendered = content.render_cited(text, SOURCES)
    cites = links(rendered.html, "cite-link")
    backs = links(rendered.html, "backref")
    assert len(cites) == len(backs) == len(uses)
    assert sorted(c.get("id") for c in cites) == sorted(b.get("href")[1:] for b in backs)


def test_short_cited_texts_get_their_prefix_on_every_id():
    """Quiz answers and exercises share a page: their ids carry their own prefix."""
    rendered = content.render_cited("A [@alpha2020]. B [@alpha2020].", SOURCES, prefix="quiz-q1")
    cites = links(rendered.html, "cite-link")
    assert [c.get("id") for c in cites] == ["quiz-q1-cite-1-1", "quiz-q1-cite-1-2"]
    assert 'id="quiz-q1-list"' in rendered.html


def test_warning_signs_page_citations_link_back_too():
    """The reading page of the warning signs numbers its own citations the same way."""
    library = reading.load_library(ROOT / "content")
    page = reading.warning_signs_page(library.flags, library.sources)
    cites = links(page.body, "cite-link")
    backs = links(page.body, "backref")
    assert cites
    assert len(cites) == len(backs)
    assert {c.get("id") for c in cites} == {b.get("href")[1:] for b in backs}
    assert all(c.get("aria-label").startswith("Source ") for c in cites)


# --- the danger callout's icon ----------------------------------------------------------------


@pytest.mark.parametrize("kind", ["danger", "warning", "note", "tip"])
def test_callout_icons_are_svg_images_hidden_from_screen_readers(tmp_path, kind):
    """An SVG from a data URI (Streamlit strips inline <svg>), decorative: the words say it."""
    a = load(tmp_path, f'!!! {kind} "Get help now"\n    Words [@alpha2020] [@beta-page].\n')
    title = next(p for p in parse(a.html).iter("p") if p.get("class") == "admonition-title")
    (icon,) = list(title.iter("img"))
    assert icon.get("alt") == ""
    assert icon.get("aria-hidden") == "true"
    assert icon.get("src").startswith("data:image/svg+xml;base64,")  # no other host
    assert icon.get("style") is None  # the reading pages' policy allows no style attribute
    drawn = base64.b64decode(icon.get("src").split(",", 1)[1]).decode("utf-8")
    assert drawn == content.callout_icon_svg(kind)
    assert ElementTree.fromstring(drawn).tag == "{http://www.w3.org/2000/svg}svg"
    assert "".join(title.itertext()).strip() == "Get help now"  # the words carry the meaning
    assert not re.search(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]", a.html)  # no emoji


def test_an_unknown_callout_kind_gets_no_icon(tmp_path):
    a = load(tmp_path, '!!! seealso "More"\n    Words [@alpha2020] [@beta-page].\n')
    assert "lme-icon" not in a.html


def test_style_sheet_draws_no_emoji_and_loads_no_font():
    """The callout emoji are gone from the CSS; nothing is fetched for an icon."""
    for sheet in (CSS, reading._STYLE):
        assert not re.search(r"[\U0001F300-\U0001FAFF\u2600-\u27BF\u2139]", sheet)
        assert "@font-face" not in sheet
        assert "url(" not in sheet


# --- heading ids, key points and contents ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Getting older", "getting-older"),
        ("What about muscle loss you can't explain?", "what-about-muscle-loss-you-cant-explain"),
        ('"You need 150 to 200 minutes a week"', "you-need-150-to-200-minutes-a-week"),
        ("Guillain-Barré syndrome", "guillain-barre-syndrome"),
        ("¿?", "section"),
        ("a" * 80, "a" * 60),
    ],
)
def test_slugify(text, slug):
    assert content.slugify(text) == slug


def test_unique_ids_never_repeat_or_take_a_reserved_one():
    used = set(content.RESERVED_IDS)
    got = [content.unique_id(s, used) for s in ("protein", "protein", "contents", "src-1")]
    assert got == ["protein", "protein-2", "contents-2", "section-src-1"]


@pytest.mark.parametrize(
    ("words", "sections", "long"),
    [(499, 3, False), (500, 3, True), (500, 2, False), (5000, 2, False), (2000, 12, True)],
)
def test_what_counts_as_a_long_article(words, sections, long):
    assert content.is_long(words, sections) is long


def test_long_article_gets_key_points_then_contents_after_its_opening_callout(tmp_path):
    a = load(tmp_path, LONG_BODY, extra=KEY_POINTS)
    assert a.long
    assert [s.anchor for s in a.sections] == ["first-part", "second-part", "third-part"]
    html = a.html
    # Order: opening words, the danger callout, key points, contents, the first section.
    order = [
        html.index("Opening words"),
        html.index('class="admonition danger"'),
        html.index('id="key-points"'),
        html.index('id="contents"'),
        html.index('id="first-part"'),
    ]
    assert order == sorted(order)
    tree = parse(html)
    toc = next(n for n in tree.iter("nav") if n.get("class") == "lme-toc")
    hrefs = [x.get("href") for x in toc.iter("a")]
    assert hrefs == ["#first-part", "#second-part", "#third-part", "#src-list"]
    ids = [e.get("id") for e in tree.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    assert all(h[1:] in ids for h in hrefs)  # every entry reaches its heading
    assert 'id="a-detail"' in html  # h3s get ids too, but stay out of the contents list
    points = next(s for s in tree.iter("section") if s.get("class") == "lme-keypoints")
    assert ["".join(li.itertext()) for li in points.iter("li")] == list(a.key_points)
    box = html[html.index('class="lme-keypoints"') : html.index('id="contents"')]
    assert 'href="tel:999"' in box  # a key point's emergency number can be tapped


def test_heading_ids_are_stable_and_unique_when_titles_repeat(tmp_path):
    body = LONG_BODY.replace("## Second part", "## First part").replace(
        "## Third part", "## Contents"
    )
    a = load(tmp_path, body, extra=KEY_POINTS)
    assert [s.anchor for s in a.sections] == ["first-part", "first-part-2", "contents-2"]
    again = load(tmp_path, body, extra=KEY_POINTS, name="020-again.md")
    assert again.sections == a.sections


def test_short_article_has_no_contents_and_refuses_key_points(tmp_path):
    short = "Intro [@alpha2020] [@beta-page].\n\n## One\n\nA.\n\n## Two\n\nB.\n\n## Three\n\nC.\n"
    a = load(tmp_path, short)
    assert not a.long
    assert "lme-toc" not in a.html
    assert "lme-keypoints" not in a.html
    with pytest.raises(ContentError, match="not long enough"):
        load(tmp_path, short, extra=KEY_POINTS)


def test_a_long_article_without_key_points_still_gets_its_contents(tmp_path):
    a = load(tmp_path, LONG_BODY)
    assert a.long
    assert a.key_points == ()
    assert "lme-toc" in a.html
    assert "lme-keypoints" not in a.html


@pytest.mark.parametrize(
    ("points", "problem"),
    [
        ('key_points: "One."\n', "3 to 5"),
        ('key_points: ["One.", "Two."]\n', "3 to 5"),
        ('key_points: ["1.", "2.", "3.", "4.", "5.", "6."]\n', "3 to 5"),
        ('key_points: ["One.", "", "Three."]\n', "non-empty"),
        ('key_points: ["One.", "Two [@alpha2020].", "Three."]\n', "plain text"),
        ('key_points: ["One.", "**Two**.", "Three."]\n', "plain text"),
        ('key_points: ["One.", "Two", "Three."]\n', "full stop"),
        (f'key_points: ["One.", "{"word " * 50}.", "Three."]\n', "longer than"),
    ],
)
def test_key_points_must_be_3_to_5_plain_sentences(tmp_path, points, problem):
    with pytest.raises(ContentError, match=problem):
        load(tmp_path, LONG_BODY, extra=points)


@pytest.mark.parametrize(
    ("point", "unsourced"),
    [
        ("Muscle falls by 3% a decade.", []),
        ("Muscle falls by 4% a decade.", ["4"]),  # a new number
        ("Call 999 now.", []),  # stated, cited, in the callout
        ("It was 2020.", ["2020"]),  # only in a citation's id: not a stated number
        ("About 160 words.", ["160"]),  # nowhere
        ("Falls of 3.5% and 3%.", ["3.5"]),
    ],
)
def test_a_key_point_number_must_be_stated_and_cited_in_the_body(point, unsourced):
    text = FRONT.format(extra="") + LONG_BODY
    found = content.unsourced_key_point_numbers(text, [point])
    assert [n for _, n in found] == unsourced


def test_a_number_only_in_an_uncited_sentence_does_not_count():
    text = "Walk 20 minutes.\n\nWalk more [@alpha2020].\n\n## 30 seconds\n\nRest [@alpha2020].\n"
    assert content.cited_numbers(text) == set()


# --- the CSS that sizes them ------------------------------------------------------------------


def _rule(sheet: str, selector: str) -> str:
    match = re.search(re.escape(selector) + r"[^{]*\{([^}]*)\}", sheet)
    assert match, selector
    return match[1]


@pytest.mark.parametrize("sheet", [CSS, reading._STYLE], ids=["streamlit", "reading"])
def test_citation_and_back_link_targets_are_at_least_24_px(sheet):
    """WCAG 2.2 SC 2.5.8: min-width and min-height of 24 px, as an inline block."""
    for selector in ("sup.cite a", ".sources a.backref"):
        rule = _rule(sheet, selector)
        assert "display:inline-block" in rule.replace(" ", ""), selector
        for side in ("min-width", "min-height"):
            value = re.search(side + r"\s*:\s*(\d+)px", rule)
            assert value, (selector, side)
            assert int(value[1]) >= 24, (selector, side)


@pytest.mark.parametrize("sheet", [CSS, reading._STYLE], ids=["streamlit", "reading"])
def test_targets_of_in_page_links_stop_clear_of_the_top(sheet):
    assert "scroll-margin-top" in sheet


@given(words=st.text(max_size=120))
def test_any_heading_gives_a_plain_unique_id(words):
    """Hostile headings (symbols, scripts, "src-" look-alikes) still give a safe, fresh id."""
    used = set(content.RESERVED_IDS)
    first = content.unique_id(content.slugify(words), used)
    second = content.unique_id(content.slugify(words), used)
    for anchor in (first, second):
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", anchor)
        assert not anchor.startswith("src-")
        assert anchor not in content.RESERVED_IDS
    assert first != second
