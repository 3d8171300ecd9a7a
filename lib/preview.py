"""Link previews of interactive views: Open Graph tags in words and a picture of the chart.

A share link or QR code of an interactive view can point at `/p/<page>?<the same
parameters>` instead of `/<page>?...`. That short route answers a link-preview crawler with a
title and a description of what the view shows ("Muscle over a lifetime at 80, after 10 days
in bed"), a preview image drawn on the server from the same Altair chart the page draws
(`/p/<page>.png`), and takes a browser on to the live view with the same parameters.

Link values are untrusted: they are checked and clamped with `lib.params` exactly as the
page checks them, every value put in the HTML is escaped, and what is passed on to the live
view is re-encoded from the parsed query (bounded in count and length).

Everything here is pure; `preview_png` calls vl-convert (no files, no network).
The projection's preview shows its chart; a link to the exercise library that opens one
exercise (`?ex=`) shows that exercise and its diagram; other views are described in words.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal, cast
from urllib.parse import urlencode, urlsplit, urlunsplit

from lib import charts, figures, params, projection, reading
from lib.exercises import Exercise

PREFIX: Final = "/p"
MAX_PARAMS: Final = 40  # more than any view takes (the handout takes the most)
MAX_VALUE_CHARS: Final = 200
IMAGE_WIDTH_PX: Final = 600  # drawn at twice this: 1200 px wide, the size link previews use
IMAGE_HEIGHT_PX: Final = 260

# What each interactive view is, in words, for its preview (the README's page table).
VIEWS: Final[Mapping[str, tuple[str, str]]] = {
    "projection": (
        "Muscle over a lifetime",
        "How leg muscle mass and strength change from 30 to 100, and what a spell in bed does.",
    ),
    "self_check": (
        "Guideline self-check",
        "A week of activity and protein set against the US 2018 and WHO 2020 guidelines.",
    ),
    "screening": (
        "Strength and balance screening",
        "Chair stand, balance, Timed Up and Go, sit-to-stand, grip and SARC-F, each labelled "
        "by its source. Screening, not a diagnosis.",
    ),
    "plan": (
        "Your weekly plan",
        "A weekly plan that builds up to the guidelines for strength, aerobic and balance "
        "activity.",
    ),
    "exercises": (
        "Exercise library",
        "Strength, balance and aerobic exercises for the legs, each with a diagram, steps and "
        "safety notes.",
    ),
    "red_flags": (
        "Warning signs checklist",
        "Tick symptoms to see whether they need an emergency call, help today or an "
        "appointment. Screening for danger signs, not a diagnosis.",
    ),
    "quiz": (
        "Quiz: myths and facts",
        "Questions on leg muscle myths, each answer with its source.",
    ),
    "present": ("Teach with the explorer", "Preset scenes for a class, each with speaker notes."),
    "handout": ("Clinician handout", "A printable page of results and warning signs."),
    "glossary": ("Glossary", "Plain meanings of the words the explorer uses."),
}


@dataclass(frozen=True)
class Preview:
    """What a preview of one view says, and where it sends a browser."""

    page: str
    title: str
    description: str
    query: str  # the parameters, re-encoded, for the live view and the image
    # The checked values that pick the picture (empty: no picture). Two spellings of one
    # view (`age=80` and `age=80.2&junk=1`) have the same key, so they share one picture.
    image_key: tuple[tuple[str, str], ...] = ()

    @property
    def image(self) -> bool:
        return bool(self.image_key)


def preview_url(page: str, link_params: Mapping[str, str], public_base: str) -> str:
    """The short preview address of a view, for its share link and QR code.

    Args:
        page: the view's URL name, e.g. "projection".
        link_params: the view's link parameters, in the order to show them.
        public_base: where the app is published (`https://example.org/legs`), or the
            address of the current page's server.

    Returns:
        For example `https://example.org/legs/p/projection?age=80&bedrest_days=10`.
    """
    query = urlencode(dict(link_params))
    return f"{public_base.rstrip('/')}{PREFIX}/{page}" + (f"?{query}" if query else "")


def preview_link(share_url: str) -> str:
    """The preview address of a share link, or the link itself for a view with no preview.

    The share builder's link (`https://example.org/legs/projection?age=80`) becomes
    `https://example.org/legs/p/projection?age=80`: the same host, path prefix and query,
    3 characters longer, so its QR code stays as scannable.
    """
    parts = urlsplit(share_url)
    root, _, page = parts.path.rstrip("/").rpartition("/")
    if page not in VIEWS or root.endswith(PREFIX):
        return share_url
    return urlunsplit((parts.scheme, parts.netloc, f"{root}{PREFIX}/{page}", parts.query, ""))


def clean_query(pairs: Sequence[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """The link's parameters, bounded: at most MAX_PARAMS, each key and value cut short."""
    return tuple((k[:MAX_VALUE_CHARS], v[:MAX_VALUE_CHARS]) for k, v in pairs[:MAX_PARAMS])


def _last(pairs: Sequence[tuple[str, str]]) -> dict[str, str]:
    """One value per key (the last, as Streamlit reads a repeated parameter)."""
    return dict(pairs)


