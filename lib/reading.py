"""Reading pages: every article, the glossary, the warning signs and the exercises as plain HTML.

Most readers arrive from a search engine or a link on a phone. These pages are the same
content the app shows (rendered by `lib.content`, `lib.glossary`, `lib.exercises`,
`lib.figures`, the red flags), as complete HTML documents that need no JavaScript and load
nothing from another host: one `<h1>`, headings in order, a meta description from the front
matter, a canonical URL, Open Graph and Twitter card tags, the red-flag box, the footer and a
print style sheet. Each page links to the interactive tools with the context it can pass.

Everything here is pure: `load_library` reads files only from the folder it is handed; the
page builders are functions of values. The web glue (`web/reading.py`) adds HTTP.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal
from urllib.parse import urlencode, urlsplit

from lib import content, exercises, figures, glossary, plan, redflags, tel
from lib.content import Article, Source
from lib.exercises import EQUIPMENT_NAMES, KINDS, LEVEL_NAMES, MUSCLE_NAMES, Exercise
from lib.glossary import Term
from lib.redflags import RedFlag, Urgency

SITE_NAME: Final = "Leg Muscle Explorer"
READ: Final = "/read"  # every reading page lives below this path
FOOTER_TEXT: Final = (
    "<strong>Educational, not medical advice.</strong> This site cannot diagnose you. "
    "These pages store nothing about you and load nothing from any other website."
)
MAX_HEADING: Final = 6

Kind = Literal["article", "website"]


@dataclass(frozen=True)
class ToolLink:
    """A link from a reading page to an interactive page of the app, with the context it sets."""

    page: str  # the app page's URL name ("projection"); "" for the home page
    label: str
    params: tuple[tuple[str, str], ...] = ()

    def path(self) -> str:
        """`/projection?bedrest_days=10`: the app page's path and query."""
        query = f"?{urlencode(self.params)}" if self.params else ""
        return f"/{self.page}{query}"


@dataclass(frozen=True)
class ReadingPage:
    """One reading page before it is wrapped in the document: what it says and where it lives."""

    path: str  # "/read/causes"
    title: str  # the page's <h1>, and its <title> before the site's name
    description: str  # the meta description (the front matter's summary)
    body: str  # safe HTML that follows the <h1>
    updated: dt.date | None = None  # reviewed on (for the sitemap and the page's date line)
    tools: tuple[ToolLink, ...] = ()
    app_page: str | None = None  # the Streamlit page showing the same content ("causes")
    kind: Kind = "article"


@dataclass(frozen=True)
class Library:
    """Everything the reading pages are made from, loaded through the content modules."""

    sources: Mapping[str, Source]
    articles: tuple[Article, ...]
    terms: tuple[Term, ...]
    exercises: tuple[Exercise, ...]
    flags: tuple[RedFlag, ...]
    home: content.Home


def load_library(content_dir: Path, flags: Sequence[RedFlag] | None = None) -> Library:
    """Read every content file the reading pages need from `content_dir`.

    The warning signs come from the folder's `redflags.yaml` unless `flags` are given, and
    articles end with the review footer worded by its `site.yaml`, as in the app.

    Raises:
        ContentError: a content file cannot be used (the message names it).
    """
    sources = content.load_sources(content_dir / "sources.yaml")
    site = content.load_site(content_dir / "site.yaml")
    articles = tuple(
        content.load_article(path, sources, site)
        for path in content.article_paths(content_dir).values()
    )
    if flags is None:
        flags = redflags.load_checklist(content_dir / "redflags.yaml").flags
    return Library(
        sources=sources,
        articles=articles,
        terms=glossary.load_glossary(content_dir / "glossary.yaml", sources),
        exercises=exercises.load_library(content_dir / "exercises", sources),
        flags=tuple(flags),
        home=content.load_home(content_dir / "home.yaml", sources),
    )


# --- where each page points in the app ------------------------------------------------------

