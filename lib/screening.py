"""Strength and balance screens, each labelled by its source and population, never a diagnosis.

Six home or clinic checks are scored here against the published cut-offs in ledger section 4
(`content/facts.yaml`): the SARC-F questionnaire, the CDC STEADI 30-second chair stand, 4-stage
balance test and Timed Up and Go, the 5-times sit-to-stand and grip strength. Where two bodies
use the same test for different jobs, both readings are returned side by side with their
purpose and population spelled out: the CDC's Timed Up and Go cut-off is about fall risk,
while EWGSOP2's only grades how severe sarcopenia is once a clinician has confirmed it. The
European (EWGSOP2) and Asian (AWGS 2019) consensus cut-offs are kept apart too.

Each cut-off is applied only to the group it was made for (SC-50..SC-53): the CDC chair-stand
norms to ages 60-94, the other CDC STEADI tests to adults 65 and over, and the sarcopenia
cut-offs (EWGSOP2, AWGS 2019, SARC-F as they use it) to older adults, from the same age 65.
Outside its group a result shows the measurement, who the cut-off is for, and no verdict
(`Flag.NO_NORM`). A result within its cut-off says that screening cannot rule out a problem.

The wording a reader sees lives in `content/screening.yaml`, read by `load_text` into a
`ScreeningText` that every scoring function is handed; this module keeps the cut-offs (with
their fact ids) and the logic. Everything here is pure: the file is read only from the path
the caller gives. Values a page cannot produce (a SARC-F answer of 3, a negative time) raise
`ValueError`; the page validates input first and shows a friendly note.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from lib.content import ContentError, read_yaml
from lib.content import exact_mapping as _mapping
from lib.content import template_text as _text

Sex = Literal["female", "male"]

# --- cut-offs (ledger section 4) ---------------------------------------------------------

SARC_F_CUTOFF = 4  # SC-01, SC-21: a total of 4 or more points prompts assessment
SARC_F_ITEM_MAX = 2  # SC-01: each of the five items scores 0, 1 or 2 (total 0-10)
SARC_F_MAX = 10  # SC-01: the highest possible total

CHAIR_STAND_SECONDS = 30  # SC-30..SC-36: stands are counted over 30 s (CDC STEADI)
CHAIR_SEAT_HEIGHT_IN = 17  # CDC STEADI set-up (ledger 4d): seat about 17 in high
CHAIR_SEAT_HEIGHT_CM = 43  # CDC STEADI set-up (ledger 4d): seat about 43 cm high

BALANCE_HOLD_SECONDS = 10  # SC-40: each stance is held for 10 s
BALANCE_STAGE_COUNT = 4  # SC-40: the CDC test has four stances
BALANCE_TANDEM_STAGE = 3  # SC-40: not holding stage 3 (tandem) for 10 s = increased fall risk

TUG_FALL_RISK_SECONDS = 12  # SC-41: 12 s or more = at risk of falling (CDC STEADI)
TUG_SEVERITY_SECONDS = 20  # SC-18: 20 s or more grades sarcopenia as severe (EWGSOP2)
TUG_WALK_FT = 10  # CDC STEADI set-up (ledger 4d): walk 10 ft
TUG_WALK_M = 3  # CDC STEADI set-up (ledger 4d): about 3 m

STS5_RISES = 5  # SC-13, SC-24: the timed test is five rises from a chair
STS5_EWGSOP2_SECONDS = 15  # SC-13: more than 15 s = low strength (EWGSOP2)
STS5_AWGS_SECONDS = 12  # SC-24: 12 s or more = low physical performance (AWGS 2019)

GRIP_EWGSOP2_MEN_KG = 27  # SC-12: below 27 kg = low grip strength, men (EWGSOP2)
GRIP_EWGSOP2_WOMEN_KG = 16  # SC-12: below 16 kg = low grip strength, women (EWGSOP2)
GRIP_AWGS_MEN_KG = 28  # SC-22: below 28 kg = low grip strength, men (AWGS 2019)
GRIP_AWGS_WOMEN_KG = 18  # SC-22: below 18 kg = low grip strength, women (AWGS 2019)

# --- who each cut-off is for (ledger section 4, SC-50..SC-53) ------------------------------

# SC-52: CDC STEADI (4-stage balance, Timed Up and Go) is for adults 65 years and older.
STEADI_MIN_AGE = 65
# SC-50, SC-51: EWGSOP2 and AWGS 2019 write for older adults but their abstracts name no
# starting age. The app's choice (said on screen, content/screening.yaml `age_note`): the
# sarcopenia cut-offs, and SARC-F as they use it, apply from the same age as CDC STEADI.
SARCOPENIA_MIN_AGE = STEADI_MIN_AGE

# Input limits: not guideline figures, only the widest values a page may pass in. Anything
# beyond them is a typing slip, so it is refused rather than scored.
MAX_CHAIR_STANDS = 60
MAX_TUG_SECONDS = 600.0
MAX_STS5_SECONDS = 300.0
MAX_GRIP_KG = 150.0


@dataclass(frozen=True)
class ChairStandNorm:
    """One age band of the CDC 30-second chair stand norms (Rikli & Jones 1999).

    A score below `men_below` (men) or `women_below` (women) is below average for the band.
    """

    fact_id: str
    age_low: int
    age_high: int
    men_below: int
    women_below: int


# SC-30..SC-36, CDC STEADI 30-Second Chair Stand sheet, exactly as ledger 4d gives them.
CHAIR_STAND_NORMS: tuple[ChairStandNorm, ...] = (
    ChairStandNorm("SC-30", age_low=60, age_high=64, men_below=14, women_below=12),
    ChairStandNorm("SC-31", age_low=65, age_high=69, men_below=12, women_below=11),
    ChairStandNorm("SC-32", age_low=70, age_high=74, men_below=12, women_below=10),
    ChairStandNorm("SC-33", age_low=75, age_high=79, men_below=11, women_below=10),
    ChairStandNorm("SC-34", age_low=80, age_high=84, men_below=10, women_below=9),
    ChairStandNorm("SC-35", age_low=85, age_high=89, men_below=8, women_below=8),
    ChairStandNorm("SC-36", age_low=90, age_high=94, men_below=7, women_below=4),
)
CHAIR_STAND_AGE_MIN = CHAIR_STAND_NORMS[0].age_low  # SC-30, SC-53: no CDC norm below 60
CHAIR_STAND_AGE_MAX = CHAIR_STAND_NORMS[-1].age_high  # SC-36, SC-53: no CDC norm above 94
CHAIR_STAND_FACT_IDS = tuple(norm.fact_id for norm in CHAIR_STAND_NORMS)


class Flag(StrEnum):
    """How a result stands against its cut-off."""

    CONCERN = "concern"  # the result crosses the cut-off
    OK = "ok"  # the result does not cross it (which rules nothing out)
    NO_NORM = "no norm"  # the cut-off is not for this reader (age outside its population)
    NOT_DONE = "not done"  # no value was entered


@dataclass(frozen=True)
class ScreenResult:
    """One screen scored against one cut-off, with everything a reader needs to judge it.

    `screen` is a stable key for code and tests; every other text is for the reader and
    comes from `content/screening.yaml`. `label` is the verdict in words, `population` says
    who the cut-off is for.
    """

    screen: str
    name: str
    value: float | None
    unit: str
    flag: Flag
    label: str
    cutoff: str
    meaning: str
    next_step: str
    purpose: str
    population: str
    fact_ids: tuple[str, ...]
    source_ids: tuple[str, ...]


@dataclass(frozen=True)
class SarcFItem:
    """One SARC-F question and its three answers, scored 0, 1 and 2."""

    key: str
    name: str
    question: str
    answers: tuple[str, str, str]


@dataclass(frozen=True)
class BalanceStage:
    """One stance of the CDC 4-stage balance test."""

    number: int
    name: str
    how: str


@dataclass(frozen=True)
class ScreeningText:
    """The wording of `content/screening.yaml`, checked. Templates keep their {placeholders}.

    `screens` maps a screen key to its texts (name, unit, purpose, population, cutoff,
    concern, ok and screen-specific ones); `setup` maps a test to its filled-in set-up steps.
    """

    reviewed: dt.date
    not_diagnosis: str
    page_intro: str
    flag_labels: Mapping[Flag, str]
    within_cutoff: str
    not_done_meaning: str
    outside_meaning: str
    steps: Mapping[str, str]
    summary: Mapping[str, str]
    screens: Mapping[str, Mapping[str, str]]
    age_note: str
    sarc_f_items: tuple[SarcFItem, ...]
    balance_stages: tuple[BalanceStage, ...]
    setup: Mapping[str, tuple[str, ...]]
    # The timers' words (`timers`: safety line, then per test), lib's numbers filled in; the
    # {count}, {stage}, {name} and {result} the timer fills in itself are kept.
    timers: Mapping[str, Mapping[str, str]]
    # The top line with {number}; where to turn by country ("any": none chosen) and kind.
    emergency_line: str
    where_next: Mapping[str, Mapping[str, str]]
    where_heading: str


# --- the content file and what each text may use -------------------------------------------

_COMMON = {
    "name": (),
    "unit": (),
    "purpose": (),
    "population": ("older_age", "age_min", "age_max"),
    "cutoff": (),
    "concern": (),
    "ok": (),
}
# Per screen: each text's key and the placeholders lib fills in (a text may use fewer).
_SCREEN_FIELDS: Mapping[str, Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "sarc_f": {
            **_COMMON,
            "cutoff": ("cutoff", "max"),
            "concern": ("cutoff",),
            "ok": ("cutoff",),
            "nothing_answered": (),
            "partial": (),
            "gap_one": ("missing", "total"),
            "gap_many": ("missing", "total"),
        },
        "chair_stand": {
            **_COMMON,
            "cutoff": ("threshold", "group"),
            "cutoff_outside": ("age_min", "age_max"),
            "concern": ("threshold", "group", "group_aged"),
            "ok": ("threshold", "group", "group_aged"),
            "outside": ("age_min", "age_max"),
            "compare_below": ("threshold", "group_aged"),
            "compare_at": ("threshold", "group_aged"),
            "compare_above": ("threshold", "group_aged"),
        },
        "balance": {
            **_COMMON,
            "unit": ("stages",),
            "cutoff": ("tandem", "stage", "seconds"),
            "concern": ("tandem", "stage", "seconds"),
            "ok": ("tandem", "stage", "seconds"),
        },
        "tug_falls": {
            **_COMMON,
            "cutoff": ("seconds",),
            "concern": ("seconds",),
            "ok": ("seconds",),
        },
        "tug_severity": {
            **_COMMON,
            "cutoff": ("seconds",),
            "scope": (),
            "concern": ("seconds",),
            "ok": ("seconds",),
        },
        "sts5_ewgsop2": {
            **_COMMON,
            "cutoff": ("seconds",),
            "concern": ("seconds",),
            "ok": ("seconds",),
        },
        "sts5_awgs": {
            **_COMMON,
            "cutoff": ("seconds",),
            "concern": ("seconds",),
            "ok": ("seconds",),
        },
        "grip_ewgsop2": {
            **_COMMON,
            "cutoff": ("kg", "people"),
            "concern": ("kg", "people", "person"),
            "ok": ("kg", "people", "person"),
        },
        "grip_awgs": {
            **_COMMON,
            "cutoff": ("kg", "people"),
            "concern": ("kg", "people", "person"),
            "ok": ("kg", "people", "person"),
        },
    }
)
_STEPS = ("falls", "muscle", "severity", "ok", "outside", "not_done", "sarc_f_partial")
_SUMMARY: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "title": (),
        "subtitle": ("age", "sex", "not_diagnosis"),
        "notice": ("not_diagnosis",),
        "results_heading": (),
        "not_entered": (),
        "line": ("name", "value", "label", "population"),
    }
)
_SETUP: Mapping[str, Mapping[str, object]] = MappingProxyType(
    {
        "chair_stand": {
            "seat_in": CHAIR_SEAT_HEIGHT_IN,
            "seat_cm": CHAIR_SEAT_HEIGHT_CM,
            "seconds": CHAIR_STAND_SECONDS,
        },
        "balance": {"seconds": BALANCE_HOLD_SECONDS},
        "tug": {"walk_ft": TUG_WALK_FT, "walk_m": TUG_WALK_M},
    }
)
SARC_F_KEYS = ("s", "a", "r", "c", "f")  # SC-01: strength, assistance, rise, climb, falls
_TOP_LEVEL = frozenset(
    {
        "reviewed",
        "not_diagnosis",
        "page_intro",
        "flag_labels",
        "within_cutoff",
        "not_done_meaning",
        "outside_meaning",
        "steps",
        "summary",
        "screens",
        "age_note",
        "sarc_f_items",
        "balance_stages",
        "setup",
        "timers",
        "emergency_line",
        "where_next",
        "where_heading",
    }
)
NOT_DIAGNOSIS_WORDS = "screening, not a diagnosis"

# The timers' texts (content/screening.yaml `timers`), what lib fills in, and what the
# timer fills in as it runs (kept as {placeholders}).
_TIMER_KEYS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "chair_stand": ("how", "start", "tap", "count", "done", "again", "reset", "no_result"),
        "balance": (
            "how", "start", "fail", "stage", "held", "stop", "done", "done_none", "again",
            "reset", "no_result",
        ),
        "tug": ("how", "start", "stop", "done", "again", "reset", "no_result"),
        "sts5": ("how", "start", "stop", "done", "again", "reset", "no_result"),
    }
)  # fmt: skip
_TIMER_VALUES: Mapping[str, Mapping[str, object]] = MappingProxyType(
    {
        "chair_stand": {"seconds": CHAIR_STAND_SECONDS},
        "balance": {"seconds": BALANCE_HOLD_SECONDS, "stages": BALANCE_STAGE_COUNT},
        "tug": {"limit": f"{MAX_TUG_SECONDS:g}"},
        "sts5": {"limit": f"{MAX_STS5_SECONDS:g}", "rises": STS5_RISES},
    }
)
TIMER_FILLS = ("count", "stage", "name", "result")  # filled in by the timer as it runs


class _Keep(dict[str, object]):
    """Formatting values that leave an unknown {placeholder} as it is (for the timer)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _timers(path: Path, raw: Any) -> Mapping[str, Mapping[str, str]]:
    data = _mapping(path, "timers", raw, ("safety", *_TIMER_KEYS))
    words: dict[str, Mapping[str, str]] = {
        "safety": MappingProxyType({"safety": _text(path, "timers.safety", data["safety"])})
    }
    for test, keys in _TIMER_KEYS.items():
        values = _TIMER_VALUES[test]
        allowed = (*values, *TIMER_FILLS)
        texts = _mapping(path, f"timers.{test}", data[test], keys)
        words[test] = MappingProxyType(
            {
                key: _text(path, f"timers.{test}.{key}", texts[key], allowed).format_map(
                    _Keep(values)
                )
                for key in keys
            }
        )
    return MappingProxyType(words)


