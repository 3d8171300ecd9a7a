"""The guideline self-check: a reader's week set beside the US (2018) and WHO (2020) guidelines.

Four pillars are checked, always in this order: aerobic activity, muscle strengthening,
balance (adults 65 and over) and protein. Each result says whether the reader meets the
target, by how much they fall short in their own units, and one plain next step, with the
fact ids of the ledger (`content/facts.yaml`) and the source ids of `content/sources.yaml`
behind it. A met pillar is never a clean bill of health: its headline ends "That is about
activity, not a health check." (or protein).

Every guideline number below is a named constant with its fact id. The one-vigorous-minute
-equals-two-moderate rule (PA-05) comes from the US guidelines only: the ledger could not
confirm it in WHO's own text, so it is attributed to the US PAG even in WHO mode.

The headlines, steps and notes a reader sees live in `content/guidelines.yaml`, read by
`load_text` into a `GuidelineText` that `assess` is handed; this module keeps the figures and
the rules. Everything here is pure: no clock, no Streamlit, and the file is read only from
the path the caller gives. The page clamps its inputs first; `assess` still refuses
impossible values (a weight of 0 kg, negative minutes) with ValueError.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Final, Literal

from lib.content import ContentError, read_yaml
from lib.content import exact_mapping as _exactly
from lib.content import template_text as _template

Guideline = Literal["us", "who"]
Pillar = Literal["aerobic", "strength", "balance", "protein"]

# --- guideline figures -------------------------------------------------------------------

AEROBIC_MIN_MODERATE = 150  # PA-02 (US PAG 2018), PA-20 (WHO 2020): min/week moderate
AEROBIC_MAX_MODERATE = 300  # PA-02 (US PAG 2018), PA-20 (WHO 2020); beyond it: PA-03, PA-22
AEROBIC_MIN_VIGOROUS = 75  # PA-02 (US PAG 2018), PA-20 (WHO 2020): min/week vigorous
AEROBIC_MAX_VIGOROUS = 150  # PA-02 (US PAG 2018), PA-20 (WHO 2020)
VIGOROUS_TO_MODERATE = 2  # PA-05 (US PAG 2018 only): 1 vigorous min counts as 2 moderate
STRENGTH_MIN_DAYS = 2  # PA-07 (US PAG 2018), PA-21 and PA-24 (WHO 2020): days/week
BALANCE_MIN_DAYS_WHO = 3  # PA-23 (WHO 2020): multicomponent activity, days/week, 65 and over
# PA-08 (US PAG 2018) asks older adults for balance work but gives no day count, so the US
# check only asks whether the reader does any: 1 day is the least that counts, not a US figure.
BALANCE_MIN_DAYS_US = 1  # PA-08 (US PAG 2018): no day count; any balance work meets it
OLDER_ADULT_AGE = 65  # PA-08 (US PAG 2018), PA-23 (WHO 2020), PR-02 (PROT-AGE): years
ADULT_NEUROMOTOR_MIN_DAYS = 2  # PA-30 (ACSM 2011): balance work for all adults, 2-3 days/week
ADULT_NEUROMOTOR_MAX_DAYS = 3  # PA-30 (ACSM 2011)

PROTEIN_RDA_G_PER_KG = 0.8  # PR-01 (IOM 2005): adult RDA, g/kg/day, every adult age band
PROTEIN_OLDER_LOW_G_PER_KG = 1.0  # PR-02 (PROT-AGE 2013), PR-07 (ESPEN 2014): 65 and over
PROTEIN_OLDER_HIGH_G_PER_KG = 1.2  # PR-02 (PROT-AGE 2013), PR-07 (ESPEN 2014)
PROTEIN_ACTIVE_LOW_G_PER_KG = 1.2  # PR-03 (PROT-AGE 2013): active adults 65 and over, at least
PROTEIN_ILL_LOW_G_PER_KG = 1.2  # PR-04 (PROT-AGE 2013), PR-07 (ESPEN 2014): acute/chronic illness
PROTEIN_ILL_HIGH_G_PER_KG = 1.5  # PR-04 (PROT-AGE 2013), PR-07 (ESPEN 2014)
PROTEIN_NO_EXTRA_GAIN_G_PER_KG = 1.6  # PR-08 (Morton 2018): no more lean-mass gain above ~1.6
# ledger section 8, point 2: a figure consumer articles give for every adult. Not a
# guideline; kept only so the caveat note can name it.
CLAIMED_ADULT_PROTEIN_G_PER_KG = 1.2
MEAL_PROTEIN_MIN_G = 25  # PR-06 (PROT-AGE 2013), PR-09: g protein per meal, 65 and over
MEAL_PROTEIN_MAX_G = 30  # PR-06 (PROT-AGE 2013), PR-09

# Not a guideline figure: 1 lb = 0.45359237 kg exactly (the 1959 international pound).
LB_PER_KG = 2.2046226218

# Which sources in `content/sources.yaml` state each fact this module cites.
FACT_SOURCES: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "PA-01": ("hhs2018",),
        "PA-02": ("hhs2018",),
        "PA-03": ("hhs2018",),
        "PA-05": ("hhs2018",),
        "PA-06": ("hhs2018",),
        "PA-07": ("hhs2018",),
        "PA-08": ("hhs2018",),
        "PA-11": ("hhs2018",),
        "PA-12": ("hhs2018",),
        "PA-20": ("who2020",),
        "PA-21": ("who2020",),
        "PA-22": ("who2020",),
        "PA-23": ("who2020",),
        "PA-24": ("who2020",),
        "PA-25": ("who2020",),
        "PA-26": ("who2020",),
        "PA-30": ("garber2011",),
        "PR-01": ("iom2005",),
        "PR-02": ("bauer2013",),
        "PR-03": ("bauer2013",),
        "PR-04": ("bauer2013",),
        "PR-05": ("bauer2013",),
        "PR-06": ("bauer2013",),
        "PR-07": ("deutz2014",),
        "PR-08": ("morton2018",),
        "EX-01": ("nhs-strength-older",),
        "EX-03": ("nhs-strength-older",),
        "EX-05": ("nhs-tayside-super-six",),
    }
)

AEROBIC_UNIT = "moderate-equivalent min/week"
DAYS_UNIT = "days/week"
PROTEIN_UNIT = "g/kg/day"

_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five")
# The suggested daily walk when splitting an aerobic gap over the week: minutes a day.
_WALK_MIN_PER_DAY = 30
_WALK_MAX_DAYS = 5


class Status(StrEnum):
    """How a reader's figure compares with a pillar's target."""

    MET = "met"
    PARTLY = "partly met"
    NOT_MET = "not met"
    NO_TARGET = "no target"


@dataclass(frozen=True)
class Inputs:
    """What the reader told the self-check about a typical week.

    Attributes:
        age_years: Age in whole years.
        weight_kg: Body weight in kg (must be above 0).
        moderate_min_per_week: Minutes a week of moderate aerobic activity (brisk walking).
        vigorous_min_per_week: Minutes a week of vigorous aerobic activity (running).
        strength_days_per_week: Days a week of muscle-strengthening activity.
        strength_works_legs: Whether that strength work includes the legs.
        balance_days_per_week: Days a week of balance (multicomponent) activity.
        protein_g_per_day: Grams of protein eaten in a typical day.
        kidney_disease: The reader has kidney disease (protein is then for their clinician).
        recent_illness: The reader has an acute or chronic illness (raises the 65+ target).
        active: The reader does resistance or other regular exercise.
        guideline: Which guideline to check against: "us" (PAG 2018) or "who" (WHO 2020).
    """

    age_years: int
    weight_kg: float
    moderate_min_per_week: int
    vigorous_min_per_week: int
    strength_days_per_week: int
    strength_works_legs: bool
    balance_days_per_week: int
    protein_g_per_day: float
    kidney_disease: bool
    recent_illness: bool
    active: bool
    guideline: Guideline


@dataclass(frozen=True)
class PillarResult:
    """One pillar of the self-check, ready to show.

    Attributes:
        pillar: Which pillar this is.
        status: How the reader's figure compares with the target.
        value: The reader's figure, in `unit` (protein rounded to 2 decimals, as shown).
        target_low: The least that meets the target, in `unit`; None when there is none.
        target_high: The top of the target range, in `unit`; None when open-ended or none.
        unit: The unit of `value` and the targets, e.g. "days/week".
        gap: How far below `target_low` the reader is: in `unit` for aerobic, strength and
            balance, and in whole grams of protein a day for protein. 0 when there is no
            shortfall or no target.
        headline: One plain sentence saying where the reader stands.
        next_step: One concrete step, with the gap in the reader's own units.
        fact_ids: Fact ids from `content/facts.yaml` behind the headline and step.
        source_ids: Source ids from `content/sources.yaml` stating those facts.
    """

    pillar: Pillar
    status: Status
    value: float
    target_low: float | None
    target_high: float | None
    unit: str
    gap: float
    headline: str
    next_step: str
    fact_ids: tuple[str, ...]
    source_ids: tuple[str, ...]


@dataclass(frozen=True)
class Assessment:
    """The whole self-check: four pillar results plus the caveats to show with them.

    Attributes:
        inputs: What the reader entered.
        results: Aerobic, strength, balance and protein, always in that order.
        protein_g_per_kg: Protein in g per kg of body weight a day, unrounded.
        notes: Plain caveats to show beside the results.
        note_fact_ids: Fact ids behind the numbers in `notes`.
        note_source_ids: Source ids from `content/sources.yaml` stating those facts.
    """

    inputs: Inputs
    results: tuple[PillarResult, ...]
    protein_g_per_kg: float
    notes: tuple[str, ...]
    note_fact_ids: tuple[str, ...] = ()
    note_source_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class GuidelineRow:
    """One row of the US-versus-WHO comparison table, worded from the ledger."""

    topic: str
    us_2018: str
    who_2020: str
    fact_ids: tuple[str, ...]


GUIDELINE_TABLE: tuple[GuidelineRow, ...] = (
    GuidelineRow(
        topic="Aerobic activity",
        us_2018="150-300 min a week of moderate activity, or 75-150 min of vigorous "
        "activity, or an equivalent mix",
        who_2020="150-300 min a week of moderate activity, or 75-150 min of vigorous "
        "activity, or an equivalent mix",
        fact_ids=("PA-02", "PA-20"),
    ),
    GuidelineRow(
        topic="More than the target",
        us_2018="Going beyond the equivalent of 300 min of moderate activity a week brings "
        "further benefit",
        who_2020="More than 300 min of moderate or 150 min of vigorous activity a week "
        "brings extra benefit",
        fact_ids=("PA-03", "PA-22"),
    ),
    GuidelineRow(
        topic="Vigorous versus moderate",
        us_2018="1 minute of vigorous activity counts about the same as 2 minutes of "
        "moderate activity",
        who_2020="No conversion rule found in WHO's own text (it allows an equivalent mix)",
        fact_ids=("PA-05", "PA-20"),
    ),
    GuidelineRow(
        topic="Muscle strengthening",
        us_2018="2 or more days a week, moderate or greater intensity, all major muscle groups",
        who_2020="2 or more days a week, moderate or greater intensity, all major muscle groups",
        fact_ids=("PA-07", "PA-21", "PA-24"),
    ),
    GuidelineRow(
        topic="Balance (65 and over)",
        us_2018="Multicomponent activity: balance training plus aerobic and "
        "muscle-strengthening activity. No day count is given",
        who_2020="Varied multicomponent activity that stresses functional balance and "
        "strength, on 3 or more days a week",
        fact_ids=("PA-08", "PA-23"),
    ),
    GuidelineRow(
        topic="Who the balance advice covers",
        us_2018="All older adults (in 2008, only those at risk of falling)",
        who_2020="All older adults (in 2010, only those with poor mobility)",
        fact_ids=("PA-12", "PA-26"),
    ),
    GuidelineRow(
        topic="Short bouts",
        us_2018="Any bout length counts (the 2008 rule of 10-minute bouts was dropped)",
        who_2020="All activity counts (the 2010 rule of 10-minute bouts was dropped)",
        fact_ids=("PA-06", "PA-25"),
    ),
    GuidelineRow(
        topic="Sitting time",
        us_2018="Move more and sit less: any moderate-to-vigorous activity brings some benefit",
        who_2020="Limit sitting time and replace it with activity of any intensity; the "
        "evidence was too weak to set a limit",
        fact_ids=("PA-01", "PA-22"),
    ),
)


# --- units -------------------------------------------------------------------------------


def lb_to_kg(lb: float) -> float:
    """Convert a weight from pounds to kilograms (1 lb = 0.45359237 kg)."""
    return lb / LB_PER_KG


def kg_to_lb(kg: float) -> float:
    """Convert a weight from kilograms to pounds (1 kg = 2.2046226218 lb)."""
    return kg * LB_PER_KG


# --- the rules ---------------------------------------------------------------------------


def moderate_equivalent_minutes(moderate: int, vigorous: int) -> int:
    """Weekly moderate-equivalent minutes: moderate plus twice vigorous (PA-05, US PAG 2018).

    Args:
        moderate: Minutes a week of moderate activity (0 or more).
        vigorous: Minutes a week of vigorous activity (0 or more).

    Returns:
        Moderate-equivalent minutes a week. WHO's own text does not state the 1:2 rule, so
        it is attributed to the US guidelines whichever guideline is being checked.
    """
    return moderate + VIGOROUS_TO_MODERATE * vigorous


def protein_target(
    age_years: int, active: bool, recent_illness: bool, kidney_disease: bool
) -> tuple[float | None, float | None, tuple[str, ...]]:
    """The daily protein target for a reader, in g per kg of body weight a day.

    Args:
        age_years: Age in whole years.
        active: Does resistance or other regular exercise.
        recent_illness: Has an acute or chronic illness (outranks `active`).
        kidney_disease: Has kidney disease: no target, their clinician decides (PR-05).

    Returns:
        (low, high, fact ids). Under 65: the adult RDA 0.8 as the low end and no upper
        target (PR-01). 65 and over: 1.0-1.2 (PR-02, PR-07); active, at least 1.2 (PR-03);
        with an illness, 1.2-1.5 (PR-04, PR-07). Kidney disease at any age: (None, None).
    """
    if kidney_disease:
        return None, None, ("PR-05",)
    if age_years < OLDER_ADULT_AGE:
        return PROTEIN_RDA_G_PER_KG, None, ("PR-01",)
    if recent_illness:
        return PROTEIN_ILL_LOW_G_PER_KG, PROTEIN_ILL_HIGH_G_PER_KG, ("PR-04", "PR-07")
    if active:
        return PROTEIN_ACTIVE_LOW_G_PER_KG, None, ("PR-03",)
    return PROTEIN_OLDER_LOW_G_PER_KG, PROTEIN_OLDER_HIGH_G_PER_KG, ("PR-02", "PR-07")


def protein_per_meal_total(
    breakfast_g: float, lunch_g: float, dinner_g: float, snacks_g: float
) -> float:
    """A day's protein in grams, from grams at each meal and in snacks."""
    return breakfast_g + lunch_g + dinner_g + snacks_g


