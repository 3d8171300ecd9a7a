"""Hostile links, generated: random, nasty query strings on every page under AppTest.

The hand-picked cases live in test_pages.py; here Hypothesis builds whole query strings from
the README's link parameters and unknown ones, with values that are not numbers, too big,
negative, 10 kB long, script-like, or odd Unicode, sometimes repeated. Every page must run
without an exception, show nothing from the URL as HTML, and, for a page's own parameter,
either use the link's value as given or say so in a note naming the input (lib/params.py
words every such note "The link's ..." or "... the link asked for ...").
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from lib import exercises, plan
from tests.app.test_pages import PAGES, open_page
from tests.conftest import ROOT

# --- what the README promises for each link parameter ------------------------------------------
# Each spec says whether the link's value(s) for a key can be used as given (`accepts`), what
# the input then shows (`shown`), and what a refused value may turn into (`in_range`).
# `labels` are the texts the input shows for its options, read from the page: links from
# older versions carry them (`?guideline=US+2018`, as Streamlit's binding wrote), so they
# are still accepted; the app itself writes codes (tests/app/test_link_roundtrip.py).


def norm(text: str) -> str:
    """As lib/params.py compares option names: trimmed, lower-case, single spaces."""
    return " ".join(text.strip().lower().split())


@dataclass(frozen=True)
class Number:
    """A number from lo to hi; `optional` inputs may stay empty (a test not done)."""

    lo: float
    hi: float
    integer: bool = True
    optional: bool = False
    label: str | None = None

    def accepts(self, raws: list[str], labels: Sequence[str]) -> bool:
        try:
            parsed = float(raws[-1].strip())
        except ValueError:
            return False
        if not math.isfinite(parsed) or (self.integer and parsed != round(parsed)):
            return False
        return self.lo <= parsed <= self.hi

    def shown(self, raws: list[str], labels: Sequence[str]) -> float:
        return float(raws[-1].strip())

    def in_range(self, value: Any) -> bool:
        if value is None:
            return self.optional
        return math.isfinite(float(value)) and self.lo <= float(value) <= self.hi

    def good(self) -> st.SearchStrategy[str]:
        if self.integer:
            return st.integers(int(self.lo), int(self.hi)).map(str)
        return (
            st.floats(self.lo, self.hi)
            .map(lambda x: f"{x:.1f}")
            .filter(lambda s: self.lo <= float(s) <= self.hi)
        )


@dataclass(frozen=True)
class Choice:
    """One of a few options, by value or by the label the input shows (any case)."""

    options: tuple[str, ...]
    optional: bool = False
    label: str | None = None  # for a link value with no input of its own

    def names(self, labels: Sequence[str]) -> dict[str, str]:
        names = {norm(option): option for option in self.options}
        for option, shown in zip(self.options, labels, strict=False):
            names.setdefault(norm(shown), option)
        return names

    def accepts(self, raws: list[str], labels: Sequence[str]) -> bool:
        return norm(raws[-1]) in self.names(labels)

    def shown(self, raws: list[str], labels: Sequence[str]) -> str:
        return self.names(labels)[norm(raws[-1])]

    def in_range(self, value: Any) -> bool:
        return value in self.options or (value is None and self.optional)

    def good(self) -> st.SearchStrategy[str]:
        return st.sampled_from(self.options).flatmap(
            lambda o: st.sampled_from([o, o.upper(), f" {o} "])
        )


@dataclass(frozen=True)
class Many:
    """Any of a few options, the key repeated or the values comma-separated (`mon,wed`)."""

    options: tuple[str, ...]
    label: str | None = None

    def parse(self, raws: list[str], labels: Sequence[str]) -> tuple[set[str], list[str]]:
        names = Choice(self.options).names(labels)
        chosen: set[str] = set()
        unknown: list[str] = []
        for raw in raws:
            parts = [raw] if norm(raw) in names else [p for p in raw.split(",") if p.strip()]
            for part in parts:
                if norm(part) in names:
                    chosen.add(names[norm(part)])
                else:
                    unknown.append(part)
        return chosen, unknown

    def accepts(self, raws: list[str], labels: Sequence[str]) -> bool:
        return not self.parse(raws, labels)[1]

    def shown(self, raws: list[str], labels: Sequence[str]) -> set[str]:
        return self.parse(raws, labels)[0]

    def in_range(self, value: Any) -> bool:
        return all(v in self.options for v in value or ())

    def good(self) -> st.SearchStrategy[str]:
        return st.lists(st.sampled_from(self.options), min_size=1, max_size=3).map(",".join)


@dataclass(frozen=True)
class Flag:
    """true or false (also 1/0, yes/no, on/off)."""

    label: str | None = None

    def accepts(self, raws: list[str], labels: Sequence[str]) -> bool:
        return norm(raws[-1]) in {"true", "1", "yes", "on", "false", "0", "no", "off"}

    def shown(self, raws: list[str], labels: Sequence[str]) -> bool:
        return norm(raws[-1]) in {"true", "1", "yes", "on"}

    def in_range(self, value: Any) -> bool:
        return isinstance(value, bool)

    def good(self) -> st.SearchStrategy[str]:
        return st.sampled_from(["true", "false", "1", "0", "yes", "no", "on", "off", "TRUE"])


@dataclass(frozen=True)
class Text:
    """Free text up to `max_chars` characters (a longer one is cut, with a note)."""

    max_chars: int
    label: str | None = None

    def accepts(self, raws: list[str], labels: Sequence[str]) -> bool:
        return len(raws[-1]) <= self.max_chars

    def shown(self, raws: list[str], labels: Sequence[str]) -> str:
        return raws[-1]

    def in_range(self, value: Any) -> bool:
        return isinstance(value, str) and len(value) <= self.max_chars

    def good(self) -> st.SearchStrategy[str]:
        return st.sampled_from(["sarcopenia", "atrophy", "", "grip", "SARC"])


Spec = Number | Choice | Many | Flag | Text
SARC_F = Choice(("0", "1", "2"), optional=True)
SCENES = tuple(
    s["id"] for s in yaml.safe_load((ROOT / "content" / "scenes.yaml").read_text("utf-8"))
)
EXERCISES = tuple(sorted(p.stem for p in (ROOT / "content" / "exercises").glob("*.md")))
# The README's "Values" column, written out. test_specs_match_the_readme keeps the two in step.
SPECS: dict[str, dict[str, Spec]] = {
    "pages/projection.py": {
        "age": Number(30, 100),
        "rate": Number(3, 8, integer=False),
        "measure": Choice(("mass", "strength")),
        "bedrest_age": Number(30, 100),
        "bedrest_days": Number(0, 60),
    },
    "pages/self_check.py": {
        "age": Number(18, 110),
        "weight": Number(25, 300, integer=False),  # kg; in lb see spec_for
        "unit": Choice(("kg", "lb")),
        "moderate": Number(0, 3000),
        "vigorous": Number(0, 3000),
        "strength_days": Number(0, 7),
        "legs": Flag(),
        "balance_days": Number(0, 7),
        "active": Flag(),
        "protein_g": Number(0, 500),
        "kidney": Flag(),
        "illness": Flag(),
        "guideline": Choice(("who", "us")),
        "country": Choice(("uk", "us", "eu")),
        "paper": Choice(("a4", "letter")),
    },
    "pages/screening.py": {
        "age": Number(18, 110),
        "sex": Choice(("female", "male")),
        "country": Choice(("uk", "us", "eu"), optional=True),
        **{f"sarcf_{item}": SARC_F for item in "sarcf"},
        "chair_stands": Number(0, 60, optional=True),
        "balance_stage": Choice(("0", "1", "2", "3", "4"), optional=True),
        "tug_s": Number(0.1, 600, integer=False, optional=True),
        "sts5_s": Number(0.1, 300, integer=False, optional=True),
        "grip_kg": Number(0, 150, integer=False, optional=True),
        "paper": Choice(("a4", "letter")),
    },
    "pages/red_flags.py": {"country": Choice(("uk", "us", "eu"))},
    "pages/glossary.py": {"q": Text(60)},
    "pages/exercises.py": {
        "kind": Many(exercises.KINDS),
        "level": Many(exercises.LEVELS),
        "muscle": Many(exercises.MUSCLES),
        "equipment": Many(exercises.EQUIPMENT),
        "ex": Choice(EXERCISES, optional=True, label="exercise"),
    },
    "pages/plan.py": {
        "level": Choice(exercises.LEVELS),
        "days": Many(plan.WEEKDAYS),
        "minutes": Number(10, 180),
        "age": Number(18, 100),
        "weeks": Number(4, 12),
        "now": Number(0, 3000, optional=True),
        "sex": Choice(("female", "male")),
        "chair_stands": Number(0, 60, optional=True),
        "balance_stage": Choice(("0", "1", "2", "3", "4"), optional=True),
        "tug_s": Number(0.1, 600, integer=False, optional=True),
        "country": Choice(("uk", "us", "eu")),
        "paper": Choice(("a4", "letter")),
    },
    "pages/present.py": {"scene": Choice(SCENES), "present": Flag()},
    "pages/quiz.py": {"order": Choice(("fixed", "shuffled"))},
    "pages/handout.py": {
        "sections": Many(("selfcheck", "screening", "plan", "redflags")),
        "country": Choice(("uk", "us", "eu")),
        "paper": Choice(("a4", "letter")),
    },
}
# The reading options every page takes (the README's "any page" rows): the sidebar's switch.
EVERY_PAGE_SPECS: dict[str, Spec] = {"large": Flag()}
WEIGHT_LB = Number(55, 660, integer=False)
# Inputs drawn beside the plan's PDF download, only when there is a plan.
PRINT_KEYS = frozenset({"country", "paper"})


def readme_keys() -> dict[str, set[str]]:
    """Each page's link parameters, from the README's link-parameter table."""
    found: dict[str, set[str]] = {}
    readme = (ROOT / "README.md").read_text("utf-8")
    for page, cell in re.findall(r"^\| `/(\w+)` \| ([^|]+) \|", readme, re.M):
        found.setdefault(f"pages/{page}.py", set()).update(re.findall(r"`(\w+)`", cell))
    return found


def readme_every_page_keys() -> set[str]:
    """The link parameters the README's table gives for any page (`| any page | ... |`)."""
    readme = (ROOT / "README.md").read_text("utf-8")
    cells = re.findall(r"^\| any page \| ([^|]+) \|", readme, re.M)
    return {key for cell in cells for key in re.findall(r"`(\w+)`", cell)}