def load_text(path: Path) -> ScreeningText:
    """Read and check `content/screening.yaml`.

    Raises:
        ContentError: naming the file, when it is missing or not YAML, a text is missing,
            empty or unknown, a text uses a placeholder lib does not fill in, the
            "Screening, not a diagnosis" words are missing, or the SARC-F items or balance
            stages do not match the tests (five items S-A-R-C-F with three answers; four
            stances).
    """
    data = _mapping(path, "the file", read_yaml(path), _TOP_LEVEL)
    reviewed = data["reviewed"]
    if not isinstance(reviewed, dt.date):
        raise ContentError(path, "'reviewed' must be a date such as 2026-12-01")
    not_diagnosis = _text(path, "not_diagnosis", data["not_diagnosis"])
    if NOT_DIAGNOSIS_WORDS not in not_diagnosis.lower():
        raise ContentError(path, f"not_diagnosis: must say {NOT_DIAGNOSIS_WORDS!r}")
    raw_labels = _mapping(
        path, "flag_labels", data["flag_labels"], ("concern", "ok", "no_norm", "not_done")
    )
    labels = {
        flag: _text(path, f"flag_labels.{key}", raw_labels[key])
        for key, flag in (
            ("concern", Flag.CONCERN),
            ("ok", Flag.OK),
            ("no_norm", Flag.NO_NORM),
            ("not_done", Flag.NOT_DONE),
        )
    }
    steps_raw = _mapping(path, "steps", data["steps"], _STEPS)
    summary_raw = _mapping(path, "summary", data["summary"], _SUMMARY)
    screens_raw = _mapping(path, "screens", data["screens"], _SCREEN_FIELDS)
    screens = {
        screen: MappingProxyType(
            {
                key: _text(path, f"screens.{screen}.{key}", value, fields[key])
                for key, value in _mapping(
                    path, f"screens.{screen}", screens_raw[screen], fields
                ).items()
            }
        )
        for screen, fields in _SCREEN_FIELDS.items()
    }
    setup_raw = _mapping(path, "setup", data["setup"], _SETUP)
    setup: dict[str, tuple[str, ...]] = {}
    for test, values in _SETUP.items():
        steps = setup_raw[test]
        if not isinstance(steps, list) or not steps:
            raise ContentError(path, f"setup.{test}: must be a list of steps")
        setup[test] = tuple(
            _text(path, f"setup.{test}[{n}]", step, tuple(values)).format(**values)
            for n, step in enumerate(steps, start=1)
        )
    return ScreeningText(
        reviewed=reviewed,
        not_diagnosis=not_diagnosis,
        page_intro=_text(path, "page_intro", data["page_intro"]),
        flag_labels=MappingProxyType(labels),
        within_cutoff=_text(path, "within_cutoff", data["within_cutoff"]),
        not_done_meaning=_text(path, "not_done_meaning", data["not_done_meaning"]),
        outside_meaning=_text(
            path, "outside_meaning", data["outside_meaning"], ("population", "age")
        ),
        steps=MappingProxyType({k: _text(path, f"steps.{k}", steps_raw[k]) for k in _STEPS}),
        summary=MappingProxyType(
            {k: _text(path, f"summary.{k}", summary_raw[k], v) for k, v in _SUMMARY.items()}
        ),
        screens=MappingProxyType(screens),
        age_note=_text(
            path, "age_note", data["age_note"], ("older_age", "age_min", "age_max")
        ).format(**_AGE_VALUES),
        sarc_f_items=_sarc_f_items(path, data["sarc_f_items"]),
        balance_stages=_balance_stages(path, data["balance_stages"]),
        setup=MappingProxyType(setup),
        timers=_timers(path, data["timers"]),
        emergency_line=_text(path, "emergency_line", data["emergency_line"], ("number",)),
        where_next=_where_next(path, data["where_next"]),
        where_heading=_text(path, "where_heading", data["where_heading"]),
    )


