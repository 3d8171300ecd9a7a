"""How leg muscle mass and strength change with age, and after a spell in bed.

An illustration of population averages, never a prediction for one person. The model:

- From 30 to 60, muscle mass falls by the reader's chosen rate, inside the band of 3% to 8%
  per decade that reviews give (ML-01). That range is a review-level approximation.
- From 60, decline speeds up. Instead of an invented multiplier, the band follows the rates
  measured in older adults followed over time: 0.64% to 0.98% a year at about 75 (ML-12),
  in line with about 1% a year of leg lean mass at 70-79 (ML-14). The reader's path keeps
  its place within the band.
- Strength: no source here gives a midlife strength rate, so before 60 strength follows the
  mass path. From 60 it falls at the measured 2.6% to 4.1% a year of leg strength at 70-79
  (ML-14), about three times the loss of leg lean mass.
- A spell in bed: loss is fastest early and then slows, on a logarithmic curve (DU-03),
  anchored at the measured 13.2% loss of knee strength after 10 days in healthy adults
  around 67 (DU-05). Muscle size falls more slowly than strength: strength loss divided by
  the pooled strength-to-atrophy ratio, about 4.2 at day 5, 2.4 at day 14 and 1.9 from
  about day 35 (DU-03).
- Recovery after bed rest is slower and less complete in older adults (DU-10 to DU-13), and
  no source gives how much comes back. So after the spell the chart shows a range: from no
  recovery to full recovery, rather than an invented line.

Rates compound year by year (or day by day in the episode). Everything is a percentage of
the value at age 30 (or, in the episode, of the value before the spell in bed).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Literal

Measure = Literal["mass", "strength"]

AGE_START_YEARS = 30  # ML-01: the decline is described "after 30"
AGE_END_YEARS = 100
AGE_FASTER_YEARS = 60  # ML-01: "faster after 60"

MASS_RATE_LOW_PCT_PER_DECADE = 3.0  # ML-01, Volpi 2004
MASS_RATE_HIGH_PCT_PER_DECADE = 8.0  # ML-01, Volpi 2004
LATE_MASS_RATE_LOW_PCT_PER_YEAR = 0.64  # ML-12, Mitchell 2012 (women, about age 75)
LATE_MASS_RATE_HIGH_PCT_PER_YEAR = 0.98  # ML-12, Mitchell 2012 (men, about age 75)
LEG_LEAN_RATE_PCT_PER_YEAR = 1.0  # ML-14, Goodpaster 2006 (leg lean mass, ages 70-79)
LATE_STRENGTH_RATE_LOW_PCT_PER_YEAR = 2.6  # ML-14, Goodpaster 2006 (white women, 70-79)
LATE_STRENGTH_RATE_HIGH_PCT_PER_YEAR = 4.1  # ML-14, Goodpaster 2006 (Black men, 70-79)

BEDREST_MEASURED_DAYS = 10  # DU-04, DU-05, Kortebein 2007/2008
BEDREST_STRENGTH_LOSS_PCT = 13.2  # DU-05, knee-extensor strength after 10 days
BEDREST_LEG_LEAN_LOSS_KG = 0.95  # DU-04, leg lean mass after 10 days
BEDREST_AGE_STUDIED_YEARS = 67  # DU-04, mean age of the volunteers
# DU-03, Marusic 2021: strength loss / muscle-size loss at day 5, day 14 and from ~day 35.
STRENGTH_TO_ATROPHY_RATIO = ((5, 4.2), (14, 2.4), (35, 1.9))
RETRAINING_DAYS = 28  # DU-11, Suetta 2009: strength regained after 4 weeks of retraining
BEDREST_MAX_DAYS = 60

FACT_IDS = ("ML-01", "ML-12", "ML-14", "DU-03", "DU-04", "DU-05", "DU-10", "DU-11", "DU-13")
SOURCE_IDS = (
    "volpi2004",
    "mitchell2012",
    "goodpaster2006",
    "marusic2021",
    "kortebein2007",
    "kortebein2008",
    "hvid2014",
    "suetta2009",
    "rejc2018",
)


@dataclass(frozen=True)
class Episode:
    """A spell in bed: the age it starts and how many days it lasts (0 = none)."""

    age_years: int
    days: int


@dataclass(frozen=True)
class Point:
    """One age on the chart: the band, the reader's path, and the post-bed-rest range."""

    age_years: int
    band_low_pct: float
    band_high_pct: float
    path_pct: float
    after_low_pct: float | None
    after_high_pct: float | None


