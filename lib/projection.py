"""How leg muscle mass and strength change with age, and after a spell in bed.

An illustration of population averages, never a prediction for one person. Each yearly rate
is used only for the ages it was measured at; where no rate was measured the chart carries
the nearest measured rate on, and says so (`basis` "extrapolated", drawn dashed). The model:

- Mass, 30 to 59: the reader's chosen rate, inside the band of 3% to 8% per decade that
  reviews give (ML-01), a review-level approximation ("review").
- Mass, 70 to 79: the rates measured in older adults followed over time, 0.64% to 0.98% a
  year at about 75 (ML-12), in line with about 1% a year of leg lean mass at 70-79 (ML-14).
  The same rates from 60 to 69 and from 80 to 100 are extrapolated: no source here measured
  them at those ages (ML-01 says only that loss is faster after 60).
- Strength, 30 to 69: rates from studies that compared people of different ages
  (cross-sectional). Women's knee-extensor strength fell 9.3% per decade from 20 to 89
  (ML-20); men's stayed about the same until the 40s, then fell 12% to 15% per decade until
  the 70s (ML-21). So the band runs from 0 to 9.3% per decade in the 30s and from 9.3% to
  15% per decade from 40 to 69.
- Strength, 70 to 79: the measured 2.6% to 4.1% a year of leg strength in people followed
  for 3 years (ML-14), about three times the loss of leg lean mass. Studies that follow
  people find larger losses than those comparing age groups (ML-21), hence the step at 70.
  From 80 to 100 these rates are extrapolated.
- A spell in bed: loss is fastest early and then slows, on a logarithmic curve (DU-03),
  anchored at the measured 13.2% loss of knee strength after 10 days in healthy adults
  around 67 (DU-05). For a reader in bed from 60 on (the app's own cut-off), muscle size
  follows the older-adult meta-analysis: about 8% of lower-limb muscle mass after 14 days
  (DU-20); beyond the 14 days older adults were studied, that curve is extrapolated. Under
  60, muscle size is strength loss divided by the pooled strength-to-atrophy ratio, about
  4.2 at day 5, 2.4 at day 14 and 1.9 from about day 35, from mostly young adults (DU-03).
- Recovery after bed rest is slower and less complete in older adults (DU-10 to DU-13,
  DU-20), and no source gives one figure for how much comes back for everyone. So after the
  spell the chart shows a range: from no recovery to full recovery, rather than a line.

Rates compound year by year (or day by day in the episode). Everything is a percentage of
the value at age 30 (or, in the episode, of the value before the spell in bed).
"""

from __future__ import annotations

import functools
import itertools
import math
from dataclasses import dataclass
from typing import Literal

Measure = Literal["mass", "strength"]

AGE_START_YEARS = 30  # ML-01: the decline is described "after 30"
AGE_END_YEARS = 100
AGE_FASTER_YEARS = 60  # ML-01: "faster after 60"

# The chart's two dashed lines, in words (ML-01: reviews say muscle mass falls "after 30,
# faster after 60"): the label drawn by each line, also the data table's "marker" column,
# and the sentence the chart's summary ends with. Reviews, not a measured cohort, say so.
THRESHOLD_MARKERS: dict[int, tuple[str, ...]] = {
    AGE_START_YEARS: ("Reviews: loss", "starts at 30"),
    AGE_FASTER_YEARS: ("Reviews: loss", "faster after 60"),
}
THRESHOLDS_SENTENCE = (
    "The two dashed lines mark 30, where reviews say muscle loss starts, and 60, after which "
    "they say it is faster; that wording comes from reviews, not from measuring one group."
)

MASS_RATE_LOW_PCT_PER_DECADE = 3.0  # ML-01, Volpi 2004
MASS_RATE_HIGH_PCT_PER_DECADE = 8.0  # ML-01, Volpi 2004
LATE_MASS_RATE_LOW_PCT_PER_YEAR = 0.64  # ML-12, Mitchell 2012 (women, about age 75)
LATE_MASS_RATE_HIGH_PCT_PER_YEAR = 0.98  # ML-12, Mitchell 2012 (men, about age 75)
LEG_LEAN_RATE_PCT_PER_YEAR = 1.0  # ML-14, Goodpaster 2006 (leg lean mass, ages 70-79)
LATE_STRENGTH_RATE_LOW_PCT_PER_YEAR = 2.6  # ML-14, Goodpaster 2006 (white women, 70-79)
LATE_STRENGTH_RATE_HIGH_PCT_PER_YEAR = 4.1  # ML-14, Goodpaster 2006 (Black men, 70-79)
LONGITUDINAL_START_YEARS = 70  # ML-14 (and ML-12, about 75): people aged 70-79 followed
LONGITUDINAL_END_YEARS = 79
MIDLIFE_STRENGTH_WOMEN_PCT_PER_DECADE = 9.3  # ML-20, Hunter 2000 (women 20-89, knee extensors)
MIDLIFE_STRENGTH_MEN_LOW_PCT_PER_DECADE = 12.0  # ML-21, Hurley 1995 (men, 40s to 70s)
MIDLIFE_STRENGTH_MEN_HIGH_PCT_PER_DECADE = 15.0  # ML-21, Hurley 1995 (men, 40s to 70s)
MEN_STRENGTH_STEADY_UNTIL_YEARS = 40  # ML-21: unchanged "until the fourth or fifth decade"