# The NHS's non-emergency line, as the warning signs name it (content/redflags.yaml, `uk`):
# a service's name, filled in so that content/screening.yaml holds only ledger digits.
NHS_LINE = "NHS 111"
WHERE_COUNTRIES = ("uk", "us", "eu", "any")  # "any": the reader has not said where they are
WHERE_KINDS = ("falls", "muscle")
# Which "where to go" follows a result past its cut-off, by the next step it was given.
_WHERE_FOR_STEP: Mapping[str, str] = MappingProxyType(
    {"falls": "falls", "muscle": "muscle", "severity": "muscle"}
)


def _where_next(path: Path, raw: Any) -> Mapping[str, Mapping[str, str]]:
    data = _mapping(path, "where_next", raw, WHERE_COUNTRIES)
    return MappingProxyType(
        {
            country: MappingProxyType(
                {
                    kind: _text(path, f"where_next.{country}.{kind}", text, ("nhs_line",)).format(
                        nhs_line=NHS_LINE
                    )
                    for kind, text in _mapping(
                        path, f"where_next.{country}", data[country], WHERE_KINDS
                    ).items()
                }
            )
            for country in WHERE_COUNTRIES
        }
    )


def where_next(result: ScreenResult, country: str | None, text: ScreeningText) -> str | None:
    """Where to turn after `result`, for the reader's country (None: not chosen), or None
    when the result is not past its cut-off (nothing to send anyone anywhere for)."""
    if result.flag is not Flag.CONCERN:
        return None
    kind = next(
        (k for step, k in _WHERE_FOR_STEP.items() if result.next_step == text.steps[step]),
        None,
    )
    if kind is None:
        return None
    chosen = country if country is not None and country in text.where_next else "any"
    return text.where_next[chosen][kind]