# Which interactive tools each article leads to, and the context the link can carry.
ARTICLE_TOOLS: Final[Mapping[str, tuple[ToolLink, ...]]] = {
    "causes": (
        ToolLink(
            "projection",
            "See what a spell in bed does to leg muscle over a lifetime",
            (("bedrest_age", "70"), ("bedrest_days", "10")),
        ),
        ToolLink("red_flags", "Tick the warning signs you have now"),
    ),
    "consequences": (
        ToolLink(
            "projection",
            "Compare leg strength with muscle mass over a lifetime",
            (("measure", "strength"),),
        ),
        ToolLink("screening", "Try the strength and balance screening tests"),
    ),
    "prevention": (
        ToolLink("exercises", "Browse the exercise library"),
        ToolLink("plan", "Build a weekly plan that builds up to the guidelines"),
        ToolLink("self_check", "Check your week against the guidelines"),
    ),
    "seek_care": (ToolLink("red_flags", "Tick the warning signs you have now"),),
    "popular_numbers": (
        ToolLink("quiz", "Take the quiz: myths and facts"),
        ToolLink("projection", "See the ageing band drawn"),
    ),
    "faq": (
        ToolLink("self_check", "Check your week against the guidelines"),
        ToolLink("projection", "See muscle over a lifetime"),
    ),
    "projection_notes": (ToolLink("projection", "Open the chart: muscle over a lifetime"),),
    "plan_notes": (ToolLink("plan", "Build your weekly plan"),),
    "about": (ToolLink("", "Open the interactive explorer"),),
}
# The Streamlit page that shows each article in full (the notes are shown beside a chart).
ARTICLE_APP_PAGES: Final[Mapping[str, str]] = {
    "projection_notes": "projection",
    "plan_notes": "plan",
}

URGENCY_HEADINGS: Final[Mapping[Urgency, str]] = {
    Urgency.EMERGENCY: "Emergency: call {numbers} now",
    Urgency.URGENT: "Urgent: get medical help today",
    Urgency.APPOINTMENT: "Book an appointment with your doctor",
}


def article_path(slug: str) -> str:
    """The reading page of the article `slug` ("/read/causes")."""
    return f"{READ}/{slug}"


def exercise_path(slug: str) -> str:
    return f"{READ}/exercises/{slug}"


GLOSSARY_PATH: Final = f"{READ}/glossary"
WARNING_SIGNS_PATH: Final = f"{READ}/warning_signs"
SOURCES_PATH: Final = f"{READ}/sources"
EXERCISES_PATH: Final = f"{READ}/exercises"
INDEX_PATH: Final = f"{READ}/"


# --- the pages ------------------------------------------------------------------------------


def pages(library: Library) -> tuple[ReadingPage, ...]:
    """Every reading page, the index first, in the order the sitemap lists them."""
    built = [
        *(article_page(a) for a in library.articles),
        glossary_page(library.terms, library.sources),
        warning_signs_page(library.flags, library.sources),
        exercises_index_page(library.exercises),
        *(exercise_page(e) for e in library.exercises),
        sources_page(library.sources),
    ]
    return (index_page(library, built), *built)


def _date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def article_page(article: Article) -> ReadingPage:
    """An article: its summary, reading time, audiences and review date, text and sources."""
    meta = (
        f'<p class="meta">About {article.minutes} min read · Written for '
        f"{html.escape(', '.join(article.audience))} · Reviewed on "
        f'<time datetime="{article.reviewed.isoformat()}">{_date(article.reviewed)}</time></p>'
    )
    return ReadingPage(
        path=article_path(article.slug),
        title=article.title,
        description=article.summary,
        body=f'<p class="lead">{html.escape(article.summary)}</p>{meta}{relevel(article.html)}',
        updated=article.reviewed,
        tools=ARTICLE_TOOLS.get(article.slug, ()),
        app_page=ARTICLE_APP_PAGES.get(article.slug, article.slug),
    )


def glossary_page(terms: Sequence[Term], sources: Mapping[str, Source]) -> ReadingPage:
    """Every glossary word with its plain meaning and sources."""
    return ReadingPage(
        path=GLOSSARY_PATH,
        title="Glossary",
        description=(
            "Plain meanings of the words used about leg muscle, weakness and recovery, "
            "from sarcopenia to physiotherapy, each with its source."
        ),
        body=(
            f"<p>{len(terms)} words, in alphabetical order. Each has its own link, such as "
            f'<a href="#{terms[0].anchor}">{html.escape(terms[0].term)}</a>.</p>'
            if terms
            else ""
        )
        + glossary.glossary_html(terms, sources),
        tools=(ToolLink("glossary", "Search the glossary"),),
        app_page="glossary",
    )