def meals_below_target(breakfast_g: float, lunch_g: float, dinner_g: float) -> tuple[str, ...]:
    """The meals with less than 25 g of protein, in the order eaten (PR-06).

    The 25-30 g per meal advice is for adults 65 and over (PROT-AGE), so the answer only
    means something for them; snacks are not meals and are not checked.

    Args:
        breakfast_g: Grams of protein at breakfast.
        lunch_g: Grams of protein at lunch.
        dinner_g: Grams of protein at dinner.

    Returns:
        Names among "breakfast", "lunch" and "dinner" below `MEAL_PROTEIN_MIN_G`.
    """
    meals = (("breakfast", breakfast_g), ("lunch", lunch_g), ("dinner", dinner_g))
    return tuple(name for name, grams in meals if grams < MEAL_PROTEIN_MIN_G)


# --- the wording (content/guidelines.yaml) ------------------------------------------------

# Per section of the file: each text's key and the placeholders lib fills in (a text may
# use fewer). A text with a placeholder outside its list is refused when the file is read.
_TEXT_FIELDS: Final[Mapping[str, Mapping[str, tuple[str, ...]]]] = MappingProxyType(
    {
        "guideline_names": {"us": (), "who": ()},
        "status_labels": {"met": (), "partly": (), "not_met": (), "no_target": ()},
        "topics": {"aerobic": (), "strength": (), "balance": (), "protein": ()},
        "aerobic": {
            "counted": ("ratio",),
            "met": ("minutes", "counted", "guideline", "low", "high"),
            "met_above": ("minutes", "counted", "guideline", "low", "high"),
            "partly": ("minutes", "counted", "guideline", "low", "high"),
            "none": ("guideline", "low", "high"),
            "step_met": ("high",),
            "step_met_above": (),
            "walk_one_day": ("gap", "minute_word"),
            "walk_days": ("gap", "about", "per_day", "days"),
        },
        "strength": {
            "met": ("days", "guideline", "min_days"),
            "no_legs": ("days", "guideline", "min_days"),
            "some": ("days_done", "guideline", "min_days"),
            "none": ("guideline", "min_days"),
            "step_met": (),
            "step_no_legs": (),
            "step_some": ("gap", "day_word"),
            "step_none": ("min_days_words",),
        },
        "balance": {
            "example": (),
            "young": ("older_age",),
            "step_young": ("neuro_min", "neuro_max"),
            "who_met": ("days", "target", "older_age"),
            "who_some": ("days_done", "target", "older_age"),
            "who_none": ("target", "older_age"),
            "step_met": (),
            "who_step_some": ("gap_days", "example"),
            "who_step_none": ("target_words", "example"),
            "us_met": ("days", "who_days", "older_age"),
            "us_none": ("who_days", "older_age"),
            "us_step_none": ("example",),
        },
        "protein": {
            "eats": ("g_per_kg",),
            "kidney": ("eats",),
            "step_kidney": (),
            "target_rda": ("low",),
            "target_range": ("low", "high", "who"),
            "target_open": ("low", "who"),
            "who_ill": ("older_age",),
            "who_active": ("older_age",),
            "who_older": ("older_age",),
            "rda": ("rda",),
            "per_meal": ("meal_min", "meal_max"),
            "met": ("eats", "target"),
            "none": ("target",),
            "below_rda_older": ("eats", "rda", "target"),
            "below": ("eats", "target"),
            "partly": ("eats", "rda", "target"),
            "step_met_older": ("per_meal",),
            "step_met": (),
            "step_add_older": ("gap", "per_meal"),
            "step_add": ("gap",),
            "meal_helper": ("meal_min", "meal_max", "older_age", "meals"),
        },
        "notes": {
            "kidney": (),
            "weight": (),
            "older_protein": ("older_age",),
            "claimed": ("claimed", "no_gain", "rda"),
            "young_balance": ("older_age",),
            "ill": ("aerobic_min",),
            "not_a_health_check": (),
        },
    }
)
_TOP_TEXTS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {"met_caveat": ("topic",), "intro": ()}
)


