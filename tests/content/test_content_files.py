"""The real content: every article parses, cites known sources, reads plainly, has a page.

These are docs tests in the sqlite-utils manner: they keep the content, the navigation, the
README and the fact sheet in step with each other.
"""

from __future__ import annotations

import re
import tomllib

import pytest
import textstat

import lib
from lib import content, glossary
from tests.conftest import CONTENT, LEDGER, ROOT

SOURCES = content.load_sources(CONTENT / "sources.yaml")
ARTICLES = content.article_paths(CONTENT)
APP = (ROOT / "app.py").read_text(encoding="utf-8")
NAV_PAGES = set(re.findall(r'st\.Page\(\s*"(pages/[a-z0-9_]+\.py)"', APP))
README = (ROOT / "README.md").read_text(encoding="utf-8")
PAGES = sorted((ROOT / "pages").glob("*.py"))
# Above US grade 9 fails; the house aim is grade 8 (Flesch-Kincaid, via textstat).
MAX_GRADE = 9.0


def test_there_are_articles():
    """The content folder holds the articles the navigation promises."""
    assert {"causes", "consequences", "prevention", "seek_care", "popular_numbers", "faq"} <= set(
        ARTICLES
    )


@pytest.mark.parametrize("path", ARTICLES.values(), ids=lambda p: p.name)
def test_article_loads_and_cites_exactly_its_sources(path):
    """Each article parses, and its front matter lists exactly the ids its body cites."""
    article = content.load_article(path, SOURCES)
    assert set(article.cited) == set(article.source_ids)


@pytest.mark.parametrize("path", ARTICLES.values(), ids=lambda p: p.name)
def test_every_number_is_cited(path):
    """No paragraph, list item or table row states a number without a citation."""
    assert content.blocks_with_uncited_numbers(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", ARTICLES.values(), ids=lambda p: p.name)
def test_reading_grade(path):
    """Patient-facing prose reads at US grade 9 or below (Flesch-Kincaid)."""
    article = content.load_article(path, SOURCES)
    if "patients" not in article.audience:
        pytest.skip("not written for patients")
    grade = textstat.flesch_kincaid_grade(content.plain_text(path.read_text(encoding="utf-8")))
    assert grade <= MAX_GRADE, f"{path.name} reads at grade {grade}"


@pytest.mark.parametrize("path", ARTICLES.values(), ids=lambda p: p.name)
def test_titles_are_plain_text(path):
    """Titles go through st.title, so they hold no Streamlit Markdown maths or directives."""
    title = content.load_article(path, SOURCES).title
    assert "$" not in title
    assert not re.search(r":[a-z-]+\[", title)


@pytest.mark.parametrize("slug", ARTICLES)
def test_every_article_has_a_page(slug):
    """An article is shown by a page script that renders it by slug."""
    pages_text = "".join(p.read_text(encoding="utf-8") for p in PAGES)
    assert f'render_article("{slug}"' in pages_text


def test_sources_have_addresses_and_known_fact_ids():
    """Every source links somewhere, and every fact id it claims exists in the ledger."""
    for source in SOURCES.values():
        assert source.link, source.id
        assert re.match(r"https?://", source.link), source.id
    claimed = {fact for s in SOURCES.values() for fact in s.facts}
    assert claimed - set(LEDGER.facts) == set()


def test_ledger_and_sources_agree_both_ways():
    """A fact names the sources that claim it, and each source it names exists and claims it."""
    for fact in LEDGER.facts.values():
        for source_id in fact.source_ids:
            assert source_id in SOURCES, (fact.id, source_id)
            assert fact.id in SOURCES[source_id].facts, (fact.id, source_id)
    for source in SOURCES.values():
        for fact_id in source.facts:
            assert source.id in LEDGER.facts[fact_id].source_ids, (source.id, fact_id)


def test_usable_facts_rest_on_a_source():
    """Every fact whose numbers may be shown names at least one source in sources.yaml."""
    bare = [f.id for f in LEDGER.facts.values() if f.usable and not f.source_ids]
    assert bare == []


def test_corrected_facts_say_what_changed_and_why():
    """The ledger records its corrections (RF-07 and the acute limb ischaemia fact RF-11)."""
    corrected = {f.id: f.corrected for f in LEDGER.facts.values() if f.corrected}
    assert {"RF-07", "RF-11"} <= set(corrected)
    for correction in corrected.values():
        assert correction.was
        assert correction.why
        assert correction.date


def test_fact_sheet_statuses_belong_to_fact_sheet_sources():
    """A source marked with a fact-sheet status (verified, secondary, caveat) backs a fact id."""
    for source in SOURCES.values():
        if source.status in {"verified", "secondary", "caveat"}:
            assert source.facts, source.id


def test_glossary_loads_and_defines_the_core_words():
    """The glossary loads and explains the words every article leans on."""
    terms = glossary.load_glossary(CONTENT / "glossary.yaml", SOURCES)
    names = {t.term.lower() for t in terms}
    for word in ("sarcopenia", "atrophy", "claudication", "cauda equina syndrome"):
        assert any(word in name for name in names), word


def test_home_links_to_pages_in_the_navigation():
    """Every home-page card links to a page that app.py registers."""
    home = content.load_home(CONTENT / "home.yaml", SOURCES)
    for card in home.cards:
        for link in card.links:
            assert link.page in NAV_PAGES, link.page


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_page_is_in_the_navigation(page):
    """No orphan page: each script in pages/ is registered in app.py."""
    assert f"pages/{page.name}" in NAV_PAGES


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_page_goes_through_the_router(page):
    """Each page calls require_router() first, so a deep link gets the nav and footer."""
    lines = [ln for ln in page.read_text(encoding="utf-8").splitlines() if ln and ln[0].isalpha()]
    first_call = next(ln for ln in lines if not ln.startswith(("import", "from")))
    assert first_call == "require_router()"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_page_is_in_the_readme(page):
    """The README's page table lists each page's URL."""
    url = "/" if page.stem == "home" else f"/{page.stem}"
    assert f"`{url}`" in README


def test_lib_version_matches_pyproject():
    """The version the app shows is the one pyproject.toml declares."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert lib.__version__ == project["version"]


def test_lib_never_imports_streamlit():
    """The core stays pure: no module in lib/ imports streamlit."""
    for module in (ROOT / "lib").glob("*.py"):
        assert not re.search(r"^\s*(import|from)\s+streamlit", module.read_text("utf-8"), re.M)
