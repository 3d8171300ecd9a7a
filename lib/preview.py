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
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal, cast
from urllib.parse import urlencode

from lib import charts, params, projection, reading

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
# The views whose preview carries a picture of their chart.
CHART_VIEWS: Final = frozenset({"projection"})


@dataclass(frozen=True)
class Preview:
    """What a preview of one view says, and where it sends a browser."""

    page: str
    title: str
    description: str
    query: str  # the parameters, re-encoded, for the live view and the image
    image: bool  # whether `/p/<page>.png?<query>` draws this view's chart


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


def describe(page: str, pairs: Sequence[tuple[str, str]]) -> Preview | None:
    """The preview of `page` with these link parameters, or None for a page with no preview."""
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
        description = " ".join(
            part
            for part in (
                path.summary,
                "An illustration of population averages, not a prediction for you.",
            )
            if part
        )
    return Preview(page, title, description, query, image=page in CHART_VIEWS)


def chart_spec(preview: Preview, pairs: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """The Vega-Lite spec of the view's chart, sized for a preview image.

    Raises:
        ValueError: the view has no chart preview.
    """
    if preview.page != "projection":
        raise ValueError(f"no chart preview for {preview.page!r}")
    path = projection_view(clean_query(pairs))
    spec = charts.projection_chart(path).to_dict(validate=False)
    spec["width"] = IMAGE_WIDTH_PX
    spec["height"] = IMAGE_HEIGHT_PX
    spec["background"] = "white"
    return spec


def preview_png(spec: Mapping[str, Any]) -> bytes:
    """Draw a Vega-Lite spec as a PNG at twice its size, on the server (vl-convert).

    Raises:
        ImportError: vl-convert-python is not installed.
    """
    import vl_convert

    return vl_convert.vegalite_to_png(dict(spec), scale=2)


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