@dataclass(frozen=True)
class GuidelineText:
    """The wording of `content/guidelines.yaml`, checked; templates keep their {placeholders}.

    Attributes:
        reviewed: When a reviewer last read the file.
        intro: Shown once above the results: meeting a guideline is not a health check.
        met_caveat: Appended to every met pillar's headline ("That is about {topic}, ...").
        sections: The file's other sections by name, each a mapping of key to text.
    """

    reviewed: dt.date
    intro: str
    met_caveat: str
    sections: Mapping[str, Mapping[str, str]]

    def say(self, section: str, key: str, **values: object) -> str:
        """One text of a section, its placeholders filled in."""
        return self.sections[section][key].format(**values)

    def status_label(self, status: Status) -> str:
        """The status in words, e.g. "meets the guideline"."""
        key = {"met": "met", "partly met": "partly", "not met": "not_met"}.get(
            status.value, "no_target"
        )
        return self.sections["status_labels"][key]


def load_text(path: Path) -> GuidelineText:
    """Read and check `content/guidelines.yaml`.

    Raises:
        ContentError: naming the file, when it is missing or not YAML, a text is missing,
            empty or unknown, or a text uses a placeholder lib does not fill in.
    """
    data = _exactly(path, "the file", read_yaml(path), ("reviewed", *_TOP_TEXTS, *_TEXT_FIELDS))
    reviewed = data["reviewed"]
    if not isinstance(reviewed, dt.date):
        raise ContentError(path, "'reviewed' must be a date such as 2026-12-01")
    sections = {
        name: MappingProxyType(
            {
                key: _template(path, f"{name}.{key}", value, fields[key])
                for key, value in _exactly(path, name, data[name], fields).items()
            }
        )
        for name, fields in _TEXT_FIELDS.items()
    }
    top = {k: _template(path, k, data[k], v) for k, v in _TOP_TEXTS.items()}
    return GuidelineText(
        reviewed=reviewed,
        intro=top["intro"],
        met_caveat=top["met_caveat"],
        sections=MappingProxyType(sections),
    )


