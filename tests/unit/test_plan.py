"""lib.plan: every plan keeps the guideline rules, for every input a reader can give."""

from __future__ import annotations

import datetime as dt
import itertools

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib import content, exercises, plan
from lib.exercises import MUSCLES, Exercise
from lib.plan import PlanInput
from tests.conftest import CONTENT


def _exercise(slug: str, kind: str, level: str, muscles: tuple[str, ...], sides: int = 1):
    return Exercise(
        slug=slug,
        title=slug,
        summary="",
        kind=kind,
        muscles=muscles,
        level=level,
        equipment=("chair",),
        sides=sides,
        figure=slug,
        source_ids=(),
        cited=(),
        reviewed=dt.date(2026, 11, 21),
        markdown="",
        html="",
    )


# A small library shaped like the real one: every muscle group at every level or below.
LIBRARY = (
    _exercise("sit_to_stand", "strength", "seated", ("quadriceps", "glutes", "hamstrings")),
    _exercise("seated_heel_raise", "strength", "seated", ("calves",)),
    _exercise("seated_toe_raise", "strength", "seated", ("ankle",)),
    _exercise("side_lying_leg_lift", "strength", "seated", ("hip_abductors",), sides=2),
    _exercise("mini_squat", "strength", "supported", ("quadriceps", "glutes")),
    _exercise("side_leg_lift", "strength", "supported", ("hip_abductors", "glutes"), sides=2),
    _exercise("hamstring_curl", "strength", "supported", ("hamstrings",), sides=2),
    _exercise("heel_raise", "strength", "supported", ("calves",)),
    _exercise("step_up", "strength", "bodyweight", ("quadriceps", "glutes"), sides=2),
    _exercise("heel_raise_step", "strength", "bodyweight", ("calves", "ankle")),
    _exercise("leg_press", "strength", "loaded", ("quadriceps", "glutes", "hamstrings")),
    _exercise("heel_to_toe_stand", "balance", "supported", ("ankle",)),
    _exercise("one_leg_stand", "balance", "supported", ("glutes",), sides=2),
    _exercise("chair_aerobics", "aerobic", "seated", ()),
    _exercise("walking", "aerobic", "supported", ()),
)

ALL_DAYS = tuple(range(7))


def make(level="supported", days=(0, 2, 4, 5), minutes=60, age=70, weeks=8, now=None):
    """A plan from the small library, with readable defaults."""
    inputs = PlanInput(level, tuple(days), minutes, age, weeks, now)
    return plan.build_plan(inputs, LIBRARY)


inputs_strategy = st.builds(
    PlanInput,
    level=st.sampled_from(exercises.LEVELS),
    days=st.sets(st.integers(0, 6), min_size=1).map(lambda s: tuple(sorted(s))),
    minutes_per_day=st.integers(plan.MIN_DAY_MIN, plan.MAX_DAY_MIN),
    age_years=st.integers(plan.MIN_AGE, plan.MAX_AGE),
    weeks=st.integers(plan.MIN_WEEKS, plan.MAX_WEEKS),
    current_weekly_min=st.none() | st.integers(0, 600),
)


def strength_days_of(week):
    return sorted(d.weekday for d in week.days if d.of_kind("strength"))


# --- properties that hold for every plan ------------------------------------------------------


@given(inputs_strategy)
def test_only_the_available_days_are_used(inputs):
    """Nothing is planned on a day the reader did not offer."""
    built = plan.build_plan(inputs, LIBRARY)
    for week in built.weeks:
        assert {d.weekday for d in week.days} <= set(inputs.days)


@given(inputs_strategy)
def test_no_day_is_longer_than_the_minutes_given(inputs):
    """Each day fits in the minutes the reader has."""
    built = plan.build_plan(inputs, LIBRARY)
    for week in built.weeks:
        for day in week.days:
            assert day.minutes <= inputs.minutes_per_day


