"""Unit tests of lib.projection: the ageing band, strength against mass, a spell in bed."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib import projection
from lib.projection import project

AGES = range(projection.AGE_START_YEARS, projection.AGE_END_YEARS + 1)


@pytest.mark.parametrize(
    ("constant", "figure"),
    [
        ("MASS_RATE_LOW_PCT_PER_DECADE", 3.0),  # ML-01
        ("MASS_RATE_HIGH_PCT_PER_DECADE", 8.0),  # ML-01
        ("AGE_START_YEARS", 30),  # ML-01
        ("AGE_FASTER_YEARS", 60),  # ML-01
        ("LATE_MASS_RATE_LOW_PCT_PER_YEAR", 0.64),  # ML-12
        ("LATE_MASS_RATE_HIGH_PCT_PER_YEAR", 0.98),  # ML-12
        ("LEG_LEAN_RATE_PCT_PER_YEAR", 1.0),  # ML-14
        ("LATE_STRENGTH_RATE_LOW_PCT_PER_YEAR", 2.6),  # ML-14
        ("LATE_STRENGTH_RATE_HIGH_PCT_PER_YEAR", 4.1),  # ML-14
        ("BEDREST_MEASURED_DAYS", 10),  # DU-04, DU-05
        ("BEDREST_STRENGTH_LOSS_PCT", 13.2),  # DU-05
        ("BEDREST_LEG_LEAN_LOSS_KG", 0.95),  # DU-04
        ("BEDREST_AGE_STUDIED_YEARS", 67),  # DU-04
        ("STRENGTH_TO_ATROPHY_RATIO", ((5, 4.2), (14, 2.4), (35, 1.9))),  # DU-03
        ("RETRAINING_DAYS", 28),  # DU-11
    ],
)
def test_constants_equal_their_cited_figures(constant, figure):
    """Each guideline number in the model is the figure its fact id gives."""
    assert getattr(projection, constant) == figure


def test_path_starts_at_100_and_declines_without_an_episode():
    """Everything is % of the value at 30, and it only ever falls with age."""
    for measure in ("mass", "strength"):
        p = project(age_years=80, rate_pct_per_decade=5, measure=measure)
        assert p.at(30).path_pct == pytest.approx(100)
        values = [p.at(a).path_pct for a in AGES]
        assert all(later < earlier for earlier, later in itertools.pairwise(values))


@pytest.mark.parametrize(("rate", "at_60"), [(3, 0.97**3), (8, 0.92**3), (5, 0.95**3)])
def test_before_60_the_chosen_rate_per_decade_applies(rate, at_60):
    """By 60, exactly three decades of the chosen rate have compounded."""
    p = project(age_years=60, rate_pct_per_decade=rate)
    assert p.at(60).path_pct / 100 == pytest.approx(at_60)


def test_decline_speeds_up_after_60():
    """Each year after 60 loses more than each year before it, on any path."""
    for rate in (3, 5, 8):
        p = project(age_years=80, rate_pct_per_decade=rate)
        before = 1 - p.at(59).path_pct / p.at(58).path_pct
        after = 1 - p.at(61).path_pct / p.at(60).path_pct
        assert after > before


@pytest.mark.parametrize(
    ("age", "measure", "low", "high"),
    [
        (59, "mass", 0.3042, 0.8304),
        (60, "mass", 0.64, 0.98),
        (75, "mass", 0.64, 0.98),
        (59, "strength", 0.3042, 0.8304),
        (60, "strength", 2.6, 4.1),
        (79, "strength", 2.6, 4.1),
    ],
)
def test_yearly_rates_at_the_band_edges(age, measure, low, high):
    """The band's edges are the cited rates either side of 60."""
    assert projection.yearly_rate_pct(age, 0.0, measure) == pytest.approx(low, abs=1e-4)
    assert projection.yearly_rate_pct(age, 1.0, measure) == pytest.approx(high, abs=1e-4)


@given(
    age=st.integers(30, 100),
    rate=st.floats(3, 8),
    measure=st.sampled_from(["mass", "strength"]),
)
def test_band_edges_bracket_the_line(age, rate, measure):
    """For any rate in 3-8%, the path lies inside the band at every age."""
    p = project(age_years=age, rate_pct_per_decade=rate, measure=measure)
    for point in p.points:
        assert point.band_low_pct - 1e-9 <= point.path_pct <= point.band_high_pct + 1e-9


@given(age=st.integers(61, 100), rate=st.floats(3, 8))
def test_strength_falls_below_mass_after_60(age, rate):
    """After 60, strength is always below mass on the same path."""
    mass = project(age_years=age, rate_pct_per_decade=rate, measure="mass")
    strength = project(age_years=age, rate_pct_per_decade=rate, measure="strength")
    assert strength.at(age).path_pct < mass.at(age).path_pct


