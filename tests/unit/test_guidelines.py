"""Unit tests of lib.guidelines: the US (2018) and WHO (2020) self-check, pillar by pillar."""

from __future__ import annotations

import dataclasses
import math
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib import guidelines as g
from lib.content import ContentError, Source, load_sources
from lib.guidelines import Inputs, PillarResult, Status
from tests.conftest import CONTENT

TEXT = g.load_text(CONTENT / "guidelines.yaml")

FACT = re.compile(r"^(PA|PR|EX)-\d{2}$")

BASE = Inputs(
    age_years=40,
    weight_kg=70.0,
    moderate_min_per_week=150,
    vigorous_min_per_week=0,
    strength_days_per_week=2,
    strength_works_legs=True,
    balance_days_per_week=0,
    protein_g_per_day=70.0,
    kidney_disease=False,
    recent_illness=False,
    active=False,
    guideline="who",
)


def week(**changes: object) -> Inputs:
    return dataclasses.replace(BASE, **changes)


def pillar(inputs: Inputs, name: str) -> PillarResult:
    return next(r for r in g.assess(inputs, TEXT).results if r.pillar == name)


@pytest.fixture(scope="module")
def sources() -> dict[str, Source]:
    return load_sources(CONTENT / "sources.yaml")


# --- constants ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "figure"),
    [
        ("AEROBIC_MIN_MODERATE", 150),  # PA-02, PA-20
        ("AEROBIC_MAX_MODERATE", 300),  # PA-02, PA-20
        ("AEROBIC_MIN_VIGOROUS", 75),  # PA-02, PA-20
        ("AEROBIC_MAX_VIGOROUS", 150),  # PA-02, PA-20
        ("VIGOROUS_TO_MODERATE", 2),  # PA-05
        ("STRENGTH_MIN_DAYS", 2),  # PA-07, PA-21
        ("BALANCE_MIN_DAYS_WHO", 3),  # PA-23
        ("OLDER_ADULT_AGE", 65),  # PA-08, PA-23, PR-02
        ("ADULT_NEUROMOTOR_MIN_DAYS", 2),  # PA-30
        ("ADULT_NEUROMOTOR_MAX_DAYS", 3),  # PA-30
        ("PROTEIN_RDA_G_PER_KG", 0.8),  # PR-01
        ("PROTEIN_OLDER_LOW_G_PER_KG", 1.0),  # PR-02, PR-07
        ("PROTEIN_OLDER_HIGH_G_PER_KG", 1.2),  # PR-02, PR-07
        ("PROTEIN_ACTIVE_LOW_G_PER_KG", 1.2),  # PR-03
        ("PROTEIN_ILL_LOW_G_PER_KG", 1.2),  # PR-04, PR-07
        ("PROTEIN_ILL_HIGH_G_PER_KG", 1.5),  # PR-04, PR-07
        ("PROTEIN_NO_EXTRA_GAIN_G_PER_KG", 1.6),  # PR-08
        ("MEAL_PROTEIN_MIN_G", 25),  # PR-06
        ("MEAL_PROTEIN_MAX_G", 30),  # PR-06
    ],
)
def test_constants_equal_their_cited_figures(name, figure):
    """Each guideline constant holds the figure its fact id gives."""
    assert getattr(g, name) == figure


def test_every_numeric_constant_cites_a_fact_id():
    """Every number constant in the module carries a fact id in its comment."""
    not_guideline = {"LB_PER_KG", "CLAIMED_ADULT_PROTEIN_G_PER_KG"}
    text = Path(g.__file__).read_text(encoding="utf-8")
    lines = re.findall(r"^([A-Z][A-Z_]+) = [\d.]+(.*)$", text, flags=re.MULTILINE)
    assert len(lines) > 15
    for name, rest in lines:
        if name not in not_guideline:
            assert re.search(r"# .*\b(PA|PR)-\d{2}\b", rest), name


def test_pounds_per_kilogram_is_the_international_pound():
    """LB_PER_KG is 1 / 0.45359237 to ten decimals."""
    assert math.isclose(g.LB_PER_KG, 1 / 0.45359237, abs_tol=1e-10)


