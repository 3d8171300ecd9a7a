"""A progressive weekly plan for the legs that meets the activity guidelines.

From a starting level, the weekdays a reader has, the minutes they have on each of those days,
their age and the plan's length, `build_plan` lays out every week:

- strength on 2 non-consecutive days (PA-07, PA-21; NIA: never the same muscle group two days
  in a row, PA-32), covering every leg muscle group with exercises from the library;
- aerobic minutes spread over at least 3 days (PA-04), rising to 150 moderate minutes a week
  by the last week (PA-02, PA-20), from a gentle start or from the reader's own minutes;
- balance on at least 3 days from age 65 (WHO, PA-23; the US gives no count, PA-08);
- progression: repetitions first, then sets, then a harder level or more load; every fourth
  week (but never the last) is easier; and stop rules.

Safety rules for frail starters (issue 13, stated for readers in 120-plan_notes.md):

- a reader who starts "seated or lying" gets only exercises whose data say they are safe for a
  seated start (`Exercise.seated_start_ok`): lying or seated work, and balance work standing
  with both hands on a firm support and someone beside them; the plan never moves them to
  standing work, it shows the check that must come first (`Plan.next_check`);
- an exercise without a sourced dose (`sourced_dose: false`) is never planned;
- a harder level starts again at the first, sourced dose (about 5 repetitions, EX-01), only
  after a "move up only if" check from `content/plan_rules.yaml` (`Week.check`), and never
  to machines or free-standing work;
- aerobic minutes rise at the app's own pace, more slowly for seated and supported starters,
  and never fall from one full week to the next (only an easier week steps back);
- screening results (CDC STEADI chair stand, 4-stage balance, TUG) can lower the starting
  level (`start_from_screening`); that mapping is the app's own cautious choice.

Where the days or minutes cannot hold all of that, the plan still lays out what fits and says
plainly what is short (`Plan.shortfalls`), rather than quietly breaking a rule. Pure: it never
reads the clock; dates come in as arguments.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

import icalendar

from lib import redflags, screening
from lib.content import ContentError, read_yaml
from lib.exercises import LEVEL_NAMES, LEVELS, MUSCLES, Exercise
from lib.redflags import Country
from lib.report import Section
from lib.screening import Flag, ScreeningText, ScreenResult

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

MIN_WEEKS, MAX_WEEKS = 4, 12  # the plan's length (issue 6)
MIN_DAY_MIN, MAX_DAY_MIN = 10, 180  # minutes a reader can give on one day
MIN_AGE, MAX_AGE = 18, 100

AEROBIC_TARGET_MIN = 150  # PA-02 (US PAG 2018), PA-20 (WHO 2020): 150-300 min moderate a week
AEROBIC_MIN_DAYS = 3  # PA-04: activity on at least 3 days a week shows benefit
STRENGTH_DAYS = 2  # PA-07, PA-21: at least 2 days a week (ACSM and NSCA: 2-3, PA-30, PA-31)
BALANCE_AGE = 65  # PA-08, PA-23: older adults
BALANCE_MIN_DAYS = 3  # PA-23: WHO, at least 3 days a week from 65 (the US gives no count)
REP_SECONDS = 7  # PA-32: lift over 3 s, hold 1 s, lower over 3 s

# Our own allowances for the time estimates, not guideline figures: the page says so.
SETUP_MIN_PER_EXERCISE = 1  # getting into position and resting between sets
BALANCE_BLOCK_MIN = 5  # the three super-six balance exercises, done once each
STEP_MIN = 5  # aerobic minutes are planned in steps of 5
EASIER_EVERY = 4  # every fourth week is easier (never the last week)
WEEKS_PER_STEP = 2  # strength moves up one step every two (full) weeks

# A gentle first week when the reader has not said how active they are now: a quarter of
# the target for those who start seated, rising by level. The guidelines count any amount
# (PA-06, PA-25), so the start is a choice of pace, not a health figure.
START_FRACTION = {"seated": 0.2, "supported": 0.4, "bodyweight": 0.6, "loaded": 0.8}
# How fast the aerobic minutes may rise, at most, for the slower starters: our own choice of
# pace (no guideline gives one; the page and 120-plan_notes.md say so). Other starters climb
# in a straight line to 150 by the last week.
SLOW_RISE_MIN_PER_WEEK = {"seated": 10, "supported": 15}

# Which starting level a CDC STEADI fall-risk result allows at most: the app's own cautious
# choice, not a guideline rule (the page says so). The cut-offs themselves are lib.screening's:
# tandem stance not held for 10 s (SC-40), a chair-stand count below average for age and sex
# (SC-30..SC-36), Timed Up and Go of 12 s or more (SC-41). Holding the tandem stance is also
# the check that lets a seated starter move on to standing work (move_up["supported"]).
FALL_RISK_START = {"balance": "seated", "chair_stand": "supported", "tug_falls": "supported"}

SOURCES = {
    "PA-02": "hhs2018",
    "PA-04": "hhs2018",
    "PA-06": "hhs2018",
    "PA-07": "hhs2018",
    "PA-08": "hhs2018",
    "PA-20": "who2020",
    "PA-21": "who2020",
    "PA-23": "who2020",
    "PA-30": "garber2011",
    "PA-31": "fragala2019",
    "PA-32": "nia2012",
    "EX-01": "nhs-strength-older",
    "EX-05": "nhs-tayside-super-six",
}
RULES_PATH: Final = Path(__file__).resolve().parents[1] / "content" / "plan_rules.yaml"


@dataclass(frozen=True)
class Dose:
    """How many sets and repetitions each strength exercise gets, and where that comes from."""

    sets: int
    reps: int
    fact_id: str

    @property
    def text(self) -> str:
        """ "1 set of 5", "2 sets of 10"."""
        return f"{self.sets} set{'s' if self.sets > 1 else ''} of {self.reps}"


# Repetitions first, then sets (the order): NHS starts at about 5 with support
# (EX-01), the super six go up to 10 (EX-05), NIA asks for 2 sets of 10-15 (PA-32).
LADDER = (Dose(1, 5, "EX-01"), Dose(1, 10, "EX-05"), Dose(2, 10, "PA-32"), Dose(2, 15, "PA-32"))
# On machines NSCA's 2-3 sets apply once a reader is used to them (PA-31).
LOADED_LADDER = (Dose(2, 10, "PA-32"), Dose(2, 15, "PA-32"), Dose(3, 10, "PA-31"))
# A reader who moves up a level starts the new, harder exercises at the sourced starting dose
# (about 5 repetitions, NHS, EX-01..EX-03), not where the old level ended.
STARTING_DOSE = LADDER[0]


def ladder_for(level: str) -> tuple[Dose, ...]:
    """The doses a level climbs through."""
    return LOADED_LADDER if level == "loaded" else LADDER


# --- the plan's rules in words (content/plan_rules.yaml) ------------------------------------


@dataclass(frozen=True)
class Rule:
    """One of the plan's rules in the reader's words, with the sources and facts behind it."""

    text: str
    source_ids: tuple[str, ...]
    fact_ids: tuple[str, ...]


@dataclass(frozen=True)
class PlanRules:
    """The "move up only if" check before each level (by the level moved to), and texts."""

    move_up: Mapping[str, Rule]
    texts: Mapping[str, Rule]


START_TEXTS = ("start_capped", "start_cautious", "start_ok", "start_none")
RULE_TEXTS = ("ramp", "seated_balance", "start_note", *START_TEXTS)
STOP_PARTS = ("stop", "emergency", "doctor", "short", "disclaimer")


@dataclass(frozen=True)
class StopRule:
    """The stop rule in the words of `content/plan_rules.yaml` (`stop`): when to stop, when to
    call the emergency number, when to see a doctor, and the line that ends a calendar event.

    `emergency` holds `{number}` where the reader's number goes (`redflags.NUMBER`).
    """

    stop: Rule
    emergency: Rule
    doctor: Rule
    short: Rule  # the three in fewer words, for printouts beside the warning signs
    disclaimer: Rule

    def sentences(self, country: Country | None = None) -> tuple[str, str, str]:
        """What to do, what is an emergency and when to see a doctor, numbers filled in: the
        country's own, or with no country every country's number with its name."""
        number = redflags.numbers_text(country)
        parts = (self.stop, self.emergency, self.doctor)
        stop, emergency, doctor = (r.text.replace(redflags.NUMBER, number) for r in parts)
        return stop, emergency, doctor

    def text(self, country: Country | None = None) -> str:
        """The whole rule in one paragraph."""
        return " ".join(self.sentences(country))

    def short_text(self, country: Country | None = None) -> str:
        """The rule in short, for a printout: the number filled in as in `sentences`."""
        return self.short.text.replace(redflags.NUMBER, redflags.numbers_text(country))

    @property
    def source_ids(self) -> tuple[str, ...]:
        """The sources behind the rule, in the order it uses them."""
        parts = (self.stop, self.emergency, self.doctor)
        return tuple(dict.fromkeys(s for r in parts for s in r.source_ids))

    @property
    def fact_ids(self) -> tuple[str, ...]:
        """The ledger facts behind the rule."""
        parts = (self.stop, self.emergency, self.doctor)
        return tuple(dict.fromkeys(f for r in parts for f in r.fact_ids))


def _stop_rule(path: Path, raw: Any, known: set[str] | None) -> StopRule:
    if not isinstance(raw, dict) or set(raw) != set(STOP_PARTS):
        raise ContentError(path, f"stop needs exactly {list(STOP_PARTS)}")
    parts = {k: _rule(path, f"stop.{k}", raw[k], known) for k in STOP_PARTS}
    for key, rule in parts.items():
        if redflags.has_emergency_number(rule.text):
            raise ContentError(path, f"stop.{key} names an emergency number: write {{number}}")
        braces = rule.text.replace(redflags.NUMBER, "")
        if "{" in braces or "}" in braces:
            raise ContentError(path, f"stop.{key}: the only placeholder allowed is {{number}}")
    for key in ("emergency", "short"):
        if redflags.NUMBER not in parts[key].text:
            raise ContentError(path, f"stop.{key} must name the reader's number as {{number}}")
    return StopRule(**parts)


def load_stop_rule(path: Path, known_sources: Iterable[str] | None = None) -> StopRule:
    """Read the stop rule (the `stop` section) of the plan's rules file.

    Raises:
        ContentError: the file is not YAML, the section or one of its parts is missing or
            unknown, a text writes an emergency number or another placeholder, the emergency
            part does not name `{number}`, or (with `known_sources`) a source id is unknown.
    """
    data = read_yaml(path)
    if not isinstance(data, dict) or "stop" not in data:
        raise ContentError(path, "expected a stop section")
    known = None if known_sources is None else set(known_sources)
    return _stop_rule(path, data["stop"], known)


def load_rules(path: Path, known_sources: Iterable[str]) -> PlanRules:
    """Read the plan's rule texts.

    Raises:
        ContentError: the file is not YAML, misses a check or text, or names an unknown source.
    """
    data = read_yaml(path)
    known = set(known_sources)
    if not isinstance(data, dict) or set(data) != {"move_up", "texts", "stop"}:
        raise ContentError(path, "expected the three sections move_up, texts and stop")
    _stop_rule(path, data["stop"], known)
    move_up = data["move_up"]
    texts = data["texts"]
    if not isinstance(move_up, dict) or set(move_up) != set(LEVELS[1:]):
        raise ContentError(path, f"move_up needs one check for each of {list(LEVELS[1:])}")
    if not isinstance(texts, dict) or set(texts) != set(RULE_TEXTS):
        raise ContentError(path, f"texts needs exactly {list(RULE_TEXTS)}")
    rules = PlanRules(
        move_up=MappingProxyType(
            {k: _rule(path, f"move_up.{k}", v, known) for k, v in move_up.items()}
        ),
        texts=MappingProxyType({k: _rule(path, f"texts.{k}", v, known) for k, v in texts.items()}),
    )
    for key in START_TEXTS:
        try:
            rules.texts[key].text.format(name="", value="", cutoff="", level="")
        except (KeyError, IndexError, ValueError) as err:
            raise ContentError(
                path, f"texts.{key}: use only {{name}}, {{value}}, {{cutoff}} and {{level}}"
            ) from err
    return rules


def _rule(path: Path, where: str, entry: Any, known: set[str] | None) -> Rule:
    if not isinstance(entry, dict) or set(entry) != {"text", "sources", "facts"}:
        raise ContentError(path, f"{where}: needs text, sources and facts")
    text, sources, facts = entry["text"], entry["sources"], entry["facts"]
    if not isinstance(text, str) or not text.strip():
        raise ContentError(path, f"{where}: text must be non-empty")
    for name, ids in (("sources", sources), ("facts", facts)):
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise ContentError(path, f"{where}: {name} must be a list of ids")
    unknown = [] if known is None else [s for s in sources if s not in known]
    if unknown:
        raise ContentError(path, f"{where}: unknown source ids {unknown}")
    return Rule(" ".join(text.split()), tuple(sources), tuple(facts))


@dataclass(frozen=True)
class PlanInput:
    """What the reader told us, already checked (see `lib.params`)."""

    level: str
    days: tuple[int, ...]  # weekday numbers, 0 = Monday
    minutes_per_day: int
    age_years: int
    weeks: int
    current_weekly_min: int | None = None  # moderate-equivalent minutes now (self-check)
    # Screening results, with the screening page's keys (None: not done).
    sex: str = "female"  # for the chair-stand norms
    chair_stands: int | None = None  # 30-second chair stand, full stands
    balance_stage: int | None = None  # 4-stage balance test, last stage held 10 s (0-4)
    tug_s: float | None = None  # Timed Up and Go, seconds


@dataclass(frozen=True)
class Activity:
    """One block of a day: strength, balance or aerobic work."""

    kind: str  # "strength" | "balance" | "aerobic"
    minutes: int
    detail: str  # "2 sets of 10 of each", "20 minutes"
    exercises: tuple[str, ...]  # exercise slugs
    muscles: frozenset[str]  # muscle groups worked by strength exercises (empty otherwise)
    level: str = ""

    @property
    def title(self) -> str:
        """ "Strength", "Balance", "Aerobic"."""
        return self.kind.capitalize()


@dataclass(frozen=True)
class Day:
    """One weekday of one week."""

    weekday: int
    activities: tuple[Activity, ...]

    @property
    def minutes(self) -> int:
        """The day's planned minutes."""
        return sum(a.minutes for a in self.activities)

    @property
    def name(self) -> str:
        """ "Monday"."""
        return WEEKDAY_NAMES[self.weekday]

    def of_kind(self, kind: str) -> Activity | None:
        """The day's block of this kind, if any."""
        return next((a for a in self.activities if a.kind == kind), None)