# --- the assessment ----------------------------------------------------------------------


def assess(inputs: Inputs, text: GuidelineText) -> Assessment:
    """Check a reader's week against the chosen guideline, pillar by pillar.

    Minutes are per week, days are days a week, weight is in kg and protein in g a day.

    Args:
        inputs: The reader's answers (clamped by the page beforehand).
        text: The wording of `content/guidelines.yaml`.

    Returns:
        An Assessment with aerobic, strength, balance and protein results, in that order,
        and the caveats to show with them. A met pillar's headline ends with the met caveat
        ("That is about activity, not a health check."): never a clean bill of health.

    Raises:
        ValueError: the weight is not a finite number above 0 kg, protein is negative or
            not finite, or an age, minute or day count is negative.
    """
    _check(inputs)
    g_per_kg = inputs.protein_g_per_day / inputs.weight_kg
    notes = _notes(inputs, text)
    note_facts = tuple(dict.fromkeys(f for _, facts in notes for f in facts))
    results = (
        _aerobic(inputs, text),
        _strength(inputs, text),
        _balance(inputs, text),
        _protein(inputs, g_per_kg, text),
    )
    return Assessment(
        inputs=inputs,
        results=tuple(_with_caveat(r, text) for r in results),
        protein_g_per_kg=g_per_kg,
        notes=tuple(note for note, _ in notes),
        note_fact_ids=note_facts,
        note_source_ids=_sources(note_facts),
    )