def test_bed_rest_anchors_at_the_measured_ten_days():
    """Ten days in bed costs 13.2% of strength (DU-05) and less of muscle size (DU-03)."""
    assert projection.bedrest_strength_loss_pct(10) == pytest.approx(13.2)
    assert projection.bedrest_mass_loss_pct(10) < projection.bedrest_strength_loss_pct(10)
    assert projection.bedrest_strength_loss_pct(0) == 0


def test_bed_rest_loss_is_fast_early_and_slows():
    """The first days cost more per day than later days (logarithmic, DU-03)."""
    loss = [projection.bedrest_strength_loss_pct(d) for d in range(61)]
    daily = [b - a for a, b in itertools.pairwise(loss)]
    assert all(later < earlier for earlier, later in itertools.pairwise(daily))


@pytest.mark.parametrize(("day", "ratio"), [(1, 4.2), (5, 4.2), (14, 2.4), (35, 1.9), (60, 1.9)])
def test_strength_to_atrophy_ratio_follows_the_pooled_points(day, ratio):
    """The ratio is the published value at days 5, 14 and 35 and flat outside them."""
    assert projection.strength_to_atrophy_ratio(day) == pytest.approx(ratio)


def test_ratio_falls_between_the_points():
    """Between published days the ratio lies between its neighbours."""
    assert 2.4 < projection.strength_to_atrophy_ratio(10) < 4.2
    assert 1.9 < projection.strength_to_atrophy_ratio(20) < 2.4


def test_bed_rest_dip_and_recovery_range():
    """After a spell in bed the path splits: no recovery below, full recovery above."""
    p = project(age_years=80, rate_pct_per_decade=5, bedrest_age_years=67, bedrest_days=10)
    assert p.at(66).after_low_pct is None
    dipped = p.at(67)
    assert dipped.after_high_pct == pytest.approx(dipped.path_pct)
    assert dipped.after_low_pct == pytest.approx(
        dipped.path_pct * (1 - projection.bedrest_mass_loss_pct(10) / 100)
    )
    for age in range(67, 101):
        assert p.at(age).after_low_pct < p.at(age).after_high_pct


def test_episode_days_show_the_dip_then_a_partial_to_full_range():
    """Day by day: strength falls below size; afterwards the best case climbs back to 100%."""
    p = project(age_years=70, rate_pct_per_decade=5, measure="strength", bedrest_days=10)
    in_bed = [d for d in p.episode_days if d.phase == "in bed"]
    after = [d for d in p.episode_days if d.phase == "after"]
    assert len(in_bed) == 11
    assert len(after) == projection.RETRAINING_DAYS
    assert in_bed[-1].strength_pct == pytest.approx(100 - 13.2)
    assert all(d.strength_pct <= d.mass_pct for d in in_bed)
    assert after[-1].recovered_max_pct == pytest.approx(100)
    assert all(d.strength_pct < d.recovered_max_pct for d in after)


def test_no_episode_means_no_range():
    """Zero days in bed draws no range and says nothing about bed rest."""
    p = project(age_years=80, rate_pct_per_decade=5, bedrest_days=0)
    assert not p.has_episode
    assert p.episode_days == ()
    assert p.episode_summary == ""
    assert all(pt.after_low_pct is None for pt in p.points)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"age_years": 150}, ("age_years", 100)),
        ({"age_years": -3}, ("age_years", 30)),
        ({"rate_pct_per_decade": 99}, ("rate_pct_per_decade", 8.0)),
        ({"rate_pct_per_decade": 0}, ("rate_pct_per_decade", 3.0)),
    ],
)
def test_out_of_range_arguments_are_clamped(kwargs, expected):
    """The model never raises on out-of-range numbers: it clamps them."""
    args = {"age_years": 50, "rate_pct_per_decade": 5, **kwargs}
    assert getattr(project(**args), expected[0]) == expected[1]


def test_bed_rest_days_are_clamped():
    """More than 60 days, or a negative count, is clamped to 0-60."""
    assert project(age_years=50, rate_pct_per_decade=5, bedrest_days=999).episode.days == 60
    assert project(age_years=50, rate_pct_per_decade=5, bedrest_days=-1).episode.days == 0


def test_summary_sentences():
    """The summary says what the reader keeps at their age, in plain words."""
    p = project(age_years=80, rate_pct_per_decade=8)
    assert p.summary.startswith("At 80, someone on this path keeps about 64% of the leg muscle")
    s = project(age_years=80, rate_pct_per_decade=5, measure="strength")
    assert "of the leg strength they had at 30" in s.summary
    e = project(age_years=80, rate_pct_per_decade=5, bedrest_age_years=70, bedrest_days=14)
    assert "after 14 days in bed at 70" in e.summary
    assert "if none of the bed-rest loss came back" in e.summary


def test_rows_cover_every_age():
    """The table has one row per age from 30 to 100 with the chart's columns."""
    rows = project(age_years=50, rate_pct_per_decade=5).rows()
    assert [r["age"] for r in rows] == list(AGES)
    assert set(rows[0]) >= {"band_low_pct", "band_high_pct", "your_path_pct"}