@dataclass(frozen=True)
class Week:
    """One week of the plan; `days` holds only days with something planned."""

    number: int
    easier: bool
    level: str
    dose: Dose
    aerobic_goal: int  # the week's target on the climb to 150
    aerobic_min: int  # what fits in the minutes given (at most the goal)
    days: tuple[Day, ...]
    check: Rule | None = None  # the "move up only if" check before this week's new level


@dataclass(frozen=True)
class StartStep:
    """One screening result, and the highest starting level it allows (None: no limit)."""

    result: ScreenResult
    caps_at: str | None


@dataclass(frozen=True)
class Start:
    """Where the plan starts: the reader's choice, lowered by any fall-risk screening result."""

    chosen: str
    level: str
    steps: tuple[StartStep, ...]  # every screening result entered, in test order

    @property
    def lowered(self) -> bool:
        """True when a screening result moved the start below the reader's choice."""
        return self.level != self.chosen


@dataclass(frozen=True)
class Plan:
    """The whole plan, the rules it follows and anything it could not fit."""

    inputs: PlanInput
    weeks: tuple[Week, ...]
    strength_days: tuple[int, ...]
    balance_days: tuple[int, ...]
    aerobic_days: tuple[int, ...]
    shortfalls: tuple[str, ...]
    fact_ids: tuple[str, ...]
    start: Start | None = None
    next_check: Rule | None = None  # the check to pass before moving beyond this plan's level
    extra_source_ids: tuple[str, ...] = ()  # behind the checks and the screening start

    @property
    def source_ids(self) -> tuple[str, ...]:
        """The sources behind the plan's rules, in first-use order."""
        ids = [SOURCES[f] for f in self.fact_ids if f in SOURCES]
        return tuple(dict.fromkeys([*ids, *self.extra_source_ids, *STOP_SOURCES]))

    @property
    def meets_guidelines(self) -> bool:
        """True when nothing had to be left short."""
        return not self.shortfalls

    @property
    def summary(self) -> str:
        """The plan in a few sentences, for screen readers and the printed page."""
        first, last = self.weeks[0], self.weeks[-1]
        names = _names(self.strength_days)
        article = "An" if len(self.weeks) in (8, 11) else "A"
        parts = [
            f"{article} {len(self.weeks)}-week plan. Strength on {names}, starting with "
            f"{first.dose.text} of each exercise ({LEVEL_NAMES[first.level].lower()}) and "
            f"reaching {last.dose.text} ({LEVEL_NAMES[last.level].lower()}).",
            f"Aerobic activity on {_names(self.aerobic_days)}, from {first.aerobic_min} "
            f"minutes in week 1 to {last.aerobic_min} minutes in week {last.number}.",
        ]
        if self.balance_days:
            parts.append(f"Balance on {_names(self.balance_days)}.")
        if self.start is not None and self.start.lowered:
            parts.append(
                f"It starts at {LEVEL_NAMES[self.start.level].lower()}, not "
                f"{LEVEL_NAMES[self.start.chosen].lower()}, because of your screening results."
            )
        easier = [str(w.number) for w in self.weeks if w.easier]
        if easier:
            parts.append(f"Easier week{'s' if len(easier) > 1 else ''}: {', '.join(easier)}.")
        for week in self.weeks:
            if week.check is not None:
                parts.append(f"Before week {week.number}: {week.check.text}")
        if self.next_check is not None:
            parts.append(f"After this plan: {self.next_check.text}")
        if self.shortfalls:
            parts.append("Short of the guidelines: " + " ".join(self.shortfalls))
        else:
            parts.append("By the last week it meets the guidelines.")
        return " ".join(parts)


