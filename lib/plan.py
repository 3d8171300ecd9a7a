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

Where the days or minutes cannot hold all of that, the plan still lays out what fits and says
plainly what is short (`Plan.shortfalls`), rather than quietly breaking a rule. Pure: it never
reads the clock; dates come in as arguments.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import icalendar

from lib.exercises import LEVEL_NAMES, LEVELS, MUSCLES, Exercise
from lib.report import Section

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
STOP_SOURCES = ("nhs-tayside-super-six", "cdc-heartattack")


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
# A reader who moves up a level starts the harder exercises at this step.
LEVEL_UP_STEP = 2


@dataclass(frozen=True)
class PlanInput:
    """What the reader told us, already checked (see `lib.params`)."""

    level: str
    days: tuple[int, ...]  # weekday numbers, 0 = Monday
    minutes_per_day: int
    age_years: int
    weeks: int
    current_weekly_min: int | None = None  # moderate-equivalent minutes now (self-check)


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

    @property
    def source_ids(self) -> tuple[str, ...]:
        """The sources behind the plan's rules, in first-use order."""
        ids = [SOURCES[f] for f in self.fact_ids if f in SOURCES]
        return tuple(dict.fromkeys([*ids, *STOP_SOURCES]))

    @property
    def meets_guidelines(self) -> bool:
        """True when nothing had to be left short."""
        return not self.shortfalls

    @property
    def summary(self) -> str:
        """The plan in a few sentences, for screen readers and the printed page."""
        first, last = self.weeks[0], self.weeks[-1]
        names = _names(self.strength_days)
        parts = [
            f"A {len(self.weeks)}-week plan. Strength on {names}, starting with "
            f"{first.dose.text} of each exercise ({LEVEL_NAMES[first.level].lower()}) and "
            f"reaching {last.dose.text} ({LEVEL_NAMES[last.level].lower()}).",
            f"Aerobic activity on {_names(self.aerobic_days)}, from {first.aerobic_min} "
            f"minutes in week 1 to {last.aerobic_min} minutes in week {last.number}.",
        ]
        if self.balance_days:
            parts.append(f"Balance on {_names(self.balance_days)}.")
        easier = [str(w.number) for w in self.weeks if w.easier]
        if easier:
            parts.append(f"Easier week{'s' if len(easier) > 1 else ''}: {', '.join(easier)}.")
        if self.shortfalls:
            parts.append("Short of the guidelines: " + " ".join(self.shortfalls))
        else:
            parts.append("By the last week it meets the guidelines.")
        return " ".join(parts)


# --- building -----------------------------------------------------------------------------


def build_plan(inputs: PlanInput, library: Sequence[Exercise]) -> Plan:
    """Lay out every week of the plan.

    Args:
        inputs: checked inputs; `days` must hold at least one weekday.
        library: the exercise library (`lib.exercises.load_library`).

    Raises:
        ValueError: an input is outside its range (callers check URL values first).
    """
    _check(inputs)
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

    weeks = []
    start = _start_minutes(inputs)
    for number in range(1, inputs.weeks + 1):
        easier = _is_easier(number, inputs.weeks)
        level, dose = _strength_step(inputs.level, _progress_weeks(number, inputs.weeks))
        target = _aerobic_target(number, inputs.weeks, start, easier)
        weeks.append(
            _week(
                number,
                easier,
                level,
                dose,
                target,
                days=days,
                strength_days=strength_days,
                balance_days=balance_days,
                minutes_per_day=inputs.minutes_per_day,
                library=library,
            )
        )
    last = weeks[-1]
    if last.aerobic_min < AEROBIC_TARGET_MIN:
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
    return Plan(
        inputs=inputs,
        weeks=tuple(weeks),
        strength_days=strength_days,
        balance_days=balance_days,
        aerobic_days=aerobic_days,
        shortfalls=tuple(shortfalls),
        fact_ids=_fact_ids(weeks, balance_needed),
    )


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


def _progress_weeks(number: int, weeks: int) -> int:
    """Full (not easier) weeks done before this one; an easier week steps back one step."""
    done = sum(1 for n in range(1, number) if not _is_easier(n, weeks))
    if _is_easier(number, weeks):
        done = max(0, done - WEEKS_PER_STEP)
    return done


def _strength_step(start_level: str, progress_weeks: int) -> tuple[str, Dose]:
    """The level and dose after this many weeks of progress (two weeks a step)."""
    steps = progress_weeks // WEEKS_PER_STEP
    level = LEVELS.index(start_level)
    index = 0
    for _ in range(steps):
        ladder = LOADED_LADDER if LEVELS[level] == "loaded" else LADDER
        if index + 1 < len(ladder):
            index += 1
        elif level + 1 < len(LEVELS):
            level += 1
            index = 0 if LEVELS[level] == "loaded" else LEVEL_UP_STEP
    ladder = LOADED_LADDER if LEVELS[level] == "loaded" else LADDER
    return LEVELS[level], ladder[index]