@given(inputs_strategy)
def test_the_same_muscle_group_is_never_worked_on_consecutive_days(inputs):
    """No muscle group gets strength work two days running, Sunday to Monday included."""
    built = plan.build_plan(inputs, LIBRARY)
    worked = [
        (week.number * 7 + day.weekday, day.of_kind("strength").muscles)
        for week in built.weeks
        for day in week.days
        if day.of_kind("strength")
    ]
    for (day_a, muscles_a), (day_b, muscles_b) in itertools.pairwise(worked):
        if day_b - day_a == 1:
            assert not muscles_a & muscles_b


@given(inputs_strategy)
def test_a_plan_that_claims_the_guidelines_keeps_every_rule(inputs):
    """Without shortfalls: strength 2 days on every group, aerobic 3+ days, 150 by the end."""
    built = plan.build_plan(inputs, LIBRARY)
    if not built.meets_guidelines:
        assert built.shortfalls
        return
    for week in built.weeks:
        strength = strength_days_of(week)
        assert len(strength) >= plan.STRENGTH_DAYS
        for day in week.days:
            block = day.of_kind("strength")
            if block:
                assert block.muscles == set(MUSCLES)
        aerobic = [d for d in week.days if d.of_kind("aerobic")]
        assert len(aerobic) >= plan.AEROBIC_MIN_DAYS
        if inputs.age_years >= plan.BALANCE_AGE:
            assert sum(1 for d in week.days if d.of_kind("balance")) >= plan.BALANCE_MIN_DAYS
    assert built.weeks[-1].aerobic_min >= plan.AEROBIC_TARGET_MIN
    assert built.weeks[-1].aerobic_min == sum(
        d.of_kind("aerobic").minutes for d in built.weeks[-1].days if d.of_kind("aerobic")
    )


@given(inputs_strategy)
def test_strength_only_moves_up_outside_easier_weeks(inputs):
    """Progression never goes backwards, except in an easier week, which is never the last."""
    built = plan.build_plan(inputs, LIBRARY)
    full = [w for w in built.weeks if not w.easier]
    steps = [_step(w) for w in full]
    assert steps == sorted(steps)
    assert not built.weeks[-1].easier
    for week in built.weeks:
        if week.easier:
            before = built.weeks[week.number - 2]
            assert _step(week) <= _step(before)
            assert week.aerobic_goal <= before.aerobic_goal


def _step(week):
    ladder = plan.LOADED_LADDER if week.level == "loaded" else plan.LADDER
    return (exercises.LEVELS.index(week.level), ladder.index(week.dose))


@given(inputs_strategy)
def test_a_shortfall_is_only_claimed_when_something_is_short(inputs):
    """Generous time and days never produce a shortfall; the summary names any there are."""
    built = plan.build_plan(inputs, LIBRARY)
    for shortfall in built.shortfalls:
        assert shortfall in built.summary


@given(
    st.sampled_from(exercises.LEVELS),
    st.integers(plan.MIN_AGE, plan.MAX_AGE),
    st.integers(plan.MIN_WEEKS, plan.MAX_WEEKS),
    st.none() | st.integers(0, 600),
)
def test_plenty_of_time_always_meets_the_guidelines(level, age, weeks, now):
    """Every day of the week with 90 minutes each is enough for every level and age."""
    built = plan.build_plan(PlanInput(level, ALL_DAYS, 90, age, weeks, now), LIBRARY)
    assert built.shortfalls == ()


# --- the rules, table-driven -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ((0, 1, 2, 3, 4, 5, 6), 2),
        ((0, 2), 2),
        ((0, 1), 1),  # next to each other: only one strength day, and a shortfall
        ((6, 0), 1),  # Sunday and Monday are next to each other too
        ((3,), 1),
        ((0, 1, 2), 2),
    ],
)
def test_strength_days_are_never_next_to_each_other(days, expected):
    """Two strength days with a gap; Sunday and Monday count as neighbours."""
    built = make(days=days, minutes=180)
    assert len(built.strength_days) == expected
    if expected == 2:
        first, second = built.strength_days
        assert not plan.adjacent(first, second)
    else:
        assert any("Strength needs 2 days" in s for s in built.shortfalls)