@dataclass(frozen=True)
class EpisodeDay:
    """One day of the spell in bed and the weeks after, as % of the value before it."""

    day: int
    phase: Literal["in bed", "after"]
    mass_pct: float
    strength_pct: float
    recovered_max_pct: float | None


@dataclass(frozen=True)
class Projection:
    """A full 30-100 curve for one measure, with the reader's path and an optional episode."""

    measure: Measure
    age_years: int
    rate_pct_per_decade: float
    episode: Episode
    points: tuple[Point, ...]
    episode_days: tuple[EpisodeDay, ...]

    def at(self, age_years: int) -> Point:
        """The point for a whole age between 30 and 100."""
        return self.points[age_years - AGE_START_YEARS]

    @property
    def has_episode(self) -> bool:
        """Whether a spell in bed is part of this path."""
        return self.episode.days > 0

    @property
    def summary(self) -> str:
        """One plain sentence for the reader's age, as the chart's text alternative."""
        thing = "leg muscle" if self.measure == "mass" else "leg strength"
        point = self.at(self.age_years)
        if point.after_low_pct is not None and point.after_high_pct is not None:
            return (
                f"At {self.age_years}, someone on this path, after {self.episode.days} days "
                f"in bed at {self.episode.age_years}, keeps between about "
                f"{point.after_low_pct:.0f}% (if none of the bed-rest loss came back) and "
                f"{point.after_high_pct:.0f}% (if all of it did) of the {thing} they had at 30."
            )
        return (
            f"At {self.age_years}, someone on this path keeps about {point.path_pct:.0f}% "
            f"of the {thing} they had at 30 (the band runs from {point.band_low_pct:.0f}% "
            f"to {point.band_high_pct:.0f}%)."
        )

    @property
    def episode_summary(self) -> str:
        """One plain sentence about the spell in bed, or an empty string without one."""
        if not self.has_episode:
            return ""
        last = self.episode_days[self.episode.days]
        return (
            f"After {self.episode.days} days in bed, this illustration loses about "
            f"{100 - last.strength_pct:.0f}% of leg strength and {100 - last.mass_pct:.0f}% "
            f"of leg muscle size. How much comes back afterwards is uncertain, so the chart "
            f"shows a range."
        )

    def rows(self) -> list[dict[str, float | int | str | None]]:
        """The curve as table rows (one per age), for the data table and CSV."""
        return [
            {
                "age": p.age_years,
                "measure": self.measure,
                "band_low_pct": round(p.band_low_pct, 1),
                "band_high_pct": round(p.band_high_pct, 1),
                "your_path_pct": round(p.path_pct, 1),
                "after_bed_rest_low_pct": _round(p.after_low_pct),
                "after_bed_rest_high_pct": _round(p.after_high_pct),
            }
            for p in self.points
        ]


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _position(rate_pct_per_decade: float) -> float:
    """Where a rate sits in the 3-8% band: 0 at the low edge, 1 at the high edge."""
    span = MASS_RATE_HIGH_PCT_PER_DECADE - MASS_RATE_LOW_PCT_PER_DECADE
    return (rate_pct_per_decade - MASS_RATE_LOW_PCT_PER_DECADE) / span


def per_year_from_per_decade(pct_per_decade: float) -> float:
    """The yearly % loss that compounds to `pct_per_decade` over ten years."""
    return 100 * (1 - float((1 - pct_per_decade / 100) ** 0.1))


def yearly_rate_pct(age_years: int, position: float, measure: Measure) -> float:
    """The % lost in the year starting at `age_years`, for a place in the band (0 to 1).

    Before 60 both measures use the 3-8%/decade band (ML-01); from 60 mass uses the measured
    late-life rates (ML-12) and strength the measured leg-strength rates (ML-14).
    """
    if age_years < AGE_FASTER_YEARS:
        span = MASS_RATE_HIGH_PCT_PER_DECADE - MASS_RATE_LOW_PCT_PER_DECADE
        return per_year_from_per_decade(MASS_RATE_LOW_PCT_PER_DECADE + position * span)
    if measure == "mass":
        low, high = LATE_MASS_RATE_LOW_PCT_PER_YEAR, LATE_MASS_RATE_HIGH_PCT_PER_YEAR
    else:
        low, high = LATE_STRENGTH_RATE_LOW_PCT_PER_YEAR, LATE_STRENGTH_RATE_HIGH_PCT_PER_YEAR
    return low + position * (high - low)


def _curve(position: float, measure: Measure) -> list[float]:
    """% of the value at 30 for each whole age from 30 to 100."""
    values = [100.0]
    for age in range(AGE_START_YEARS, AGE_END_YEARS):
        values.append(values[-1] * (1 - yearly_rate_pct(age, position, measure) / 100))
    return values