BEDREST_MEASURED_DAYS = 10  # DU-04, DU-05, Kortebein 2007/2008
BEDREST_STRENGTH_LOSS_PCT = 13.2  # DU-05, knee-extensor strength after 10 days
BEDREST_LEG_LEAN_LOSS_KG = 0.95  # DU-04, leg lean mass after 10 days
BEDREST_AGE_STUDIED_YEARS = 67  # DU-04, mean age of the volunteers
OLDER_BEDREST_LEG_MASS_LOSS_PCT = 8.0  # DU-20, Di Girolamo 2021: lower-limb mass, 14 days
OLDER_BEDREST_STUDIED_DAYS = 14  # DU-20: older adults were studied for 5 to 14 days in bed
# The app's own choice, not a study's: from this age a spell in bed uses the older-adult
# figures (DU-04, DU-05, DU-20; the 10-day volunteers were 67 on average). It matches the
# "faster after 60" of ML-01.
OLDER_BEDREST_FROM_AGE_YEARS = 60
# DU-03, Marusic 2021: strength loss / muscle-size loss at day 5, day 14 and from ~day 35.
STRENGTH_TO_ATROPHY_RATIO = ((5, 4.2), (14, 2.4), (35, 1.9))
RETRAINING_DAYS = 28  # DU-11, Suetta 2009: strength regained after 4 weeks of retraining
BEDREST_MAX_DAYS = 60

FACT_IDS = (
    "ML-01",
    "ML-12",
    "ML-14",
    "ML-20",
    "ML-21",
    "DU-03",
    "DU-04",
    "DU-05",
    "DU-10",
    "DU-11",
    "DU-13",
    "DU-20",
)
SOURCE_IDS = (
    "volpi2004",
    "mitchell2012",
    "goodpaster2006",
    "hunter2000",
    "hurley1995",
    "marusic2021",
    "digirolamo2021",
    "kortebein2007",
    "kortebein2008",
    "hvid2014",
    "suetta2009",
    "rejc2018",
)


Basis = Literal["review", "measured", "extrapolated"]


def per_year_from_per_decade(pct_per_decade: float) -> float:
    """The yearly % loss that compounds to `pct_per_decade` over ten years."""
    return 100 * (1 - float((1 - pct_per_decade / 100) ** 0.1))


@dataclass(frozen=True)
class RateSpan:
    """Years of age that share one band of yearly loss, and where that band comes from.

    Attributes:
        first_year: the first year of age it covers (the year from `first_year` to +1).
        last_year: the last year of age it covers.
        low_pct_per_year: the slowest yearly loss of the band.
        high_pct_per_year: the fastest yearly loss of the band.
        basis: "review" (a review-level range), "measured" (a study measured people of
            these ages) or "extrapolated" (no source here measured these ages: the nearest
            measured rate is carried on).
        evidence: what the rate rests on, in a few plain words, for the chart's summary.
        fact_ids: the ledger facts behind the band.
        per_decade: the band's edges per decade, where the sources give them so; a place
            in the band is then taken per decade (so 5% a decade compounds to exactly 5%).
    """

    first_year: int
    last_year: int
    low_pct_per_year: float
    high_pct_per_year: float
    basis: Basis
    evidence: str
    fact_ids: tuple[str, ...]
    per_decade: tuple[float, float] | None = None

    def rate_pct_per_year(self, position: float) -> float:
        """The yearly % loss at a place in the band: 0 the slowest edge, 1 the fastest."""
        if self.per_decade is not None:
            low, high = self.per_decade
            return per_year_from_per_decade(low + position * (high - low))
        return self.low_pct_per_year + position * (self.high_pct_per_year - self.low_pct_per_year)