@pytest.mark.parametrize(
    ("age", "balance_days"),
    [(64, 0), (65, 3), (90, 3)],
)
def test_balance_from_65(age, balance_days):
    """From 65 (WHO: at least 3 days), balance work appears on 3 days; before 65 it does not."""
    built = make(age=age, days=ALL_DAYS, minutes=90)
    assert len(built.balance_days) == balance_days
    assert ("PA-23" in built.fact_ids) == (age >= 65)


@pytest.mark.parametrize(
    ("weeks", "easier"),
    [(4, []), (5, [4]), (8, [4]), (9, [4, 8]), (12, [4, 8])],
)
def test_every_fourth_week_is_easier_but_never_the_last(weeks, easier):
    """Weeks 4 and 8 are easier unless they end the plan."""
    built = make(weeks=weeks, days=ALL_DAYS, minutes=90)
    assert [w.number for w in built.weeks if w.easier] == easier


def test_progression_goes_repetitions_then_sets_then_level():
    """From seated: 1x5, 1x10, 2x10, 2x15, then standing with support at 2x10."""
    built = make(level="seated", weeks=12, days=ALL_DAYS, minutes=90)
    seen = []
    for week in built.weeks:
        if not week.easier and (week.level, week.dose.text) not in seen:
            seen.append((week.level, week.dose.text))
    assert seen[:5] == [
        ("seated", "1 set of 5"),
        ("seated", "1 set of 10"),
        ("seated", "2 sets of 10"),
        ("seated", "2 sets of 15"),
        ("supported", "2 sets of 10"),
    ]


def test_loaded_work_starts_at_two_sets_and_adds_a_third():
    """On machines: 2x10, 2x15, then NSCA's third set (PA-31)."""
    built = make(level="loaded", weeks=12, days=ALL_DAYS, minutes=120)
    doses = [w.dose.text for w in built.weeks if not w.easier]
    assert doses[0] == "2 sets of 10"
    assert "3 sets of 10" in doses
    assert "PA-31" in built.fact_ids


@pytest.mark.parametrize(
    ("level", "now", "week1"),
    [
        ("seated", None, 30),
        ("supported", None, 60),
        ("loaded", None, 120),
        ("supported", 0, 15),  # still 5 minutes on 3 days
        ("supported", 100, 100),
        ("supported", 400, 150),  # already active: the plan holds the target
    ],
)
def test_aerobic_minutes_climb_to_150(level, now, week1):
    """Week 1 starts gently (or at the reader's own minutes) and the last week reaches 150."""
    built = make(level=level, now=now, days=ALL_DAYS, minutes=120)
    assert built.weeks[0].aerobic_min == week1
    assert built.weeks[-1].aerobic_min == plan.AEROBIC_TARGET_MIN


def test_too_little_time_is_named_not_hidden():
    """Three days of 20 minutes cannot hold 150 aerobic minutes: the plan says so."""
    built = make(days=(0, 2, 4), minutes=20)
    assert not built.meets_guidelines
    assert any("not 150" in s for s in built.shortfalls)


def test_a_strength_session_is_timed_from_the_tempo():
    """Time = sides x sets x reps x 7 s (3-1-3 tempo, PA-32) + a minute per exercise and set."""
    routine = plan.strength_routine(LIBRARY, "seated")
    # 1 + 1 + 1 + 2 sides at 2 x 15 reps x 7 s = 1050 s = 17.5 min, + 4 x 2 = 8 -> 25.5 -> 30.
    assert plan.strength_minutes(routine, plan.Dose(2, 15, "PA-32")) == 30


