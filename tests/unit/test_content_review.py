"""Unit tests of lib.content's source review fields and article review footer (issue 13).

Sources: `accessed` (when the page was checked), the `weak` status with its `note`, unknown
fields refused, and the hosts that only serve copies. Articles: `review_due` after `reviewed`,
and the footer with both dates and the corrections line worded in `site.yaml`.
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib import content
from lib.content import DEFAULT_SITE, ContentError, Site

TODAY = dt.date(2026, 12, 1)

SOURCE = """\
s1:
  authors: Someone
  title: Something
  year: 2019
  journal: J Test
  url: https://example.org/s1
  facts: [PA-02]
  status: found
  accessed: 2026-11-21
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def load(tmp_path: Path, text: str) -> content.Source:
    return content.load_sources(write(tmp_path, "sources.yaml", text), today=TODAY)["s1"]


# --- sources -------------------------------------------------------------------------------


def test_accessed_and_note_come_through_typed(tmp_path):
    """`accessed` is a date and `note` is text; a plain source has no note and is not weak."""
    source = load(tmp_path, SOURCE)
    assert source.accessed == dt.date(2026, 11, 21)
    assert source.note is None
    assert not source.weak
    noted = load(tmp_path, SOURCE + "  note: '  An old address.  '\n")
    assert noted.note == "An old address."


@pytest.mark.parametrize(
    ("accessed", "ok"),
    [
        ("1989-12-31", False),  # before any source of this project could have been opened
        ("1990-01-01", True),  # the earliest date allowed
        ("2026-11-30", True),
        ("2026-12-01", True),  # today
        ("2026-12-02", False),  # tomorrow: a typo
        ("2026-02-30", None),  # not a calendar day: PyYAML cannot build it
        ("2026-13-01", None),
        ("'2026-12-01'", False),  # quoted: text, not a date
        ("2026-12-01T10:00:00", False),  # a moment, not a day
        ("yesterday", False),
        ("null", False),
        ("20261201", False),  # a number
    ],
)
def test_accessed_must_be_a_real_past_date(tmp_path, accessed, ok):
    """The boundaries of `accessed`: a calendar day from 1990 up to today, nothing else.

    `ok` is None where PyYAML itself cannot build the date (the file is refused as a whole).
    """
    text = SOURCE.replace("2026-11-21", accessed)
    if ok:
        assert load(tmp_path, text).accessed == dt.date.fromisoformat(accessed)
    elif ok is None:  # refused for the whole file, never a crash
        with pytest.raises(ContentError, match=r"^sources.yaml: has an impossible date"):
            load(tmp_path, text)
    else:
        with pytest.raises(ContentError, match=r"^sources.yaml: source 's1': 'accessed'"):
            load(tmp_path, text)


def test_accessed_is_limited_by_the_date_the_caller_passes(tmp_path):
    """The core never reads the clock: the caller's `today` is the limit, and none is none."""
    path = write(tmp_path, "sources.yaml", SOURCE.replace("2026-11-21", "2999-01-01"))
    with pytest.raises(ContentError, match="'accessed' 2999-01-01 must lie between"):
        content.load_sources(path, today=dt.date(2026, 12, 1))
    assert content.load_sources(path)["s1"].accessed == dt.date(2999, 1, 1)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("  accessed: 2026-11-21\n", ""), "missing 'accessed'"),
        (("status: found", "status: weak"), "a 'weak' source needs a 'note'"),
        (("status: found", "status: dubious"), "'status' must be one of"),
        (("  accessed:", "  note: ''\n  accessed:"), "'note' must be non-empty text"),
        (("  accessed:", "  note: [a, list]\n  accessed:"), "'note' must be non-empty text"),
        (("  accessed:", "  acessed: 2026-11-21\n  accessed:"), r"unknown fields \['acessed'\]"),
        (("  accessed:", "  status_note: x\n  accessed:"), r"unknown fields \['status_note'\]"),
    ],
)
def test_review_fields_are_checked(tmp_path, change, problem):
    """A missing date, a weak source without a note, a bad status or an unknown key is refused."""
    with pytest.raises(ContentError, match=problem):
        load(tmp_path, SOURCE.replace(*change))