def _per_decade_span(
    first_year: int,
    last_year: int,
    low_pct_per_decade: float,
    high_pct_per_decade: float,
    basis: Basis,
    evidence: str,
    fact_ids: tuple[str, ...],
) -> RateSpan:
    """A span whose sources give their rates per decade."""
    return RateSpan(
        first_year,
        last_year,
        per_year_from_per_decade(low_pct_per_decade),
        per_year_from_per_decade(high_pct_per_decade),
        basis,
        evidence,
        fact_ids,
        (low_pct_per_decade, high_pct_per_decade),
    )


_SEVENTIES_MASS = (LATE_MASS_RATE_LOW_PCT_PER_YEAR, LATE_MASS_RATE_HIGH_PCT_PER_YEAR)
_SEVENTIES_STRENGTH = (LATE_STRENGTH_RATE_LOW_PCT_PER_YEAR, LATE_STRENGTH_RATE_HIGH_PCT_PER_YEAR)
_FOLLOWED = "studies that followed people aged 70 to 79 over time"
_CARRIED = "the rates measured at 70 to 79, carried on"

SPANS: dict[Measure, tuple[RateSpan, ...]] = {
    "mass": (
        _per_decade_span(
            AGE_START_YEARS,
            AGE_FASTER_YEARS - 1,
            MASS_RATE_LOW_PCT_PER_DECADE,
            MASS_RATE_HIGH_PCT_PER_DECADE,
            "review",
            "the range reviews give (3% to 8% a decade)",
            ("ML-01",),
        ),
        RateSpan(
            AGE_FASTER_YEARS,
            LONGITUDINAL_START_YEARS - 1,
            *_SEVENTIES_MASS,
            "extrapolated",
            _CARRIED,
            ("ML-01", "ML-12", "ML-14"),
        ),
        RateSpan(
            LONGITUDINAL_START_YEARS,
            LONGITUDINAL_END_YEARS,
            *_SEVENTIES_MASS,
            "measured",
            _FOLLOWED,
            ("ML-12", "ML-14"),
        ),
        RateSpan(
            LONGITUDINAL_END_YEARS + 1,
            AGE_END_YEARS - 1,
            *_SEVENTIES_MASS,
            "extrapolated",
            _CARRIED,
            ("ML-12", "ML-14"),
        ),
    ),
    "strength": (
        _per_decade_span(
            AGE_START_YEARS,
            MEN_STRENGTH_STEADY_UNTIL_YEARS - 1,
            0.0,
            MIDLIFE_STRENGTH_WOMEN_PCT_PER_DECADE,
            "measured",
            "studies that compared people of different ages",
            ("ML-20", "ML-21"),
        ),
        _per_decade_span(
            MEN_STRENGTH_STEADY_UNTIL_YEARS,
            LONGITUDINAL_START_YEARS - 1,
            MIDLIFE_STRENGTH_WOMEN_PCT_PER_DECADE,
            MIDLIFE_STRENGTH_MEN_HIGH_PCT_PER_DECADE,
            "measured",
            "studies that compared people of different ages",
            ("ML-20", "ML-21"),
        ),
        RateSpan(
            LONGITUDINAL_START_YEARS,
            LONGITUDINAL_END_YEARS,
            *_SEVENTIES_STRENGTH,
            "measured",
            "a study that followed people aged 70 to 79 over time",
            ("ML-14",),
        ),
        RateSpan(
            LONGITUDINAL_END_YEARS + 1,
            AGE_END_YEARS - 1,
            *_SEVENTIES_STRENGTH,
            "extrapolated",
            _CARRIED,
            ("ML-14",),
        ),
    ),
}


def span_for(age_years: int, measure: Measure) -> RateSpan:
    """The span whose rates apply to the year of age starting at `age_years` (clamped)."""
    spans = SPANS[measure]
    age = min(max(age_years, spans[0].first_year), spans[-1].last_year)
    return next(span for span in spans if span.first_year <= age <= span.last_year)


def year_basis(age_years: int, measure: Measure) -> Basis:
    """Where the rate for the year of age starting at `age_years` comes from."""
    return span_for(age_years, measure).basis


def point_basis(age_years: int, measure: Measure) -> Basis:
    """The basis of the line reaching `age_years`: that of the year before it (30: its own)."""
    return year_basis(max(age_years - 1, AGE_START_YEARS), measure)


# The basis of every point from 30 to 100, worked out once (project() is called per rerun).
_POINT_BASES: dict[Measure, tuple[Basis, ...]] = {
    measure: tuple(point_basis(a, measure) for a in range(AGE_START_YEARS, AGE_END_YEARS + 1))
    for measure in ("mass", "strength")
}