def warning_signs_page(flags: Sequence[RedFlag], sources: Mapping[str, Source]) -> ReadingPage:
    """The red flags grouped by urgency: emergency now, urgent today, book an appointment."""
    numbers = redflags.EMERGENCY_NUMBERS
    number_text = f"{numbers['uk']} (UK), {numbers['us']} (US) or {numbers['eu']} (EU)"
    cited: dict[str, int] = {}
    uses: dict[str, list[str]] = {}

    def cite(ids: Iterable[str]) -> str:
        marks = []
        for source_id in ids:
            if source_id not in sources:
                continue
            number = cited.setdefault(source_id, len(cited) + 1)
            anchors = uses.setdefault(source_id, [])
            anchors.append(f"src-cite-{number}-{len(anchors) + 1}")
            marks.append(content.citation_link(sources[source_id], number, anchors[-1]))
        return f" {content.cite_html(marks)}" if marks else ""

    sections = []
    for urgency, heading in URGENCY_HEADINGS.items():
        chosen = [f for f in flags if f.urgency == urgency]
        if not chosen:
            continue
        items = "".join(
            f"<li><strong>{html.escape(f.symptom)}</strong>. "
            f"{tel.html_text(html.escape(f.action))} "
            f'<span class="cause">{html.escape(_sentence(f.possible_cause))}.</span>'
            f"{cite(f.source_ids)}</li>"
            for f in chosen
        )
        title = html.escape(heading.format(numbers=number_text))
        sections.append(
            f'<section class="urgency {urgency.name.lower()}"><h2>{title}</h2>'
            f"<ul>{items}</ul></section>"
        )
    numbers_cited = cite(redflags.EMERGENCY_NUMBER_SOURCES)
    numbers_note = (
        f"<p>Emergency numbers: {tel.html_text(html.escape(number_text))}.{numbers_cited}</p>"
    )
    listed = content.sources_list_html((sources[s] for s in cited), uses=uses)
    return ReadingPage(
        path=WARNING_SIGNS_PATH,
        title="Warning signs of leg weakness, by urgency",
        description=(
            "Which leg symptoms need an emergency call now, medical help today, or an "
            "appointment with your doctor. Screening for danger signs, not a diagnosis."
        ),
        body=(
            "<p>If you have any of these, do what its group says. This list screens for danger "
            "signs; it is not a diagnosis.</p>" + "".join(sections) + numbers_note + listed
        ),
        tools=(ToolLink("red_flags", "Tick the warning signs you have now"),),
        app_page="red_flags",
    )


def _sentence(text: str) -> str:
    """ "possible stroke" -> "Possible stroke"."""
    return text[:1].upper() + text[1:]


def describe_exercise(exercise: Exercise) -> str:
    """ "Strength · Standing, holding a support · Works: ... · You need: ..." in plain text."""
    works = ", ".join(MUSCLE_NAMES[m].split(" (")[0].lower() for m in exercise.muscles)
    needs = ", ".join(EQUIPMENT_NAMES[e].lower() for e in exercise.equipment)
    parts = [exercise.kind.capitalize(), LEVEL_NAMES[exercise.level]]
    if works:
        parts.append(f"Works: {works}")
    parts.append(f"You need: {needs}")
    return " · ".join(parts)


def _stop_box() -> str:
    # The stop rule's words come from content/plan_rules.yaml (plan.STOP), every country's
    # number named, since a reading page does not know the reader's country.
    stop, emergency, doctor = plan.STOP.sentences()
    return (
        f'<aside class="stop" aria-label="When to stop"><p><strong>{html.escape(stop)}</strong> '
        f"{tel.html_text(html.escape(emergency))}</p><p>{html.escape(doctor)}</p></aside>"
    )


_SVG_STYLE = re.compile(r'(?<=<svg)([^>]*?) style="[^"]*"')


def exercise_page(exercise: Exercise) -> ReadingPage:
    """One exercise: its diagram (inline SVG), what it works, steps, dose, safety, sources."""
    # The style sheet sizes the diagram: a style attribute would need the policy's
    # 'unsafe-hashes' (the browser blocks it and says so on the console).
    figure = _SVG_STYLE.sub(r"\1", figures.figure_svg(exercise.figure, title=exercise.title), 1)
    return ReadingPage(
        path=exercise_path(exercise.slug),
        title=exercise.title,
        description=exercise.summary,
        body=(
            f'<p class="lead">{html.escape(exercise.summary)}</p>'
            f'<p class="meta">{html.escape(describe_exercise(exercise))}</p>'
            f'<figure class="diagram">{figure}</figure>{_stop_box()}{relevel(exercise.html)}'
        ),
        updated=exercise.reviewed,
        tools=(
            ToolLink("exercises", "Open it in the exercise library", (("ex", exercise.slug),)),
            ToolLink("plan", "Build a weekly plan", (("level", exercise.level),)),
        ),
        app_page="exercises",
    )