# --- units -------------------------------------------------------------------------------


@pytest.mark.parametrize(("lb", "kg"), [(154.3, 70.0), (220.5, 100.0), (110.2, 50.0), (0, 0)])
def test_pounds_convert_to_kilograms(lb, kg):
    """Common weights in pounds convert to the expected kilograms."""
    assert g.lb_to_kg(lb) == pytest.approx(kg, abs=0.02)


def test_kilograms_convert_to_pounds():
    """70 kg is about 154.3 lb."""
    assert g.kg_to_lb(70) == pytest.approx(154.32, abs=0.01)


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False))
def test_pound_round_trip(kg):
    """Converting kg to lb and back returns the same weight."""
    assert g.lb_to_kg(g.kg_to_lb(kg)) == pytest.approx(kg, rel=1e-12, abs=1e-12)


# --- aerobic -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moderate", "vigorous", "minutes"),
    [(0, 0, 0), (150, 0, 150), (100, 25, 150), (0, 75, 150), (0, 150, 300), (30, 60, 150)],
)
def test_moderate_equivalent_minutes(moderate, vigorous, minutes):
    """A vigorous minute counts as two moderate minutes (PA-05)."""
    assert g.moderate_equivalent_minutes(moderate, vigorous) == minutes


@given(
    st.integers(0, 10_000), st.integers(0, 10_000), st.integers(0, 10_000), st.integers(0, 10_000)
)
def test_moderate_equivalent_minutes_is_monotonic(m1, v1, m2, v2):
    """More moderate or vigorous minutes never lower the total."""
    lo_m, hi_m = sorted((m1, m2))
    lo_v, hi_v = sorted((v1, v2))
    assert g.moderate_equivalent_minutes(lo_m, lo_v) <= g.moderate_equivalent_minutes(hi_m, hi_v)


@pytest.mark.parametrize("guideline", ["us", "who"])
@pytest.mark.parametrize(
    ("moderate", "vigorous", "status", "gap"),
    [
        (0, 0, Status.NOT_MET, 150),
        (1, 0, Status.PARTLY, 149),
        (149, 0, Status.PARTLY, 1),
        (150, 0, Status.MET, 0),
        (300, 0, Status.MET, 0),
        (301, 0, Status.MET, 0),
        (100, 25, Status.MET, 0),
        (0, 74, Status.PARTLY, 2),
        (0, 75, Status.MET, 0),
    ],
)
def test_aerobic_boundaries(guideline, moderate, vigorous, status, gap):
    """150 moderate-equivalent minutes meets the target; fewer is partly met; none is not."""
    r = pillar(
        week(moderate_min_per_week=moderate, vigorous_min_per_week=vigorous, guideline=guideline),
        "aerobic",
    )
    assert (r.status, r.gap) == (status, gap)
    assert (r.target_low, r.target_high, r.unit) == (150, 300, "moderate-equivalent min/week")


@pytest.mark.parametrize(("moderate", "extra"), [(150, False), (300, False), (301, True)])
def test_aerobic_headline_mentions_extra_benefit_above_300(moderate, extra):
    """Only more than 300 minutes earns the 'extra benefit' line (PA-03, PA-22)."""
    r = pillar(week(moderate_min_per_week=moderate), "aerobic")
    assert ("extra benefit" in r.headline) is extra
    assert str(moderate) in r.headline


@pytest.mark.parametrize(
    ("moderate", "step"),
    [
        (110, "Add 40 minutes of brisk walking a week, for example 20 minutes on two days."),
        (0, "Add 150 minutes of brisk walking a week, for example 30 minutes on five days."),
        (130, "Add 20 minutes of brisk walking a week, for example on one day."),
        (149, "Add 1 minute of brisk walking a week, for example on one day."),
        (1, "Add 149 minutes of brisk walking a week, for example about 30 minutes on five days."),
    ],
)
def test_aerobic_next_step_gives_the_gap_in_minutes(moderate, step):
    """The next step names the missing minutes and splits them over the week."""
    assert pillar(week(moderate_min_per_week=moderate), "aerobic").next_step == step