README_KEYS = readme_keys()
EVERY_PAGE_KEYS = readme_every_page_keys()
ALL_KEYS = sorted({key for keys in README_KEYS.values() for key in keys} | EVERY_PAGE_KEYS)

# --- hostile values ----------------------------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
WORST = [
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "1e309",
    "-1e309",
    "-1",
    "-0.5",
    "50.5",
    str(10**30),
    str(-(10**30)),
    "9" * 400,
    "x" * 10_000,
    SCRIPT,
    IMG,
    "javascript:alert(1)",
    "\u202e50",
    "50\u200f",
    "\U0001f9b5\U0001f4aa",
    "e\u0301\u0301\u0301",
    "\x00",
    "50\x00",
    "",
    " ",
    "%3Cscript%3E",
    "1_0",
    "0x10",
    "\u0665\u0660",  # Arabic-Indic digits: Python's float() reads them as 50
]
HOSTILE = st.one_of(
    st.sampled_from(WORST),
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40),
    st.integers(-(10**40), 10**40).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(61, 10_000).map(lambda n: "a" * n),
    st.sampled_from([SCRIPT, IMG]).map(lambda s: f"50{s}"),
)
UNKNOWN_KEYS = st.one_of(
    st.sampled_from(
        ["unknown", "utm_source", "embed", "embed_options", "AGE", "", SCRIPT, IMG, "x" * 1000]
    ),
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), min_size=1, max_size=12),
)