def _with_caveat(result: PillarResult, text: GuidelineText) -> PillarResult:
    """A met pillar says what meeting it is about: activity or protein, not a health check."""
    if result.status is not Status.MET:
        return result
    caveat = text.met_caveat.format(topic=text.sections["topics"][result.pillar])
    return replace(result, headline=f"{result.headline} {caveat}")


def _check(inputs: Inputs) -> None:
    if not (math.isfinite(inputs.weight_kg) and inputs.weight_kg > 0):
        raise ValueError(f"weight must be a number above 0 kg, not {inputs.weight_kg!r}")
    if not (math.isfinite(inputs.protein_g_per_day) and inputs.protein_g_per_day >= 0):
        raise ValueError(f"protein must be 0 g or more, not {inputs.protein_g_per_day!r}")
    counts = {
        "age_years": inputs.age_years,
        "moderate_min_per_week": inputs.moderate_min_per_week,
        "vigorous_min_per_week": inputs.vigorous_min_per_week,
        "strength_days_per_week": inputs.strength_days_per_week,
        "balance_days_per_week": inputs.balance_days_per_week,
    }
    for name, count in counts.items():
        if count < 0:
            raise ValueError(f"{name} must be 0 or more, not {count}")


def _sources(fact_ids: tuple[str, ...]) -> tuple[str, ...]:
    """The source ids stating these facts, each once, in order of first use."""
    return tuple(dict.fromkeys(s for f in fact_ids for s in FACT_SOURCES[f]))


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def _in_words(n: int) -> str:
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else str(n)