def exercises_index_page(library: Sequence[Exercise]) -> ReadingPage:
    """The exercises by kind, easiest first, each linked to its own page."""
    sections = []
    for kind in KINDS:
        chosen = sorted((e for e in library if e.kind == kind), key=lambda e: e.level_rank)
        if not chosen:
            continue
        items = "".join(
            f'<li><a href="{exercise_path(e.slug)}">{html.escape(e.title)}</a>: '
            f'{html.escape(e.summary)} <span class="level">({html.escape(LEVEL_NAMES[e.level])})'
            "</span></li>"
            for e in chosen
        )
        sections.append(f"<h2>{html.escape(kind.capitalize())}</h2><ul>{items}</ul>")
    return ReadingPage(
        path=EXERCISES_PATH,
        title="Exercise library",
        description=(
            f"{len(library)} strength, balance and aerobic exercises for the legs, from seated "
            "to gym machines, each with a diagram, steps, how much to do and safety notes."
        ),
        body=_stop_box() + "".join(sections),
        tools=(
            ToolLink("exercises", "Filter the exercises by level, muscle and equipment"),
            ToolLink("plan", "Build a weekly plan"),
        ),
        app_page="exercises",
        kind="website",
    )


def sources_page(sources: Mapping[str, Source]) -> ReadingPage:
    """Every source the explorer uses, alphabetically by author."""
    ordered = sorted(sources.values(), key=lambda s: (s.authors.lower(), s.year or 0))
    return ReadingPage(
        path=SOURCES_PATH,
        title="Every source the explorer uses",
        description=(
            f"The {len(ordered)} guidelines, health-service pages and studies behind every "
            "number in the Leg Muscle Explorer, with links and fact ids."
        ),
        body=content.sources_list_html(ordered, heading=f"All {len(ordered)} sources"),
        tools=(ToolLink("about", "How the explorer is made, and privacy"),),
        app_page="about",
        kind="website",
    )


def index_page(library: Library, built: Sequence[ReadingPage]) -> ReadingPage:
    """The short index: the home page's introduction, then every reading page by group."""
    articles = [p for p in built if p.path.count("/") == 2 and p.kind == "article"]
    reference = [p for p in built if p.path in (GLOSSARY_PATH, WARNING_SIGNS_PATH, SOURCES_PATH)]
    exercises_index = [p for p in built if p.path == EXERCISES_PATH]
    articles = [p for p in articles if p not in reference]

    def listing(group: Sequence[ReadingPage]) -> str:
        return "".join(
            f'<li><a href="{p.path}">{html.escape(p.title)}</a>: {html.escape(p.description)}</li>'
            for p in group
        )

    intro = content.make_parser().render(library.home.intro)
    return ReadingPage(
        path=INDEX_PATH,
        title="Leg Muscle Explorer: pages to read",
        description=(
            "Why leg muscles get weaker after bed rest, illness or with age, what follows, and "
            "how to prevent and reverse it: plain-language pages with their sources."
        ),
        body=(
            f"{intro}<h2>Articles</h2><ul>{listing(articles)}</ul>"
            f"<h2>Exercises</h2><ul>{listing(exercises_index)}</ul>"
            f"<h2>Reference</h2><ul>{listing(reference)}</ul>"
        ),
        tools=(ToolLink("", "Open the interactive explorer"),),
        kind="website",
    )


# --- headings -------------------------------------------------------------------------------

_HEADING = re.compile(r"<(/?)h([1-6])(\s[^>]*)?>")


