"""Showing content: articles, the glossary, the home page cards and the source list."""

from __future__ import annotations

import datetime as dt
import html
import os
from collections.abc import Callable, Hashable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

import streamlit as st

from lib import content, exercises, glossary, plan, quiz, reading, scenes, tel
from lib.content import Article, ContentError, Site, Source
from lib.exercises import Exercise
from lib.glossary import Term
from ui import chrome

_DEFAULT_CONTENT_DIR = Path(__file__).parents[1] / "content"
# The pages a presenter scene may open: read once, not on every rerun in presenter mode.
_PAGE_NAMES = tuple(sorted(p.stem for p in (Path(__file__).parents[1] / "pages").glob("*.py")))


def content_dir() -> Path:
    """Where the content lives; tests point `EXPLORER_CONTENT_DIR` at a copy (say, a broken one)."""
    return Path(os.environ.get("EXPLORER_CONTENT_DIR") or _DEFAULT_CONTENT_DIR)


T = TypeVar("T")
_SHARED: dict[tuple[Hashable, ...], Any] = {}
_SHARED_MAX = 256


def shared(loader: Callable[..., T], *key: Hashable) -> T:
    """`loader(*key)`, remembered for the whole process in a plain dict in front of it.

    `loader` is one of the st.cache_resource functions here, whose values are immutable and
    whose arguments (paths and their mtimes) say when a file changed. Streamlit's cache
    hashes its arguments on every call (about 0.2 ms: a screening run asks for the sources
    15 times); a dict lookup does not. A failed load (ContentError) is not remembered, so it
    is reported on every run as before. Entries for old mtimes go when the dict is full.
    """
    entry = (loader, *key)
    try:
        return _SHARED[entry]  # type: ignore[no-any-return]
    except KeyError:
        pass
    value = loader(*key)
    if len(_SHARED) >= _SHARED_MAX:
        _SHARED.clear()
    _SHARED[entry] = value
    return value