def _sarc_f_items(path: Path, raw: Any) -> tuple[SarcFItem, ...]:
    if not isinstance(raw, list) or len(raw) != len(SARC_F_KEYS):
        raise ContentError(path, f"sarc_f_items: must list the {len(SARC_F_KEYS)} SARC-F items")
    items = []
    for n, (entry, key) in enumerate(zip(raw, SARC_F_KEYS, strict=True), start=1):
        where = f"sarc_f_items[{n}]"
        entry = _mapping(path, where, entry, ("key", "name", "question", "answers"))
        if entry["key"] != key:
            raise ContentError(path, f"{where}: key must be {key!r} (items go S, A, R, C, F)")
        answers = entry["answers"]
        if not isinstance(answers, list) or len(answers) != SARC_F_ITEM_MAX + 1:
            raise ContentError(path, f"{where}: needs {SARC_F_ITEM_MAX + 1} answers (0, 1, 2)")
        first, second, third = (_text(path, f"{where}.answers", a) for a in answers)
        items.append(
            SarcFItem(
                key,
                _text(path, f"{where}.name", entry["name"]),
                _text(path, f"{where}.question", entry["question"]),
                (first, second, third),
            )
        )
    return tuple(items)


def _balance_stages(path: Path, raw: Any) -> tuple[BalanceStage, ...]:
    if not isinstance(raw, list) or len(raw) != BALANCE_STAGE_COUNT:
        raise ContentError(path, f"balance_stages: must list the {BALANCE_STAGE_COUNT} stances")
    return tuple(
        BalanceStage(
            n,
            _text(path, f"balance_stages[{n}].name", stage["name"]),
            _text(path, f"balance_stages[{n}].how", stage["how"]),
        )
        for n, stage in enumerate(
            (
                _mapping(path, f"balance_stages[{n}]", s, ("name", "how"))
                for n, s in enumerate(raw, 1)
            ),
            start=1,
        )
    )