def _start_minutes(inputs: PlanInput) -> int:
    if inputs.current_weekly_min is not None:
        raw = min(float(inputs.current_weekly_min), AEROBIC_TARGET_MIN)
    else:
        raw = AEROBIC_TARGET_MIN * START_FRACTION[inputs.level]
    # At least 5 minutes on each of 3 days, so that even week 1 is spread out (PA-04).
    return max(STEP_MIN * AEROBIC_MIN_DAYS, int(math.ceil(raw / STEP_MIN) * STEP_MIN))


def _aerobic_target(number: int, weeks: int, start: int, easier: bool) -> int:
    """Weekly minutes: a straight climb from `start` to 150 in the last week."""
    if easier:
        number = max(1, number - WEEKS_PER_STEP)
    share = (number - 1) / (weeks - 1)
    raw = start + (AEROBIC_TARGET_MIN - start) * share
    return int(math.ceil(raw / STEP_MIN) * STEP_MIN)


def strength_routine(library: Iterable[Exercise], level: str) -> tuple[Exercise, ...]:
    """Strength exercises that together work every leg muscle group at this level.

    Greedy: each time take the exercise that adds muscle groups not yet worked, preferring
    the level itself, then the most groups added, then the nearest level below, then one
    done with both legs at once; ties go to the library's order.
    """
    rank = LEVELS.index(level)
    candidates = [e for e in library if e.kind == "strength" and e.level_rank <= rank]
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


def _options(library: Iterable[Exercise], kind: str, level: str) -> tuple[Exercise, ...]:
    """Balance or aerobic options a reader at this level can do (held on to, for balance)."""
    rank = max(LEVELS.index(level), 1 if kind == "balance" else 0)
    found = [e for e in library if e.kind == kind and e.level_rank <= rank]
    found.sort(key=lambda e: -e.level_rank)
    return tuple(found)


def strength_minutes(routine: Sequence[Exercise], dose: Dose) -> int:
    """Time for one strength session: repetitions at the 3-1-3 tempo plus set-up time."""
    seconds = sum(e.sides * dose.sets * dose.reps * REP_SECONDS for e in routine)
    total = seconds / 60 + SETUP_MIN_PER_EXERCISE * len(routine) * dose.sets
    return int(math.ceil(total / STEP_MIN) * STEP_MIN)


def _week(
    number: int,
    easier: bool,
    level: str,
    dose: Dose,
    target: int,
    *,
    days: Sequence[int],
    strength_days: Sequence[int],
    balance_days: Sequence[int],
    minutes_per_day: int,
    library: Sequence[Exercise],
) -> Week:
    routine = strength_routine(library, level)
    strength_min = strength_minutes(routine, dose)
    balance = _options(library, "balance", level)[:3]
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
    for day in balance_days:
        if room[day] >= BALANCE_BLOCK_MIN and balance:
            blocks[day].append(
                Activity(
                    kind="balance",
                    minutes=BALANCE_BLOCK_MIN,
                    detail="each exercise once, holding on if you need to",
                    exercises=tuple(e.slug for e in balance),
                    muscles=frozenset(),
                )
            )
            room[day] -= BALANCE_BLOCK_MIN
    aerobic = _spread_minutes(target, room)
    options = tuple(e.slug for e in _options(library, "aerobic", level))
    total = 0
    for day, minutes in aerobic.items():
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
        aerobic_goal=target,
        aerobic_min=total,
        days=tuple(Day(d, tuple(blocks[d])) for d in days if blocks[d]),
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
        row = {"Week": f"{week.number}{' (easier)' if week.easier else ''}"}
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
    for activity in day.activities:
        names = ", ".join(titles.get(slug, slug) for slug in activity.exercises)
        joiner = " or " if activity.kind == "aerobic" else ": "
        what = f"{activity.detail}{joiner}{names}" if names else activity.detail
        lines.append(f"{activity.title} ({activity.minutes} min): {what}.")
    lines.append(STOP_RULE)
    if link:
        lines.append(f"Your plan: {link}")
    return "\n".join(lines)


# The stop rule of NHS Tayside's exercise sheets (STOP_SOURCES), said the same everywhere.
STOP_SIGNS = "you get chest pain, feel dizzy or faint, or are very short of breath"
STOP_RULE = (
    f"Stop right away and get medical help if {STOP_SIGNS}. Educational, not medical advice."
)


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
    return exercises_section, weeks_section


def _day_text(day: Day) -> str:
    return ", ".join(
        _block(a) + (f" ({a.detail})" if a.kind == "strength" else "") for a in day.activities
    )
