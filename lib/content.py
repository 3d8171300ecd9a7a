"""Articles and their sources: Markdown with YAML front matter, rendered to safe HTML.

The one Markdown parser of the project lives here (`make_parser`), configured as MyST-Parser
does: CommonMark with raw HTML switched off (so `<script>` in an article shows as text), plus
tables, front matter, footnotes, `!!! note "Title"` callouts, a word count and this project's
citations, written `[@source_id]` or `[@one; @two]`. Citations are numbered in order of first
use and the article ends with its numbered, linked source list.

Every article ends with its review dates ("Reviewed on", "Next review due") and a line that
tells the reader how to report a mistake (`review_footer_html`, worded in `content/site.yaml`).

Everything here is pure: files are read only from paths the caller hands in, and every
problem with a file is raised as `ContentError` naming that file.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import re
import string
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

import yaml
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.wordcount import wordcount_plugin

from lib import tel

AUDIENCES = frozenset({"patients", "educators", "clinicians"})
ARTICLE_FIELDS = ("title", "summary", "audience", "reviewed", "review_due", "sources")
# Optional: 3 to 5 plain sentences for the top of a long article (`is_long`).
ARTICLE_OPTIONAL_FIELDS = ("key_points",)
# verified, secondary, caveat: the ledger's grades for a source behind a fact; found: a source
# found while writing, read in the stored copy; weak: no primary page or DOI could be found
# (an archive, a copy or a retired site), and its `note` says what is missing.
SOURCE_STATUSES = frozenset({"verified", "secondary", "caveat", "found", "weak"})
SOURCE_FIELDS = frozenset(
    {
        "authors",
        "title",
        "year",
        "journal",
        "publisher",
        "details",
        "url",
        "doi",
        "facts",
        "supports",
        "status",
        "accessed",
        "note",
    }
)
# No source of this project was opened before the web had health-service pages.
EARLIEST_ACCESS: Final = dt.date(1990, 1, 1)

# Hosts that serve copies, archives or retired sites, not a publisher's own page (found in the
# issue 13 source review). A source on one of them must have the status `weak`. Each entry is
# (host, why): the host matches itself and its subdomains.
WEAK_HOSTS: Final[tuple[tuple[str, str], ...]] = (
    ("web.archive.org", "an Internet Archive copy"),
    ("webarchive.library.unt.edu", "a web archive copy"),
    ("beta.nhs.uk", "the retired NHS beta site"),
    ("go4life.nia.nih.gov", "the retired NIA Go4Life site"),
    ("af.mil", "a copy on a US Air Force host"),
    ("stclair.org", "a hospital's syndicated copy"),
    ("news.lt", "a news site's copy"),
    ("cir.nii.ac.jp", "a citation index's copy"),
    ("peeref.com", "an aggregator's copy"),
    ("docslib.org", "an aggregator's copy"),
    ("studylib.net", "an aggregator's copy"),
    ("scribd.com", "an aggregator's copy"),
    ("yumpu.com", "an aggregator's copy"),
    ("springermedizin.at", "a reseller's copy"),
    ("researchgate.net", "an author-upload copy"),
)
# NHS commissioning groups (CCGs, abolished in 2022) and GP practices: local copies of
# national NHS wording, on addresses that come and go.
WEAK_HOST_PATTERNS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"(?:^|\.)[a-z0-9-]*ccg\.nhs\.uk$"), "a defunct NHS commissioning group site"),
    (
        re.compile(r"(?:^|\.)[a-z0-9-]*(?:surgery|practice|familydoctors)\.nhs\.uk$"),
        "a GP practice's copy",
    ),
)

# `NNN-slug.md`: a three-digit position (in steps of 10) and the slug the page asks for.
ARTICLE_NAME = re.compile(r"^(?P<order>\d{3})-(?P<slug>[a-z0-9_]+)\.md$")
SOURCE_ID = r"[a-z0-9][a-z0-9_-]*"
CITATION = re.compile(rf"\[@(?P<ids>{SOURCE_ID}(?:\s*;\s*@{SOURCE_ID})*)\]")
FACT_ID = re.compile(r"^(PA|PR|ML|DU|SC|RF|CO|EX)-\d{2}$")
DIGIT = re.compile(r"\d")


class ContentError(ValueError):
    """A content file that cannot be used, with the file's name at the front of the message."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path.name}: {problem}")
        self.path = path
        self.problem = problem


@dataclass(frozen=True)
class Source:
    """One entry of `content/sources.yaml`: a paper, guideline or health-service page."""

    id: str
    authors: str
    title: str
    year: int | None
    container: str
    details: str | None
    url: str | None
    doi: str | None
    facts: tuple[str, ...]
    supports: str
    status: str
    # When the page was last opened and checked (always set by `load_sources`; None only for
    # sources built in code, as tests do).
    accessed: dt.date | None = None
    # What is missing or special about the source (required for a `weak` one).
    note: str | None = None

    @property
    def weak(self) -> bool:
        """Whether no primary page or DOI could be found for it."""
        return self.status == "weak"

    @property
    def short_author(self) -> str:
        """The first author's surname ("Volpi"), or the organisation's name ("NHS")."""
        first = self.authors.split(",")[0].strip()
        return re.sub(r"\s+[A-Z]{1,3}$", "", first)

    @property
    def link(self) -> str | None:
        """The address a reader follows: the page's own URL, else the DOI resolver."""
        if self.url:
            return self.url
        return f"https://doi.org/{self.doi}" if self.doi else None