_AGE_VALUES: Mapping[str, object] = MappingProxyType(
    {
        "older_age": SARCOPENIA_MIN_AGE,
        "age_min": CHAIR_STAND_AGE_MIN,
        "age_max": CHAIR_STAND_AGE_MAX,
    }
)

# --- which screens apply to whom ---------------------------------------------------------

# Each screen's fixed facts and sources, and the ages its cut-off is for (inclusive).
_SCREEN_FACTS: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] = MappingProxyType(
    {
        "sarc_f": (("SC-01", "SC-10", "SC-21"), ("malmstrom2013", "cruzjentoft2019", "chen2020")),
        "chair_stand": (CHAIR_STAND_FACT_IDS, ("cdc-steadi", "rikli1999")),
        "balance": (("SC-40",), ("cdc-steadi",)),
        "tug_falls": (("SC-41",), ("cdc-steadi",)),
        "tug_severity": (("SC-18",), ("cruzjentoft2019",)),
        "sts5_ewgsop2": (("SC-13",), ("cruzjentoft2019",)),
        "sts5_awgs": (("SC-24",), ("chen2020",)),
        "grip_ewgsop2": (("SC-12",), ("cruzjentoft2019", "dodds2014")),
        "grip_awgs": (("SC-22",), ("chen2020",)),
    }
)
# The population facts behind each screen's age range (added to the result's fact ids).
_POPULATION_FACTS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "sarc_f": ("SC-50", "SC-51"),
        "chair_stand": ("SC-53",),
        "balance": ("SC-52",),
        "tug_falls": ("SC-52",),
        "tug_severity": ("SC-50",),
        "sts5_ewgsop2": ("SC-50",),
        "sts5_awgs": ("SC-51",),
        "grip_ewgsop2": ("SC-50",),
        "grip_awgs": ("SC-51",),
    }
)
SCREENS = tuple(_SCREEN_FACTS)


def age_range(screen: str) -> tuple[int, int | None]:
    """The ages (inclusive; None: no upper limit) a screen's cut-off is for (SC-50..SC-53)."""
    if screen not in _SCREEN_FACTS:
        raise ValueError(f"unknown screen {screen!r}")
    if screen == "chair_stand":
        return CHAIR_STAND_AGE_MIN, CHAIR_STAND_AGE_MAX
    if screen in ("balance", "tug_falls"):
        return STEADI_MIN_AGE, None
    return SARCOPENIA_MIN_AGE, None


def applies(screen: str, age_years: int) -> bool:
    """Whether a screen's cut-off was made for a reader of this age."""
    low, high = age_range(screen)
    return age_years >= low and (high is None or age_years <= high)


class _Scorer:
    """Builds one screen's results from its texts: the shared labels, steps and caveats."""

    def __init__(self, text: ScreeningText, screen: str, age_years: int) -> None:
        self.text = text
        self.screen = screen
        self.words = text.screens[screen]
        self.age_years = age_years
        self.applies = applies(screen, age_years)
        facts, self.source_ids = _SCREEN_FACTS[screen]
        self.fact_ids = (*facts, *_POPULATION_FACTS[screen])
        self.population = self.words["population"].format(**_AGE_VALUES)

    def say(self, key: str, **values: object) -> str:
        return self.words[key].format(**values)

    def result(
        self,
        value: float | None,
        flag: Flag,
        cutoff: str,
        meaning: str,
        next_step: str,
        *,
        unit: str | None = None,
        fact_ids: tuple[str, ...] | None = None,
    ) -> ScreenResult:
        if flag is Flag.OK:
            meaning = f"{meaning} {self.text.within_cutoff}"
        return ScreenResult(
            screen=self.screen,
            name=self.words["name"],
            value=None if value is None else float(value),
            unit=self.words["unit"] if unit is None else unit,
            flag=flag,
            label=self.text.flag_labels[flag],
            cutoff=cutoff,
            meaning=meaning,
            next_step=next_step,
            purpose=self.words["purpose"],
            population=self.population,
            fact_ids=self.fact_ids if fact_ids is None else fact_ids,
            source_ids=self.source_ids,
        )

    def outside(self) -> str:
        return self.text.outside_meaning.format(population=self.population, age=self.age_years)

    def not_done(self, cutoff: str, meaning: str | None = None, **kw: Any) -> ScreenResult:
        """No value: nothing to score; outside the population the note says so already."""
        meaning = self.text.not_done_meaning if meaning is None else meaning
        if not self.applies:
            meaning = f"{meaning} {self.outside()}"
        return self.result(None, Flag.NOT_DONE, cutoff, meaning, self.text.steps["not_done"], **kw)

    def no_verdict(self, value: float, cutoff: str, **kw: Any) -> ScreenResult:
        """Outside the population: the measurement, who the cut-off is for, no verdict."""
        return self.result(
            value, Flag.NO_NORM, cutoff, self.outside(), self.text.steps["outside"], **kw
        )

    def scored(
        self, value: float, crossed: bool, cutoff: str, step: str, /, **values: object
    ) -> ScreenResult:
        """Inside the population: CONCERN if the cut-off is crossed, else OK."""
        if crossed:
            return self.result(
                value, Flag.CONCERN, cutoff, self.say("concern", **values), self.text.steps[step]
            )
        return self.result(value, Flag.OK, cutoff, self.say("ok", **values), self.text.steps["ok"])


