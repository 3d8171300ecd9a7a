"""The exercise library: one Markdown file per exercise in `content/exercises/`.

Each file's front matter describes the exercise in fields the app can filter and plan with
(kind, muscles, level, equipment, the diagram to draw) and in short Markdown texts a reader
follows (dose, steps, safety notes, easier and harder versions), each citing its sources as
articles do (`[@source_id]`). The optional body adds a few lines on why it helps.

Four fields carry the plan's safety rules (issue 13): `position` (lying, seated, standing or
moving), `support` (what the steps hold on to: none, one hand, or both hands), `with_someone`
(the steps ask for someone beside you) and `sourced_dose` (a cited source gives the amount;
the plan never uses an exercise without one). `Exercise.seated_start_ok` reads them, and a
"seated" level exercise must pass it.

Everything here is pure: files are read only from paths the caller hands in, and every
problem with a file is raised as `ContentError` naming that file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lib.content import (
    ContentError,
    Source,
    front_matter_fields,
    make_parser,
    read_text,
    render_cited,
)
from lib.figures import FIGURES

KINDS = ("strength", "balance", "aerobic")
# Leg muscle groups, in the order a reader meets them (issue 6's list).
MUSCLES = ("quadriceps", "hamstrings", "glutes", "calves", "hip_abductors", "ankle")
MUSCLE_NAMES = {
    "quadriceps": "Quadriceps (front of thigh)",
    "hamstrings": "Hamstrings (back of thigh)",
    "glutes": "Glutes (buttocks)",
    "calves": "Calves",
    "hip_abductors": "Hip abductors (side of hip)",
    "ankle": "Ankle and shin",
}
# From easiest to hardest. "seated" includes lying down (on a bed or mat).
LEVELS = ("seated", "supported", "bodyweight", "loaded")
LEVEL_NAMES = {
    "seated": "Seated or lying",
    "supported": "Standing, holding a support",
    "bodyweight": "Standing, body weight",
    "loaded": "With weights or machines",
}
EQUIPMENT = (
    "none",
    "chair",
    "wall",
    "step",
    "mat",
    "ankle_weights",
    "band",
    "machine",
    "bike",
    "pool",
)
EQUIPMENT_NAMES = {
    "none": "Nothing",
    "chair": "A sturdy chair",
    "wall": "A wall or worktop",
    "step": "A stair or step",
    "mat": "A mat or bed",
    "ankle_weights": "Ankle weights",
    "band": "Resistance band",
    "machine": "Gym machine",
    "bike": "Bike or exercise bike",
    "pool": "Swimming pool",
}
FIELDS = (
    "title",
    "summary",
    "kind",
    "muscles",
    "level",
    "equipment",
    "sides",
    "figure",
    "dose",
    "steps",
    "safety",
    "easier",
    "harder",
    "position",
    "support",
    "with_someone",
    "sourced_dose",
    "sources",
    "reviewed",
)
# How the body is placed while doing the exercise. "moving" covers walking, stepping, riding and
# swimming: anything done while moving about.
POSITIONS = ("lying", "seated", "standing", "moving")
# What the reader holds on to while standing or moving, as the exercise's own steps say:
# nothing ("none": free-standing), one hand or fingertips ("hand"), or both hands on a firm
# support ("both_hands"). Lying and seated exercises take "none".
SUPPORTS = ("none", "hand", "both_hands")
EXERCISE_NAME = re.compile(r"^(?P<slug>[a-z0-9_]+)\.md$")


@dataclass(frozen=True)
class Exercise:
    """One exercise of the library, its texts rendered to safe HTML with numbered citations."""

    slug: str
    title: str
    summary: str
    kind: str
    muscles: tuple[str, ...]
    level: str
    equipment: tuple[str, ...]
    sides: int  # 2 when each leg is worked in turn
    figure: str
    position: str  # POSITIONS
    support: str  # SUPPORTS
    with_someone: bool  # the steps ask for someone beside you
    sourced_dose: bool  # a source gives how much to do (else the dose text says none does)
    source_ids: tuple[str, ...]
    cited: tuple[str, ...]
    reviewed: dt.date
    markdown: str  # the reader's text as one Markdown document (for checks and printing)
    html: str  # dose, steps, safety, easier and harder, why it helps, then the sources

    @property
    def level_rank(self) -> int:
        """0 for seated up to 3 for loaded."""
        return LEVELS.index(self.level)

    @property
    def free_standing(self) -> bool:
        """Done standing or moving about without holding on to anything."""
        return self.position in ("standing", "moving") and self.support == "none"

    @property
    def seated_start_ok(self) -> bool:
        """Safe for a reader who starts "seated or lying" (the rule in 120-plan_notes.md).

        Lying or seated work of any kind; and balance work standing still with both hands on
        a firm support and someone beside you. Never walking or stepping work, never
        standing strength work, never free-standing balance work.
        """
        return seated_start_ok(self.kind, self.position, self.support, self.with_someone)


def seated_start_ok(kind: str, position: str, support: str, with_someone: bool) -> bool:
    """The seated-start rule on an exercise's fields (see `Exercise.seated_start_ok`)."""
    if position in ("lying", "seated"):
        return True
    return kind == "balance" and position == "standing" and support == "both_hands" and with_someone