def _result(
    pillar: Pillar,
    status: Status,
    value: float,
    target: tuple[float | None, float | None],
    unit: str,
    gap: float,
    text: tuple[str, str],
    fact_ids: tuple[str, ...],
) -> PillarResult:
    headline, next_step = text
    return PillarResult(
        pillar=pillar,
        status=status,
        value=value,
        target_low=target[0],
        target_high=target[1],
        unit=unit,
        gap=gap,
        headline=headline,
        next_step=next_step,
        fact_ids=fact_ids,
        source_ids=_sources(fact_ids),
    )


def _aerobic(inputs: Inputs, text: GuidelineText) -> PillarResult:
    """Aerobic: moderate-equivalent minutes a week against 150-300 (PA-02, PA-20)."""
    us = inputs.guideline == "us"
    vigorous = inputs.vigorous_min_per_week
    minutes = moderate_equivalent_minutes(inputs.moderate_min_per_week, vigorous)
    facts = ["PA-02" if us else "PA-20"]
    if vigorous > 0:
        facts.append("PA-05")
    counted = (
        " " + text.say("aerobic", "counted", ratio=VIGOROUS_TO_MODERATE) if vigorous > 0 else ""
    )
    values = {
        "minutes": minutes,
        "counted": counted,
        "guideline": text.say("guideline_names", inputs.guideline),
        "low": AEROBIC_MIN_MODERATE,
        "high": AEROBIC_MAX_MODERATE,
    }
    gap = max(0, AEROBIC_MIN_MODERATE - minutes)
    if minutes >= AEROBIC_MIN_MODERATE:
        status = Status.MET
        if minutes > AEROBIC_MAX_MODERATE:
            facts.append("PA-03" if us else "PA-22")
            headline = text.say("aerobic", "met_above", **values)
            step = text.say("aerobic", "step_met_above")
        else:
            headline = text.say("aerobic", "met", **values)
            step = text.say("aerobic", "step_met", high=AEROBIC_MAX_MODERATE)
    elif minutes > 0:
        status = Status.PARTLY
        facts.append("PA-01" if us else "PA-25")
        headline = text.say("aerobic", "partly", **values)
        step = _walking_step(gap, text)
    else:
        status = Status.NOT_MET
        headline = text.say("aerobic", "none", **values)
        step = _walking_step(gap, text)
    return _result(
        "aerobic",
        status,
        float(minutes),
        (float(AEROBIC_MIN_MODERATE), float(AEROBIC_MAX_MODERATE)),
        AEROBIC_UNIT,
        float(gap),
        (headline, step),
        tuple(facts),
    )


def _walking_step(gap_min: int, text: GuidelineText) -> str:
    """Split a weekly gap in minutes over up to five days of walking about 30 minutes."""
    days = min(max(1, math.ceil(gap_min / _WALK_MIN_PER_DAY)), _WALK_MAX_DAYS)
    per_day = math.ceil(gap_min / days)
    about = "" if per_day * days == gap_min else "about "
    if days == 1:
        minute_word = "minute" if gap_min == 1 else "minutes"
        return text.say("aerobic", "walk_one_day", gap=gap_min, minute_word=minute_word)
    return text.say(
        "aerobic", "walk_days", gap=gap_min, about=about, per_day=per_day, days=_in_words(days)
    )