# --- input checks ------------------------------------------------------------------------


def _check_sex(sex: str) -> None:
    if sex not in ("female", "male"):
        raise ValueError(f"sex must be 'female' or 'male', not {sex!r}")


def _check_range(what: str, value: float, low: float, high: float, *, low_open: bool) -> None:
    """Refuse NaN, infinities and values outside [low, high] (or (low, high] if low_open)."""
    above_low = value > low if low_open else value >= low
    if not (math.isfinite(value) and above_low and value <= high):
        bracket = "(" if low_open else "["
        raise ValueError(f"{what} must be in {bracket}{low:g}, {high:g}], not {value!r}")


# --- SARC-F ------------------------------------------------------------------------------


def sarc_f(
    s: int | None,
    a: int | None,
    r: int | None,
    c: int | None,
    f: int | None,
    *,
    age_years: int,
    text: ScreeningText,
) -> ScreenResult:
    """Score the SARC-F questionnaire (SC-01, SC-21) for a reader of `age_years`.

    Args:
        s: Strength answer, 0-2, or None if not answered. Likewise `a` (assistance walking),
            `r` (rise from a chair), `c` (climb stairs) and `f` (falls in the past year).
        age_years: Age in whole years; the cut-off is for adults 65 and over (SC-50, SC-51).
        text: The wording of `content/screening.yaml`.

    Returns:
        The total (0-10 points) flagged CONCERN at 4 or more, else OK. With some answers
        missing the flag is NOT_DONE, unless the answered items already reach 4; with none
        answered the value is None. Under 65: NO_NORM, the total with no verdict.

    Raises:
        ValueError: an answer is outside 0-2.
    """
    answers = (s, a, r, c, f)
    for key, answer in zip(SARC_F_KEYS, answers, strict=True):
        if answer is not None and not 0 <= answer <= SARC_F_ITEM_MAX:
            raise ValueError(
                f"SARC-F item {key!r} must be 0, 1 or {SARC_F_ITEM_MAX}, not {answer!r}"
            )
    scorer = _Scorer(text, "sarc_f", age_years)
    cutoff = scorer.say("cutoff", cutoff=SARC_F_CUTOFF, max=SARC_F_MAX)
    answered = [answer for answer in answers if answer is not None]
    if not answered:
        return scorer.not_done(cutoff, scorer.say("nothing_answered"))
    total = sum(answered)
    missing = len(answers) - len(answered)
    gap = (
        " "
        + scorer.say("gap_one" if missing == 1 else "gap_many", missing=missing, total=len(answers))
        if missing
        else ""
    )
    if not scorer.applies:
        result = scorer.no_verdict(total, cutoff)
        return result if not gap else _with_meaning(result, f"{result.meaning}{gap}")
    if total >= SARC_F_CUTOFF:
        meaning = scorer.say("concern", cutoff=SARC_F_CUTOFF) + gap
        return scorer.result(total, Flag.CONCERN, cutoff, meaning, text.steps["muscle"])
    if missing:
        meaning = scorer.say("partial") + gap
        return scorer.result(total, Flag.NOT_DONE, cutoff, meaning, text.steps["sarc_f_partial"])
    return scorer.scored(total, False, cutoff, "muscle", cutoff=SARC_F_CUTOFF)


def _with_meaning(result: ScreenResult, meaning: str) -> ScreenResult:
    return ScreenResult(**{**result.__dict__, "meaning": meaning})


# --- 30-second chair stand ---------------------------------------------------------------


def chair_stand_norm_table() -> tuple[tuple[int, int, int, int], ...]:
    """The chair-stand norms as rows of (age low, age high, men below, women below).

    Rows follow SC-30..SC-36 in age order; a score below the threshold is below average.
    """
    return tuple((n.age_low, n.age_high, n.men_below, n.women_below) for n in CHAIR_STAND_NORMS)


def _norm_row(age_years: int) -> ChairStandNorm | None:
    return next((n for n in CHAIR_STAND_NORMS if n.age_low <= age_years <= n.age_high), None)


def chair_stand_norm(age_years: int, sex: Sex) -> int | None:
    """The 30-second chair-stand score below which a result is below average (SC-30..SC-36).

    Args:
        age_years: Age in whole years.
        sex: "female" or "male".

    Returns:
        The threshold in stands, or None outside ages 60-94, where the CDC gives no norm.

    Raises:
        ValueError: `sex` is neither "female" nor "male".
    """
    _check_sex(sex)
    row = _norm_row(age_years)
    if row is None:
        return None
    return row.men_below if sex == "male" else row.women_below