def _stretches(measure: Measure, basis: Basis) -> list[tuple[int, int, str]]:
    """Line stretches (from age, to age, evidence) of one basis, neighbours merged."""
    out: list[tuple[int, int, str]] = []
    for span in SPANS[measure]:
        if span.basis != basis:
            continue
        if out and out[-1][1] == span.first_year and out[-1][2] == span.evidence:
            out[-1] = (out[-1][0], span.last_year + 1, span.evidence)
        else:
            out.append((span.first_year, span.last_year + 1, span.evidence))
    return out


def extrapolated_stretches(measure: Measure) -> list[tuple[int, int]]:
    """The age ranges (from, to) where the line is extrapolated, e.g. [(80, 100)]."""
    return [(a, b) for a, b, _ in _stretches(measure, "extrapolated")]


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


@functools.cache
def basis_sentence(measure: Measure) -> str:
    """Which ages of the line rest on measured rates and which are extrapolated, in words."""
    known = sorted(_stretches(measure, "review") + _stretches(measure, "measured"))
    parts = [
        f"from {a} to {b}, " + ("the rates come from " if i == 0 else "from ") + evidence
        for i, (a, b, evidence) in enumerate(known)
    ]
    first = "; ".join(parts)
    known_words = f"{first[0].upper()}{first[1:]}."
    stretches = extrapolated_stretches(measure)
    if not stretches:
        return known_words
    guessed = _and([f"from {a} to {b}" for a, b in stretches])
    return (
        f"{known_words} {guessed[0].upper()}{guessed[1:]} the line is dashed and marked "
        "“extrapolated”: none of the studies used here measured those ages, so the chart "
        "carries the rates measured at 70 to 79 over to them."
    )


@dataclass(frozen=True)
class Episode:
    """A spell in bed: the age it starts and how many days it lasts (0 = none)."""

    age_years: int
    days: int

    @property
    def older(self) -> bool:
        """Whether the older-adult bed-rest figures apply (the app's cut-off, 60)."""
        return self.age_years >= OLDER_BEDREST_FROM_AGE_YEARS


@dataclass(frozen=True)
class Point:
    """One age on the chart: the band, the reader's path, and the post-bed-rest range.

    `basis` says where the rate of the line reaching this age comes from.
    """

    age_years: int
    band_low_pct: float
    band_high_pct: float
    path_pct: float
    after_low_pct: float | None
    after_high_pct: float | None
    basis: Basis


@dataclass(frozen=True)
class EpisodeDay:
    """One day of the spell in bed and the weeks after, as % of the value before it.

    `extrapolated` marks days in bed beyond those older adults were studied for (DU-20).
    """

    day: int
    phase: Literal["in bed", "after"]
    mass_pct: float
    strength_pct: float
    recovered_max_pct: float | None
    extrapolated: bool


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
        """Plain sentences: the reader's age, and what the line rests on (the text alternative)."""
        point = self.at(self.age_years)
        here = (
            f" At {self.age_years} the line is extrapolated."
            if point.basis == "extrapolated"
            else ""
        )
        return f"{self.headline} {basis_sentence(self.measure)}{here} {THRESHOLDS_SENTENCE}"

    @property
    def headline(self) -> str:
        """The summary's first sentence: what is left at the reader's age (the result bar)."""
        thing = "leg muscle" if self.measure == "mass" else "leg strength"
        point = self.at(self.age_years)
        if point.after_low_pct is not None and point.after_high_pct is not None:
            first = (
                f"At {self.age_years}, someone on this path, after {self.episode.days} days "
                f"in bed at {self.episode.age_years}, keeps between about "
                f"{point.after_low_pct:.0f}% (if none of the bed-rest loss came back) and "
                f"{point.after_high_pct:.0f}% (if all of it did) of the {thing} they had at 30."
            )
        else:
            first = (
                f"At {self.age_years}, someone on this path keeps about {point.path_pct:.0f}% "
                f"of the {thing} they had at 30 (the band runs from {point.band_low_pct:.0f}% "
                f"to {point.band_high_pct:.0f}%)."
            )
        return first

    @property
    def episode_headline(self) -> str:
        """What a spell in bed takes, in one sentence (empty without one): the result bar."""
        if not self.has_episode:
            return ""
        last = self.episode_days[self.episode.days]
        return (
            f"After {self.episode.days} days in bed, this illustration loses about "
            f"{100 - last.strength_pct:.0f}% of leg strength and {100 - last.mass_pct:.0f}% "
            f"of leg muscle size."
        )

    @property
    def episode_summary(self) -> str:
        """Plain sentences about the spell in bed, or an empty string without one."""
        if not self.has_episode:
            return ""
        lost = self.episode_headline
        if self.episode.older:
            basis = (
                " Both curves use figures from older adults: about 13% of knee strength after "
                "10 days in bed, in adults around 67, and about 8% of leg muscle after 14 days, "
                "from a review of bed-rest studies in older adults."
            )
            if self.episode.days > OLDER_BEDREST_STUDIED_DAYS:
                basis += (
                    f" Older adults were studied for up to {OLDER_BEDREST_STUDIED_DAYS} days in "
                    f"bed, so after day {OLDER_BEDREST_STUDIED_DAYS} the curves are extrapolated."
                )
        else:
            basis = (
                " The muscle-size curve rests on bed-rest studies of mostly young adults, and "
                "the strength curve on a 10-day figure measured in adults around 67, so for a "
                "younger reader both are rough guides."
            )
        return (
            f"{lost}{basis} How much comes back afterwards is uncertain, so the chart shows "
            "a range."
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
                "rate_basis": p.basis,
                "marker": marker_text(p.age_years),
            }
            for p in self.points
        ]