def strength_to_atrophy_ratio(day: float) -> float:
    """The pooled ratio of strength loss to muscle-size loss on a day of bed rest (DU-03).

    Interpolated on log(day) between the published points; flat before day 5 and after ~35.
    """
    points = STRENGTH_TO_ATROPHY_RATIO
    if day <= points[0][0]:
        return points[0][1]
    for (d0, r0), (d1, r1) in itertools.pairwise(points):
        if day <= d1:
            share = math.log(day / d0) / math.log(d1 / d0)
            return r0 + share * (r1 - r0)
    return points[-1][1]


def bedrest_strength_loss_pct(days: float) -> float:
    """% of leg strength lost after `days` in bed: logarithmic (DU-03), 13.2% at day 10 (DU-05)."""
    if days <= 0:
        return 0.0
    return BEDREST_STRENGTH_LOSS_PCT * math.log1p(days) / math.log1p(BEDREST_MEASURED_DAYS)


def bedrest_mass_loss_pct(days: float) -> float:
    """% of leg muscle size lost after `days` in bed: strength loss over the DU-03 ratio."""
    if days <= 0:
        return 0.0
    return bedrest_strength_loss_pct(days) / strength_to_atrophy_ratio(days)


def _episode_days(days: int) -> tuple[EpisodeDay, ...]:
    """Day by day: the spell in bed, then four weeks after it with the recovery range."""
    if days <= 0:
        return ()
    rows = [
        EpisodeDay(
            day=d,
            phase="in bed",
            mass_pct=100 - bedrest_mass_loss_pct(d),
            strength_pct=100 - bedrest_strength_loss_pct(d),
            recovered_max_pct=None,
        )
        for d in range(days + 1)
    ]
    end_mass, end_strength = rows[-1].mass_pct, rows[-1].strength_pct
    for d in range(1, RETRAINING_DAYS + 1):
        rows.append(
            EpisodeDay(
                day=days + d,
                phase="after",
                mass_pct=end_mass,
                strength_pct=end_strength,
                # Full recovery by four weeks of retraining (DU-11) is the best case drawn.
                recovered_max_pct=end_strength + (100 - end_strength) * d / RETRAINING_DAYS,
            )
        )
    return tuple(rows)


def project(
    *,
    age_years: int,
    rate_pct_per_decade: float,
    measure: Measure = "mass",
    bedrest_age_years: int = 70,
    bedrest_days: int = 0,
) -> Projection:
    """Project leg muscle mass or strength from 30 to 100 as % of its value at 30.

    Args:
        age_years: the reader's age, 30-100 (clamped), for the marker and the summary.
        rate_pct_per_decade: loss per decade from 30, 3-8 (clamped; ML-01).
        measure: "mass" or "strength".
        bedrest_age_years: age at a spell in bed, 30-100 (clamped).
        bedrest_days: its length in days, 0-60 (clamped); 0 means none.

    Returns:
        The band, the reader's path and, with a spell in bed, the range it may end in.
    """
    age = min(max(int(age_years), AGE_START_YEARS), AGE_END_YEARS)
    rate = min(
        max(float(rate_pct_per_decade), MASS_RATE_LOW_PCT_PER_DECADE), MASS_RATE_HIGH_PCT_PER_DECADE
    )
    episode = Episode(
        age_years=min(max(int(bedrest_age_years), AGE_START_YEARS), AGE_END_YEARS),
        days=min(max(int(bedrest_days), 0), BEDREST_MAX_DAYS),
    )
    low, high, path = _curve(0.0, measure), _curve(1.0, measure), _curve(_position(rate), measure)
    loss = (
        bedrest_strength_loss_pct(episode.days)
        if measure == "strength"
        else bedrest_mass_loss_pct(episode.days)
    )
    points = []
    for index, age_here in enumerate(range(AGE_START_YEARS, AGE_END_YEARS + 1)):
        after = episode.days > 0 and age_here >= episode.age_years
        points.append(
            Point(
                age_years=age_here,
                band_low_pct=high[index],
                band_high_pct=low[index],
                path_pct=path[index],
                after_low_pct=path[index] * (1 - loss / 100) if after else None,
                after_high_pct=path[index] if after else None,
            )
        )
    return Projection(
        measure=measure,
        age_years=age,
        rate_pct_per_decade=rate,
        episode=episode,
        points=tuple(points),
        episode_days=_episode_days(episode.days),
    )