# --- building -----------------------------------------------------------------------------


def build_plan(
    inputs: PlanInput,
    library: Sequence[Exercise],
    rules: PlanRules | None = None,
    screening_text: ScreeningText | None = None,
) -> Plan:
    """Lay out every week of the plan.

    Args:
        inputs: checked inputs; `days` must hold at least one weekday.
        library: the exercise library (`lib.exercises.load_library`).
        rules: the "move up only if" checks (`load_rules`); without them the plan never moves
            to a harder level, since it could not show the check that must come first.
        screening_text: the screening wording (`lib.screening.load_text`), needed when the
            inputs carry screening results.

    Raises:
        ValueError: an input is outside its range (callers check URL values first), or
            screening results come without the screening wording.
    """
    _check(inputs)
    start = start_from_screening(inputs, screening_text)
    days = tuple(sorted(set(inputs.days)))
    strength_days = _two_apart(days)
    shortfalls: list[str] = []
    if len(strength_days) < STRENGTH_DAYS:
        shortfalls.append(
            "Strength needs 2 days that are not next to each other (not Sunday and Monday "
            "either); add a day with a gap between."
        )
    balance_needed = inputs.age_years >= BALANCE_AGE
    balance_days = _balance_days(days, strength_days) if balance_needed else ()
    if balance_needed and len(balance_days) < BALANCE_MIN_DAYS:
        shortfalls.append("From 65, WHO advises balance work on at least 3 days a week.")
    if len(days) < AEROBIC_MIN_DAYS:
        shortfalls.append("Aerobic activity is best spread over at least 3 days a week.")

    steps = _progression(start.level, inputs.weeks, library, rules)
    drafts = [
        _fixed_blocks(
            level,
            dose,
            start.level,
            days=days,
            strength_days=strength_days,
            balance_days=balance_days,
            minutes_per_day=inputs.minutes_per_day,
            library=library,
        )
        for level, dose, _ in steps
    ]
    start_min = _start_minutes(inputs, start.level)
    easier = [_is_easier(n, inputs.weeks) for n in range(1, inputs.weeks + 1)]
    goals = [
        _aerobic_target(n, inputs.weeks, start_min, easier[n - 1], start.level)
        for n in range(1, inputs.weeks + 1)
    ]
    planned = steady_minutes(goals, [_capacity(room) for _, room in drafts], easier)
    options = tuple(e.slug for e in _options(library, "aerobic", start.level, start.level))
    weeks = [
        _finish_week(
            number,
            easier[number - 1],
            steps[number - 1],
            drafts[number - 1],
            goals[number - 1],
            planned[number - 1],
            days,
            options,
        )
        for number in range(1, inputs.weeks + 1)
    ]
    last = weeks[-1]
    if last.aerobic_min < AEROBIC_TARGET_MIN:
        if last.aerobic_goal < AEROBIC_TARGET_MIN:
            shortfalls.append(
                f"At the slower pace this plan builds up for your starting level, it reaches "
                f"{last.aerobic_min} aerobic minutes a week by week {last.number}, not 150: "
                "keep building up after the plan, or choose more weeks."
            )
        else:
            shortfalls.append(
                f"The time you have fits {last.aerobic_min} aerobic minutes a week, not 150: "
                "add minutes or a day."
            )
    if len(days) >= AEROBIC_MIN_DAYS and any(
        sum(1 for d in w.days if d.of_kind("aerobic")) < AEROBIC_MIN_DAYS for w in weeks
    ):
        shortfalls.append(
            "Some weeks have aerobic activity on fewer than 3 days: add minutes on the days "
            "with strength work."
        )
    if any(
        _days_with(w, "strength") != set(strength_days)
        or _days_with(w, "balance") != set(balance_days)
        for w in weeks
    ):
        shortfalls.append("Some strength or balance sessions do not fit in the minutes you have.")
    aerobic_days = tuple(sorted({d.weekday for w in weeks for d in w.days if d.of_kind("aerobic")}))
    next_check = _next_check(start.level, last.level, rules)
    checks = [w.check for w in weeks if w.check is not None]
    if next_check is not None:
        checks.append(next_check)
    extra_facts = [f for c in checks for f in c.fact_ids]
    extra_facts += [f for step in start.steps for f in step.result.fact_ids]
    extra_sources = [s for c in checks for s in c.source_ids]
    extra_sources += [s for step in start.steps for s in step.result.source_ids]
    return Plan(
        inputs=inputs,
        weeks=tuple(weeks),
        strength_days=strength_days,
        balance_days=balance_days,
        aerobic_days=aerobic_days,
        shortfalls=tuple(shortfalls),
        fact_ids=tuple(dict.fromkeys([*_fact_ids(weeks, balance_needed), *extra_facts])),
        start=start,
        next_check=next_check,
        extra_source_ids=tuple(dict.fromkeys(extra_sources)),
    )