def one_or_repeated(values: st.SearchStrategy[str]) -> st.SearchStrategy[str | list[str]]:
    """A value, or the key repeated with two or three values (`?age=1&age=x`)."""
    return st.one_of(values, st.lists(values, min_size=2, max_size=3))


@st.composite
def hostile_links(draw: st.DrawFn, page: str) -> dict[str, str | list[str]]:
    """A query dict: some of the page's own parameters, other pages' and unknown ones."""
    own = sorted(README_KEYS.get(page, set()) | EVERY_PAGE_KEYS)
    specs = {**SPECS.get(page, {}), **EVERY_PAGE_SPECS}
    query: dict[str, str | list[str]] = {}
    for key in draw(st.lists(st.sampled_from(own), unique=True)) if own else []:
        values = st.one_of(HOSTILE, specs[key].good()) if key in specs else HOSTILE
        query[key] = draw(one_or_repeated(values))
    others = st.one_of(UNKNOWN_KEYS, st.sampled_from(ALL_KEYS))
    for key, value in draw(st.dictionaries(others, one_or_repeated(HOSTILE), max_size=3)).items():
        query.setdefault(key, value)
    return query


# --- what the page shows -------------------------------------------------------------------------

FORBIDDEN = ("<script", "onerror=", "javascript:")
WIDGETS = ("slider", "number_input", "button_group", "toggle", "text_input", "selectbox")