@pytest.mark.parametrize(
    ("guideline", "vigorous", "facts", "sources"),
    [
        ("us", 0, ("PA-02",), ("hhs2018",)),
        ("us", 10, ("PA-02", "PA-05"), ("hhs2018",)),
        ("who", 0, ("PA-20",), ("who2020",)),
        ("who", 10, ("PA-20", "PA-05"), ("who2020", "hhs2018")),
    ],
)
def test_vigorous_conversion_is_credited_to_the_us_guidelines(guideline, vigorous, facts, sources):
    """Counting vigorous minutes double cites PA-05 and the US PAG, even in WHO mode."""
    r = pillar(week(guideline=guideline, vigorous_min_per_week=vigorous), "aerobic")
    assert (r.fact_ids, r.source_ids) == (facts, sources)


# --- strength ----------------------------------------------------------------------------


@pytest.mark.parametrize("guideline", ["us", "who"])
@pytest.mark.parametrize(
    ("days", "legs", "status", "gap"),
    [
        (0, True, Status.NOT_MET, 2),
        (1, True, Status.NOT_MET, 1),
        (2, True, Status.MET, 0),
        (7, True, Status.MET, 0),
        (2, False, Status.PARTLY, 0),
        (1, False, Status.NOT_MET, 1),
        (0, False, Status.NOT_MET, 2),
    ],
)
def test_strength_boundaries(guideline, days, legs, status, gap):
    """Two days covering the legs meets the target; skipping the legs is only partly met."""
    r = pillar(
        week(strength_days_per_week=days, strength_works_legs=legs, guideline=guideline),
        "strength",
    )
    assert (r.status, r.gap, r.target_low, r.unit) == (status, gap, 2, "days/week")


def test_one_strength_day_is_one_of_two():
    """One strength day reads as '1 of the 2 days' and asks for one more."""
    r = pillar(week(strength_days_per_week=1), "strength")
    assert "1 of the 2 days" in r.headline
    assert r.next_step.startswith("Add 1 more day of strength work")


def test_strength_without_legs_asks_for_leg_exercises():
    """Strength work that skips the legs says so and suggests leg exercises."""
    r = pillar(week(strength_days_per_week=3, strength_works_legs=False), "strength")
    assert "not for your legs" in r.headline
    assert "chair" in r.next_step
    assert "nhs-strength-older" in r.source_ids


# --- balance -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("age", "guideline", "days", "status", "target", "gap"),
    [
        (64, "who", 0, Status.NO_TARGET, None, 0),
        (64, "who", 3, Status.NO_TARGET, None, 0),
        (64, "us", 0, Status.NO_TARGET, None, 0),
        (65, "who", 0, Status.NOT_MET, 3, 3),
        (65, "who", 1, Status.PARTLY, 3, 2),
        (65, "who", 2, Status.PARTLY, 3, 1),
        (65, "who", 3, Status.MET, 3, 0),
        (65, "us", 0, Status.NOT_MET, 1, 1),
        (65, "us", 1, Status.MET, 1, 0),
        (65, "us", 2, Status.MET, 1, 0),
        (65, "us", 3, Status.MET, 1, 0),
    ],
)
def test_balance_boundaries(age, guideline, days, status, target, gap):
    """WHO asks 65+ for 3 days; the US asks for some; under 65 there is no target."""
    r = pillar(week(age_years=age, guideline=guideline, balance_days_per_week=days), "balance")
    assert (r.status, r.target_low, r.gap) == (status, target, gap)


@pytest.mark.parametrize("days", [0, 2])
def test_us_balance_headline_says_no_day_count_and_who_says_three(days):
    """The US balance check says the US gives no day count and WHO says 3 days."""
    r = pillar(week(age_years=70, guideline="us", balance_days_per_week=days), "balance")
    assert "no day count" in r.headline
    assert "WHO says 3 days" in r.headline
    assert set(r.source_ids) >= {"hhs2018", "who2020"}


def test_balance_under_65_says_who_it_is_for():
    """Under 65 the balance result says the recommendation is for adults 65 and over."""
    r = pillar(week(age_years=64), "balance")
    assert "65 and over" in r.headline
    assert (r.target_low, r.target_high) == (None, None)