def start_text(step: StartStep, rules: PlanRules) -> str:
    """What one screening result did to the start, in the words of plan_rules.yaml."""
    result = step.result
    if step.caps_at:
        # Under 65 the CDC line is no verdict (SC-52), yet the plan starts easier to be safe.
        key = "start_cautious" if result.flag is Flag.NO_NORM else "start_capped"
    else:
        key = "start_none" if result.flag is Flag.NO_NORM else "start_ok"
    value = "" if result.value is None else f"{result.value:g} {result.unit}"
    return rules.texts[key].text.format(
        name=result.name,
        value=value,
        cutoff=result.cutoff,
        level=LEVEL_NAMES[step.caps_at] if step.caps_at else "",
    )


def start_from_screening(inputs: PlanInput, text: ScreeningText | None = None) -> Start:
    """The starting level: the reader's choice, lowered by any CDC STEADI fall-risk result.

    Each result entered is scored by `lib.screening` against its own cut-off; one that
    crosses it (CONCERN) allows at most the level in FALL_RISK_START. The balance and Timed
    Up and Go cut-offs are CDC's for adults 65 and over (SC-52), so under 65 the screening
    page gives no verdict; the plan still lowers the start when the same line is crossed (the
    tandem stance not held, or TUG of 12 s or more: SC-40, SC-41), because starting easier
    is the cautious side. That is the app's own choice and the start texts say so. A result
    that does not cross its line, or a chair stand without a norm (outside ages 60-94),
    never raises the level.

    Raises:
        ValueError: a result is outside what the screening page accepts, or results come
            without the screening wording `text`.
    """
    sex: screening.Sex = "male" if inputs.sex == "male" else "female"
    entered = (inputs.chair_stands, inputs.balance_stage, inputs.tug_s)
    if text is None:
        if any(value is not None for value in entered):
            raise ValueError("screening results need the screening wording (load_text)")
        return Start(chosen=inputs.level, level=inputs.level, steps=())
    age = inputs.age_years
    crossed: list[tuple[ScreenResult, bool]] = []
    if inputs.chair_stands is not None:
        result = screening.chair_stand(inputs.chair_stands, age, sex, text=text)
        crossed.append((result, result.flag is Flag.CONCERN))
    if inputs.balance_stage is not None:
        result = screening.balance(int(inputs.balance_stage), age_years=age, text=text)
        line = inputs.balance_stage < screening.BALANCE_TANDEM_STAGE
        crossed.append((result, result.flag is Flag.CONCERN or line))
    if inputs.tug_s is not None:
        result = screening.tug(inputs.tug_s, age_years=age, text=text)[0]
        line = inputs.tug_s >= screening.TUG_FALL_RISK_SECONDS
        crossed.append((result, result.flag is Flag.CONCERN or line))
    level = inputs.level
    steps = []
    for result, over_the_line in crossed:
        cap = FALL_RISK_START[result.screen] if over_the_line else None
        steps.append(StartStep(result, cap))
        if cap is not None and LEVELS.index(cap) < LEVELS.index(level):
            level = cap
    return Start(chosen=inputs.level, level=level, steps=tuple(steps))