def projection_view(pairs: Sequence[tuple[str, str]]) -> projection.Projection:
    """The projection the page would draw for these link parameters (checked as the page does)."""
    raw = _last(pairs)
    age = params.number(raw.get("age"), label="age", lo=30, hi=100, default=50)
    rate = params.number(raw.get("rate"), label="rate", lo=3, hi=8, default=5, integer=False)
    measure = params.choice(
        raw.get("measure"), label="measure", options=("mass", "strength"), default="mass"
    )
    bed_age = params.number(raw.get("bedrest_age"), label="age", lo=30, hi=100, default=70)
    bed_days = params.number(raw.get("bedrest_days"), label="days", lo=0, hi=60, default=0)
    return projection.project(
        age_years=int(age.value),
        # The page's slider moves in steps of 0.5.
        rate_pct_per_decade=round(rate.value * 2) / 2,
        measure=cast(Literal["mass", "strength"], measure.value),
        bedrest_age_years=int(bed_age.value),
        bedrest_days=int(bed_days.value),
    )


def _projection_key(path: projection.Projection) -> tuple[tuple[str, str], ...]:
    return (
        ("age", str(path.age_years)),
        ("rate", f"{path.rate_pct_per_decade:g}"),
        ("measure", path.measure),
        ("bedrest_age", str(path.episode.age_years)),
        ("bedrest_days", str(path.episode.days)),
    )


def _chosen_exercise(
    pairs: Sequence[tuple[str, str]], library: Sequence[Exercise]
) -> Exercise | None:
    """The exercise a library link opens (`ex`), checked against the library as the page does."""
    slugs = [e.slug for e in library]
    wanted = params.optional_choice(_last(pairs).get("ex"), label="exercise", options=slugs)
    return next((e for e in library if e.slug == wanted.value), None)


def describe(
    page: str, pairs: Sequence[tuple[str, str]], library: Sequence[Exercise] = ()
) -> Preview | None:
    """The preview of `page` with these link parameters, or None for a page with no preview.

    `library` is the exercise library: a link to the library that opens one exercise
    (`/exercises?ex=sit_to_stand`) is previewed as that exercise, with its diagram.
    """
    if page not in VIEWS:
        return None
    kept = clean_query(pairs)
    query = urlencode(kept)
    title, description = VIEWS[page]
    if page == "projection":
        path = projection_view(kept)
        thing = "Leg strength" if path.measure == "strength" else "Muscle"
        title = f"{thing} over a lifetime at {path.age_years}"
        if path.has_episode:
            title += f", after {path.episode.days} days in bed at {path.episode.age_years}"
        description = (
            f"{path.summary} An illustration of population averages, not a prediction for you."
        )
        return Preview(page, title, description, query, _projection_key(path))
    if page == "exercises":
        exercise = _chosen_exercise(kept, library)
        if exercise is not None:
            description = f"{exercise.summary} {reading.describe_exercise(exercise)}."
            return Preview(page, exercise.title, description, query, (("ex", exercise.slug),))
    return Preview(page, title, description, query)


def chart_spec(image_key: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """The Vega-Lite spec of the projection chart for a preview's `image_key`, sized for it."""
    path = projection_view(image_key)
    spec = charts.projection_chart(path).to_dict(validate=False)
    spec["width"] = IMAGE_WIDTH_PX
    spec["height"] = IMAGE_HEIGHT_PX
    spec["background"] = "white"
    return spec


def figure_for_preview(exercise: Exercise) -> str:
    """The exercise's diagram as a standalone SVG of fixed size on white (for a PNG)."""
    svg = figures.figure_svg(exercise.figure, title=exercise.title)
    sized = re.sub(
        r'^<svg([^>]*?) width="100%"(?: style="[^"]*")?',
        rf'<svg\1 width="{figures.WIDTH}" height="{figures.HEIGHT}"',
        svg,
        count=1,
    )
    return re.sub(r"^(<svg[^>]*>)", r'\1<rect width="100%" height="100%" fill="white"/>', sized)


def preview_png(
    page: str, image_key: Sequence[tuple[str, str]], library: Sequence[Exercise] = ()
) -> bytes:
    """The preview picture for a view: its chart or its exercise diagram, drawn on the server.

    Raises:
        LookupError: the view has no picture for this key.
        ImportError: vl-convert-python is not installed.
    """
    import vl_convert

    if page == "projection":
        return vl_convert.vegalite_to_png(chart_spec(image_key), scale=2)
    if page == "exercises":
        exercise = _chosen_exercise(image_key, library)
        if exercise is not None:
            return vl_convert.svg_to_png(figure_for_preview(exercise), scale=3)
    raise LookupError(f"no preview picture for {page!r} {list(image_key)}")


def preview_document(preview: Preview, site: reading.Site) -> str:
    """The preview page: social tags, then a browser is sent on to the live view at once.

    The move is a `<meta http-equiv="refresh">` (no JavaScript), with a visible link as well;
    crawlers read the tags and stay.
    """
    query = f"?{preview.query}" if preview.query else ""
    live = site.url(f"/{preview.page}{query}")
    here = site.url(f"{PREFIX}/{preview.page}{query}")
    image = site.url(f"{PREFIX}/{preview.page}.png{query}") if preview.image else None
    head = reading.head_tags(
        title=f"{preview.title} · {reading.SITE_NAME}",
        description=preview.description,
        canonical=here,
        kind="website",
        image=image,
        image_alt=f"Chart: {preview.description}" if image else None,
        robots="noindex",
    )
    target = html.escape(live, quote=True)
    return (
        f'<!DOCTYPE html><html lang="en"><head>{head}'
        f'<meta http-equiv="refresh" content="0; url={target}"></head><body><main>'
        f"<h1>{html.escape(preview.title)}</h1><p>{html.escape(preview.description)}</p>"
        f'<p><a href="{target}">Open this view in the explorer</a></p></main>'
        f"<footer><p>{reading.FOOTER_TEXT}</p></footer></body></html>"
    )