def relevel(fragment: str, top: int = 2) -> str:
    """Renumber the headings of rendered content so they follow a page's `<h1>` in order.

    Content headings start where their author chose (the FAQ's questions are `###`, an
    exercise's `####`). The distinct levels of the text before its source list become `top`,
    `top + 1`, ..., and no heading is more than one level below the one before it. The source
    list keeps its `<h2>`.
    """
    split = fragment.find('<section class="sources"')
    text, tail = (fragment, "") if split < 0 else (fragment[:split], fragment[split:])
    levels = sorted({int(m[2]) for m in _HEADING.finditer(text) if not m[1]})
    ranks = {level: min(top + rank, MAX_HEADING) for rank, level in enumerate(levels)}
    previous = top - 1
    opened: list[int] = []

    def swap(match: re.Match[str]) -> str:
        nonlocal previous
        closing, attrs = match[1], match[3] or ""
        if closing:
            return f"</h{opened.pop() if opened else ranks.get(int(match[2]), top)}>"
        level = min(ranks[int(match[2])], previous + 1)
        previous = level
        opened.append(level)
        return f"<h{level}{attrs}>"

    return _HEADING.sub(swap, text) + tail


# --- the document ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Site:
    """Where the site is published: absolute URLs for canonical links, paths for the rest."""

    base_url: str  # "https://example.org/legs": scheme, host and any path prefix

    @property
    def prefix(self) -> str:
        """The path prefix ("/legs", or "" at the root of a host)."""
        return urlsplit(self.base_url).path.rstrip("/")

    def url(self, path: str) -> str:
        """The absolute URL of a site path ("/read/causes")."""
        return self.base_url.rstrip("/") + path

    def href(self, path: str) -> str:
        """A link to a site path from any page of the site."""
        return self.prefix + path


def site_for(public_url: str | None, request_base: str) -> Site:
    """`EXPLORER_PUBLIC_URL` when it is an http(s) address, else where the request came in."""
    for candidate in (public_url, request_base):
        if candidate and urlsplit(candidate).scheme in ("http", "https"):
            parts = urlsplit(candidate)
            if parts.netloc:
                return Site(f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}")
    return Site("http://localhost:8501")


_STYLE: Final = """
:root{color-scheme:light}
*{box-sizing:border-box}
html{font-size:112.5%;-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,
sans-serif;line-height:1.6;color:#1a1a1a;background:#fff}
a{color:#005a8c}
a:focus-visible{outline:3px solid #005a8c;outline-offset:2px}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.4rem .6rem}
header,main,footer{max-width:44rem;margin:0 auto;padding:0 1rem}
header{padding-top:.8rem;padding-bottom:.4rem;border-bottom:1px solid #d0d0d0}
header p{margin:0;font-weight:700}
header nav ul,.tools ul{list-style:none;padding:0;margin:.3rem 0 0}
header nav li{display:inline-block;margin:0 1rem .2rem 0}
h1{font-size:1.9rem;line-height:1.25;margin:1.2rem 0 .6rem}
h2{font-size:1.4rem;margin-top:1.8rem;line-height:1.3}
h3{font-size:1.18rem;margin-top:1.4rem}
h4,h5,h6{font-size:1.05rem}
.lead{font-size:1.1rem;font-weight:600}
.meta{color:#4d4d4d;font-size:.92rem}
li{margin-bottom:.35rem}
table{border-collapse:collapse;margin:1rem 0;width:100%;display:block;overflow-x:auto}
th,td{border:1px solid #8a8a8a;padding:.4rem .6rem;text-align:left;vertical-align:top}
th{background:#eef3f8}
sup.cite{font-size:.85em;white-space:nowrap;line-height:1;vertical-align:baseline;
position:relative;top:-.45em}
sup.cite a,.sources a.backref{display:inline-block;min-width:24px;min-height:24px;
line-height:24px;padding:0 1px;text-align:center;border-radius:4px;text-decoration:none}
.sources .backrefs{display:block}
.sources a.backref{text-decoration:underline;text-underline-offset:2px}
sup.cite a:hover,.sources a.backref:hover{background:#e4eef7}
.sources li:target,sup.cite a:target{background:#fff1c7}
main [id]{scroll-margin-top:1rem}
.lme-keypoints{border:2px solid #0072b2;border-radius:.4rem;background:#f3f8fc;
padding:.1rem 1rem .3rem;margin:1.2rem 0}
.lme-keypoints h2,.lme-toc h2{font-size:1.25rem;margin-top:.7rem}
.lme-toc{margin:1.2rem 0 1.6rem}
.lme-toc ol{padding-left:1.6rem}
.lme-toc li{margin-bottom:.15rem}
.lme-toc a{display:inline-block;min-height:24px;padding:.1rem 0}
.lme-icon{display:inline;width:1.3em;height:1.3em;vertical-align:-.28em;margin-right:.4em}
.redflag,.stop{border:3px solid #b3261e;border-left-width:.75rem;background:#fcebe2;
padding:.4rem 1rem;margin:1rem 0;border-radius:.3rem}
.redflag p,.stop p{margin:.5rem 0}
.redflag .src{font-size:.85rem;color:#4d4d4d}
.admonition{border-left:.5rem solid #0072b2;background:#eef5fb;padding:.6rem 1rem;
margin:1.2rem 0;border-radius:.3rem}
.admonition-title{font-weight:700;margin:0 0 .3rem}
.admonition.tip{border-left-color:#009e73;background:#eaf7f2}
.admonition.warning{border-left-color:#e69f00;background:#fdf4e3}
.admonition.danger{border-left-color:#d55e00;border-left-width:.75rem;background:#fcebe2}
.admonition.danger .admonition-title{color:#8a3200}
.urgency{border-left:.5rem solid #0072b2;padding:.1rem 1rem;margin:1.2rem 0}
.urgency.emergency{border-color:#b3261e;background:#fcebe2}
.urgency.urgent{border-color:#e69f00;background:#fdf4e3}
.cause{color:#333}
.sources{margin-top:2.5rem;font-size:.92rem;line-height:1.5}
.sources h2{font-size:1.2rem}
.src-facts{color:#4d4d4d;font-size:.85em}
.lme-glossary dt{font-weight:700;margin-top:1rem}
.lme-glossary .also{font-weight:400;color:#4d4d4d}
.lme-glossary dd{margin:.2rem 0 0}
.lme-glossary a.src{display:inline-block;margin:.1rem 0 0 .3rem;font-size:.9em}
.diagram{margin:1rem 0;max-width:20rem}
.diagram svg{display:block;width:100%;height:auto}
.tools{border:2px solid #0072b2;border-radius:.4rem;padding:.4rem 1rem;margin:2rem 0}
.tools li{margin:.5rem 0}
footer{border-top:1px solid #d0d0d0;margin-top:2rem;padding-bottom:2rem;font-size:.95rem}
@media print{
html{font-size:11pt}
header nav,.skip,.tools,footer nav{display:none}
body{color:#000}
a{color:#000}
main a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em;word-break:break-all}
sup.cite a::after,.sources a.backref::after{content:none}
.lme-toc,.sources .backref,.sources .backrefs{display:none}
.redflag,.stop,.urgency,.admonition,figure,li,tr{break-inside:avoid}
h2,h3{break-after:avoid}
}
""".replace("\n", "")