# --- protein -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("age", "active", "ill", "kidney", "target"),
    [
        (64, False, False, False, (0.8, None, ("PR-01",))),
        (64, True, True, False, (0.8, None, ("PR-01",))),
        (65, False, False, False, (1.0, 1.2, ("PR-02", "PR-07"))),
        (65, True, False, False, (1.2, None, ("PR-03",))),
        (65, False, True, False, (1.2, 1.5, ("PR-04", "PR-07"))),
        (65, True, True, False, (1.2, 1.5, ("PR-04", "PR-07"))),
        (64, False, False, True, (None, None, ("PR-05",))),
        (80, True, True, True, (None, None, ("PR-05",))),
    ],
)
def test_protein_target(age, active, ill, kidney, target):
    """Targets follow age, activity and illness; illness outranks activity; kidney has none."""
    assert g.protein_target(age, active, ill, kidney) == target


@pytest.mark.parametrize(
    ("age", "active", "ill", "kidney", "protein_g", "status", "gap_g"),
    [
        (64, False, False, False, 0, Status.NOT_MET, 80),
        (64, False, False, False, 79, Status.NOT_MET, 1),
        (64, False, False, False, 80, Status.MET, 0),
        (64, False, False, False, 100, Status.MET, 0),
        (64, True, True, False, 150, Status.MET, 0),
        (65, False, False, False, 0, Status.NOT_MET, 100),
        (65, False, False, False, 79, Status.NOT_MET, 21),
        (65, False, False, False, 80, Status.PARTLY, 20),
        (65, False, False, False, 100, Status.MET, 0),
        (65, False, False, False, 120, Status.MET, 0),
        (65, False, False, False, 150, Status.MET, 0),
        (65, True, False, False, 100, Status.PARTLY, 20),
        (65, True, False, False, 120, Status.MET, 0),
        (65, False, True, False, 79, Status.NOT_MET, 41),
        (65, False, True, False, 100, Status.PARTLY, 20),
        (65, False, True, False, 120, Status.MET, 0),
        (65, False, True, False, 150, Status.MET, 0),
        (65, True, True, False, 100, Status.PARTLY, 20),
        (64, False, False, True, 50, Status.NO_TARGET, 0),
        (65, False, False, True, 79, Status.NO_TARGET, 0),
        (65, True, True, True, 150, Status.NO_TARGET, 0),
    ],
)
def test_protein_boundaries(age, active, ill, kidney, protein_g, status, gap_g):
    """At 100 kg: 0.79/0.8/1.0/1.2/1.5 g/kg against each target; the gap is in grams a day."""
    r = pillar(
        week(
            age_years=age,
            weight_kg=100.0,
            protein_g_per_day=float(protein_g),
            active=active,
            recent_illness=ill,
            kidney_disease=kidney,
        ),
        "protein",
    )
    assert (r.status, r.gap, r.value) == (status, gap_g, protein_g / 100)
    assert r.unit == "g/kg/day"


@pytest.mark.parametrize(
    ("age", "weight", "protein", "gap"),
    [
        (70, 70.0, 60.0, 10),
        (70, 70.0, 61.5, 9),
        (40, 70.0, 50.0, 6),
        (40, 62.5, 10.0, 40),
        (40, 32.0, 10.6, 15),  # 0.8 * 32 - 10.6 is 15.000000000000002 in floating point
    ],
)
def test_protein_gap_is_rounded_up_to_the_gram(age, weight, protein, gap):
    """The protein gap is (target - intake) in grams a day, rounded up to a whole gram."""
    r = pillar(week(age_years=age, weight_kg=weight, protein_g_per_day=protein), "protein")
    assert r.gap == gap
    assert f"Add about {gap} g of protein a day" in r.next_step


@pytest.mark.parametrize(("age", "per_meal"), [(64, False), (65, True), (90, True)])
def test_per_meal_advice_is_for_65_and_over(age, per_meal):
    """The 25-30 g per meal advice (PR-06) appears only from 65."""
    r = pillar(week(age_years=age, protein_g_per_day=20.0), "protein")
    assert ("25 to 30 g at each meal" in r.next_step) is per_meal
    assert ("PR-06" in r.fact_ids) is per_meal