def chair_stand(
    stands: int | None, age_years: int, sex: Sex, *, text: ScreeningText
) -> ScreenResult:
    """Compare a 30-second chair-stand count with the CDC norm for age and sex (SC-30..SC-36).

    Args:
        stands: Full stands in 30 seconds, 0-60 (0 if arms were needed), or None if not done.
        age_years: Age in whole years; the norms cover 60-94 only (SC-53).
        sex: "female" or "male".
        text: The wording of `content/screening.yaml`.

    Returns:
        CONCERN below the band's threshold (below average: fall risk), OK at or above it,
        NO_NORM outside ages 60-94 (never extrapolated), NOT_DONE without a count.

    Raises:
        ValueError: `stands` is outside 0-60, or `sex` is neither "female" nor "male".
    """
    _check_sex(sex)
    if stands is not None:
        _check_range("stands", stands, 0, MAX_CHAIR_STANDS, low_open=False)
    scorer = _Scorer(text, "chair_stand", age_years)
    row = _norm_row(age_years)
    if row is None:
        ages = {"age_min": CHAIR_STAND_AGE_MIN, "age_max": CHAIR_STAND_AGE_MAX}
        cutoff = scorer.say("cutoff_outside", **ages)
        no_norm = scorer.say("outside", **ages)
        if stands is None:
            return scorer.result(
                None,
                Flag.NOT_DONE,
                cutoff,
                f"{text.not_done_meaning} {no_norm}",
                text.steps["not_done"],
            )
        return scorer.result(stands, Flag.NO_NORM, cutoff, no_norm, text.steps["outside"])
    threshold = row.men_below if sex == "male" else row.women_below
    people = "men" if sex == "male" else "women"
    values = {
        "threshold": threshold,
        "group": f"{people} {row.age_low}-{row.age_high}",
        "group_aged": f"{people} aged {row.age_low}-{row.age_high}",
    }
    cutoff = scorer.say("cutoff", **values)
    ids = (row.fact_id, *_POPULATION_FACTS["chair_stand"])
    if stands is None:
        return scorer.result(
            None,
            Flag.NOT_DONE,
            cutoff,
            text.not_done_meaning,
            text.steps["not_done"],
            fact_ids=ids,
        )
    crossed = stands < threshold
    result = scorer.scored(stands, crossed, cutoff, "falls", **values)
    where = "compare_below" if crossed else "compare_at" if stands == threshold else "compare_above"
    compare = scorer.say(where, threshold=threshold, group_aged=values["group_aged"])
    meaning = result.meaning.removesuffix(f" {text.within_cutoff}")
    caveat = "" if crossed else f" {text.within_cutoff}"
    return ScreenResult(
        **{**result.__dict__, "fact_ids": ids, "meaning": f"{meaning} {compare}{caveat}"}
    )


# --- 4-stage balance test ----------------------------------------------------------------


def balance(stage_completed: int | None, *, age_years: int, text: ScreeningText) -> ScreenResult:
    """Score the CDC 4-stage balance test (SC-40) for a reader of `age_years`.

    Args:
        stage_completed: The last stage held for 10 seconds, 0-4 (0: stage 1 was not held),
            or None if not done.
        age_years: Age in whole years; CDC STEADI is for adults 65 and over (SC-52).
        text: The wording of `content/screening.yaml`.

    Returns:
        OK if the tandem stance (stage 3) or more was held, CONCERN if not; under 65,
        NO_NORM (the stage held, no verdict).

    Raises:
        ValueError: `stage_completed` is outside 0-4.
    """
    scorer = _Scorer(text, "balance", age_years)
    tandem = text.balance_stages[BALANCE_TANDEM_STAGE - 1].name.lower()
    values = {"tandem": tandem, "stage": BALANCE_TANDEM_STAGE, "seconds": BALANCE_HOLD_SECONDS}
    cutoff = scorer.say("cutoff", **values)
    unit = scorer.say("unit", stages=BALANCE_STAGE_COUNT)
    if stage_completed is None:
        return scorer.not_done(cutoff, unit=unit)
    _check_range("stage_completed", stage_completed, 0, BALANCE_STAGE_COUNT, low_open=False)
    if not scorer.applies:
        return scorer.no_verdict(stage_completed, cutoff, unit=unit)
    crossed = stage_completed < BALANCE_TANDEM_STAGE
    result = scorer.scored(stage_completed, crossed, cutoff, "falls", **values)
    return ScreenResult(**{**result.__dict__, "unit": unit})


# --- Timed Up and Go ---------------------------------------------------------------------


def tug(
    seconds: float | None, *, age_years: int, text: ScreeningText
) -> tuple[ScreenResult, ScreenResult]:
    """Read one Timed Up and Go time against two cut-offs with different purposes.

    Args:
        seconds: The time in seconds, above 0 and at most 600, or None if not done.
        age_years: Age in whole years; both cut-offs are for adults 65 and over (SC-50,
            SC-52).
        text: The wording of `content/screening.yaml`.

    Returns:
        First the CDC fall-risk screen (CONCERN at 12 s or more, SC-41), then the EWGSOP2
        severity grade (CONCERN at 20 s or more, SC-18), which only grades how severe
        sarcopenia is once a clinician has confirmed it. Under 65 both are NO_NORM.

    Raises:
        ValueError: `seconds` is not above 0 and at most 600.
    """
    falls = _Scorer(text, "tug_falls", age_years)
    severity = _Scorer(text, "tug_severity", age_years)
    falls_cutoff = falls.say("cutoff", seconds=TUG_FALL_RISK_SECONDS)
    severity_cutoff = severity.say("cutoff", seconds=TUG_SEVERITY_SECONDS)
    scope = severity.say("scope")
    if seconds is None:
        return (
            falls.not_done(falls_cutoff),
            severity.not_done(severity_cutoff, f"{text.not_done_meaning} {scope}"),
        )
    _check_range("seconds", seconds, 0, MAX_TUG_SECONDS, low_open=True)
    if not falls.applies:
        outside = severity.no_verdict(seconds, severity_cutoff)
        return (
            falls.no_verdict(seconds, falls_cutoff),
            _with_meaning(outside, f"{scope} {outside.meaning}"),
        )
    falls_result = falls.scored(
        seconds,
        seconds >= TUG_FALL_RISK_SECONDS,
        falls_cutoff,
        "falls",
        seconds=TUG_FALL_RISK_SECONDS,
    )
    severe = seconds >= TUG_SEVERITY_SECONDS
    severity_result = severity.scored(
        seconds, severe, severity_cutoff, "severity", seconds=TUG_SEVERITY_SECONDS
    )
    return falls_result, _with_meaning(severity_result, f"{scope} {severity_result.meaning}")