# The large-text, high-contrast reading option (`?large=true`, as in the app): added after
# the style above. Body text 22 px; every text colour at 7:1 or more on its background
# (WCAG 1.4.6, AAA; tests/unit/test_contrast.py measures them), dark borders, thick rings.
_LARGE_STYLE: Final = """
html{font-size:137.5%}
body{color:#000}
a{color:#003d66}
a:focus-visible{outline:4px solid #003d66;outline-offset:3px}
header,main,footer{max-width:48rem}
header,footer{border-color:#1a1a1a}
.meta,.redflag .src,.src-facts,.lme-glossary .also,.cause{color:#1a1a1a}
th,td{border:2px solid #1a1a1a}
th{background:#fff}
.redflag,.stop{border-color:#8a1c14}
.admonition{border-left-color:#003d66}
.admonition.tip{border-left-color:#00573f}
.admonition.warning{border-left-color:#5c3c00}
.admonition.danger{border-left-color:#8a1c14}
.admonition.danger .admonition-title{color:#6e1610}
.urgency{border-left-color:#003d66}
.urgency.emergency{border-color:#8a1c14}
.urgency.urgent{border-color:#5c3c00}
.tools{border-color:#003d66;border-width:3px}
.mode{margin:.3rem 0 0}
""".replace("\n", "")
LARGE_KEY: Final = "large"  # lib.linkparams.LARGE's key: the app's own parameter


def _hash(style: str) -> str:
    digest = hashlib.sha256(style.encode("utf-8")).digest()
    return f"sha256-{base64.b64encode(digest).decode('ascii')}"


def style_hash(*, large: bool = False) -> str:
    """The CSP hash of the page's one style element (the only thing a page carries inline)."""
    return _hash(_STYLE + _LARGE_STYLE if large else _STYLE)