def test_a_weak_source_with_a_note_loads(tmp_path):
    """The weak status is allowed when the note says what is missing."""
    text = SOURCE.replace("status: found", "status: weak") + "  note: An archived copy only.\n"
    source = load(tmp_path, text)
    assert source.weak
    assert source.note == "An archived copy only."


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://web.archive.org/web/2007/http://www.nlm.nih.gov/x.htm", "Internet Archive"),
        ("https://webarchive.library.unt.edu/eot2008/2008/http:/cdc.gov/x.htm", "web archive"),
        ("https://beta.nhs.uk/medicines/atorvastatin/", "retired NHS beta"),
        ("https://go4life.nia.nih.gov/exercises/heel-toe-walk", "Go4Life"),
        ("http://www.au.af.mil/au/awc/awcgate/nih/exercisebook/x.htm", "Air Force"),
        ("http://basildonandbrentwoodccg.nhs.uk/your-health/x", "commissioning group"),
        ("https://www.enhertsccg.nhs.uk/stroke-act-fast", "commissioning group"),
        ("https://springwellhousesurgery.nhs.uk/reconising-a-heart-attack/", "GP practice"),
        ("https://www.willowtreefamilydoctors.nhs.uk/health-information/", "GP practice"),
        ("https://www.bartonfamilypractice.nhs.uk/2021/x/", "GP practice"),
        ("https://peeref.com/zh/works/75263787", "aggregator"),
        ("https://docslib.org/doc/4832969/x", "aggregator"),
        ("https://cir.nii.ac.jp/crid/1364233269050587776?lang=en", "citation index"),
        ("https://www.springermedizin.at/link?doi=10.1038/nrdp.2017.105", "reseller"),
        ("https://www.news.lt/Law-And-Order-Crime/Need-help-Dial-112.im", "news site"),
        ("https://www.stclair.org/services/mayo-clinic-health-information/x/", "syndicated"),
        ("HTTPS://WEB.ARCHIVE.ORG./web/x", "Internet Archive"),  # case and a trailing dot
    ],
)
def test_weak_hosts_are_recognised(url, why):
    """Every kind of copy, archive or retired site found in the review is named as such."""
    reason = content.weak_host(url)
    assert reason is not None
    assert why in reason


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "https://www.nhs.uk/conditions/stroke/",
        "https://www.nhstayside.scot.nhs.uk/OurServicesA-Z/Physiotherapy/PROD_387633",
        "http://www.nwas.nhs.uk/our-services/x/",  # an NHS trust, not a CCG
        "https://www.gloshospitals.nhs.uk/your-visit/x/",
        "https://doi.org/10.1111/apha.12190",
        "https://www.cdc.gov/steadi/media/pdfs/STEADI-Assessment-30Sec-508.pdf",
        "https://archive.org.example.com/x",  # only looks like an archive
        "https://notweb.archive.org.uk/x",
        "https://www.af.mil.example.org/x",
        "https://raf.mil.uk/x",
        "https://www.ccg.example.org/x",  # "ccg" outside nhs.uk
        "https://www.surgery.org/x",
        "http://[::1",  # not a URL: no host to judge
    ],
)
def test_other_hosts_are_not_weak(url):
    """Publishers' own pages, DOIs and look-alike hosts are not flagged."""
    assert content.weak_host(url) is None


REASONS = {why for _, why in content.WEAK_HOSTS} | {why for _, why in content.WEAK_HOST_PATTERNS}


@given(st.one_of(st.text(max_size=80), st.text(max_size=40).map(lambda t: f"http://{t}")))
def test_weak_host_never_crashes(url):
    """Any text, a URL or not, gives one of the known reasons or None."""
    assert content.weak_host(url) in {None, *REASONS}


def test_source_html_shows_accessed_and_a_weak_sources_note():
    """The source list says when a page was checked, and says it plainly when a source is weak."""
    base = content.Source(
        id="s1",
        authors="NHS",
        title="Page",
        year=None,
        container="NHS",
        details=None,
        url="https://beta.nhs.uk/x",
        doi=None,
        facts=(),
        supports="",
        status="weak",
        accessed=dt.date(2026, 12, 1),
        note="Retired <site>.",
    )
    item = content.source_html(base, 1)
    assert "Accessed 1 December 2026." in item
    assert "Weak source: Retired &lt;site&gt;." in item
    plain = content.source_html(
        content.Source(**{**base.__dict__, "status": "found", "accessed": None, "note": "x"}), 1
    )
    assert "Accessed" not in plain
    assert "Weak source" not in plain


# --- articles: review dates and the corrections line --------------------------------------


FRONT = """\
---
title: A test article
summary: What it says.
audience: [patients]
reviewed: 2026-11-21
review_due: 2027-11-21
sources: []
---
Body.
"""


def article(tmp_path: Path, text: str, site: Site | None = None) -> content.Article:
    return content.load_article(write(tmp_path, "010-test.md", text), {}, site)