def marker_text(age_years: int) -> str | None:
    """The words of the dashed line at this age ("Reviews: loss starts at 30"), or None."""
    lines = THRESHOLD_MARKERS.get(age_years)
    return " ".join(lines) if lines else None


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _position(rate_pct_per_decade: float) -> float:
    """Where a rate sits in the 3-8% band: 0 at the low edge, 1 at the high edge."""
    span = MASS_RATE_HIGH_PCT_PER_DECADE - MASS_RATE_LOW_PCT_PER_DECADE
    return (rate_pct_per_decade - MASS_RATE_LOW_PCT_PER_DECADE) / span


def yearly_rate_pct(age_years: int, position: float, measure: Measure) -> float:
    """The % lost in the year starting at `age_years`, for a place in the band (0 to 1).

    The band is that of the span covering the age (`SPANS`): each measured rate is used
    only at the ages it was measured at, and extrapolated spans carry the nearest one on.
    """
    return span_for(age_years, measure).rate_pct_per_year(position)


def _curve(position: float, measure: Measure) -> list[float]:
    """% of the value at 30 for each whole age from 30 to 100 (the spans cover 30-99)."""
    values = [100.0]
    for span in SPANS[measure]:
        keep = 1 - span.rate_pct_per_year(position) / 100
        for _ in range(span.first_year, span.last_year + 1):
            values.append(values[-1] * keep)
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


def bedrest_mass_loss_pct(days: float, *, older: bool = False) -> float:
    """% of leg muscle size lost after `days` in bed.

    Older readers: logarithmic (DU-03) through the older-adult 8% at day 14 (DU-20).
    Younger readers: strength loss over the DU-03 ratio (pooled, mostly young adults).
    """
    if days <= 0:
        return 0.0
    if older:
        return (
            OLDER_BEDREST_LEG_MASS_LOSS_PCT
            * math.log1p(days)
            / math.log1p(OLDER_BEDREST_STUDIED_DAYS)
        )
    return bedrest_strength_loss_pct(days) / strength_to_atrophy_ratio(days)


def _episode_days(episode: Episode) -> tuple[EpisodeDay, ...]:
    """Day by day: the spell in bed, then four weeks after it with the recovery range."""
    days = episode.days
    if days <= 0:
        return ()
    rows = [
        EpisodeDay(
            day=d,
            phase="in bed",
            mass_pct=100 - bedrest_mass_loss_pct(d, older=episode.older),
            strength_pct=100 - bedrest_strength_loss_pct(d),
            recovered_max_pct=None,
            extrapolated=episode.older and d > OLDER_BEDREST_STUDIED_DAYS,
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
                extrapolated=False,
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
        rate_pct_per_decade: loss per decade from 30, 3-8 (clamped; ML-01). It also sets
            the path's place within the strength band.
        measure: "mass" or "strength".
        bedrest_age_years: age at a spell in bed, 30-100 (clamped).
        bedrest_days: its length in days, 0-60 (clamped); 0 means none.

    Returns:
        The band, the reader's path and, with a spell in bed, the range it may end in; each
        age says whether its rate was measured or extrapolated.
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
        else bedrest_mass_loss_pct(episode.days, older=episode.older)
    )
    points = []
    bases = _POINT_BASES[measure]
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
                basis=bases[index],
            )
        )
    return Projection(
        measure=measure,
        age_years=age,
        rate_pct_per_decade=rate,
        episode=episode,
        points=tuple(points),
        episode_days=_episode_days(episode),
    )
