"""The real sources, the ledger's home and the articles' review footer (issue 13, sections 5-6).

Every source says when it was checked; none sits on a copy, archive or retired host unless
its status says it is weak; a weak source says what is missing; no red flag, emergency number
or home-page alert rests on weak sources alone; guideline sources point at the guideline
body's own address. The project points at nothing outside the repository for its facts, and
every article ends with its review dates and the corrections line.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest

from lib import content, redflags
from tests.conftest import CONTENT, ROOT

SOURCES = content.load_sources(CONTENT / "sources.yaml", today=dt.date.today())
SITE = content.load_site(CONTENT / "site.yaml")


def host(source: content.Source) -> str:
    return (urlsplit(source.link or "").hostname or "").lower()


@pytest.mark.parametrize("source", SOURCES.values(), ids=lambda s: s.id)
def test_every_source_says_when_it_was_checked(source):
    """`accessed` is set on every source (the loader refuses a missing or impossible date)."""
    assert isinstance(source.accessed, dt.date)


@pytest.mark.parametrize("source", SOURCES.values(), ids=lambda s: s.id)
def test_no_source_on_a_weak_host_unless_it_says_so(source):
    """A page on an archive, a copy, a retired site, a CCG or a GP practice is marked weak."""
    why = content.weak_host(source.link)
    if why is not None:
        assert source.weak, f"{source.id} is {why}: mark it weak with a note, or replace it"


def test_weak_sources_say_what_is_missing():
    """Each weak source has a note long enough to tell a reviewer what to look for."""
    for source in SOURCES.values():
        if source.weak:
            assert source.note
            assert len(source.note.split()) >= 8, source.id


# The weak sources the issue 13 review found, and what each became: "doi" (the aggregator
# copy gave way to the DOI), "replaced" (a publisher's own page), or "weak" (no primary could
# be found; the status says so). A regression (a copy coming back) fails here.
REVIEWED = {
    "fragala2019": "doi",
    "wall2014": "doi",
    "baracos2018": "doi",
    "evans2008": "doi",
    "lamon2021": "doi",
    "sturnieks2008": "doi",
    "demangel2017": "doi",
    "ec-112": "replaced",
    "nhs-ccg-stroke": "replaced",
    "nhs-enherts-stroke": "replaced",
    "cdc-heartattack": "weak",
    "medlineplus-atrophy": "weak",
    "nhs-springwell-heartattack": "weak",
    "nhs-older-adults-activity": "weak",
    "nhs-statins": "weak",
    "nia-heel-toe-walk": "weak",
    "nia-stand-one-foot": "weak",
    "nia-knee-flexion": "weak",
    "mayo-weakness": "weak",
}
DOI = re.compile(r"^10\.\d{4,9}/\S+$")


@pytest.mark.parametrize(("source_id", "outcome"), REVIEWED.items())
def test_the_reviewed_weak_sources_were_replaced_or_marked(source_id, outcome):
    """Each weak source of the review is now a DOI, a publisher's page, or marked weak."""
    source = SOURCES[source_id]
    if outcome == "doi":
        assert source.url is None
        assert source.doi
        assert DOI.match(source.doi)
        assert source.link == f"https://doi.org/{source.doi}"
    elif outcome == "replaced":
        assert not source.weak
        assert content.weak_host(source.link) is None
        assert source.accessed == dt.date(2026, 12, 1)
    else:
        assert source.weak
        assert source.accessed == dt.date(2026, 12, 1)


# Guideline sources and the guideline body (or its journal's DOI) that must host them.
GUIDELINE_HOSTS = {
    "hhs2018": "health.gov",
    "who2020": "www.who.int",
    "cdc-steadi": "www.cdc.gov",
    "cdc-older-adults": "www.cdc.gov",
    "nice-ipg555": "www.nice.org.uk",
    "garber2011": "doi.org",
    "piercy2018": "doi.org",
    "sherrington2019": "doi.org",
    "bauer2013": "doi.org",
    "chen2020": "doi.org",
    "fragala2019": "doi.org",
    "bull2020": "doi.org",
    "cruzjentoft2019": "doi.org",
    "deutz2014": "doi.org",
    "volkert2019": "www.clinicalnutritionjournal.com",
}


@pytest.mark.parametrize(("source_id", "expected"), GUIDELINE_HOSTS.items())
def test_guideline_sources_use_the_publishers_own_address(source_id, expected):
    """A guideline is cited at its guideline body's own site or at its journal's DOI."""
    assert host(SOURCES[source_id]) == expected


def weak_only(ids: tuple[str, ...]) -> bool:
    return bool(ids) and all(SOURCES[s].weak for s in ids)