def _strength(inputs: Inputs, text: GuidelineText) -> PillarResult:
    """Strength: 2 or more days a week for all major muscle groups, legs included."""
    days = inputs.strength_days_per_week
    if inputs.guideline == "us":
        facts = ["PA-07"]
    else:
        facts = ["PA-21", "PA-24"] if inputs.age_years >= OLDER_ADULT_AGE else ["PA-21"]
    gap = max(0, STRENGTH_MIN_DAYS - days)
    values = {
        "days": _days(days),
        "days_done": days,
        "guideline": text.say("guideline_names", inputs.guideline),
        "min_days": STRENGTH_MIN_DAYS,
    }
    if days >= STRENGTH_MIN_DAYS and inputs.strength_works_legs:
        status = Status.MET
        headline = text.say("strength", "met", **values)
        step = text.say("strength", "step_met")
    elif days >= STRENGTH_MIN_DAYS:
        status = Status.PARTLY
        facts += ["EX-01", "EX-03"]
        headline = text.say("strength", "no_legs", **values)
        step = text.say("strength", "step_no_legs")
    elif days > 0:
        status = Status.NOT_MET
        headline = text.say("strength", "some", **values)
        step = text.say("strength", "step_some", gap=gap, day_word="day" if gap == 1 else "days")
    else:
        status = Status.NOT_MET
        facts.append("EX-01")
        headline = text.say("strength", "none", **values)
        step = text.say("strength", "step_none", min_days_words=_in_words(STRENGTH_MIN_DAYS))
    return _result(
        "strength",
        status,
        float(days),
        (float(STRENGTH_MIN_DAYS), None),
        DAYS_UNIT,
        float(gap),
        (headline, step),
        tuple(facts),
    )


def _balance(inputs: Inputs, text: GuidelineText) -> PillarResult:
    """Balance: for 65 and over; WHO asks for 3 days a week, the US gives no day count."""
    days = inputs.balance_days_per_week
    example = text.say("balance", "example")
    if inputs.age_years < OLDER_ADULT_AGE:
        return _result(
            "balance",
            Status.NO_TARGET,
            float(days),
            (None, None),
            DAYS_UNIT,
            0.0,
            (
                text.say("balance", "young", older_age=OLDER_ADULT_AGE),
                text.say(
                    "balance",
                    "step_young",
                    neuro_min=ADULT_NEUROMOTOR_MIN_DAYS,
                    neuro_max=ADULT_NEUROMOTOR_MAX_DAYS,
                ),
            ),
            ("PA-08", "PA-23", "PA-30"),
        )
    values = {
        "days": _days(days),
        "days_done": days,
        "older_age": OLDER_ADULT_AGE,
        "who_days": BALANCE_MIN_DAYS_WHO,
    }
    if inputs.guideline == "who":
        target = BALANCE_MIN_DAYS_WHO
        facts = ["PA-23"]
        gap = max(0, target - days)
        if days >= target:
            status = Status.MET
            headline = text.say("balance", "who_met", target=target, **values)
            step = text.say("balance", "step_met")
        elif days > 0:
            status = Status.PARTLY
            facts.append("EX-05")
            headline = text.say("balance", "who_some", target=target, **values)
            step = text.say("balance", "who_step_some", gap_days=_days(gap), example=example)
        else:
            status = Status.NOT_MET
            facts.append("EX-05")
            headline = text.say("balance", "who_none", target=target, **values)
            step = text.say(
                "balance", "who_step_none", target_words=_in_words(target), example=example
            )
    else:
        target = BALANCE_MIN_DAYS_US
        facts = ["PA-08", "PA-23"]
        gap = max(0, target - days)
        if days >= target:
            status = Status.MET
            headline = text.say("balance", "us_met", **values)
            step = text.say("balance", "step_met")
        else:
            status = Status.NOT_MET
            facts.append("EX-05")
            headline = text.say("balance", "us_none", **values)
            step = text.say("balance", "us_step_none", example=example)
    return _result(
        "balance",
        status,
        float(days),
        (float(target), None),
        DAYS_UNIT,
        float(gap),
        (headline, step),
        tuple(facts),
    )


def _protein_target_text(
    low: float, high: float | None, inputs: Inputs, text: GuidelineText
) -> str:
    """The target in words, naming who it is for, e.g. 'the adult RDA of 0.8 g/kg a day'."""
    if inputs.age_years < OLDER_ADULT_AGE:
        return text.say("protein", "target_rda", low=f"{low:.1f}")
    if inputs.recent_illness:
        who = text.say("protein", "who_ill", older_age=OLDER_ADULT_AGE)
    elif inputs.active:
        who = text.say("protein", "who_active", older_age=OLDER_ADULT_AGE)
    else:
        who = text.say("protein", "who_older", older_age=OLDER_ADULT_AGE)
    if high is not None:
        return text.say("protein", "target_range", low=f"{low:.1f}", high=f"{high:.1f}", who=who)
    return text.say("protein", "target_open", low=f"{low:.1f}", who=who)