def exercise_paths(folder: Path) -> dict[str, Path]:
    """Exercise files in `folder` by slug, in name order."""
    found: dict[str, Path] = {}
    for path in sorted(folder.glob("*.md")):
        match = EXERCISE_NAME.match(path.name)
        if match is not None:
            found[match["slug"]] = path
    return found


def load_library(folder: Path, sources: Mapping[str, Source]) -> tuple[Exercise, ...]:
    """Every exercise in `folder`, in name order.

    Raises:
        ContentError: the folder holds no exercises, or one file cannot be used.
    """
    paths = exercise_paths(folder)
    if not paths:
        raise ContentError(folder, "holds no exercise files (slug.md)")
    return tuple(load_exercise(path, sources) for path in paths.values())


def load_exercise(path: Path, sources: Mapping[str, Source]) -> Exercise:
    """Parse one exercise file.

    Raises:
        ContentError: the file cannot be read, its front matter is malformed, or it cites or
            lists a source id that `sources` does not know, or lists one it never cites.
    """
    match = EXERCISE_NAME.match(path.name)
    if match is None:
        raise ContentError(path, "exercise files are named slug.md, e.g. sit_to_stand.md")
    text = read_text(path)
    md = make_parser()
    tokens = md.parse(text)
    if not tokens or tokens[0].type != "front_matter":
        raise ContentError(path, "the file must start with front matter between --- lines")
    meta = _front_matter(path, tokens[0].content)
    end = tokens[0].map[1] if tokens[0].map else 0
    body = "\n".join(text.splitlines()[end:]).strip()
    document = compose(meta, body)

    unknown_listed = [s for s in meta["sources"] if s not in sources]
    if unknown_listed:
        raise ContentError(path, f"front matter lists unknown source ids: {unknown_listed}")
    # Anchors named after the exercise: several exercises share the library page.
    rendered = render_cited(document, sources, prefix=f"src-{match['slug']}")
    if rendered.unknown:
        raise ContentError(path, f"cites unknown source ids: {list(rendered.unknown)}")
    cited = rendered.cited
    if set(cited) != set(meta["sources"]):
        raise ContentError(
            path,
            f"front matter 'sources' {sorted(meta['sources'])} differ from the ids cited "
            f"{sorted(cited)}",
        )
    return Exercise(
        slug=match["slug"],
        title=meta["title"],
        summary=meta["summary"],
        kind=meta["kind"],
        muscles=tuple(meta["muscles"]),
        level=meta["level"],
        equipment=tuple(meta["equipment"]),
        sides=meta["sides"],
        figure=meta["figure"],
        position=meta["position"],
        support=meta["support"],
        with_someone=meta["with_someone"],
        sourced_dose=meta["sourced_dose"],
        source_ids=tuple(meta["sources"]),
        cited=cited,
        reviewed=meta["reviewed"],
        markdown=document,
        html=f'<article class="lme-article lme-exercise">{rendered.html}</article>',
    )


def compose(meta: Mapping[str, Any], body: str) -> str:
    """The reader's text of an exercise as one Markdown document, in a fixed order."""
    steps = "\n".join(f"{n}. {step}" for n, step in enumerate(meta["steps"], start=1))
    safety = "\n".join(f"- {note}" for note in meta["safety"])
    parts = [
        f"**How much:** {meta['dose']}",
        f"#### Steps\n\n{steps}",
        f"#### Safety\n\n{safety}",
        f"**Easier:** {meta['easier']}",
        f"**Harder:** {meta['harder']}",
    ]
    if body:
        parts.append(f"#### Why it helps\n\n{body}")
    return "\n\n".join(parts) + "\n"