def _days_with(week: Week, kind: str) -> set[int]:
    return {d.weekday for d in week.days if d.of_kind(kind) is not None}


def _check(inputs: PlanInput) -> None:
    if inputs.level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}")
    if not inputs.days or not all(0 <= d < len(WEEKDAYS) for d in inputs.days):
        raise ValueError("days must hold weekday numbers 0-6")
    if not MIN_DAY_MIN <= inputs.minutes_per_day <= MAX_DAY_MIN:
        raise ValueError(f"minutes_per_day must be {MIN_DAY_MIN}-{MAX_DAY_MIN}")
    if not MIN_AGE <= inputs.age_years <= MAX_AGE:
        raise ValueError(f"age_years must be {MIN_AGE}-{MAX_AGE}")
    if not MIN_WEEKS <= inputs.weeks <= MAX_WEEKS:
        raise ValueError(f"weeks must be {MIN_WEEKS}-{MAX_WEEKS}")
    if inputs.current_weekly_min is not None and inputs.current_weekly_min < 0:
        raise ValueError("current_weekly_min cannot be negative")
    if inputs.sex not in ("female", "male"):
        raise ValueError("sex must be 'female' or 'male'")
    if inputs.balance_stage is not None and inputs.balance_stage != int(inputs.balance_stage):
        raise ValueError("balance_stage must be a whole stage, 0-4")


def adjacent(a: int, b: int) -> bool:
    """True when two weekdays follow each other, Sunday and Monday included."""
    return (a - b) % len(WEEKDAYS) in (1, len(WEEKDAYS) - 1)


def _two_apart(days: Sequence[int]) -> tuple[int, ...]:
    """Two of `days` that are not adjacent, as far apart as possible; else just the first."""
    best: tuple[int, ...] = ()
    best_gap = -1
    for first in days:
        for second in days:
            if second <= first or adjacent(first, second):
                continue
            gap = min((second - first) % 7, (first - second) % 7)
            if gap > best_gap:
                best, best_gap = (first, second), gap
    return best or tuple(days[:1])


def _balance_days(days: Sequence[int], strength_days: Sequence[int]) -> tuple[int, ...]:
    """At least 3 days, preferring days without strength work (they are shorter)."""
    others = [d for d in days if d not in strength_days]
    chosen = others[:BALANCE_MIN_DAYS]
    for day in strength_days:
        if len(chosen) >= BALANCE_MIN_DAYS:
            break
        chosen.append(day)
    return tuple(sorted(chosen))


def _is_easier(number: int, weeks: int) -> bool:
    return number % EASIER_EVERY == 0 and number != weeks