@pytest.mark.parametrize("level", exercises.LEVELS)
def test_the_routine_covers_every_muscle_group(level):
    """At every level the chosen strength exercises work all six leg muscle groups."""
    routine = plan.strength_routine(LIBRARY, level)
    assert {m for e in routine for m in e.muscles} == set(MUSCLES)
    assert all(e.level_rank <= exercises.LEVELS.index(level) for e in routine)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("level", "expert"),
        ("days", ()),
        ("days", (7,)),
        ("minutes_per_day", 5),
        ("age_years", 17),
        ("weeks", 13),
        ("current_weekly_min", -1),
    ],
)
def test_out_of_range_inputs_are_refused(field, value):
    """build_plan refuses what the page should have checked first."""
    good = {
        "level": "supported",
        "days": (0, 2, 4),
        "minutes_per_day": 60,
        "age_years": 70,
        "weeks": 8,
        "current_weekly_min": None,
    }
    with pytest.raises(ValueError, match=field.split("_")[0]):
        plan.build_plan(PlanInput(**{**good, field: value}), LIBRARY)


# --- exports ------------------------------------------------------------------------------------


def test_rows_and_csv_hold_every_block_with_dates():
    """The CSV has a header and one dated row per block; week 1 starts on the given Monday."""
    built = make(weeks=4)
    rows = plan.rows(built, dt.date(2026, 11, 23))
    blocks = sum(len(d.activities) for w in built.weeks for d in w.days)
    assert len(rows) == blocks
    assert rows[0]["date"] == "2026-11-23"
    text = plan.to_csv(built, dt.date(2026, 11, 23))
    assert text.splitlines()[0] == ",".join(plan.CSV_FIELDS)
    assert len(text.splitlines()) == blocks + 1


def test_grid_has_a_row_per_week_and_rest_days():
    """The week grid shows every weekday, with "rest" where nothing is planned."""
    built = make(days=(0, 2, 4, 5))
    table = plan.grid(built)
    assert len(table) == len(built.weeks)
    assert table[0]["Tue"] == "rest"
    assert "strength" in table[0]["Mon"]


@pytest.mark.parametrize(
    ("today", "monday"),
    [
        (dt.date(2026, 11, 23), dt.date(2026, 11, 23)),
        (dt.date(2026, 11, 21), dt.date(2026, 11, 23)),
        (dt.date(2026, 11, 24), dt.date(2026, 11, 30)),
    ],
)
def test_plans_start_on_a_monday(today, monday):
    """A plan starts today if it is Monday, else next Monday."""
    assert plan.first_monday(today) == monday


def test_the_real_library_gives_a_plan_that_meets_the_guidelines():
    """With the library in content/exercises, the default page plan meets the guidelines."""
    sources = content.load_sources(CONTENT / "sources.yaml")
    library = exercises.load_library(CONTENT / "exercises", sources)
    built = plan.build_plan(PlanInput("supported", (0, 1, 2, 3, 4), 60, 70, 8), library)
    assert built.shortfalls == ()
    slugs = {e.slug for e in library}
    for week in built.weeks:
        for day in week.days:
            for activity in day.activities:
                assert set(activity.exercises) <= slugs


@given(inputs_strategy, st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 12, 31)))
def test_the_calendar_parses_back_with_the_same_events(inputs, start):
    """The .ics holds one all-day event per planned day, with that day's date and blocks."""
    built = plan.build_plan(inputs, LIBRARY)
    data = plan.to_ics(built, start, stamp=dt.datetime(2026, 11, 21, 12, tzinfo=dt.UTC))
    calendar = icalendar.Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    parsed = sorted(
        (e.decoded("dtstart"), str(e["summary"]), e.decoded("dtend") - e.decoded("dtstart"))
        for e in events
    )
    monday = start - dt.timedelta(days=start.weekday())
    expected = sorted(
        (
            monday + dt.timedelta(weeks=week.number - 1, days=day.weekday),
            plan.event_summary(day),
            dt.timedelta(days=1),
        )
        for week in built.weeks
        for day in week.days
    )
    assert parsed == expected
    assert len({str(e["uid"]) for e in events}) == len(events)
    assert all(plan.STOP_RULE in str(e["description"]) for e in events)