# Red flags that still rest on weak sources alone, reported to the triage work of issue 13
# (which rewrites the red flags): RF-05 on a syndicated Mayo Clinic copy, RF-08 on the retired
# NHS beta statin page. The set must shrink, never grow: fix a flag, then drop it here.
KNOWN_WEAK_ONLY_FLAGS = {"RF-05a", "RF-05c", "RF-08a"}


def test_no_new_red_flag_rests_on_weak_sources_alone():
    """Each red flag names at least one source that is not weak (known exceptions listed)."""
    found = {flag.id for flag in redflags.RED_FLAGS if weak_only(flag.source_ids)}
    assert found <= KNOWN_WEAK_ONLY_FLAGS, sorted(found - KNOWN_WEAK_ONLY_FLAGS)


def test_the_emergency_numbers_and_the_home_alert_rest_on_primary_sources():
    """999, 911 and 112 and the home page's emergency alert cite no weak source at all."""
    home = content.load_home(CONTENT / "home.yaml", SOURCES)
    for source_id in (*redflags.EMERGENCY_NUMBER_SOURCES, *home.alert_sources):
        assert not SOURCES[source_id].weak, source_id


def test_the_exercise_stop_rule_does_not_rest_on_weak_sources_alone():
    """The heart-attack warnings of the prevention and plan articles cite a non-weak source."""
    for slug in ("prevention", "plan_notes"):
        path = content.article_paths(CONTENT)[slug]
        text = path.read_text(encoding="utf-8")
        for ids in re.findall(r"heart attack, call 999[^\[]*\[(@[^\]]+)\]", text):
            cited = tuple(i.strip().lstrip("@") for i in ids.split(";"))
            assert not weak_only(cited), (slug, cited)


# --- the ledger lives in the repository ----------------------------------------------------

# Written in pieces so that this file does not match itself.
OUTSIDE = re.compile("|".join([r"\.\./" + "shared", r"/work/" + "shared", "facts" + r"\.md"]))
DOCS = [
    ROOT / "README.md",
    ROOT / "CONTRIBUTING.md",
    *sorted(CONTENT.glob("*.yaml")),
    *sorted(CONTENT.glob("*.md")),
    *sorted((CONTENT / "exercises").glob("*.md")),
    *sorted((ROOT / "bench").glob("*.py")),
    ROOT / "Makefile",
    *sorted((ROOT / "lib").glob("*.py")),
    *sorted((ROOT / "ui").glob("*.py")),
    *sorted((ROOT / "docs").glob("*.md")),
    *sorted((ROOT / "tests").rglob("*.py")),
]


@pytest.mark.parametrize("path", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_nothing_points_outside_the_repository_for_facts(path):
    """README, CONTRIBUTING, content, lib, ui, docs and tests name the ledger in the repository."""
    text = path.read_text(encoding="utf-8")
    assert not OUTSIDE.findall(text), path.name


def test_readme_and_contributing_describe_the_ledger_and_the_review_rule():
    """A newcomer finds the ledger, how to correct a fact, and the clinical review rule."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "content/facts.yaml" in readme
    assert "CONTRIBUTING.md" in readme
    for needle in ("content/facts.yaml", "content/sources.yaml", "corrected", "second reviewer"):
        assert needle in contributing, needle
    assert "docs/clinical-safety.md" in contributing
    assert "make test" in contributing


# --- every article ends with its review dates and the corrections line ----------------------


@pytest.mark.parametrize("path", content.article_paths(CONTENT).values(), ids=lambda p: p.name)
def test_every_article_shows_review_dates_and_a_corrections_line(path):
    """Reviewed on, Next review due and the corrections line close every article."""
    article = content.load_article(path, SOURCES, SITE)
    assert article.review_due > article.reviewed
    footer = content.review_footer_html(article.reviewed, article.review_due, SITE)
    assert article.html.endswith(footer + "</article>")
    assert f'Reviewed on <time datetime="{article.reviewed.isoformat()}">' in footer
    assert "Next review due" in footer


def test_the_site_file_ships_the_default_wording():
    """content/site.yaml and lib's DEFAULT_SITE word the corrections line the same way."""
    default = content.DEFAULT_SITE
    assert (SITE.corrections_link, SITE.corrections_text) == (
        default.corrections_link,
        default.corrections_text,
    )


@pytest.mark.parametrize("path", sorted(CONTENT.glob("[0-9]*-*.md")), ids=lambda p: p.stem)
def test_no_article_is_past_its_review_date(path):
    """An article whose review is overdue fails the suite, so stale advice cannot stay up
    unnoticed: review it, then move `reviewed` and `review_due` on (CONTRIBUTING.md)."""
    article = content.load_article(path, SOURCES, SITE)
    assert dt.date.today() <= article.review_due, (
        f"{path.name}: review was due {article.review_due}"
    )
