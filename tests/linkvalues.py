"""Hypothesis strategies: any valid value of any declared link parameter (lib/linkparams.py)."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from lib import content, scenes
from lib.links import (
    Choice,
    Choices,
    Flag,
    Number,
    OptionalChoice,
    OptionalNumber,
    Param,
    Text,
)
from tests.conftest import CONTENT, ROOT

SCENES = scenes.load_scenes(
    CONTENT / "scenes.yaml",
    content.load_sources(CONTENT / "sources.yaml"),
    [p.stem for p in (ROOT / "pages").glob("*.py")],
)
SLUGS = tuple(sorted(p.stem for p in (CONTENT / "exercises").glob("*.md")))


def with_runtime_options(param: Param[Any]) -> Param[Any]:
    """The scene and the exercise take their options from content, as the pages give them."""
    if isinstance(param, Choice) and param.key == "scene":
        return param.with_options({s.id: s.title for s in SCENES}, default=SCENES[0].id)
    if isinstance(param, OptionalChoice) and param.key == "ex":
        return param.with_options(dict.fromkeys(SLUGS, "an exercise"))
    return param


def _on_grid(lo: float, hi: float, step: float, integer: bool) -> st.SearchStrategy[float]:
    if integer:
        return st.integers(int(lo), int(hi)).map(float)
    count = round((hi - lo) / step)
    decimals = len(f"{step:g}".split(".")[1]) if "." in f"{step:g}" else 0
    return st.integers(0, count).map(lambda k: round(lo + k * step, decimals))


def values(param: Param[Any]) -> st.SearchStrategy[Any]:
    """Any value the input can show, on its step grid (what a reader can set by clicking)."""
    param = with_runtime_options(param)
    if isinstance(param, Number):
        return _on_grid(param.lo, param.hi, param.step, param.integer)
    if isinstance(param, OptionalNumber):
        return st.none() | _on_grid(param.lo, param.hi, param.step, param.integer)
    if isinstance(param, Choice):
        return st.sampled_from(list(param.options))
    if isinstance(param, OptionalChoice):
        return st.none() | st.sampled_from(list(param.options))
    if isinstance(param, Choices):
        options = list(param.options)
        return st.sets(st.sampled_from(options)).map(
            lambda chosen: tuple(o for o in options if o in chosen)
        )
    if isinstance(param, Flag):
        return st.booleans()
    if isinstance(param, Text):
        return st.text(
            alphabet=st.characters(exclude_categories=("Cs", "Cc")), max_size=param.max_chars
        )
    raise TypeError(param)