@dataclass(frozen=True)
class Article:
    """A rendered article: front matter plus body HTML that ends with its numbered sources."""

    slug: str
    order: int
    title: str
    summary: str
    audience: tuple[str, ...]
    reviewed: dt.date
    review_due: dt.date
    source_ids: tuple[str, ...]
    cited: tuple[str, ...]
    html: str
    words: int
    minutes: int
    key_points: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()

    @property
    def long(self) -> bool:
        """Whether it needs key points and a contents list at its top (`is_long`)."""
        return is_long(self.words, len(self.sections))


# --- the parser --------------------------------------------------------------------------


def make_parser() -> MarkdownIt:
    """Return the project's Markdown parser (the only place it is configured)."""
    md = (
        MarkdownIt("commonmark", {"html": False})
        .enable("table")
        .use(front_matter_plugin)
        .use(footnote_plugin)
        .use(admon_plugin)
        .use(wordcount_plugin)
    )
    md.inline.ruler.before("link", "citation", _citation_rule)
    md.add_render_rule("citation", _render_citation)
    md.add_render_rule("admonition_title_open", _render_admonition_title)
    md.core.ruler.push("heading_ids", _heading_ids_rule)
    md.core.ruler.push("tel_links", tel.tel_links_rule)  # 999, 911, 112: tap to call
    return md


def _citation_rule(state: StateInline, silent: bool) -> bool:
    """Inline rule: turn `[@a; @b]` into one `citation` token carrying the ids."""
    if not state.src.startswith("[@", state.pos):
        return False
    match = CITATION.match(state.src, state.pos)
    if match is None:
        return False
    if not silent:
        token = state.push("citation", "", 0)
        token.meta = {"ids": [part.strip().lstrip("@") for part in match["ids"].split(";")]}
    state.pos = match.end()
    return True