def _mtime(path: Path) -> int:
    """Part of every cache key, so that an edited file is read again."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


# st.cache_resource, not st.cache_data: every value here is immutable (frozen dataclasses,
# tuples, a read-only mapping), so all sessions can share one copy. st.cache_data would
# unpickle a fresh copy on every call, and a self-check rerun asks for the sources 7 times.
@st.cache_resource(max_entries=4, show_spinner=False)
def _sources(path: Path, mtime_ns: int) -> Mapping[str, Source]:
    return MappingProxyType(content.load_sources(path, today=dt.date.today()))


@st.cache_resource(max_entries=4, show_spinner=False)
def _site(path: Path, mtime_ns: int) -> Site:
    return content.load_site(path)


def load_site() -> Site:
    """The site-wide wording of `content/site.yaml` (cached until the file changes).

    A broken site file must not hide the articles: it shows its error once and the articles
    fall back to the default wording, which names no address.
    """
    path = content_dir() / "site.yaml"
    try:
        return shared(_site, path, _mtime(path))
    except ContentError as err:
        _show_error(err)
        return content.DEFAULT_SITE


@st.cache_resource(max_entries=64, show_spinner=False)
def _article(
    path: Path, mtime_ns: int, sources_path: Path, sources_mtime_ns: int, site: Site
) -> Article:
    return content.load_article(path, _sources(sources_path, sources_mtime_ns), site)


@st.cache_resource(max_entries=4, show_spinner=False)
def _glossary(
    path: Path, mtime_ns: int, sources_path: Path, sources_mtime_ns: int
) -> tuple[Term, ...]:
    return glossary.load_glossary(path, _sources(sources_path, sources_mtime_ns))


def _folder_mtime(folder: Path) -> int:
    """Changes when any file in `folder` is added, removed or edited."""
    return sum(_mtime(p) for p in folder.glob("*.md")) + _mtime(folder)


@st.cache_resource(max_entries=4, show_spinner=False)
def _library(
    folder: Path, mtime_ns: int, sources_path: Path, sources_mtime_ns: int
) -> tuple[Exercise, ...]:
    return exercises.load_library(folder, _sources(sources_path, sources_mtime_ns))


def load_library() -> tuple[Exercise, ...]:
    """Every exercise of `content/exercises/` (cached until a file changes).

    Raises:
        ContentError: an exercise file cannot be used.
    """
    folder = content_dir() / "exercises"
    sources_path = content_dir() / "sources.yaml"
    return shared(_library, folder, _folder_mtime(folder), sources_path, _mtime(sources_path))


@st.cache_resource(max_entries=4, show_spinner=False)
def _plan_rules(
    path: Path, mtime_ns: int, sources_path: Path, sources_mtime_ns: int
) -> plan.PlanRules:
    return plan.load_rules(path, _sources(sources_path, sources_mtime_ns))


def load_plan_rules() -> plan.PlanRules:
    """The weekly plan's rule texts, `content/plan_rules.yaml` (cached until it changes).

    Raises:
        ContentError: the file cannot be used.
    """
    path = content_dir() / "plan_rules.yaml"
    sources_path = content_dir() / "sources.yaml"
    return shared(_plan_rules, path, _mtime(path), sources_path, _mtime(sources_path))


def show_content_error(err: ContentError) -> None:
    """The friendly message shown in place of content that cannot be read."""
    _show_error(err)


def load_sources() -> Mapping[str, Source]:
    """Every source of `content/sources.yaml` (cached until the file changes)."""
    path = content_dir() / "sources.yaml"
    return shared(_sources, path, _mtime(path))


def load_article(slug: str) -> Article:
    """The article whose file is `content/NNN-<slug>.md` (cached until a file changes)."""
    folder = content_dir()
    path = content.article_paths(folder).get(slug)
    if path is None:
        raise ContentError(folder / f"NNN-{slug}.md", "no article file with this slug")
    sources_path = folder / "sources.yaml"
    return shared(_article, path, _mtime(path), sources_path, _mtime(sources_path), load_site())


def _show_error(err: ContentError) -> None:
    st.error(
        f"Sorry, this part of the page could not be shown because a content file has a "
        f"problem. The rest of the site still works.\n\n`{err}`",
        icon=":material/error:",
    )


def render_article(slug: str, *, show_title: bool = True) -> Article | None:
    """Show an article with its title, reading time and sources, or a clear error.

    Every article ends with "Reviewed on", "Next review due" and the corrections line
    (`lib.content.review_footer_html`, part of the article's HTML). With `show_title=False`
    only the body, its sources and that footer are shown (notes beside a chart).
    """
    try:
        article = load_article(slug)
    except ContentError as err:
        _show_error(err)
        return None
    if show_title:
        st.title(article.title, anchor=False)
        st.markdown(f"**{article.summary}**")
        st.caption(
            f"About {article.minutes} min read · Written for {', '.join(article.audience)} · "
            f"Reviewed {article.reviewed:%d %B %Y}"
        )
        reading_link(reading.article_path(slug))
    chrome.html(article.html)
    return article


def reading_link(path: str) -> None:
    """A link to the same content as a plain reading page (`lib.reading`).

    For slow phones, printing and sharing. Relative (`read/causes` from `/causes`), so it
    works below any path the app is served from.
    """
    href = html.escape(path.lstrip("/"), quote=True)
    st.html(
        f'<p class="lme-read"><a href="{href}">Read this as a plain page: quicker on a phone, '
        "easy to print or share</a></p>"
    )


def render_glossary(query: str) -> None:
    """Show the glossary terms that match `query`, or a clear error."""
    path = content_dir() / "glossary.yaml"
    sources_path = content_dir() / "sources.yaml"
    try:
        terms = shared(_glossary, path, _mtime(path), sources_path, _mtime(sources_path))
        sources = load_sources()
    except ContentError as err:
        _show_error(err)
        return
    reading_link(reading.GLOSSARY_PATH)
    found = glossary.search(terms, query)
    st.caption(f"{len(found)} of {len(terms)} words shown")
    if found:
        st.html(glossary.glossary_html(found, sources))
    else:
        st.info("No word matches that search. Try a shorter word.", icon=":material/search:")


def render_sources() -> None:
    """Show every source the explorer uses, alphabetically, or a clear error."""
    try:
        sources = load_sources()
    except ContentError as err:
        _show_error(err)
        return
    ordered = sorted(sources.values(), key=lambda s: (s.authors.lower(), s.year or 0))
    st.html(content.sources_list_html(ordered, heading=f"All {len(ordered)} sources"))


def render_home() -> None:
    """Show the home page's audience cards from `content/home.yaml`, or a clear error."""
    path = content_dir() / "home.yaml"
    try:
        sources = load_sources()
        home = content.load_home(path, sources)
    except ContentError as err:
        _show_error(err)
        return
    st.error(tel.markdown(home.alert), icon=":material/emergency:")
    st.caption(
        "Sources: "
        + "; ".join(
            f"{sources[s].authors} ({sources[s].year or 'n.d.'})" for s in home.alert_sources
        )
    )
    st.page_link(
        "pages/seek_care.py", label="All warning signs, by urgency", icon=":material/emergency:"
    )
    st.markdown(tel.markdown(home.intro))
    # One card per row: side-by-side columns cut the link labels short on laptops and phones.
    for card in home.cards:
        with st.container(border=True):
            st.header(card.audience, anchor=False)
            st.markdown(tel.markdown(card.text))
            for link in card.links:
                st.page_link(link.page, label=link.label, icon=link.icon)


@st.cache_resource(max_entries=4, show_spinner=False)
def _scenes(
    path: Path, mtime_ns: int, sources_path: Path, sources_mtime_ns: int, pages: tuple[str, ...]
) -> tuple[scenes.Scene, ...]:
    return scenes.load_scenes(path, _sources(sources_path, sources_mtime_ns), pages)


def load_scenes() -> tuple[scenes.Scene, ...]:
    """The presenter scenes of `content/scenes.yaml` (cached until the file changes).

    Raises:
        ContentError: the file cannot be used.
    """
    path = content_dir() / "scenes.yaml"
    sources_path = content_dir() / "sources.yaml"
    return shared(_scenes, path, _mtime(path), sources_path, _mtime(sources_path), _PAGE_NAMES)


@st.cache_resource(max_entries=4, show_spinner=False)
def _quiz(
    path: Path, mtime_ns: int, sources_path: Path, sources_mtime_ns: int
) -> tuple[quiz.Question, ...]:
    return quiz.load_quiz(path, _sources(sources_path, sources_mtime_ns))


def load_quiz() -> tuple[quiz.Question, ...]:
    """The quiz questions of `content/quiz.yaml` (cached until the file changes).

    Raises:
        ContentError: the file cannot be used.
    """
    path = content_dir() / "quiz.yaml"
    sources_path = content_dir() / "sources.yaml"
    return shared(_quiz, path, _mtime(path), sources_path, _mtime(sources_path))