def test_protein_is_judged_on_the_figure_shown():
    """69.9 g at 70 kg shows as 1.00 g/kg, so it meets a 1.0 target rather than falling short."""
    r = pillar(week(age_years=70, weight_kg=70.0, protein_g_per_day=69.9), "protein")
    assert "1.00 g/kg" in r.headline
    assert r.status is Status.MET


def test_kidney_disease_defers_to_the_clinician():
    """With kidney disease protein has no target and the step points to the clinician."""
    a = g.assess(week(kidney_disease=True, protein_g_per_day=30.0), TEXT)
    r = a.results[3]
    assert (r.status, r.target_low, r.gap, r.fact_ids) == (Status.NO_TARGET, None, 0, ("PR-05",))
    assert "clinician" in r.headline
    assert any(n.startswith("Kidney disease: follow your own clinician") for n in a.notes)


# --- the worked example and notes --------------------------------------------------------


def test_worked_example_from_the_issue():
    """Age 70, 70 kg, 100 + 25 vigorous min, 1 strength day, no balance, 60 g protein, WHO."""
    a = g.assess(
        Inputs(
            age_years=70,
            weight_kg=70.0,
            moderate_min_per_week=100,
            vigorous_min_per_week=25,
            strength_days_per_week=1,
            strength_works_legs=True,
            balance_days_per_week=0,
            protein_g_per_day=60.0,
            kidney_disease=False,
            recent_illness=False,
            active=False,
            guideline="who",
        ),
        TEXT,
    )
    aerobic, strength, balance, protein = a.results
    assert (aerobic.status, aerobic.value) == (Status.MET, 150)
    assert (strength.status, balance.status) == (Status.NOT_MET, Status.NOT_MET)
    assert protein.status is Status.PARTLY
    assert "0.86 g/kg" in protein.headline
    assert "below the 1.0 to 1.2 g/kg" in protein.headline
    assert a.protein_g_per_kg == pytest.approx(60 / 70)


@pytest.mark.parametrize(
    ("changes", "fragment", "present"),
    [
        ({}, "not a guideline", True),
        ({"age_years": 70}, "not a guideline", True),
        ({}, "actual weight", True),
        ({"kidney_disease": True}, "actual weight", False),
        ({"kidney_disease": True}, "follow your own clinician", True),
        ({"age_years": 64}, "Balance: the US and WHO balance recommendations", True),
        ({"age_years": 65}, "Balance: the US and WHO balance recommendations", False),
        ({"age_years": 65}, "expert recommendations", True),
        ({"age_years": 64}, "expert recommendations", False),
        ({"age_years": 70, "recent_illness": True}, "as active as your abilities", True),
    ],
)
def test_notes(changes, fragment, present):
    """Caveats appear for the readers they concern and not for others."""
    notes = g.assess(week(**changes), TEXT).notes
    assert any(fragment in n for n in notes) is present


@pytest.mark.parametrize(
    "changes",
    [
        {"weight_kg": 0.0},
        {"weight_kg": -70.0},
        {"weight_kg": math.nan},
        {"weight_kg": math.inf},
        {"protein_g_per_day": -1.0},
        {"protein_g_per_day": math.nan},
        {"moderate_min_per_week": -1},
        {"balance_days_per_week": -1},
        {"age_years": -1},
    ],
)
def test_impossible_inputs_raise_value_error(changes):
    """A weight of 0 kg or less, or a negative count, is refused with ValueError."""
    with pytest.raises(ValueError, match="must be"):
        g.assess(week(**changes), TEXT)


# --- meals and the comparison table ------------------------------------------------------


@pytest.mark.parametrize(
    ("meals", "below"),
    [
        ((25, 25, 30), ()),
        ((24.9, 25, 30), ("breakfast",)),
        ((10, 20, 40), ("breakfast", "lunch")),
        ((0, 0, 0), ("breakfast", "lunch", "dinner")),
    ],
)
def test_meals_below_target(meals, below):
    """Meals under 25 g of protein are named, in the order eaten."""
    assert g.meals_below_target(*meals) == below