def _progression(
    start_level: str, weeks: int, library: Sequence[Exercise], rules: PlanRules | None
) -> list[tuple[str, Dose, Rule | None]]:
    """Each week's level, dose and the check before a new level (two full weeks a step).

    An easier week steps one dose back within its level. After the top of a level's ladder,
    the plan moves up a level only where `_next_level` allows it, and then starts the new
    exercises at STARTING_DOSE.
    """
    level, index, at_step = start_level, 0, 0
    out: list[tuple[str, Dose, Rule | None]] = []
    for number in range(1, weeks + 1):
        ladder = ladder_for(level)
        if _is_easier(number, weeks):
            out.append((level, ladder[max(0, index - 1)], None))
            continue
        check = None
        if at_step >= WEEKS_PER_STEP:
            at_step = 0
            if index + 1 < len(ladder):
                index += 1
            else:
                up = _next_level(start_level, level, library, rules)
                if up is not None and rules is not None:
                    level, index, check = up, 0, rules.move_up[up]
        at_step += 1
        dose = STARTING_DOSE if check is not None else ladder_for(level)[index]
        out.append((level, dose, check))
    return out


def _next_level(
    start_level: str, level: str, library: Sequence[Exercise], rules: PlanRules | None
) -> str | None:
    """The level the plan may move to by itself after `level`, if any.

    Never without the checks to show; never for a seated starter (they move on only after a
    check the plan cannot see, `move_up["supported"]`); never when the new level's exercises
    need a machine or are free-standing (see `_allowed`).
    """
    rank = LEVELS.index(level)
    if rules is None or start_level == "seated" or rank + 1 >= len(LEVELS):
        return None
    up = LEVELS[rank + 1]
    new = [e for e in strength_routine(library, up, start=start_level) if e.level == up]
    return up if new else None


def _next_check(start_level: str, last_level: str, rules: PlanRules | None) -> Rule | None:
    """The check to pass before moving beyond the level the plan ends at."""
    rank = LEVELS.index(last_level)
    if rules is None or rank + 1 >= len(LEVELS):
        return None
    return rules.move_up[LEVELS[rank + 1]]


def _start_minutes(inputs: PlanInput, level: str) -> int:
    if inputs.current_weekly_min is not None:
        raw = min(float(inputs.current_weekly_min), AEROBIC_TARGET_MIN)
    else:
        raw = AEROBIC_TARGET_MIN * START_FRACTION[level]
    # At least 5 minutes on each of 3 days, so that even week 1 is spread out (PA-04).
    return max(STEP_MIN * AEROBIC_MIN_DAYS, _ceil_step(raw))


def _ceil_step(minutes: float) -> int:
    return int(math.ceil(minutes / STEP_MIN) * STEP_MIN)


def _aerobic_target(number: int, weeks: int, start: int, easier: bool, level: str) -> int:
    """Weekly minutes: a straight climb from `start`, reaching 150 in the last week.

    Seated and supported starters climb at most SLOW_RISE_MIN_PER_WEEK a week, so they may
    end the plan below 150 (the plan then says so). An easier week goes back two weeks.
    """
    if easier:
        number = max(1, number - WEEKS_PER_STEP)
    rise = (AEROBIC_TARGET_MIN - start) / (weeks - 1)
    if level in SLOW_RISE_MIN_PER_WEEK:
        rise = min(rise, SLOW_RISE_MIN_PER_WEEK[level])
    return min(_ceil_step(start + rise * (number - 1)), max(start, AEROBIC_TARGET_MIN))


def steady_minutes(
    goals: Sequence[int], capacities: Sequence[int], easier: Sequence[bool]
) -> list[int]:
    """Each week's aerobic minutes: the goal where it fits, never falling between full weeks.

    Where a later full week has less room (longer strength sessions), earlier full weeks are
    held to what that week fits, so minutes never drop for a reason the reader cannot see;
    only an easier week steps back, and never above the full week before it.
    """
    planned = [min(g, c) for g, c in zip(goals, capacities, strict=True)]
    ceiling = math.inf
    for k in reversed(range(len(planned))):
        if not easier[k]:
            planned[k] = int(min(planned[k], ceiling))
            ceiling = planned[k]
    before: int | None = None
    for k, minutes in enumerate(planned):
        if easier[k] and before is not None:
            planned[k] = min(minutes, before)
        elif not easier[k]:
            before = minutes
    return planned