CONTENT_SECURITY_POLICY: Final = (
    "default-src 'none'; "
    f"style-src '{style_hash()}' '{style_hash(large=True)}'; "
    "img-src 'self' data:; "
    # Nothing here fetches; Lighthouse's robots.txt check fetches from the page, though.
    "connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
)
ICON: Final = (
    "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E"
    "%3Crect width='16' height='16' rx='3' fill='%230072B2'/%3E%3C/svg%3E"
)


def _attr(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=True)


def head_tags(
    *,
    title: str,
    description: str,
    canonical: str,
    kind: Kind,
    image: str | None = None,
    image_alt: str | None = None,
    robots: str | None = None,
) -> str:
    """The `<head>` elements every page carries: title, description, canonical, social cards."""
    tags = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title>",
        f'<meta name="description" content="{_attr(description)}">',
        f'<link rel="canonical" href="{_attr(canonical)}">',
        f'<link rel="icon" href="{ICON}">',
        f'<meta property="og:type" content="{kind}">',
        f'<meta property="og:site_name" content="{SITE_NAME}">',
        f'<meta property="og:title" content="{_attr(title)}">',
        f'<meta property="og:description" content="{_attr(description)}">',
        f'<meta property="og:url" content="{_attr(canonical)}">',
        '<meta property="og:locale" content="en_GB">',
        f'<meta name="twitter:card" content="{"summary_large_image" if image else "summary"}">',
        f'<meta name="twitter:title" content="{_attr(title)}">',
        f'<meta name="twitter:description" content="{_attr(description)}">',
    ]
    if image:
        tags += [
            f'<meta property="og:image" content="{_attr(image)}">',
            f'<meta property="og:image:alt" content="{_attr(image_alt or title)}">',
            f'<meta name="twitter:image" content="{_attr(image)}">',
        ]
    if robots:
        tags.append(f'<meta name="robots" content="{_attr(robots)}">')
    return "".join(tags)


def red_flag_box(home: content.Home, sources: Mapping[str, Source], site: Site) -> str:
    """The home page's emergency alert, its sources and a link to every warning sign."""
    alert = content.make_parser().render(home.alert)
    cited = "; ".join(
        f"{html.escape(sources[s].authors)} ({sources[s].year or 'n.d.'})"
        for s in home.alert_sources
        if s in sources
    )
    return (
        f'<aside class="redflag" aria-label="Warning signs">{alert}'
        f'<p><a href="{site.href(WARNING_SIGNS_PATH)}">Every warning sign, by urgency</a></p>'
        f'<p class="src">Sources: {cited}.</p></aside>'
    )


def _tools(page: ReadingPage, site: Site) -> str:
    if not page.tools:
        return ""
    items = "".join(
        f'<li><a href="{_attr(site.href(tool.path()))}">{html.escape(tool.label)}</a></li>'
        for tool in page.tools
    )
    return (
        '<section class="tools" aria-labelledby="tools-h"><h2 id="tools-h">Try it in the '
        f"interactive explorer</h2><ul>{items}</ul></section>"
    )


NAV: Final = (
    (INDEX_PATH, "All pages"),
    (article_path("causes"), "Causes"),
    (article_path("prevention"), "Prevent it"),
    (WARNING_SIGNS_PATH, "Warning signs"),
    (EXERCISES_PATH, "Exercises"),
    (GLOSSARY_PATH, "Glossary"),
)


_LOCAL_HREF = re.compile(r'href="(/[^"]*)"')


def _hrefs_local(fragment: str, readable: frozenset[str], site: Site) -> str:
    """Point the content's own links at the reading pages, below the site's path prefix.

    Articles link to app pages (`[When to seek care](/seek_care)`). Where a reading page
    shows the same content (`readable` holds those page names) the link goes there, so a
    reader stays on plain pages; any other app page keeps its link.
    """

    def swap(match: re.Match[str]) -> str:
        target = html.unescape(match[1])
        if not target.startswith(f"{READ}/"):
            name = re.split(r"[?#]", target[1:], maxsplit=1)[0]
            if name in readable:
                target = f"{READ}/{target[1:]}"
        return f'href="{html.escape(site.href(target), quote=True)}"'

    return _LOCAL_HREF.sub(swap, fragment)


def readable_names(library: Library) -> frozenset[str]:
    """The app pages whose content a reading page of the same name shows."""
    return frozenset({*(a.slug for a in library.articles), "glossary"})


_SITE_HREF = re.compile(r'href="(/[^"#]*)(#[^"]*)?"')