def _front_matter(path: Path, raw: str) -> dict[str, Any]:
    meta = front_matter_fields(path, raw, FIELDS)
    for field in ("title", "summary", "dose", "easier", "harder", "figure"):
        if not isinstance(meta[field], str) or not meta[field].strip():
            raise ContentError(path, f"{field!r} must be non-empty text")
    for field in ("steps", "safety"):
        items = meta[field]
        if not isinstance(items, list) or not items or not all(_text(s) for s in items):
            raise ContentError(path, f"{field!r} must be a list of non-empty texts")
    if meta["figure"] not in FIGURES:
        raise ContentError(
            path, f"'figure' {meta['figure']!r} is not a diagram lib/figures.py draws"
        )
    if meta["kind"] not in KINDS:
        raise ContentError(path, f"'kind' must be one of {list(KINDS)}")
    if meta["level"] not in LEVELS:
        raise ContentError(path, f"'level' must be one of {list(LEVELS)}")
    _vocabulary(path, meta, "muscles", MUSCLES, allow_empty=meta["kind"] != "strength")
    _vocabulary(path, meta, "equipment", EQUIPMENT, allow_empty=False)
    if meta["sides"] not in (1, 2):
        raise ContentError(path, "'sides' must be 1, or 2 when each leg works in turn")
    _posture(path, meta)
    if not isinstance(meta["reviewed"], dt.date):
        raise ContentError(path, "'reviewed' must be a date such as 2026-11-21")
    ids = meta["sources"]
    if not isinstance(ids, list) or not ids or not all(isinstance(s, str) for s in ids):
        raise ContentError(path, "'sources' must be a list of source ids")
    return meta


def _posture(path: Path, meta: Mapping[str, Any]) -> None:
    """Check the fields the plan's safety rules read: position, support and the dose's source."""
    if meta["position"] not in POSITIONS:
        raise ContentError(path, f"'position' must be one of {list(POSITIONS)}")
    if meta["support"] not in SUPPORTS:
        raise ContentError(path, f"'support' must be one of {list(SUPPORTS)}")
    for field in ("with_someone", "sourced_dose"):
        if not isinstance(meta[field], bool):
            raise ContentError(path, f"{field!r} must be true or false")
    if meta["position"] in ("lying", "seated") and meta["support"] != "none":
        raise ContentError(
            path, "'support' is for standing or moving work; lying or seated take none"
        )
    if meta["sourced_dose"] and "[@" not in meta["dose"]:
        raise ContentError(path, "'sourced_dose' is true, but the dose cites no source")
    fields = (meta["kind"], meta["position"], meta["support"], meta["with_someone"])
    if meta["level"] == "seated" and not seated_start_ok(*fields):
        raise ContentError(
            path,
            "a 'seated' level exercise must be lying or seated work (or balance work with "
            "both hands on a support and someone beside you)",
        )


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _vocabulary(
    path: Path, meta: Mapping[str, Any], field: str, allowed: Iterable[str], *, allow_empty: bool
) -> None:
    values = meta[field]
    known = tuple(allowed)
    if not isinstance(values, list) or (not values and not allow_empty):
        raise ContentError(path, f"{field!r} must be a list drawn from {list(known)}")
    unknown = [v for v in values if v not in known]
    if unknown:
        raise ContentError(path, f"{field!r} has unknown values {unknown}; use {list(known)}")
    if len(set(values)) != len(values):
        raise ContentError(path, f"{field!r} lists a value twice")


def matching(
    library: Iterable[Exercise],
    *,
    levels: Iterable[str] = (),
    muscles: Iterable[str] = (),
    equipment: Iterable[str] = (),
    kinds: Iterable[str] = (),
) -> tuple[Exercise, ...]:
    """The exercises that pass every filter given; an empty filter lets everything through.

    An exercise passes the equipment filter when everything it needs was ticked ("none"
    needs nothing), and the muscle filter when it works any of the muscles ticked.
    """
    levels, muscles, kinds = set(levels), set(muscles), set(kinds)
    have = set(equipment) | {"none"}
    return tuple(
        ex
        for ex in library
        if (not levels or ex.level in levels)
        and (not muscles or muscles & set(ex.muscles))
        and (not kinds or ex.kind in kinds)
        and (not equipment or set(ex.equipment) <= have)
    )


def first_then(
    found: Iterable[Exercise], library: Iterable[Exercise], slug: str | None
) -> tuple[Exercise, ...]:
    """`found`, with the exercise named `slug` (a link's `?ex=`) first even if filtered out."""
    first = tuple(e for e in library if e.slug == slug)
    return (*first, *(e for e in found if e.slug != slug))