def _capacity(room: Mapping[int, int]) -> int:
    """The aerobic minutes `_spread_minutes` can place in this room (steps of 5 a day)."""
    return sum(r // STEP_MIN * STEP_MIN for r in room.values() if r >= STEP_MIN)


def strength_routine(
    library: Iterable[Exercise], level: str, *, start: str | None = None
) -> tuple[Exercise, ...]:
    """Strength exercises that together work every leg muscle group at this level.

    Only exercises the plan may give a reader who started at `start` (default: `level`;
    see `_allowed`). Greedy: each time take the exercise that adds muscle groups not yet
    worked, preferring the level itself, then the most groups added, then the nearest level
    below, then one done with both legs at once; ties go to the library's order.
    """
    rank = LEVELS.index(level)
    begin = level if start is None else start
    candidates = [
        e for e in library if e.kind == "strength" and e.level_rank <= rank and _allowed(e, begin)
    ]
    chosen: list[Exercise] = []
    missing = set(MUSCLES)
    while missing:
        best = max(
            candidates,
            key=lambda e: (
                bool(missing & set(e.muscles)),
                e.level_rank == rank,
                len(missing & set(e.muscles)),
                e.level_rank,
                -e.sides,
            ),
            default=None,
        )
        if best is None or not missing & set(best.muscles):
            break  # the library cannot cover the rest (its tests make sure it can)
        chosen.append(best)
        candidates.remove(best)
        missing -= set(best.muscles)
    return tuple(chosen)


def _allowed(exercise: Exercise, start: str) -> bool:
    """Whether a plan that started at `start` may ever give this exercise.

    Never one without a sourced dose; for a seated start, only what its data mark safe for a
    seated start; above the starting level, never a machine or free-standing work (nobody is
    moved to those automatically).
    """
    if not exercise.sourced_dose:
        return False
    if start == "seated" and not exercise.seated_start_ok:
        return False
    above = exercise.level_rank > LEVELS.index(start)
    return not (above and (exercise.free_standing or "machine" in exercise.equipment))


def _options(
    library: Iterable[Exercise], kind: str, level: str, start: str
) -> tuple[Exercise, ...]:
    """Balance or aerobic options a reader at this level can do (held on to, for balance)."""
    rank = max(LEVELS.index(level), 1 if kind == "balance" else 0)
    found = [e for e in library if e.kind == kind and e.level_rank <= rank and _allowed(e, start)]
    found.sort(key=lambda e: -e.level_rank)
    return tuple(found)


def strength_minutes(routine: Sequence[Exercise], dose: Dose) -> int:
    """Time for one strength session: repetitions at the 3-1-3 tempo plus set-up time."""
    seconds = sum(e.sides * dose.sets * dose.reps * REP_SECONDS for e in routine)
    total = seconds / 60 + SETUP_MIN_PER_EXERCISE * len(routine) * dose.sets
    return _ceil_step(total)


# The balance block's instruction: with both hands and someone beside them for a seated start.
BALANCE_DETAIL = "each exercise once, holding on as its steps say"
SEATED_BALANCE_DETAIL = (
    "each exercise once, with both hands on a firm support and someone beside you"
)


def _fixed_blocks(
    level: str,
    dose: Dose,
    start: str,
    *,
    days: Sequence[int],
    strength_days: Sequence[int],
    balance_days: Sequence[int],
    minutes_per_day: int,
    library: Sequence[Exercise],
) -> tuple[dict[int, list[Activity]], dict[int, int]]:
    """A week's strength and balance blocks, and the minutes left on each day."""
    routine = strength_routine(library, level, start=start)
    strength_min = strength_minutes(routine, dose)
    balance = _options(library, "balance", level, start)[:3]
    blocks: dict[int, list[Activity]] = {d: [] for d in days}
    room = dict.fromkeys(days, minutes_per_day)
    if strength_min <= minutes_per_day:
        for day in strength_days:
            blocks[day].append(
                Activity(
                    kind="strength",
                    minutes=strength_min,
                    detail=f"{dose.text} of each exercise",
                    exercises=tuple(e.slug for e in routine),
                    muscles=frozenset(m for e in routine for m in e.muscles),
                    level=level,
                )
            )
            room[day] -= strength_min
    detail = SEATED_BALANCE_DETAIL if start == "seated" else BALANCE_DETAIL
    for day in balance_days:
        if room[day] >= BALANCE_BLOCK_MIN and balance:
            blocks[day].append(
                Activity(
                    kind="balance",
                    minutes=BALANCE_BLOCK_MIN,
                    detail=detail,
                    exercises=tuple(e.slug for e in balance),
                    muscles=frozenset(),
                )
            )
            room[day] -= BALANCE_BLOCK_MIN
    return blocks, room


def _finish_week(
    number: int,
    easier: bool,
    step: tuple[str, Dose, Rule | None],
    draft: tuple[dict[int, list[Activity]], dict[int, int]],
    goal: int,
    planned: int,
    days: Sequence[int],
    options: tuple[str, ...],
) -> Week:
    """Add the week's aerobic minutes to its strength and balance blocks."""
    level, dose, check = step
    blocks, room = draft
    total = 0
    for day, minutes in _spread_minutes(planned, room).items():
        if minutes:
            total += minutes
            blocks[day].append(
                Activity(
                    kind="aerobic",
                    minutes=minutes,
                    detail=f"{minutes} minutes at a moderate effort",
                    exercises=options,
                    muscles=frozenset(),
                )
            )
    return Week(
        number=number,
        easier=easier,
        level=level,
        dose=dose,
        aerobic_goal=goal,
        aerobic_min=total,
        days=tuple(Day(d, tuple(blocks[d])) for d in days if blocks[d]),
        check=check,
    )


def _spread_minutes(target: int, room: dict[int, int]) -> dict[int, int]:
    """Share `target` minutes out in steps of 5, evenly, over as many days as have room."""
    given = dict.fromkeys(room, 0)
    left = target
    while left > 0:
        open_days = [d for d in room if room[d] - given[d] >= STEP_MIN]
        if not open_days:
            break
        day = min(open_days, key=lambda d: (given[d], -(room[d] - given[d]), d))
        given[day] += STEP_MIN
        left -= STEP_MIN
    return given


def _fact_ids(weeks: Sequence[Week], balance: bool) -> tuple[str, ...]:
    ids = ["PA-02", "PA-20", "PA-04", "PA-06", "PA-07", "PA-21", "PA-32"]
    ids += [w.dose.fact_id for w in weeks]
    if balance:
        ids += ["PA-08", "PA-23"]
    return tuple(dict.fromkeys(ids))


def _names(days: Iterable[int]) -> str:
    names = [WEEKDAY_NAMES[d] for d in days]
    if len(names) <= 1:
        return "".join(names) or "no day"
    return ", ".join(names[:-1]) + " and " + names[-1]


# --- exports ------------------------------------------------------------------------------

CSV_FIELDS = ("week", "day", "date", "activity", "minutes", "detail", "exercises", "easier_week")


def rows(plan: Plan, start: dt.date | None = None) -> list[dict[str, object]]:
    """Every planned block as a flat row (the CSV's rows)."""
    out: list[dict[str, object]] = []
    for week in plan.weeks:
        for day in week.days:
            date = _date(start, week.number, day.weekday) if start else None
            for activity in day.activities:
                out.append(
                    {
                        "week": week.number,
                        "day": day.name,
                        "date": date.isoformat() if date else "",
                        "activity": activity.title,
                        "minutes": activity.minutes,
                        "detail": activity.detail,
                        "exercises": ", ".join(activity.exercises),
                        "easier_week": "yes" if week.easier else "",
                    }
                )
    return out


def to_csv(plan: Plan, start: dt.date | None = None) -> str:
    """The plan as CSV text, one row per block."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(plan, start))
    return buffer.getvalue()


def grid(plan: Plan) -> list[dict[str, str]]:
    """One row per week, one column per weekday: the week grid shown on the page."""
    out = []
    for week in plan.weeks:
        label = f"{week.number}{' (easier)' if week.easier else ''}"
        row = {"Week": label + (" (move-up check first)" if week.check else "")}
        by_day = {d.weekday: d for d in week.days}
        for number, name in enumerate(WEEKDAY_NAMES):
            day = by_day.get(number)
            row[name[:3]] = (
                " + ".join(_block(a) for a in day.activities) if day is not None else "rest"
            )
        out.append(row)
    return out


def _block(activity: Activity) -> str:
    """ "strength 20 min": one block in a grid cell, a calendar title or a printed row."""
    return f"{activity.kind} {activity.minutes} min"


def _date(start: dt.date, week: int, weekday: int) -> dt.date:
    """The date of a weekday in a plan week; week 1 is the week holding `start`."""
    monday = start - dt.timedelta(days=start.weekday())
    return monday + dt.timedelta(weeks=week - 1, days=weekday)


def first_monday(today: dt.date) -> dt.date:
    """The Monday a plan made today starts on: today if Monday, else the next one."""
    return today + dt.timedelta(days=(7 - today.weekday()) % 7)


# --- calendar ----------------------------------------------------------------------------------

CALENDAR_DOMAIN = "leg-muscle-explorer"


def to_ics(
    plan: Plan,
    start: dt.date,
    *,
    stamp: dt.datetime,
    titles: dict[str, str] | None = None,
    link: str | None = None,
) -> bytes:
    """The plan as an iCalendar file: one all-day event per planned day.

    Args:
        plan: the plan.
        start: a date in the plan's first week (week 1 runs Monday to Sunday around it).
        stamp: when the file is made (UTC), which iCalendar requires of every event.
        titles: exercise titles by slug, for the event descriptions.
        link: the address that reopens this plan, added to each event.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Leg Muscle Explorer//weekly plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Leg muscle plan")
    names = titles or {}
    for week in plan.weeks:
        for day in week.days:
            date = _date(start, week.number, day.weekday)
            event = icalendar.Event()
            event.add("uid", f"{date.isoformat()}-{week.number}@{CALENDAR_DOMAIN}")
            event.add("dtstamp", stamp)
            event.add("dtstart", date)
            event.add("dtend", date + dt.timedelta(days=1))
            event.add("summary", event_summary(day))
            event.add("description", _event_description(week, day, names, link))
            event.add("transp", "TRANSPARENT")
            calendar.add_component(event)
    return bytes(calendar.to_ical())


def event_summary(day: Day) -> str:
    """ "Legs: strength 20 min, aerobic 15 min"."""
    return "Legs: " + ", ".join(_block(a) for a in day.activities)


def _event_description(week: Week, day: Day, titles: dict[str, str], link: str | None) -> str:
    lines = [f"Week {week.number}{' (an easier week)' if week.easier else ''}."]
    if week.check is not None and week.days and day == week.days[0]:
        lines.append(f"New, harder exercises this week. Move up only if: {week.check.text}")
    for activity in day.activities:
        names = ", ".join(titles.get(slug, slug) for slug in activity.exercises)
        joiner = " or " if activity.kind == "aerobic" else ": "
        what = f"{activity.detail}{joiner}{names}" if names else activity.detail
        lines.append(f"{activity.title} ({activity.minutes} min): {what}.")
    lines.append(f"{STOP_RULE} {STOP.disclaimer.text}")
    if link:
        lines.append(f"Your plan: {link}")
    return "\n".join(lines)


# The stop rule, said the same everywhere, in the words of content/plan_rules.yaml. It is
# read once, at import, as lib.redflags reads its checklist: every page, printout and
# calendar event must say the same; a mistake in the file raises ContentError naming it.
STOP: Final[StopRule] = load_stop_rule(RULES_PATH)
STOP_SOURCES: Final[tuple[str, ...]] = STOP.source_ids
STOP_FACTS: Final[tuple[str, ...]] = STOP.fact_ids
# With no country known: every country's number, each with its name.
STOP_RULE: Final[str] = STOP.text()


def report_sections(plan: Plan, titles: dict[str, str]) -> tuple[Section, ...]:
    """The plan's exercises, then one table row per week, for the printable summary."""
    routines: dict[str, str] = {}  # one row per routine, in the order the plan meets them
    for week in plan.weeks:
        for day in week.days:
            for activity in day.activities:
                label = activity.title
                if activity.kind == "strength":
                    label += f" ({LEVEL_NAMES[activity.level].lower()})"
                names = ", ".join(titles.get(s, s) for s in activity.exercises)
                routines.setdefault(label, names)
    exercises_section = Section("The exercises", rows=tuple(routines.items()))
    weeks_section = Section(
        "Week by week",
        rows=tuple(
            (
                f"Week {week.number}{' (easier)' if week.easier else ''}",
                "; ".join(f"{day.name[:3]}: {_day_text(day)}" for day in week.days),
            )
            for week in plan.weeks
        ),
    )
    checks = [(f"Before week {w.number}", w.check.text) for w in plan.weeks if w.check]
    if plan.next_check is not None:
        checks.append(("After this plan", plan.next_check.text))
    if not checks:
        return exercises_section, weeks_section
    return exercises_section, weeks_section, Section("Move up only if", rows=tuple(checks))


def _day_text(day: Day) -> str:
    return ", ".join(
        _block(a) + (f" ({a.detail})" if a.kind == "strength" else "") for a in day.activities
    )