def with_large(document_html: str) -> str:
    """Every link of `document_html` to a page of this site, carrying `large=true`.

    The reading pages and the app's pages they link to keep the large-text option on;
    links to other sites and within the page (`#src-1`) are left alone.
    """

    def swap(match: re.Match[str]) -> str:
        path, anchor = match[1], match[2] or ""
        joiner = "&amp;" if "?" in path else "?"
        return f'href="{path}{joiner}{LARGE_KEY}=true{anchor}"'

    return _SITE_HREF.sub(swap, document_html)


def _mode_link(page: ReadingPage, site: Site, large: bool) -> str:
    """The header's link to the same page in the other reading mode."""
    if large:
        return f'<p class="mode"><a href="{site.href(page.path)}">Standard text size</a></p>'
    return (
        f'<p class="mode"><a href="{site.href(page.path)}?{LARGE_KEY}=true">Large text and '
        "high contrast</a></p>"
    )


def document(page: ReadingPage, library: Library, site: Site, *, large: bool = False) -> str:
    """The whole HTML document of a reading page; `large`: in the large-text reading mode."""
    title = page.title if page.path == INDEX_PATH else f"{page.title} · {SITE_NAME}"
    head = head_tags(
        title=title,
        description=page.description,
        canonical=site.url(page.path),
        kind=page.kind,
    )
    current = ' aria-current="page"'
    nav = "".join(
        f'<li><a href="{site.href(path)}"{current if path == page.path else ""}>{label}</a></li>'
        for path, label in NAV
    )
    app_link = (
        f'<li><a href="{_attr(site.href("/" + page.app_page))}">The same page in the '
        "interactive explorer</a></li>"
        if page.app_page is not None
        else ""
    )
    style = _STYLE + _LARGE_STYLE if large else _STYLE
    body = (
        f'<!DOCTYPE html><html lang="en"><head>{head}<style>{style}</style></head><body>'
        '<a class="skip" href="#main">Skip to the text</a>'
        f'<header><p><a href="{site.href(INDEX_PATH)}">{SITE_NAME}</a></p>'
        f'<nav aria-label="Reading pages"><ul>{nav}</ul></nav><!--mode--></header>'
        f'<main id="main"><h1>{html.escape(page.title)}</h1>'
        f"{red_flag_box(library.home, library.sources, site)}"
        f"{_hrefs_local(page.body, readable_names(library), site)}{_tools(page, site)}</main>"
        f"<footer><p>{FOOTER_TEXT}</p>"
        f'<nav aria-label="More"><ul><li><a href="{site.href(WARNING_SIGNS_PATH)}">When to seek '
        "care: warning signs that need a doctor</a></li>"
        f'<li><a href="{site.href(SOURCES_PATH)}">Every source</a></li>{app_link}'
        f'<li><a href="{site.href("/")}">The interactive explorer</a></li></ul></nav>'
        "</footer></body></html>"
    )
    if large:
        body = with_large(body)
    return body.replace("<!--mode-->", _mode_link(page, site, large), 1)


def not_found_document(library: Library, site: Site, *, large: bool = False) -> str:
    """The page for a reading path that does not exist."""
    page = ReadingPage(
        path=f"{READ}/not-found",
        title="Page not found",
        description="This reading page does not exist.",
        body=f'<p>There is no page here. <a href="{INDEX_PATH}">See every reading page</a>.</p>',
        kind="website",
    )
    return document(page, library, site, large=large)


# --- sitemap and robots ---------------------------------------------------------------------


def sitemap_xml(all_pages: Sequence[ReadingPage], site: Site) -> str:
    """`/sitemap.xml`: every reading page, with the date it was last reviewed when known."""
    entries = []
    for page in all_pages:
        lastmod = f"<lastmod>{page.updated.isoformat()}</lastmod>" if page.updated else ""
        entries.append(f"<url><loc>{html.escape(site.url(page.path))}</loc>{lastmod}</url>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(entries)
        + "</urlset>\n"
    )


def robots_txt(site: Site) -> str:
    """`/robots.txt`: crawl the reading pages and previews, not Streamlit's internals."""
    prefix = site.prefix
    return (
        "User-agent: *\n"
        f"Allow: {prefix}{READ}/\n"
        f"Allow: {prefix}/p/\n"
        f"Disallow: {prefix}/_stcore/\n"
        f"Disallow: {prefix}/media/\n"
        f"Disallow: {prefix}/component/\n"
        f"Sitemap: {site.url('/sitemap.xml')}\n"
    )