# --- 5-times sit-to-stand ----------------------------------------------------------------


def sit_to_stand_5(
    seconds: float | None, *, age_years: int, text: ScreeningText
) -> tuple[ScreenResult, ScreenResult]:
    """Read a 5-times sit-to-stand time against the European and Asian cut-offs.

    Args:
        seconds: Time for five rises in seconds, above 0 and at most 300, or None if not done.
        age_years: Age in whole years; both cut-offs are for older adults (SC-50, SC-51).
        text: The wording of `content/screening.yaml`.

    Returns:
        First EWGSOP2 (CONCERN above 15 s; exactly 15 s is OK, SC-13), then AWGS 2019
        (CONCERN at 12 s or more; exactly 12 s is CONCERN, SC-24). Under 65 both NO_NORM.

    Raises:
        ValueError: `seconds` is not above 0 and at most 300.
    """
    europe = _Scorer(text, "sts5_ewgsop2", age_years)
    asia = _Scorer(text, "sts5_awgs", age_years)
    europe_cutoff = europe.say("cutoff", seconds=STS5_EWGSOP2_SECONDS)
    asia_cutoff = asia.say("cutoff", seconds=STS5_AWGS_SECONDS)
    if seconds is None:
        return europe.not_done(europe_cutoff), asia.not_done(asia_cutoff)
    _check_range("seconds", seconds, 0, MAX_STS5_SECONDS, low_open=True)
    if not europe.applies:
        return europe.no_verdict(seconds, europe_cutoff), asia.no_verdict(seconds, asia_cutoff)
    return (
        europe.scored(
            seconds,
            seconds > STS5_EWGSOP2_SECONDS,
            europe_cutoff,
            "muscle",
            seconds=STS5_EWGSOP2_SECONDS,
        ),
        asia.scored(
            seconds,
            seconds >= STS5_AWGS_SECONDS,
            asia_cutoff,
            "muscle",
            seconds=STS5_AWGS_SECONDS,
        ),
    )


# --- grip strength -----------------------------------------------------------------------


def grip(
    kg: float | None, sex: Sex, *, age_years: int, text: ScreeningText
) -> tuple[ScreenResult, ScreenResult]:
    """Read a grip-strength result against the European and Asian cut-offs.

    Args:
        kg: Grip strength in kg, 0-150, or None if not measured.
        sex: "female" or "male".
        age_years: Age in whole years; both cut-offs are for older adults (SC-50, SC-51).
        text: The wording of `content/screening.yaml`.

    Returns:
        First EWGSOP2 (CONCERN below 27 kg for men, 16 kg for women, SC-12), then AWGS 2019
        (CONCERN below 28 kg for men, 18 kg for women, SC-22). Under 65 both NO_NORM: a
        30-year-old is never told "low grip strength".

    Raises:
        ValueError: `kg` is outside 0-150, or `sex` is neither "female" nor "male".
    """
    _check_sex(sex)
    male = sex == "male"
    people, person = ("men", "a man") if male else ("women", "a woman")
    europe = _Scorer(text, "grip_ewgsop2", age_years)
    asia = _Scorer(text, "grip_awgs", age_years)
    europe_kg = GRIP_EWGSOP2_MEN_KG if male else GRIP_EWGSOP2_WOMEN_KG
    asia_kg = GRIP_AWGS_MEN_KG if male else GRIP_AWGS_WOMEN_KG
    europe_cutoff = europe.say("cutoff", kg=europe_kg, people=people)
    asia_cutoff = asia.say("cutoff", kg=asia_kg, people=people)
    if kg is None:
        return europe.not_done(europe_cutoff), asia.not_done(asia_cutoff)
    _check_range("kg", kg, 0, MAX_GRIP_KG, low_open=False)
    if not europe.applies:
        return europe.no_verdict(kg, europe_cutoff), asia.no_verdict(kg, asia_cutoff)
    return (
        europe.scored(
            kg,
            kg < europe_kg,
            europe_cutoff,
            "muscle",
            kg=europe_kg,
            people=people,
            person=person,
        ),
        asia.scored(
            kg, kg < asia_kg, asia_cutoff, "muscle", kg=asia_kg, people=people, person=person
        ),
    )


# --- printable summary -------------------------------------------------------------------


def _value_text(result: ScreenResult, text: ScreeningText) -> str:
    if result.value is None:
        return text.summary["not_entered"]
    return f"{result.value:g} {result.unit}"


def summary(results: Iterable[ScreenResult], text: ScreeningText) -> tuple[str, ...]:
    """Plain lines for a printable summary, one per result, in the order given.

    Each line reads "name: value unit - verdict (cut-off for population)", for example
    "30-second chair stand: 9 stands - past the cut-off: worth a check (cut-off for adults
    aged 60-94 (CDC STEADI norms))".
    """
    return tuple(
        text.summary["line"].format(
            name=r.name, value=_value_text(r, text), label=r.label, population=r.population
        )
        for r in results
    )