def _whole_grams_up(grams: float) -> float:
    """Round a positive shortfall up to the whole gram (at least 1 g)."""
    if not math.isfinite(grams):
        return grams
    # Rounding first stops float noise (e.g. 10.000000000000002) adding a gram.
    return float(max(1, math.ceil(round(grams, 6))))


def _protein(inputs: Inputs, g_per_kg: float, text: GuidelineText) -> PillarResult:
    """Protein: g per kg a day against the age, activity and illness target (PR-01 to PR-07)."""
    low, high, target_facts = protein_target(
        inputs.age_years, inputs.active, inputs.recent_illness, inputs.kidney_disease
    )
    # Compare the figure the reader sees (2 decimals), so "1.00 g/kg" never reads as short.
    value = round(g_per_kg, 2)
    eats = text.say("protein", "eats", g_per_kg=f"{value:.2f}")
    if low is None:
        return _result(
            "protein",
            Status.NO_TARGET,
            value,
            (None, None),
            PROTEIN_UNIT,
            0.0,
            (text.say("protein", "kidney", eats=eats), text.say("protein", "step_kidney")),
            target_facts,
        )
    older = inputs.age_years >= OLDER_ADULT_AGE
    facts = list(target_facts)
    target = _protein_target_text(low, high, inputs, text)
    per_meal = text.say(
        "protein", "per_meal", meal_min=MEAL_PROTEIN_MIN_G, meal_max=MEAL_PROTEIN_MAX_G
    )
    if value >= low:
        status = Status.MET
        gap = 0.0
        headline = text.say("protein", "met", eats=eats, target=target)
        if older:
            facts.append("PR-06")
            step = text.say("protein", "step_met_older", per_meal=per_meal)
        else:
            step = text.say("protein", "step_met")
    else:
        gap = _whole_grams_up(low * inputs.weight_kg - inputs.protein_g_per_day)
        rda = text.say("protein", "rda", rda=f"{PROTEIN_RDA_G_PER_KG:.1f}")
        if value <= 0:
            status = Status.NOT_MET
            headline = text.say("protein", "none", target=target)
        elif value < PROTEIN_RDA_G_PER_KG:
            status = Status.NOT_MET
            if older:
                facts.append("PR-01")
                headline = text.say("protein", "below_rda_older", eats=eats, rda=rda, target=target)
            else:
                headline = text.say("protein", "below", eats=eats, target=target)
        else:
            status = Status.PARTLY
            facts.append("PR-01")
            headline = text.say("protein", "partly", eats=eats, rda=rda, target=target)
        if older:
            facts.append("PR-06")
            step = text.say("protein", "step_add_older", gap=f"{gap:.0f}", per_meal=per_meal)
        else:
            step = text.say("protein", "step_add", gap=f"{gap:.0f}")
    return _result(
        "protein",
        status,
        value,
        (low, high),
        PROTEIN_UNIT,
        gap,
        (headline, step),
        tuple(dict.fromkeys(facts)),
    )


def _notes(inputs: Inputs, text: GuidelineText) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The caveats that go with these answers, each with the fact ids behind its numbers.

    From the ledger's protein caveats (section 2) and section 8; a caveat with no number has
    no fact id. The last note always says that meeting the guidelines is not a health check.
    """
    older = inputs.age_years >= OLDER_ADULT_AGE
    notes: list[tuple[str, tuple[str, ...]]] = []
    if inputs.kidney_disease:
        notes.append((text.say("notes", "kidney"), ("PR-05",)))
    else:
        notes.append((text.say("notes", "weight"), ()))
    if older and not inputs.kidney_disease:
        notes.append((text.say("notes", "older_protein", older_age=OLDER_ADULT_AGE), ("PR-02",)))
    notes.append(
        (
            text.say(
                "notes",
                "claimed",
                claimed=f"{CLAIMED_ADULT_PROTEIN_G_PER_KG:.1f}",
                no_gain=f"{PROTEIN_NO_EXTRA_GAIN_G_PER_KG:.1f}",
                rda=f"{PROTEIN_RDA_G_PER_KG:.1f}",
            ),
            ("PR-01", "PR-08"),
        )
    )
    if not older:
        notes.append(
            (text.say("notes", "young_balance", older_age=OLDER_ADULT_AGE), ("PA-08", "PA-23"))
        )
    if older and inputs.recent_illness:
        notes.append((text.say("notes", "ill", aerobic_min=AEROBIC_MIN_MODERATE), ("PA-11",)))
    notes.append((text.say("notes", "not_a_health_check"), ()))
    return tuple(notes)
