"""Unit tests of lib.projection: the ageing band, strength against mass, a spell in bed."""

from __future__ import annotations

import itertools
import math

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
        ("LONGITUDINAL_START_YEARS", 70),  # ML-14: people aged 70-79
        ("LONGITUDINAL_END_YEARS", 79),  # ML-14
        ("MIDLIFE_STRENGTH_WOMEN_PCT_PER_DECADE", 9.3),  # ML-20
        ("MIDLIFE_STRENGTH_MEN_LOW_PCT_PER_DECADE", 12.0),  # ML-21
        ("MIDLIFE_STRENGTH_MEN_HIGH_PCT_PER_DECADE", 15.0),  # ML-21
        ("MEN_STRENGTH_STEADY_UNTIL_YEARS", 40),  # ML-21
        ("OLDER_BEDREST_LEG_MASS_LOSS_PCT", 8.0),  # DU-20
        ("OLDER_BEDREST_STUDIED_DAYS", 14),  # DU-20
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


# Each year of age, its band edges (% a year) and where they come from. 3%, 8%, 9.3% and 15%
# a decade compound to 0.3041%, 0.8303%, 0.9714% and 1.6121% a year.
RATE_EDGES = [
    (30, "mass", 0.3041, 0.8303, "review"),  # ML-01
    (59, "mass", 0.3041, 0.8303, "review"),
    (60, "mass", 0.64, 0.98, "extrapolated"),  # ML-12 rates, not measured in the 60s
    (69, "mass", 0.64, 0.98, "extrapolated"),
    (70, "mass", 0.64, 0.98, "measured"),  # ML-12, ML-14
    (79, "mass", 0.64, 0.98, "measured"),
    (80, "mass", 0.64, 0.98, "extrapolated"),
    (99, "mass", 0.64, 0.98, "extrapolated"),
    (30, "strength", 0.0, 0.9714, "measured"),  # ML-21 men steady; ML-20 women 9.3%
    (39, "strength", 0.0, 0.9714, "measured"),
    (40, "strength", 0.9714, 1.6121, "measured"),  # ML-20 9.3%; ML-21 up to 15%
    (69, "strength", 0.9714, 1.6121, "measured"),
    (70, "strength", 2.6, 4.1, "measured"),  # ML-14
    (79, "strength", 2.6, 4.1, "measured"),
    (80, "strength", 2.6, 4.1, "extrapolated"),  # ML-14 carried on
    (99, "strength", 2.6, 4.1, "extrapolated"),
]


@pytest.mark.parametrize(("age", "measure", "low", "high", "basis"), RATE_EDGES)
def test_yearly_rates_and_basis_at_the_measured_age_edges(age, measure, low, high, basis):
    """Each year uses the rate measured at that age; outside the measured ages it is labelled."""
    assert projection.yearly_rate_pct(age, 0.0, measure) == pytest.approx(low, abs=1e-4)
    assert projection.yearly_rate_pct(age, 1.0, measure) == pytest.approx(high, abs=1e-4)
    assert projection.year_basis(age, measure) == basis


# The ages each cited rate was measured at (from the ledger statements).
MEASURED_AGES = {
    "ML-01": (30, 99),  # a review range "after 30"
    "ML-12": (70, 79),  # "at about age 75"; ML-14's 70-79 bounds the span
    "ML-14": (70, 79),  # Health ABC, aged 70-79
    "ML-20": (20, 89),  # Hunter 2000, women 20-89
    "ML-21": (30, 79),  # Hurley 1995: 20s-30s peak to the eighth decade
}


@pytest.mark.parametrize("measure", ["mass", "strength"])
def test_measured_rates_are_used_only_at_the_ages_they_were_measured(measure):
    """A span called measured or review lies inside the ages of every fact behind it."""
    for span in projection.SPANS[measure]:
        if span.basis == "extrapolated":
            continue
        for fact in span.fact_ids:
            first, last = MEASURED_AGES[fact]
            assert first <= span.first_year, (span, fact)
            assert span.last_year <= last, (span, fact)


@pytest.mark.parametrize("measure", ["mass", "strength"])
def test_spans_cover_every_year_once(measure):
    """From 30 to 99 each year of age belongs to exactly one span, so every age has a basis."""
    years = [
        y for span in projection.SPANS[measure] for y in range(span.first_year, span.last_year + 1)
    ]
    assert years == list(range(projection.AGE_START_YEARS, projection.AGE_END_YEARS))


@pytest.mark.parametrize(
    ("measure", "age", "basis"),
    [
        ("strength", 30, "measured"),
        ("strength", 70, "measured"),
        ("strength", 80, "measured"),  # reached by the 79-80 year, still measured
        ("strength", 81, "extrapolated"),
        ("strength", 100, "extrapolated"),
        ("mass", 60, "review"),
        ("mass", 61, "extrapolated"),
        ("mass", 70, "extrapolated"),
        ("mass", 71, "measured"),
        ("mass", 80, "measured"),
        ("mass", 81, "extrapolated"),
    ],
)
def test_each_point_says_whether_its_line_is_measured(measure, age, basis):
    """A point's basis is that of the year leading to it, and every point has one."""
    p = project(age_years=age, rate_pct_per_decade=5, measure=measure)
    assert p.at(age).basis == basis
    assert {pt.basis for pt in p.points} <= {"review", "measured", "extrapolated"}
    assert [r["rate_basis"] for r in p.rows()] == [pt.basis for pt in p.points]