def bodies(at: AppTest) -> Iterator[str]:
    """Every piece of text or markup an element carries: Markdown, HTML, alerts, chart specs."""
    stack: list[Any] = [at._tree]
    while stack:
        node = stack.pop()
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            stack.extend(children.values())
        proto = getattr(node, "proto", None)
        for name in ("body", "spec", "label", "help"):
            value = getattr(proto, name, None)
            if isinstance(value, str) and value:
                yield value


def widget(at: AppTest, key: str) -> Any:
    """The input whose key (and link parameter) is `key`, or None when there is none."""
    for kind in WIDGETS:
        for element in getattr(at, kind):
            if element.key == key:
                return element
    return None


def mentions(note: str, label: str) -> bool:
    """Whether a (casefolded) note is about the input `label`, as lib/params.py words notes."""
    return note.startswith(f"{label} ") or f"for {label} " in note or f"link's {label} " in note


def link_notes(at: AppTest) -> list[str]:
    """The notes about the link: info boxes and captions that mention the link."""
    texts = [str(e.value) for e in (*at.info, *at.caption, *at.warning)]
    return [t for t in texts if "link" in t.casefold()]


@functools.cache
def baseline_errors(page: str, country: str | None = None) -> tuple[str, ...]:
    """The error boxes a page shows with no query at all (home's red-flag alert), or, on
    the screening page, with only its country (the emergency line gives that number)."""
    return tuple(
        str(e.value) for e in open_page(page, {"country": country} if country else {}).error
    )


def expected_errors(page: str, query: dict[str, str | list[str]]) -> tuple[str, ...]:
    if page == "pages/screening.py" and "country" in query:
        spec, raw = SPECS[page]["country"], [last(query["country"])]
        labels = ("UK (999)", "US (911)", "EU (112)")
        if spec.accepts(raw, labels):
            return baseline_errors(page, spec.shown(raw, labels))
    return baseline_errors(page)


def last(value: str | list[str]) -> str:
    """The value the app uses when a link repeats a key: the last one."""
    return value[-1] if isinstance(value, list) else value


def spec_for(page: str, key: str, query: dict[str, str | list[str]]) -> Spec:
    """The key's spec; the self-check's weight range follows the unit the link sets (kg or lb)."""
    if page == "pages/self_check.py" and key == "weight" and "unit" in query:
        unit, raw = SPECS[page]["unit"], [last(query["unit"])]
        if unit.accepts(raw, ("kg", "lb")) and unit.shown(raw, ("kg", "lb")) == "lb":
            return WEIGHT_LB
    return {**SPECS.get(page, {}), **EVERY_PAGE_SPECS}[key]