def _render_citation(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """Render a citation as linked superscript numbers, numbering sources by first use.

    Each use of a citation gets its own id (`src-cite-3-2`: the second place source 3 is
    cited), so the source list can link back to every place (`env["citation_uses"]`).
    """
    numbers: dict[str, int] = env.setdefault("citation_numbers", {})
    uses: dict[str, list[str]] = env.setdefault("citation_uses", {})
    sources: Mapping[str, Source] = env.get("sources", {})
    prefix = env.get("anchor_prefix", "src")
    links = []
    for source_id in tokens[idx].meta["ids"]:
        if source_id not in sources:
            env.setdefault("unknown_citations", []).append(source_id)
            links.append("[?]")
            continue
        number = numbers.setdefault(source_id, len(numbers) + 1)
        anchors = uses.setdefault(source_id, [])
        anchors.append(f"{prefix}-cite-{number}-{len(anchors) + 1}")
        links.append(citation_link(sources[source_id], number, anchors[-1], prefix))
    return cite_html(links)


def citation_name(source: Source, number: int) -> str:
    """A citation's accessible name in words: "Source 3: NHS, Sciatica"."""
    return f"Source {number}: {source.short_author}, {source.title}"


def citation_link(source: Source, number: int, anchor: str, prefix: str = "src") -> str:
    """One citation number: a link to the source list's entry, with its own id and name.

    Its box is at least 24 by 24 CSS px (`sup.cite a` in both style sheets; WCAG 2.2 SC 2.5.8).
    """
    name = html.escape(citation_name(source, number), quote=True)
    return (
        f'<a href="#{prefix}-{number}" id="{anchor}" class="cite-link" aria-label="{name}">'
        f"[{number}]</a>"
    )


def cite_html(links: Sequence[str]) -> str:
    """Citation links as one superscript group, each bracketed as Wikipedia does: [1][2]."""
    return f'<sup class="cite">{"".join(links)}</sup>'


def back_links_html(anchors: Sequence[str], number: int) -> str:
    """The source list's way back: "Back to the text", or "Back to the text: a, b, c"."""
    if not anchors:
        return ""
    if len(anchors) == 1:
        return (
            f' <span class="backrefs"><a class="backref" href="#{anchors[0]}" aria-label="Back '
            f'to the text where source {number} is cited">Back to the text</a></span>'
        )
    letters = " ".join(
        f'<a class="backref" href="#{anchor}" aria-label="{_letter(place)}: back to place '
        f'{place} of {len(anchors)} where source {number} is cited">{_letter(place)}</a>'
        for place, anchor in enumerate(anchors, start=1)
    )
    return f' <span class="backrefs">Back to the text: {letters}</span>'


def _letter(place: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa: Wikipedia's back-link letters."""
    letters = ""
    while place > 0:
        place, rest = divmod(place - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


# --- callout icons ------------------------------------------------------------------------

# SVG icons for the callouts, decorative (the title says it in words: "Emergency: call 999
# now"), so hidden from screen readers. An emoji drew as an empty box on some systems; these
# need no font and no other host. Shown as an image from a data URI, not as inline <svg>:
# Streamlit's st.html strips inline SVG (see lib.figures.svg_img). 24-unit view boxes,
# paths drawn for this project; each in its callout's colour with white details.
_ICONS: Final[Mapping[str, tuple[str, str]]] = {
    # an octagon with an exclamation mark: stop, get help now
    "danger": (
        "#b3261e",
        '<path d="M8 2h8l6 6v8l-6 6H8l-6-6V8z" fill="{ink}"/>'
        '<path d="M12 6.5v7" stroke="#fff" stroke-width="2.6" stroke-linecap="round"/>'
        '<circle cx="12" cy="17.2" r="1.6" fill="#fff"/>',
    ),
    # a triangle with an exclamation mark: take care
    "warning": (
        "#8a5300",
        '<path d="M12 2.5 23 21.5H1z" fill="{ink}"/>'
        '<path d="M12 9v6" stroke="#fff" stroke-width="2.4" stroke-linecap="round"/>'
        '<circle cx="12" cy="18.2" r="1.4" fill="#fff"/>',
    ),
    # a circle with an i: good to know
    "note": (
        "#005a8c",
        '<circle cx="12" cy="12" r="10.5" fill="{ink}"/>'
        '<path d="M12 10.5v7" stroke="#fff" stroke-width="2.4" stroke-linecap="round"/>'
        '<circle cx="12" cy="6.8" r="1.5" fill="#fff"/>',
    ),
    # a circle with a tick: a good idea
    "tip": (
        "#00694d",
        '<circle cx="12" cy="12" r="10.5" fill="{ink}"/>'
        '<path d="m7 12.5 3.2 3.2L17 9" fill="none" stroke="#fff" stroke-width="2.4" '
        'stroke-linecap="round" stroke-linejoin="round"/>',
    ),
}


def callout_icon_svg(kind: str) -> str | None:
    """The standalone SVG of a callout kind's icon ("danger"), or None for an unknown kind."""
    if kind not in _ICONS:
        return None
    ink, paths = _ICONS[kind]
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24">'
        f"{paths.format(ink=ink)}</svg>"
    )


def callout_icon(kind: str) -> str:
    """A callout's decorative icon as an `<img>` (empty alt, hidden), or "" for an unknown kind."""
    svg = callout_icon_svg(kind)
    if svg is None:
        return ""
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (
        f'<img class="lme-icon" src="data:image/svg+xml;base64,{data}" alt="" '
        'aria-hidden="true" width="24" height="24">'
    )


def _render_admonition_title(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """A callout's title with its kind's icon in front (decorative: the words carry it)."""
    opening = next((t for t in reversed(tokens[:idx]) if t.type == "admonition_open"), None)
    kind = str(opening.meta.get("tag", "")) if opening is not None else ""
    return self.renderToken(tokens, idx, options, env) + callout_icon(kind)


# --- heading ids, key points and the contents list ---------------------------------------

# Ids a page already uses, never given to a heading.
RESERVED_IDS: Final = frozenset({"main", "tools-h", "key-points", "contents", "src-list"})
# An article is long (it needs key points and a contents list) from this many words of prose
# and this many sections (h2): about three phone screens of text in 3 or more parts. The
# about page (336 words) is not; every other article is (987 words and up).
LONG_MIN_WORDS: Final = 500
LONG_MIN_SECTIONS: Final = 3
KEY_POINTS_MIN: Final = 3
KEY_POINTS_MAX: Final = 5
KEY_POINT_MAX_CHARS: Final = 220
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class Section:
    """One h2 of an article: its id (the link target) and its words."""

    anchor: str
    title: str


def slugify(text: str) -> str:
    """A heading's id: lower-case words joined by hyphens, accents dropped.

    >>> slugify("Guillain-Barré: what is it?")
    'guillain-barre-what-is-it'
    >>> slugify("What about muscle loss you can't explain?")
    'what-about-muscle-loss-you-cant-explain'
    """
    plain = unicodedata.normalize("NFKD", re.sub(r"['\u2019]", "", text))
    plain = plain.encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    if len(slug) > 60:
        slug = slug[:60].rsplit("-", 1)[0]
    return slug or "section"


def unique_id(slug: str, used: set[str]) -> str:
    """`slug`, or `slug-2`, `slug-3`... the first one not in `used` (which it joins)."""
    if slug.startswith("src-"):  # the source list's ids
        slug = f"section-{slug}"
    candidate, count = slug, 1
    while candidate in used:
        count += 1
        candidate = f"{slug}-{count}"
    used.add(candidate)
    return candidate


def _inline_words(token: Token) -> str:
    return "".join(
        child.content for child in token.children or [] if child.type in {"text", "code_inline"}
    ).strip()


def _heading_ids_rule(state: StateCore) -> None:
    """Core rule: give every top-level h2 and h3 a stable, unique id from its words.

    Only where the caller asks (`env["heading_ids"]`, set for articles): short cited texts
    that share a page (quiz answers) keep their headings bare. The h2s are recorded, in
    order, as the contents list (`env["sections"]`).
    """
    if not state.env.get("heading_ids"):
        return
    used = set(RESERVED_IDS)
    sections: list[Section] = []
    for index, token in enumerate(state.tokens):
        if token.type != "heading_open" or token.level != 0 or token.tag not in {"h2", "h3"}:
            continue
        words = _inline_words(state.tokens[index + 1])
        anchor = unique_id(slugify(words), used)
        token.attrSet("id", anchor)
        if token.tag == "h2":
            sections.append(Section(anchor, " ".join(words.split())))
    state.env["sections"] = sections


def is_long(words: int, sections: int) -> bool:
    """Whether an article needs key points and a contents list at its top.

    >>> is_long(500, 3), is_long(499, 12), is_long(2000, 2)
    (True, False, False)
    """
    return words >= LONG_MIN_WORDS and sections >= LONG_MIN_SECTIONS


def lead_html(key_points: Sequence[str], sections: Sequence[Section], sources: bool) -> str:
    """The top of a long article: its key points, then a contents list linking each h2.

    `sources`: whether the article ends with a source list (the contents list's last entry).
    Either part is left out when empty (a contents list needs 2 or more sections).
    """
    parts = []
    if key_points:
        items = "".join(f"<li>{tel.html_text(html.escape(p))}</li>" for p in key_points)
        parts.append(
            '<section class="lme-keypoints" aria-labelledby="key-points">'
            f'<h2 id="key-points">Key points</h2><ul>{items}</ul></section>'
        )
    if len(sections) >= 2:
        entries = [(s.anchor, s.title) for s in sections]
        if sources:
            entries.append(("src-list", "Sources"))
        links = "".join(
            f'<li><a href="#{anchor}">{html.escape(title)}</a></li>' for anchor, title in entries
        )
        parts.append(
            '<nav class="lme-toc" aria-labelledby="contents">'
            f'<h2 id="contents">On this page</h2><ol>{links}</ol></nav>'
        )
    return "".join(parts)


def _insert_lead(body: str, lead: str) -> str:
    """`lead` before the body's first h2: after the opening words and any callout before it,
    so an emergency callout at the top stays first."""
    if not lead:
        return body
    first = body.find("<h2")
    return lead + body if first < 0 else body[:first] + lead + body[first:]


def numbers_in(text: str) -> set[str]:
    """The numbers written in digits in `text`, citations' ids left out ("3.5", "999")."""
    return set(NUMBER.findall(CITATION.sub(" ", text)))


def cited_numbers(text: str) -> set[str]:
    """Every number the body of an article states in a block that carries a citation."""
    return {
        n
        for block in _claim_blocks(make_parser().parse(text))
        if CITATION.search(block)
        for n in numbers_in(block)
    }


def unsourced_key_point_numbers(text: str, key_points: Sequence[str]) -> list[tuple[str, str]]:
    """(key point, number) for each number a key point states that the body does not state
    with a citation. A key point must never bring in a new number."""
    known = cited_numbers(text)
    return [(point, n) for point in key_points for n in sorted(numbers_in(point)) if n not in known]


@dataclass(frozen=True)
class Rendered:
    """Markdown with `[@id]` citations, rendered: the body, then its numbered source list."""

    html: str
    cited: tuple[str, ...]  # source ids in order of first citation
    unknown: tuple[str, ...]  # cited ids that `sources` does not know


def render_cited(text: str, sources: Mapping[str, Source], *, prefix: str = "src") -> Rendered:
    """Render a short cited text (an exercise, a scene's notes, a quiz explanation).

    `prefix` names its anchors (`prefix-1`...), so that several such texts can share a page.
    """
    env: dict[str, Any] = {"sources": sources, "anchor_prefix": prefix}
    body = make_parser().render(text, env)
    cited = tuple(env.get("citation_numbers", {}))
    listed = sources_list_html(
        (sources[s] for s in cited), prefix=prefix, uses=env.get("citation_uses", {})
    )
    unknown = tuple(sorted(set(env.get("unknown_citations", []))))
    return Rendered(html=body + listed, cited=cited, unknown=unknown)


def front_matter_fields(
    path: Path, raw: str, fields: Sequence[str], optional: Sequence[str] = ()
) -> dict[str, Any]:
    """Parse front matter YAML and check it holds exactly `fields` (and any of `optional`).

    Raises:
        ContentError: not YAML, not a mapping, a field missing or an unknown one.
    """
    try:
        meta = yaml.safe_load(raw)
    except yaml.YAMLError as err:
        raise ContentError(path, f"front matter is not valid YAML ({_yaml_where(err)})") from err
    except ValueError as err:  # PyYAML builds dates itself: 2026-02-30 raises ValueError
        raise ContentError(path, f"front matter has an impossible date ({err})") from err
    if not isinstance(meta, dict):
        raise ContentError(path, "front matter must be a mapping of fields")
    missing = [f for f in fields if f not in meta]
    if missing:
        raise ContentError(path, f"front matter misses {missing}")
    extra = sorted(set(meta) - set(fields) - set(optional))
    if extra:
        raise ContentError(path, f"front matter has unknown fields {extra}")
    return meta


# --- sources -----------------------------------------------------------------------------


def weak_host(url: str | None) -> str | None:
    """Why `url`'s host is a copy, an archive or a retired site, or None for any other host.

    >>> weak_host("https://web.archive.org/web/2007/http://example.org")
    'an Internet Archive copy'
    >>> weak_host("https://www.nhs.uk/conditions/stroke/") is None
    True
    """
    if not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:  # not a URL at all ("http://[::1"): no host to judge
        return None
    for name, why in WEAK_HOSTS:
        if host == name or host.endswith("." + name):
            return why
    for pattern, why in WEAK_HOST_PATTERNS:
        if pattern.search(host):
            return why
    return None


def load_sources(path: Path, *, today: dt.date | None = None) -> dict[str, Source]:
    """Read `sources.yaml` into sources by id.

    `today` is the latest date an `accessed` field may hold (None: no upper limit). The
    core never reads the clock: the app and the tests pass the real date.

    Raises:
        ContentError: the file is missing, is not YAML, or an entry lacks a field, a year, a
            journal or publisher, a URL or DOI, an `accessed` date, has an unknown field, a
            malformed fact id or status, an `accessed` date that is not a real past date, or a
            `weak` status without a `note` saying what is missing.
    """
    data = read_yaml(path)
    if not isinstance(data, dict) or not data:
        raise ContentError(path, "expected a mapping from source id to source entry")
    latest = today or dt.date.max
    return {str(key): _source(path, str(key), value, latest) for key, value in data.items()}


def _source(path: Path, source_id: str, entry: Any, latest: dt.date) -> Source:
    where = f"source {source_id!r}"
    if not re.fullmatch(SOURCE_ID, source_id):
        raise ContentError(path, f"{where}: ids are lower case letters, digits, - and _")
    if not isinstance(entry, dict):
        raise ContentError(path, f"{where}: expected a mapping of fields")
    unknown = sorted(str(k) for k in set(entry) - SOURCE_FIELDS)
    if unknown:
        raise ContentError(path, f"{where}: unknown fields {unknown}")
    for field in ("authors", "title"):
        if not entry.get(field):
            raise ContentError(path, f"{where}: missing {field!r}")
    container = entry.get("journal") or entry.get("publisher")
    if not container:
        raise ContentError(path, f"{where}: needs a 'journal' or a 'publisher'")
    if not (entry.get("url") or entry.get("doi")):
        raise ContentError(path, f"{where}: needs a 'url' or a 'doi'")
    if "year" not in entry:
        raise ContentError(path, f"{where}: missing 'year' (null for an undated page)")
    year = entry["year"]
    if year is not None and (not isinstance(year, int) or not 1900 <= year <= 2100):
        raise ContentError(path, f"{where}: 'year' must be a year such as 2019, or null")
    facts = entry.get("facts") or []
    if not isinstance(facts, list) or not all(FACT_ID.match(str(f)) for f in facts):
        raise ContentError(path, f"{where}: 'facts' must list fact ids such as PA-02")
    status = str(entry.get("status") or "found")
    if status not in SOURCE_STATUSES:
        raise ContentError(path, f"{where}: 'status' must be one of {sorted(SOURCE_STATUSES)}")
    accessed = _accessed(path, where, entry, latest)
    note = entry.get("note")
    if note is not None and (not isinstance(note, str) or not note.strip()):
        raise ContentError(path, f"{where}: 'note' must be non-empty text")
    if status == "weak" and note is None:
        raise ContentError(path, f"{where}: a 'weak' source needs a 'note' saying what is missing")
    details = entry.get("details")
    return Source(
        id=source_id,
        authors=str(entry["authors"]),
        title=str(entry["title"]),
        year=year,
        container=str(container),
        details=str(details) if details else None,
        url=str(entry["url"]) if entry.get("url") else None,
        doi=str(entry["doi"]) if entry.get("doi") else None,
        facts=tuple(str(f) for f in facts),
        supports=str(entry.get("supports") or ""),
        status=status,
        accessed=accessed,
        note=note.strip() if note else None,
    )


def _accessed(path: Path, where: str, entry: dict[Any, Any], latest: dt.date) -> dt.date:
    """The `accessed` date: a real calendar date, not before 1990 and not after `latest`."""
    if "accessed" not in entry:
        raise ContentError(path, f"{where}: missing 'accessed' (the date the page was checked)")
    value = entry["accessed"]
    # YAML reads 2026-12-01 as a date; 2026-13-01 or "yesterday" stay text. A datetime is a
    # date too, but the field is a day.
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise ContentError(path, f"{where}: 'accessed' must be a date such as 2026-12-01")
    if not EARLIEST_ACCESS <= value <= latest:
        raise ContentError(
            path,
            f"{where}: 'accessed' {value.isoformat()} must lie between "
            f"{EARLIEST_ACCESS.isoformat()} and {latest.isoformat()}",
        )
    return value


def source_html(
    source: Source, number: int | None = None, prefix: str = "src", back: Sequence[str] = ()
) -> str:
    """One reference as an HTML list item: authors, year, linked title, journal, fact ids.

    `back` holds the ids of the places it is cited: each gets a "Back to the text" link.
    """
    # tabindex -1: a citation's link moves the focus to its entry, which a screen reader reads.
    anchor = f' id="{prefix}-{number}" tabindex="-1"' if number is not None else ""
    title = html.escape(source.title)
    if source.link:
        href = html.escape(source.link, quote=True)
        title = f'<a href="{href}" rel="noopener noreferrer">{title}</a>'
    container = html.escape(source.container)
    if source.details:
        container += f" {html.escape(source.details)}"
    facts = (
        f' <span class="src-facts">Fact ids: {html.escape(", ".join(source.facts))}</span>'
        if source.facts
        else ""
    )
    accessed = f" Accessed {long_date(source.accessed)}." if source.accessed else ""
    weak = (
        f' <span class="src-weak">Weak source: {html.escape(source.note)}</span>'
        if source.weak and source.note
        else ""
    )
    return (
        f"<li{anchor}>{html.escape(source.authors)} ({source.year or 'n.d.'}). {title}. "
        f"<i>{container}</i>.{accessed}{facts}{weak}"
        f"{back_links_html(back, number) if number is not None else ''}</li>"
    )


_FACT_IDS_SPAN = re.compile(r' ?<span class="src-facts">[^<]*</span>')


def without_fact_ids(rendered: str) -> str:
    """`rendered` (a source list from `source_html`) without its internal fact ids.

    For the projected screen, where the ledger's ids mean nothing to a class.

    >>> without_fact_ids('<li>A (2020). <span class="src-facts">Fact ids: PA-01</span></li>')
    '<li>A (2020).</li>'
    """
    return _FACT_IDS_SPAN.sub("", rendered)


def sources_list_html(
    sources: Iterable[Source],
    heading: str = "Sources",
    prefix: str = "src",
    uses: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """A numbered, linked source list, as printed at the end of every article.

    An empty list gives an empty string: an article that cites nothing shows no heading.
    `prefix` names the anchors, so that several lists can share one page; the list itself
    is `prefix-list`. `uses` gives, per source id, the ids of the places it is cited, for
    its "Back to the text" links.
    """
    cited = uses or {}
    items = "".join(
        source_html(s, n, prefix, cited.get(s.id, ())) for n, s in enumerate(sources, start=1)
    )
    if not items:
        return ""
    return (
        f'<section class="sources" id="{prefix}-list" aria-label="Sources">'
        f"<h2>{html.escape(heading)}</h2><ol>{items}</ol></section>"
    )


# --- articles ----------------------------------------------------------------------------


def article_paths(content_dir: Path) -> dict[str, Path]:
    """Articles in `content_dir` by slug, in their numbered order.

    Raises:
        ContentError: two files claim the same slug.
    """
    found: dict[str, Path] = {}
    for path in sorted(content_dir.glob("*.md")):
        match = ARTICLE_NAME.match(path.name)
        if match is None:
            continue
        slug = match["slug"]
        if slug in found:
            raise ContentError(path, f"slug {slug!r} is also used by {found[slug].name}")
        found[slug] = path
    return found


def load_article(path: Path, sources: Mapping[str, Source], site: Site | None = None) -> Article:
    """Parse and render one article file; its HTML ends with the sources and the review footer.

    `site` words the footer's corrections line (default: `DEFAULT_SITE`, no address).

    Raises:
        ContentError: the file cannot be read, its name or front matter is malformed, or it
            cites or lists a source id that `sources` does not know.
    """
    match = ARTICLE_NAME.match(path.name)
    if match is None:
        raise ContentError(path, "article files are named NNN-slug.md, e.g. 010-causes.md")
    text = read_text(path)
    md = make_parser()
    env: dict[str, Any] = {"sources": sources, "heading_ids": True}
    tokens = md.parse(text, env)
    if not tokens or tokens[0].type != "front_matter":
        raise ContentError(path, "the file must start with front matter between --- lines")
    meta = _front_matter(path, tokens[0].content)

    unknown_listed = [s for s in meta["sources"] if s not in sources]
    if unknown_listed:
        raise ContentError(path, f"front matter lists unknown source ids: {unknown_listed}")

    body = md.renderer.render(tokens, md.options, env)
    unknown_cited = env.get("unknown_citations", [])
    if unknown_cited:
        raise ContentError(path, f"cites unknown source ids: {sorted(set(unknown_cited))}")

    cited = tuple(env.get("citation_numbers", {}))
    listed_only = [s for s in meta["sources"] if s not in cited]
    ordered = [sources[s] for s in (*cited, *listed_only)]
    counts = env.get("wordcount", {})
    words = int(counts.get("words", 0))
    sections = tuple(env.get("sections", ()))
    key_points = tuple(meta.get("key_points") or ())
    top = lead_html(key_points, sections, bool(ordered)) if is_long(words, len(sections)) else ""
    if key_points and not top:
        raise ContentError(path, "has key points but is not long enough to show them")
    return Article(
        slug=match["slug"],
        order=int(match["order"]),
        title=meta["title"],
        summary=meta["summary"],
        audience=tuple(meta["audience"]),
        reviewed=meta["reviewed"],
        review_due=meta["review_due"],
        source_ids=tuple(meta["sources"]),
        cited=cited,
        html=(
            f'<article class="lme-article">{_insert_lead(body, top)}'
            f"{sources_list_html(ordered, uses=env.get('citation_uses', {}))}"
            f"{review_footer_html(meta['reviewed'], meta['review_due'], site or DEFAULT_SITE)}"
            "</article>"
        ),
        words=words,
        minutes=max(1, int(counts.get("minutes", 0))),
        key_points=key_points,
        sections=sections,
    )


def _front_matter(path: Path, raw: str) -> dict[str, Any]:
    meta = front_matter_fields(path, raw, ARTICLE_FIELDS, ARTICLE_OPTIONAL_FIELDS)
    if "key_points" in meta:
        meta["key_points"] = _key_points(path, meta["key_points"])
    for field in ("title", "summary"):
        if not isinstance(meta[field], str) or not meta[field].strip():
            raise ContentError(path, f"{field!r} must be non-empty text")
    audience = meta["audience"]
    if not isinstance(audience, list) or not audience or not set(map(str, audience)) <= AUDIENCES:
        raise ContentError(path, f"'audience' must list some of {sorted(AUDIENCES)}")
    for field in ("reviewed", "review_due"):
        value = meta[field]
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise ContentError(path, f"{field!r} must be a date such as 2026-11-21")
    if meta["review_due"] <= meta["reviewed"]:
        raise ContentError(path, "'review_due' must come after 'reviewed'")
    ids = meta["sources"]
    if not isinstance(ids, list) or not all(isinstance(s, str) for s in ids):
        raise ContentError(path, "'sources' must be a list of source ids")
    if len(set(ids)) != len(ids):
        raise ContentError(path, "'sources' lists an id twice")
    return meta


def _key_points(path: Path, value: Any) -> tuple[str, ...]:
    """3 to 5 plain sentences: no Markdown, no citation (the body carries those)."""
    if not isinstance(value, list) or not KEY_POINTS_MIN <= len(value) <= KEY_POINTS_MAX:
        raise ContentError(
            path, f"'key_points' must list {KEY_POINTS_MIN} to {KEY_POINTS_MAX} sentences"
        )
    points = []
    for number, point in enumerate(value, start=1):
        if not isinstance(point, str) or not point.strip():
            raise ContentError(path, f"key point {number} must be non-empty text")
        text = " ".join(point.split())
        if len(text) > KEY_POINT_MAX_CHARS:
            raise ContentError(
                path, f"key point {number} is longer than {KEY_POINT_MAX_CHARS} characters"
            )
        if re.search(r"[\[\]*_`<>#]", text):
            raise ContentError(path, f"key point {number} must be plain text (no Markdown)")
        if not text.endswith((".", "?", "!")):
            raise ContentError(path, f"key point {number} must be a sentence ending in a full stop")
        points.append(text)
    return tuple(points)


# --- review dates and the corrections line ------------------------------------------------


@dataclass(frozen=True)
class Site:
    """Site-wide wording of `content/site.yaml`: how a reader reports a mistake.

    Attributes:
        corrections_url: Where to report it: the project's issue tracker (https://...) or an
            email address (mailto:...); None while no public address is known.
        corrections_link: The linked words when there is an address.
        corrections_text: The whole line when there is none.
    """

    corrections_url: str | None
    corrections_link: str
    corrections_text: str


# The wording `content/site.yaml` ships with, used when a caller passes no site (no address).
DEFAULT_SITE: Final = Site(
    corrections_url=None,
    corrections_link="Spotted a mistake? Tell us on the project's issue tracker",
    corrections_text=(
        "Spotted a mistake? Please tell the people who run this site, so that it can be "
        "checked and put right."
    ),
)
CORRECTIONS_URL = re.compile(r"^(?:https://[^\s<>\"']+|mailto:[^\s<>\"'@]+@[^\s<>\"'@]+)$")


def load_site(path: Path) -> Site:
    """Read `site.yaml`.

    Raises:
        ContentError: the file is missing or not YAML, lacks the `corrections` mapping or its
            wording, or the address is neither an https:// address nor a mailto: address.
    """
    data = read_yaml(path)
    corrections = data.get("corrections") if isinstance(data, dict) else None
    if not isinstance(corrections, dict) or set(corrections) != {"url", "link", "text"}:
        raise ContentError(path, "expected 'corrections' with exactly 'url', 'link' and 'text'")
    for field in ("link", "text"):
        if not isinstance(corrections[field], str) or not corrections[field].strip():
            raise ContentError(path, f"'corrections.{field}' must be non-empty text")
    url = corrections["url"]
    if url is not None and (not isinstance(url, str) or not CORRECTIONS_URL.match(url)):
        raise ContentError(
            path, "'corrections.url' must be null, an https:// address or a mailto: address"
        )
    return Site(
        corrections_url=url,
        corrections_link=corrections["link"].strip(),
        corrections_text=corrections["text"].strip(),
    )


def long_date(day: dt.date) -> str:
    """A date as readers write it: "1 December 2026"."""
    return f"{day.day} {day:%B %Y}"


def review_footer_html(reviewed: dt.date, review_due: dt.date, site: Site = DEFAULT_SITE) -> str:
    """The end of every article: when it was reviewed, when it is due again, how to correct it.

    The reading pages and the Streamlit pages both show this, so it is written once, here.
    """
    if site.corrections_url:
        href = html.escape(site.corrections_url, quote=True)
        contact = (
            f'<a href="{href}" rel="noopener noreferrer">{html.escape(site.corrections_link)}</a>.'
        )
    else:
        contact = html.escape(site.corrections_text)
    return (
        '<footer class="lme-review" aria-label="Review dates and corrections">'
        f'<p>Reviewed on <time datetime="{reviewed.isoformat()}">{long_date(reviewed)}</time>'
        f' · Next review due <time datetime="{review_due.isoformat()}">'
        f"{long_date(review_due)}</time></p>"
        f"<p>{contact}</p></footer>"
    )


# --- the home page -----------------------------------------------------------------------


@dataclass(frozen=True)
class HomeLink:
    """A link on a home-page card to one of the explorer's pages."""

    page: str
    label: str
    icon: str | None


@dataclass(frozen=True)
class HomeCard:
    """A card that shows one audience where to start."""

    audience: str
    text: str
    links: tuple[HomeLink, ...]


@dataclass(frozen=True)
class Home:
    """The home page's wording: the red-flag alert, an introduction, a card per audience."""

    alert: str
    alert_sources: tuple[str, ...]
    intro: str
    cards: tuple[HomeCard, ...]


PAGE_PATH = re.compile(r"^pages/[a-z0-9_]+\.py$")


def load_home(path: Path, sources: Mapping[str, Source]) -> Home:
    """Read `home.yaml`.

    Raises:
        ContentError: the file lacks the alert, intro or cards, the alert cites an unknown
            source, or a link does not name a page file.
    """
    data = read_yaml(path)
    if not isinstance(data, dict) or not all(
        isinstance(data.get(field), str) for field in ("alert", "intro")
    ):
        raise ContentError(path, "expected a mapping with 'alert' and 'intro' text and 'cards'")
    alert_sources = data.get("alert_sources") or []
    unknown = [s for s in alert_sources if s not in sources]
    if not alert_sources or unknown:
        raise ContentError(path, f"'alert_sources' must list known source ids (unknown: {unknown})")
    raw_cards = data.get("cards")
    if not isinstance(raw_cards, list) or not raw_cards:
        raise ContentError(path, "'cards' must be a non-empty list")
    cards = []
    for number, card in enumerate(raw_cards, start=1):
        if not isinstance(card, dict) or not card.get("audience") or not card.get("text"):
            raise ContentError(path, f"card {number}: needs 'audience' and 'text'")
        links = []
        for link in card.get("links") or []:
            if not isinstance(link, dict) or not PAGE_PATH.match(str(link.get("page", ""))):
                raise ContentError(path, f"card {number}: each link needs 'page: pages/x.py'")
            links.append(
                HomeLink(
                    page=str(link["page"]),
                    label=str(link.get("label") or ""),
                    icon=str(link["icon"]) if link.get("icon") else None,
                )
            )
        cards.append(HomeCard(str(card["audience"]), str(card["text"]), tuple(links)))
    return Home(
        alert=data["alert"],
        alert_sources=tuple(str(s) for s in alert_sources),
        intro=data["intro"],
        cards=tuple(cards),
    )


# --- checks used by the content tests ------------------------------------------------------


_TITLE_OPEN = frozenset({"heading_open", "admonition_title_open"})
_TITLE_CLOSE = frozenset({"heading_close", "admonition_title_close"})


def blocks_with_uncited_numbers(text: str) -> list[str]:
    """Paragraphs, list items and table rows that contain a digit but no `[@...]` citation.

    Headings and callout titles are exempt (they introduce, they do not claim; a callout's
    body carries the citation). Returns the blocks' text.
    """
    tokens = make_parser().parse(text)
    found: list[str] = []
    for block in _claim_blocks(tokens):
        if DIGIT.search(block) and not CITATION.search(block):
            found.append(block)
    return found


def _claim_blocks(tokens: Sequence[Token]) -> list[str]:
    """Join inline text per list item, table row or top-level paragraph."""
    blocks: list[str] = []
    stack: list[list[str]] = []
    in_heading = False
    for token in tokens:
        if token.type in {"list_item_open", "tr_open"}:
            stack.append([])
        elif token.type in {"list_item_close", "tr_close"}:
            blocks.append(" ".join(stack.pop()))
        elif token.type in _TITLE_OPEN:
            in_heading = True
        elif token.type in _TITLE_CLOSE:
            in_heading = False
        elif token.type == "inline" and not in_heading:
            if stack:
                stack[-1].append(token.content)
            else:
                blocks.append(token.content)
    return blocks


def plain_text(text: str) -> str:
    """The readable prose of an article (no front matter, headings, citations or markup)."""
    tokens = make_parser().parse(text)
    parts: list[str] = []
    in_heading = False
    for token in tokens:
        if token.type in _TITLE_OPEN:
            in_heading = True
        elif token.type in _TITLE_CLOSE:
            in_heading = False
        elif token.type == "inline" and not in_heading:
            words = "".join(
                " " if child.type in {"softbreak", "hardbreak"} else child.content
                for child in token.children or []
                if child.type in {"text", "code_inline", "softbreak", "hardbreak"}
            )
            parts.append(words.strip())
    return "\n".join(p for p in parts if p)


# --- file reading ------------------------------------------------------------------------


def read_text(path: Path) -> str:
    """A content file's text; any problem is a ContentError naming the file."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise ContentError(path, "file not found") from err
    except (OSError, UnicodeDecodeError) as err:
        raise ContentError(
            path, f"cannot be read as UTF-8 text ({err.__class__.__name__})"
        ) from err


def read_yaml(path: Path) -> Any:
    """A content file's YAML; any problem, an impossible date too, is a ContentError."""
    text = read_text(path)  # a missing file is already a ContentError: not an impossible date
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise ContentError(path, f"not valid YAML ({_yaml_where(err)})") from err
    except ValueError as err:  # PyYAML builds dates itself: 2026-02-30 raises ValueError
        raise ContentError(path, f"has an impossible date ({err})") from err


def _yaml_where(err: yaml.YAMLError) -> str:
    mark = getattr(err, "problem_mark", None)
    return f"line {mark.line + 1}" if mark is not None else "unreadable"


def template_text(path: Path, where: str, value: object, allowed: tuple[str, ...] = ()) -> str:
    """A wording file's non-empty text whose {placeholders} are all among `allowed`.

    Raises:
        ContentError: naming the file, when the text is empty, a brace is not closed, or a
            placeholder is not one lib fills in.
    """
    if not isinstance(value, str) or not value.strip():
        raise ContentError(path, f"{where}: must be non-empty text")
    try:
        names = {f for _, f, _, _ in string.Formatter().parse(value) if f is not None}
    except ValueError as err:
        raise ContentError(path, f"{where}: a {{ or }} is not closed ({err})") from err
    unknown = sorted(names - set(allowed))
    if unknown:
        known = ", ".join(allowed) or "none"
        raise ContentError(path, f"{where}: unknown placeholders {unknown} (may use: {known})")
    return " ".join(value.split())


def exact_mapping(path: Path, where: str, value: object, keys: Iterable[str]) -> dict[str, Any]:
    """A wording file's mapping with exactly `keys`.

    Raises:
        ContentError: naming the file, when it is not a mapping, or a key is missing or unknown.
    """
    if not isinstance(value, dict):
        raise ContentError(path, f"{where}: expected a mapping")
    wanted = list(keys)
    missing = [k for k in wanted if k not in value]
    if missing:
        raise ContentError(path, f"{where}: missing {missing}")
    extra = sorted(str(k) for k in set(value) - set(wanted))
    if extra:
        raise ContentError(path, f"{where}: unknown keys {extra}")
    return value