@pytest.mark.parametrize(
    ("measure", "stretches", "words"),
    [
        ("strength", [(80, 100)], "From 80 to 100 the line is dashed and marked “extrapolated”"),
        ("mass", [(60, 70), (80, 100)], "From 60 to 70 and from 80 to 100 the line is dashed"),
    ],
)
def test_summary_names_what_is_extrapolated(measure, stretches, words):
    """The chart's summary says which ages rest on studies and which are extrapolated."""
    assert projection.extrapolated_stretches(measure) == stretches
    summary = project(age_years=50, rate_pct_per_decade=5, measure=measure).summary
    assert words in summary
    assert "none of the studies used here measured those ages" in summary


@pytest.mark.parametrize(
    ("measure", "age", "flagged"),
    [
        ("strength", 80, False),
        ("strength", 81, True),
        ("strength", 100, True),
        ("mass", 60, False),
        ("mass", 65, True),
        ("mass", 75, False),
        ("mass", 90, True),
    ],
)
def test_summary_says_when_the_readers_own_age_is_extrapolated(measure, age, flagged):
    """At an extrapolated age the summary says so about the reader's own age."""
    summary = project(age_years=age, rate_pct_per_decade=5, measure=measure).summary
    assert (f"At {age} the line is extrapolated." in summary) is flagged


@given(
    age=st.integers(30, 100),
    rate=st.floats(3, 8),
    measure=st.sampled_from(["mass", "strength"]),
    days=st.integers(0, 60),
)
def test_summary_always_names_every_extrapolated_stretch(age, rate, measure, days):
    """Whatever the inputs, the summary names each extrapolated stretch of ages."""
    summary = project(
        age_years=age, rate_pct_per_decade=rate, measure=measure, bedrest_days=days
    ).summary
    for start, end in projection.extrapolated_stretches(measure):
        assert f"from {start} to {end}" in summary.lower()


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
        dipped.path_pct * (1 - projection.bedrest_mass_loss_pct(10, older=True) / 100)
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


# --- a spell in bed for older readers (DU-20) ---------------------------------------------


@pytest.mark.parametrize(
    ("bedrest_age", "older"), [(30, False), (59, False), (60, True), (67, True), (100, True)]
)
def test_older_adult_figures_apply_from_60(bedrest_age, older):
    """The older-adult bed-rest figures apply from the app's cut-off of 60, not before."""
    p = project(age_years=80, rate_pct_per_decade=5, bedrest_age_years=bedrest_age, bedrest_days=14)
    assert p.episode.older is older
    expected = 8.0 if older else projection.bedrest_mass_loss_pct(14)
    assert 100 - p.episode_days[14].mass_pct == pytest.approx(expected)


@pytest.mark.parametrize(
    ("days", "older", "loss"),
    [
        (0, True, 0.0),
        (14, True, 8.0),  # DU-20: about 8% of lower-limb muscle mass after 14 days
        (14, False, 13.2 * math.log(15) / math.log(11) / 2.4),  # DU-03 ratio 2.4 at day 14
        (10, False, 13.2 / projection.strength_to_atrophy_ratio(10)),
    ],
)
def test_bed_rest_muscle_loss_by_age_group(days, older, loss):
    """Older readers get the older-adult 14-day figure; younger ones the pooled ratio."""
    assert projection.bedrest_mass_loss_pct(days, older=older) == pytest.approx(loss)


@given(days=st.integers(1, 60), older=st.booleans())
def test_bed_rest_size_falls_less_than_strength(days, older):
    """In either age group, muscle size never falls faster than strength (DU-03, DU-20)."""
    assert (
        0
        < projection.bedrest_mass_loss_pct(days, older=older)
        < (projection.bedrest_strength_loss_pct(days))
    )


@pytest.mark.parametrize(
    ("bedrest_age", "days", "extrapolated_days"),
    [
        (70, 14, []),
        (70, 15, [15]),
        (70, 20, list(range(15, 21))),
        (50, 20, []),  # the pooled (mostly young) data run to 120 days (DU-03)
    ],
)
def test_days_in_bed_beyond_the_older_adult_studies_are_marked(
    bedrest_age, days, extrapolated_days
):
    """Older adults were studied up to 14 days in bed; later days say they are extrapolated."""
    p = project(
        age_years=80, rate_pct_per_decade=5, bedrest_age_years=bedrest_age, bedrest_days=days
    )
    assert [d.day for d in p.episode_days if d.extrapolated] == extrapolated_days


@pytest.mark.parametrize(
    ("bedrest_age", "days", "present", "absent"),
    [
        (70, 10, ["8% of leg muscle after 14 days", "adults around 67"], ["extrapolated"]),
        (70, 20, ["after day 14 the curves are extrapolated"], ["mostly young adults"]),
        (45, 10, ["mostly young adults", "rough guides"], ["8% of leg muscle"]),
    ],
)
def test_episode_summary_says_whose_data_the_curve_uses(bedrest_age, days, present, absent):
    """The bed-rest summary names the older-adult figures, or labels the young-adult ratio."""
    text = project(
        age_years=80, rate_pct_per_decade=5, bedrest_age_years=bedrest_age, bedrest_days=days
    ).episode_summary
    for words in present:
        assert words in text
    for words in absent:
        assert words not in text