def check_page(page: str, query: dict[str, str | list[str]]) -> None:
    """Open `page` with `query` and check: no crash, nothing injected, refusals explained."""
    at = open_page(page, query)
    assert not at.exception, [e.value for e in at.exception]
    assert tuple(str(e.value) for e in at.error) == expected_errors(page, query)

    for body in bodies(at):
        lowered = body.casefold()
        for bad in FORBIDDEN:
            assert bad not in lowered, (bad, body[:300])

    notes = [n.casefold() for n in link_notes(at)]
    no_plan = page == "pages/plan.py" and any(
        "pick at least one day" in str(w.value).casefold() for w in at.warning
    )
    for key in {**SPECS.get(page, {}), **EVERY_PAGE_SPECS}:
        if key not in query:
            continue
        if no_plan and key in PRINT_KEYS:
            # The PDF's country and paper are asked beside its download, which a page
            # without a plan (no day picked) does not offer; they are checked once it does.
            continue
        raws = query[key] if isinstance(query[key], list) else [query[key]]
        spec, element = spec_for(page, key, query), widget(at, key)
        assert element is not None or spec.label, f"no input with key {key!r} on {page}"
        labels = getattr(element, "options", ()) if element is not None else ()
        label = (spec.label or element.label).casefold()
        noted = any(mentions(note, label) for note in notes)
        shown = f"{key}={[r[:80] for r in raws]!r}"
        if spec.accepts(raws, labels):
            assert not noted, f"{shown} was accepted, yet a note says otherwise: {notes}"
            if element is not None:
                value = element.value
                value = set(value or ()) if isinstance(spec, Many) else value
                assert value == spec.shown(raws, labels), (shown, element.value)
        else:
            assert noted, f"{shown} was refused or changed without a note: {notes}"
            if element is not None:
                assert spec.in_range(element.value), (shown, element.value)


# --- the tests -----------------------------------------------------------------------------------

INPUT_PAGES = sorted(set(SPECS) | set(README_KEYS))
OTHER_PAGES = [p for p in PAGES if p not in INPUT_PAGES]
EVERY_KEY_WORST = [
    dict.fromkeys(ALL_KEYS, value) | {"unknown": value, SCRIPT: value}
    for value in ("1e309", SCRIPT, IMG, "x" * 10_000, "\u202e\x00\U0001f9b5")
]
RELAXED = [HealthCheck.too_slow, HealthCheck.data_too_large]


def test_specs_match_the_readme():
    """Every link parameter the README lists has a spec here, and no spec is undocumented."""
    specs = {page: set(keys) for page, keys in SPECS.items()}
    assert specs == README_KEYS, "add the README's new link parameters to SPECS above"
    assert set(EVERY_PAGE_SPECS) == EVERY_PAGE_KEYS, "and its any-page ones to EVERY_PAGE_SPECS"


@pytest.mark.parametrize("page", INPUT_PAGES)
@settings(max_examples=25, suppress_health_check=RELAXED)
@given(data=st.data())
@example(data=None)  # the worst values on every key at once; see below
def test_pages_with_inputs_survive_hostile_links(page, data):
    """A page with link inputs never crashes or injects, and explains every refused value."""
    if data is None:
        for query in EVERY_KEY_WORST:
            check_page(page, query)
        keys = README_KEYS.get(page) or SPECS[page]
        check_page(page, {key: [SCRIPT, "1e309", "NaN"] for key in keys})
        return
    check_page(page, data.draw(hostile_links(page), label="query"))


@pytest.mark.parametrize("page", OTHER_PAGES)
@settings(max_examples=8, suppress_health_check=RELAXED)
@given(query=hostile_links("pages/none.py"))
@example(query=EVERY_KEY_WORST[0])
@example(query=EVERY_KEY_WORST[1])
@example(query=EVERY_KEY_WORST[2])
@example(query=EVERY_KEY_WORST[3])
def test_pages_without_inputs_survive_hostile_links(page, query):
    """A page with no link inputs ignores any query string: no crash, nothing injected."""
    check_page(page, query)


def test_a_refused_value_without_a_note_fails_the_check(monkeypatch):
    """The checker itself notices a refused value whose note went missing."""
    monkeypatch.setattr("ui.inputs.st.info", lambda *args, **kwargs: None)
    with pytest.raises(AssertionError, match="without a note"):
        check_page("pages/projection.py", {"age": "1e309"})