def test_protein_per_meal_total_adds_meals_and_snacks():
    """The day's total is the three meals plus snacks, in grams."""
    assert g.protein_per_meal_total(20, 25.5, 30, 4.5) == 80


def test_guideline_table_covers_the_comparison():
    """The table compares aerobic, vigorous, strength, balance, bouts and sitting time."""
    topics = " ".join(row.topic.lower() for row in g.GUIDELINE_TABLE)
    for word in ("aerobic", "vigorous", "strength", "balance", "bouts", "sitting"):
        assert word in topics
    for row in g.GUIDELINE_TABLE:
        assert row.us_2018
        assert row.who_2020
        assert all(f in g.FACT_SOURCES for f in row.fact_ids)


def test_fact_sources_exist_and_state_the_fact(sources):
    """Every source the module cites is in sources.yaml and lists the fact it is cited for."""
    for fact, source_ids in g.FACT_SOURCES.items():
        assert FACT.match(fact)
        for source_id in source_ids:
            assert source_id in sources, source_id
            assert fact in sources[source_id].facts, (fact, source_id)


# --- properties --------------------------------------------------------------------------

any_inputs = st.builds(
    Inputs,
    age_years=st.integers(0, 130),
    weight_kg=st.floats(min_value=0.001, max_value=1e5, allow_nan=False),
    moderate_min_per_week=st.integers(0, 100_000),
    vigorous_min_per_week=st.integers(0, 100_000),
    strength_days_per_week=st.integers(0, 50),
    strength_works_legs=st.booleans(),
    balance_days_per_week=st.integers(0, 50),
    protein_g_per_day=st.floats(min_value=0, max_value=1e5, allow_nan=False),
    kidney_disease=st.booleans(),
    recent_illness=st.booleans(),
    active=st.booleans(),
    guideline=st.sampled_from(["us", "who"]),
)


@given(any_inputs)
def test_assess_holds_for_any_valid_inputs(inputs):
    """For any valid week: four pillars in order, gap >= 0, and status agrees with target."""
    a = g.assess(inputs, TEXT)
    assert [r.pillar for r in a.results] == ["aerobic", "strength", "balance", "protein"]
    for r in a.results:
        assert r.gap >= 0
        assert r.headline
        assert r.next_step
        assert set(r.source_ids) == {s for f in r.fact_ids for s in g.FACT_SOURCES[f]}
        if r.target_low is None:
            assert (r.status, r.gap) == (Status.NO_TARGET, 0)
            continue
        reaches = r.value >= r.target_low
        assert (r.gap == 0) is reaches
        if r.pillar == "strength" and reaches and not inputs.strength_works_legs:
            # Enough days but no leg work: partly met, with no shortfall in days.
            assert r.status is Status.PARTLY
        else:
            assert (r.status is Status.MET) is reaches
            assert (r.gap == 0) is (r.status in (Status.MET, Status.NO_TARGET))


def test_notes_carry_the_sources_of_their_numbers():
    """The caveat notes come with the fact and source ids behind the figures they quote."""
    a = g.assess(week(), TEXT)
    assert {"PR-01", "PR-08"} <= set(a.note_fact_ids)
    assert {"iom2005", "morton2018"} <= set(a.note_source_ids)
    kidney = g.assess(week(kidney_disease=True), TEXT)
    assert "PR-05" in kidney.note_fact_ids


# --- no clean bill of health, and the wording file -------------------------------------------

MET_WEEK = week(
    age_years=70,
    moderate_min_per_week=200,
    strength_days_per_week=3,
    balance_days_per_week=3,
    protein_g_per_day=80.0,
)


def test_met_guideline_says_it_is_about_activity_not_a_health_check():
    """The issue's wording: "You meet the WHO 2020 activity guideline ... not a health check"."""
    aerobic = pillar(MET_WEEK, "aerobic")
    assert aerobic.status is Status.MET
    assert "You meet the WHO 2020 activity guideline" in aerobic.headline
    assert aerobic.headline.endswith("That is about activity, not a health check.")
    us = pillar(dataclasses.replace(MET_WEEK, guideline="us"), "aerobic")
    assert "You meet the US 2018 activity guideline" in us.headline