@pytest.mark.parametrize(
    ("review_due", "problem"),
    [
        ("2026-11-20", "'review_due' must come after 'reviewed'"),
        ("2026-11-21", "'review_due' must come after 'reviewed'"),  # the same day is not after
        ("2026-11-22", None),  # the next day is the earliest allowed
        ("2030-01-01", None),
        ("soon", "'review_due' must be a date"),
        ("2027-02-30", "front matter has an impossible date"),
        ("2027-11-21T09:00:00", "'review_due' must be a date"),
    ],
)
def test_review_due_comes_after_reviewed(tmp_path, review_due, problem):
    """`review_due` is a day strictly after `reviewed`."""
    text = FRONT.replace("2027-11-21", review_due)
    if problem is None:
        assert article(tmp_path, text).review_due == dt.date.fromisoformat(review_due)
    else:
        with pytest.raises(ContentError, match=rf"^010-test\.md: {problem}"):
            article(tmp_path, text)


def test_review_due_is_required(tmp_path):
    """An article without `review_due` is refused, naming the field."""
    with pytest.raises(ContentError, match=r"misses \['review_due'\]"):
        article(tmp_path, FRONT.replace("review_due: 2027-11-21\n", ""))


def test_every_article_ends_with_both_dates_and_the_corrections_line(tmp_path):
    """The article's HTML closes with the review footer, after its sources."""
    a = article(tmp_path, FRONT)
    footer = content.review_footer_html(a.reviewed, a.review_due, DEFAULT_SITE)
    assert a.html.endswith(footer + "</article>")
    assert 'Reviewed on <time datetime="2026-11-21">21 November 2026</time>' in footer
    assert 'Next review due <time datetime="2027-11-21">21 November 2027</time>' in footer
    assert html.escape(DEFAULT_SITE.corrections_text) in footer
    assert "<a " not in footer  # no address is known by default, so nothing is linked


def test_the_corrections_line_links_the_configured_address(tmp_path):
    """With an address in site.yaml the line becomes a link to it, escaped."""
    site = Site("https://example.org/issues?a=1&b=2", "Report it <here>", "unused")
    a = article(tmp_path, FRONT, site)
    assert '<a href="https://example.org/issues?a=1&amp;b=2" rel="noopener noreferrer">' in a.html
    assert "Report it &lt;here&gt;</a>." in a.html
    assert "unused" not in a.html


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (dt.date(2026, 12, 1), "1 December 2026"),
        (dt.date(2027, 1, 31), "31 January 2027"),
        (dt.date(2028, 2, 29), "29 February 2028"),
    ],
)
def test_long_date(day, text):
    """Dates read as people write them, without a leading zero."""
    assert content.long_date(day) == text


SITE = """\
corrections:
  url: null
  link: Tell us on the tracker
  text: Please tell us.
"""


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("null", True),
        ("https://github.com/example/project/issues", True),
        ("mailto:corrections@example.org", True),
        ("http://example.org/issues", False),  # not https
        ("javascript:alert(1)", False),
        ("'https://example.org/a b'", False),  # a space
        ("'https://example.org/\"onmouseover=x'", False),
        ("mailto:nobody", False),  # no address
        ("''", False),
        ("42", False),
    ],
)
def test_site_corrections_address_is_checked(tmp_path, url, ok):
    """The address is null, an https:// address or a mailto: address; anything else is refused."""
    path = write(tmp_path, "site.yaml", SITE.replace("null", url))
    if ok:
        site = content.load_site(path)
        assert site.corrections_url == (None if url == "null" else url)
        assert (site.corrections_link, site.corrections_text) == (
            "Tell us on the tracker",
            "Please tell us.",
        )
    else:
        with pytest.raises(ContentError, match=r"^site.yaml: 'corrections.url' must be"):
            content.load_site(path)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "expected 'corrections'"),
        ("corrections: yes\n", "expected 'corrections'"),
        (SITE.replace("  text: Please tell us.\n", ""), "exactly 'url', 'link' and 'text'"),
        (SITE + "  email: x\n", "exactly 'url', 'link' and 'text'"),
        (SITE.replace("Please tell us.", "''"), "'corrections.text' must be non-empty"),
        (SITE.replace("Tell us on the tracker", "[a]"), "'corrections.link' must be non-empty"),
        ("corrections: [unclosed\n", "not valid YAML"),
    ],
)
def test_broken_site_files_are_refused(tmp_path, text, problem):
    """A site file without the corrections wording is an error naming the file."""
    with pytest.raises(ContentError, match=rf"^site.yaml: .*{problem}"):
        content.load_site(write(tmp_path, "site.yaml", text))