@pytest.mark.parametrize(
    ("name", "topic"),
    [
        ("aerobic", "activity"),
        ("strength", "activity"),
        ("balance", "activity"),
        ("protein", "protein"),
    ],
)
def test_every_met_pillar_carries_the_caveat(name, topic):
    """Each pillar, when met, ends with what meeting it is about."""
    result = pillar(MET_WEEK, name)
    assert result.status is Status.MET
    assert result.headline.endswith(f"That is about {topic}, not a health check.")


@given(any_inputs)
def test_only_met_pillars_carry_the_caveat_and_every_week_gets_the_note(inputs):
    """Any week: only met pillars say "not a health check"; the closing note is always there."""
    a = g.assess(inputs, TEXT)
    for r in a.results:
        assert ("not a health check" in r.headline) is (r.status is Status.MET)
        for word in ("healthy", "normal", "you are fine", "all clear"):
            assert word not in f"{r.headline} {r.next_step}".lower()
    assert a.notes[-1] == TEXT.say("notes", "not_a_health_check")
    assert "not a health check" in TEXT.intro


def test_status_labels_come_from_the_file():
    """The status words shown beside each pillar are the file's."""
    assert [TEXT.status_label(s) for s in Status] == [
        "meets the guideline",
        "partly met",
        "not met yet",
        "no target for you here",
    ]


def test_guideline_wording_file_holds_no_digits():
    """Every number in a headline comes from a constant or the reader, never the file.

    The only digits are the years in the guidelines' names (US 2018, WHO 2020).
    """
    raw = (CONTENT / "guidelines.yaml").read_text(encoding="utf-8")
    names = dict(TEXT.sections["guideline_names"])
    assert names == {"us": "US 2018", "who": "WHO 2020"}
    body = [
        line.split("#")[0]
        for line in raw.splitlines()
        if not line.startswith("reviewed:")
        and line.strip() not in {f'{k}: "{v}"' for k, v in names.items()}
    ]
    assert not re.search(r"\d", "\n".join(body))


def test_headline_wording_comes_from_the_file(content_copy):
    """A changed text in guidelines.yaml changes the headline: nothing is hard-coded."""
    path = content_copy / "guidelines.yaml"
    raw = path.read_text(encoding="utf-8")
    path.write_text(raw.replace("That is about {topic}", "CHANGED {topic}"), encoding="utf-8")
    text = g.load_text(path)
    assert "CHANGED activity, not a health check." in g.assess(MET_WEEK, text).results[0].headline


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'met_caveat: "That is about {topic}',
            'met_caveat: "That is about {subject}',
            "unknown placeholders ['subject']",
        ),
        (
            '  step_met_above: "Keep it up, spread across the week."\n',
            "",
            "aerobic: missing ['step_met_above']",
        ),
        ('  us: "US 2018"', '  us: ""', "guideline_names.us: must be non-empty"),
        ("  kidney: >-\n    Kidney", "  kidneys: >-\n    Kidney", "notes: missing ['kidney']"),
        ("reviewed: 2026-12-01", "reviewed: 12", "'reviewed' must be a date"),
        (
            '  eats: "You eat about {g_per_kg} g/kg',
            '  eats: "You eat about {g_per_kg g/kg',
            "not closed",
        ),
        ("intro: >-", "intro: [", "not valid YAML"),
        ("topics:", "extra: x\ntopics:", "unknown keys ['extra']"),
    ],
)
def test_broken_guideline_file_is_refused_naming_it(content_copy, old, new, message):
    """Each kind of mistake in guidelines.yaml raises ContentError naming the file."""
    path = content_copy / "guidelines.yaml"
    raw = path.read_text(encoding="utf-8")
    assert old in raw, old
    path.write_text(raw.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError, match=re.escape(message)) as info:
        g.load_text(path)
    assert str(info.value).startswith("guidelines.yaml: ")


def test_missing_guideline_file_is_refused(tmp_path):
    """No file: ContentError naming it."""
    with pytest.raises(ContentError, match=r"guidelines\.yaml: file not found"):
        g.load_text(tmp_path / "guidelines.yaml")
