"""Strength and balance screens, each labelled by its source and population, never a diagnosis.

Six home or clinic checks are scored here against the published cut-offs in the ledger's
section 4: the SARC-F questionnaire, the CDC STEADI 30-second chair stand, 4-stage balance
test and Timed Up and Go, the 5-times sit-to-stand and grip strength. Where two bodies use the
same test for different jobs, both readings are returned side by side with their purpose and
population spelled out: the CDC's Timed Up and Go cut-off is about fall risk, while EWGSOP2's
only grades how severe sarcopenia is once a clinician has confirmed it (ledger section 8,
point 9). The European (EWGSOP2) and Asian (AWGS 2019) consensus cut-offs are kept apart too.

Each result is a `ScreenResult` with a flag, the cut-off in words, what it may mean, a plain
next step and its fact and source ids. Nothing here guesses: the chair-stand norms cover ages
60 to 94 only, and outside them the result says so rather than stretching the table.

Everything here is pure. Values a page cannot produce (a SARC-F answer of 3, a negative time)
raise `ValueError`; the page validates input first and shows a friendly note.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

Sex = Literal["female", "male"]

SCREENING_NOT_DIAGNOSIS = "Screening, not a diagnosis."

# --- cut-offs (ledger section 4) -------------------------------------------------------

SARC_F_CUTOFF = 4  # SC-01, SC-21: a total of 4 or more points prompts assessment
SARC_F_ITEM_MAX = 2  # SC-01: each of the five items scores 0, 1 or 2 (total 0-10)
SARC_F_MAX = 10  # SC-01: the highest possible total

CHAIR_STAND_SECONDS = 30  # SC-30..SC-36: stands are counted over 30 s (CDC STEADI)
CHAIR_SEAT_HEIGHT_IN = 17  # CDC STEADI set-up (ledger section 4d): seat about 17 in high
CHAIR_SEAT_HEIGHT_CM = 43  # CDC STEADI set-up (ledger section 4d): seat about 43 cm high

BALANCE_HOLD_SECONDS = 10  # SC-40: each stance is held for 10 s
BALANCE_STAGE_COUNT = 4  # SC-40: the CDC test has four stances
BALANCE_TANDEM_STAGE = 3  # SC-40: not holding stage 3 (tandem) for 10 s = increased fall risk

TUG_FALL_RISK_SECONDS = 12  # SC-41: 12 s or more = at risk of falling (CDC STEADI)
TUG_SEVERITY_SECONDS = 20  # SC-18: 20 s or more grades sarcopenia as severe (EWGSOP2)
TUG_WALK_FT = 10  # CDC STEADI set-up (ledger section 4d): walk 10 ft
TUG_WALK_M = 3  # CDC STEADI set-up (ledger section 4d): about 3 m

STS5_RISES = 5  # SC-13, SC-24: the timed test is five rises from a chair
STS5_EWGSOP2_SECONDS = 15  # SC-13: more than 15 s = low strength (EWGSOP2)
STS5_AWGS_SECONDS = 12  # SC-24: 12 s or more = low physical performance (AWGS 2019)

GRIP_EWGSOP2_MEN_KG = 27  # SC-12: below 27 kg = low grip strength, men (EWGSOP2)
GRIP_EWGSOP2_WOMEN_KG = 16  # SC-12: below 16 kg = low grip strength, women (EWGSOP2)
GRIP_AWGS_MEN_KG = 28  # SC-22: below 28 kg = low grip strength, men (AWGS 2019)
GRIP_AWGS_WOMEN_KG = 18  # SC-22: below 18 kg = low grip strength, women (AWGS 2019)

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


# SC-30..SC-36, CDC STEADI 30-Second Chair Stand sheet, exactly as ledger section 4d gives them.
CHAIR_STAND_NORMS: tuple[ChairStandNorm, ...] = (
    ChairStandNorm("SC-30", age_low=60, age_high=64, men_below=14, women_below=12),
    ChairStandNorm("SC-31", age_low=65, age_high=69, men_below=12, women_below=11),
    ChairStandNorm("SC-32", age_low=70, age_high=74, men_below=12, women_below=10),
    ChairStandNorm("SC-33", age_low=75, age_high=79, men_below=11, women_below=10),
    ChairStandNorm("SC-34", age_low=80, age_high=84, men_below=10, women_below=9),
    ChairStandNorm("SC-35", age_low=85, age_high=89, men_below=8, women_below=8),
    ChairStandNorm("SC-36", age_low=90, age_high=94, men_below=7, women_below=4),
)
CHAIR_STAND_AGE_MIN = CHAIR_STAND_NORMS[0].age_low  # SC-30: no CDC norm below 60
CHAIR_STAND_AGE_MAX = CHAIR_STAND_NORMS[-1].age_high  # SC-36: no CDC norm above 94
CHAIR_STAND_FACT_IDS = tuple(norm.fact_id for norm in CHAIR_STAND_NORMS)


class Flag(StrEnum):
    """How a result stands against its cut-off."""

    CONCERN = "concern"  # the result crosses the cut-off
    OK = "ok"  # the result does not cross it
    NO_NORM = "no norm"  # there is no norm for this person (chair stand outside ages 60-94)
    NOT_DONE = "not done"  # no value was entered


@dataclass(frozen=True)
class ScreenResult:
    """One screen scored against one cut-off, with everything a reader needs to judge it.

    `screen` is a stable key for code and tests; every other text is for the reader.
    """

    screen: str
    name: str
    value: float | None
    unit: str
    flag: Flag
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


# SC-01: the five SARC-F items with their answers for 0, 1 and 2 points (ledger section 4a).
SARC_F_ITEMS: tuple[SarcFItem, ...] = (
    SarcFItem(
        "s",
        "Strength",
        "How hard is it for you to lift and carry 10 lb (about 4.5 kg)?",
        ("Not hard", "A little hard", "Very hard, or I can't"),
    ),
    SarcFItem(
        "a",
        "Help walking",
        "How hard is it for you to walk across a room?",
        ("Not hard", "A little hard", "Very hard, I use a walking aid, or I can't"),
    ),
    SarcFItem(
        "r",
        "Rising from a chair",
        "How hard is it for you to get up from a chair or a bed?",
        ("Not hard", "A little hard", "Very hard, or I can't without help"),
    ),
    SarcFItem(
        "c",
        "Climbing stairs",
        "How hard is it for you to climb a flight of 10 stairs?",
        ("Not hard", "A little hard", "Very hard, or I can't"),
    ),
    SarcFItem(
        "f",
        "Falls",
        "How many times have you fallen in the past year?",
        ("None", "1 to 3 times", "4 or more times"),
    ),
)

# CDC STEADI 30-Second Chair Stand set-up and safety notes (ledger section 4d).
CHAIR_STAND_SETUP: tuple[str, ...] = (
    f"Use a straight-backed chair without arms, with a seat about {CHAIR_SEAT_HEIGHT_IN} in "
    f"({CHAIR_SEAT_HEIGHT_CM} cm) high.",
    "Sit in the middle of the seat with your feet flat on the floor and your back straight.",
    "Cross your arms at the wrists and hold them against your chest.",
    f"Stand up fully and sit down again, as many times as you can in {CHAIR_STAND_SECONDS} "
    "seconds. Count only full stands.",
    f"If you are more than halfway up when the {CHAIR_STAND_SECONDS} seconds end, count that "
    "stand too.",
    "If you need your arms to stand up, stop the test. The score is 0.",
    "Have someone stand next to you for safety.",
)

# SC-40: the four stances of the CDC 4-stage balance test, in order (ledger section 4d).
BALANCE_STAGES: tuple[BalanceStage, ...] = (
    BalanceStage(1, "Feet side by side", "Stand with your feet side by side."),
    BalanceStage(
        2,
        "Semi-tandem stand",
        "Put one foot a little ahead, so the instep of one foot touches the big toe of the other.",
    ),
    BalanceStage(3, "Tandem stand", "Put one foot right in front of the other, heel touching toe."),
    BalanceStage(4, "One-leg stand", "Stand on one foot."),
)

# CDC STEADI 4-Stage Balance Test rules (ledger section 4d).
BALANCE_SETUP: tuple[str, ...] = (
    f"Try to hold each stance for {BALANCE_HOLD_SECONDS} seconds, with your eyes open and "
    "without a cane or walker.",
    "You may move your arms to keep your balance, but not your feet.",
    f"Go on to the next stance only if you held this one for {BALANCE_HOLD_SECONDS} seconds.",
)

# CDC STEADI Timed Up and Go set-up (ledger section 4d).
TUG_SETUP: tuple[str, ...] = (
    "Start sitting in a chair.",
    f"Stand up, walk {TUG_WALK_FT} ft ({TUG_WALK_M} m) at your normal pace, turn, walk back "
    "and sit down again.",
    "Use your usual walking aid if you have one.",
    "Time the whole test in seconds.",
)

# --- wording shared by several screens ---------------------------------------------------

FALLS_NEXT_STEP = "Show this result to a doctor or physiotherapist; a falls assessment can help."
MUSCLE_NEXT_STEP = (
    "Show this result to a doctor or physiotherapist; they can check your muscle strength "
    "more fully."
)
OK_NEXT_STEP = "Keep active, and check again if anything changes."
NOT_DONE_MEANING = "No result has been entered yet."
NOT_DONE_NEXT_STEP = "Do the test and enter the result to see what it may mean."

_CDC = "older adults, CDC STEADI"
_EUROPE = "European consensus, EWGSOP2"
_ASIA = "Asian consensus, AWGS 2019"
_FALL_RISK = "fall risk (CDC STEADI)"


@dataclass(frozen=True)
class _Screen:
    """The fixed labels of one screen; `result` adds what depends on the value."""

    screen: str
    name: str
    unit: str
    purpose: str
    population: str
    fact_ids: tuple[str, ...]
    source_ids: tuple[str, ...]

    def result(
        self,
        value: float | None,
        flag: Flag,
        cutoff: str,
        meaning: str,
        next_step: str,
        fact_ids: tuple[str, ...] | None = None,
    ) -> ScreenResult:
        return ScreenResult(
            screen=self.screen,
            name=self.name,
            value=None if value is None else float(value),
            unit=self.unit,
            flag=flag,
            cutoff=cutoff,
            meaning=meaning,
            next_step=next_step,
            purpose=self.purpose,
            population=self.population,
            fact_ids=self.fact_ids if fact_ids is None else fact_ids,
            source_ids=self.source_ids,
        )

    def not_done(self, cutoff: str, meaning: str = NOT_DONE_MEANING) -> ScreenResult:
        return self.result(None, Flag.NOT_DONE, cutoff, meaning, NOT_DONE_NEXT_STEP)


_SARC_F = _Screen(
    "sarc_f",
    "SARC-F questionnaire",
    "points",
    "sarcopenia case-finding (SARC-F)",
    "adults, SARC-F as used by EWGSOP2 and AWGS 2019",
    ("SC-01", "SC-10", "SC-21"),
    ("malmstrom2013", "cruzjentoft2019", "chen2020"),
)
_CHAIR_STAND = _Screen(
    "chair_stand",
    "30-second chair stand",
    "stands",
    _FALL_RISK,
    f"adults aged {CHAIR_STAND_AGE_MIN}-{CHAIR_STAND_AGE_MAX}, CDC STEADI",
    CHAIR_STAND_FACT_IDS,
    ("cdc-steadi", "rikli1999"),
)
_BALANCE = _Screen(
    "balance",
    "4-stage balance test",
    f"of {BALANCE_STAGE_COUNT} stages held",
    _FALL_RISK,
    _CDC,
    ("SC-40",),
    ("cdc-steadi",),
)
_TUG_FALLS = _Screen(
    "tug_falls",
    "Timed Up and Go (fall risk)",
    "seconds",
    _FALL_RISK,
    _CDC,
    ("SC-41",),
    ("cdc-steadi",),
)
_TUG_SEVERITY = _Screen(
    "tug_severity",
    "Timed Up and Go (sarcopenia severity)",
    "seconds",
    "severe sarcopenia grading (EWGSOP2), not fall risk",
    _EUROPE,
    ("SC-18",),
    ("cruzjentoft2019",),
)
_STS5_EWGSOP2 = _Screen(
    "sts5_ewgsop2",
    "5-times sit-to-stand (European cut-off)",
    "seconds",
    "muscle strength check for sarcopenia (EWGSOP2)",
    _EUROPE,
    ("SC-13",),
    ("cruzjentoft2019",),
)
_STS5_AWGS = _Screen(
    "sts5_awgs",
    "5-times sit-to-stand (Asian cut-off)",
    "seconds",
    "physical performance check for sarcopenia (AWGS 2019)",
    _ASIA,
    ("SC-24",),
    ("chen2020",),
)
_GRIP_EWGSOP2 = _Screen(
    "grip_ewgsop2",
    "Grip strength (European cut-off)",
    "kg",
    "muscle strength check for sarcopenia (EWGSOP2)",
    _EUROPE,
    ("SC-12",),
    ("cruzjentoft2019", "dodds2014"),
)
_GRIP_AWGS = _Screen(
    "grip_awgs",
    "Grip strength (Asian cut-off)",
    "kg",
    "muscle strength check for sarcopenia (AWGS 2019)",
    _ASIA,
    ("SC-22",),
    ("chen2020",),
)

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
    s: int | None, a: int | None, r: int | None, c: int | None, f: int | None
) -> ScreenResult:
    """Score the SARC-F questionnaire (SC-01, SC-21).

    Args:
        s: Strength answer, 0-2, or None if not answered. Likewise `a` (assistance walking),
            `r` (rise from a chair), `c` (climb stairs) and `f` (falls in the past year).

    Returns:
        The total (0-10 points) flagged CONCERN at 4 or more, else OK. With some answers
        missing the flag is NOT_DONE, unless the answered items already reach 4; with none
        answered the value is None.

    Raises:
        ValueError: an answer is outside 0-2.
    """
    answers = (s, a, r, c, f)
    for item, answer in zip(SARC_F_ITEMS, answers, strict=True):
        if answer is not None and not 0 <= answer <= SARC_F_ITEM_MAX:
            raise ValueError(
                f"SARC-F item {item.key!r} must be 0, 1 or {SARC_F_ITEM_MAX}, not {answer!r}"
            )
    cutoff = f"{SARC_F_CUTOFF} points or more (out of {SARC_F_MAX})"
    answered = [answer for answer in answers if answer is not None]
    if not answered:
        return _SARC_F.not_done(cutoff, "No questions have been answered yet.")
    total = sum(answered)
    missing = len(answers) - len(answered)
    verb = "is" if missing == 1 else "are"
    gap = (
        f" {missing} of the {len(answers)} questions {verb} unanswered, so the full score may "
        "be higher."
        if missing
        else ""
    )
    if total >= SARC_F_CUTOFF:
        meaning = (
            f"A score of {SARC_F_CUTOFF} or more suggests your muscles may be weak and are "
            "worth a closer check." + gap
        )
        return _SARC_F.result(total, Flag.CONCERN, cutoff, meaning, MUSCLE_NEXT_STEP)
    if missing:
        meaning = "The score is not complete yet." + gap
        next_step = "Answer the other questions to get a full score."
        return _SARC_F.result(total, Flag.NOT_DONE, cutoff, meaning, next_step)
    meaning = (
        f"A score under {SARC_F_CUTOFF} suggests no sign of muscle weakness on this quick screen."
    )
    return _SARC_F.result(total, Flag.OK, cutoff, meaning, OK_NEXT_STEP)


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


def chair_stand(stands: int | None, age_years: int, sex: Sex) -> ScreenResult:
    """Compare a 30-second chair-stand count with the CDC norm for age and sex (SC-30..SC-36).

    Args:
        stands: Full stands in 30 seconds, 0-60 (0 if arms were needed), or None if not done.
        age_years: Age in whole years; the norms cover 60-94 only.
        sex: "female" or "male".

    Returns:
        CONCERN below the band's threshold (below average: fall risk), OK at or above it,
        NO_NORM outside ages 60-94 (never extrapolated), NOT_DONE without a count.

    Raises:
        ValueError: `stands` is outside 0-60, or `sex` is neither "female" nor "male".
    """
    _check_sex(sex)
    if stands is not None:
        _check_range("stands", stands, 0, MAX_CHAIR_STANDS, low_open=False)
    row = _norm_row(age_years)
    if row is None:
        cutoff = (
            f"CDC norms cover ages {CHAIR_STAND_AGE_MIN}-{CHAIR_STAND_AGE_MAX} only, "
            "so none applies"
        )
        no_norm = (
            f"The CDC has no norm for this age (its norms cover ages {CHAIR_STAND_AGE_MIN} "
            f"to {CHAIR_STAND_AGE_MAX}), so the app does not guess."
        )
        if stands is None:
            return _CHAIR_STAND.not_done(cutoff, f"{NOT_DONE_MEANING} {no_norm}")
        next_step = (
            "If you are worried about your strength or balance, talk to a doctor or "
            "physiotherapist."
        )
        return _CHAIR_STAND.result(stands, Flag.NO_NORM, cutoff, no_norm, next_step)
    threshold = row.men_below if sex == "male" else row.women_below
    group = f"{'men' if sex == 'male' else 'women'} {row.age_low}-{row.age_high}"
    group_aged = f"{'men' if sex == 'male' else 'women'} aged {row.age_low}-{row.age_high}"
    cutoff = f"below {threshold} stands ({group})"
    ids = (row.fact_id,)
    if stands is None:
        return _CHAIR_STAND.result(
            None, Flag.NOT_DONE, cutoff, NOT_DONE_MEANING, NOT_DONE_NEXT_STEP, ids
        )
    if stands < threshold:
        meaning = (
            f"Fewer than {threshold} stands is below average for {group_aged}. This suggests "
            "a higher chance of falling."
        )
        return _CHAIR_STAND.result(stands, Flag.CONCERN, cutoff, meaning, FALLS_NEXT_STEP, ids)
    meaning = (
        f"{threshold} or more stands is average or better for {group_aged}. This suggests no "
        "extra fall risk on this test."
    )
    return _CHAIR_STAND.result(stands, Flag.OK, cutoff, meaning, OK_NEXT_STEP, ids)


# --- 4-stage balance test ----------------------------------------------------------------


def balance(stage_completed: int | None) -> ScreenResult:
    """Score the CDC 4-stage balance test (SC-40).

    Args:
        stage_completed: The last stage held for 10 seconds, 0-4 (0: stage 1 was not held),
            or None if not done.

    Returns:
        OK if the tandem stance (stage 3) or more was held, CONCERN if not.

    Raises:
        ValueError: `stage_completed` is outside 0-4.
    """
    tandem = BALANCE_STAGES[BALANCE_TANDEM_STAGE - 1].name.lower()
    cutoff = f"{tandem} (stage {BALANCE_TANDEM_STAGE}) not held for {BALANCE_HOLD_SECONDS} seconds"
    if stage_completed is None:
        return _BALANCE.not_done(cutoff)
    _check_range("stage_completed", stage_completed, 0, BALANCE_STAGE_COUNT, low_open=False)
    if stage_completed < BALANCE_TANDEM_STAGE:
        meaning = (
            f"Not holding the {tandem} (heel to toe) for {BALANCE_HOLD_SECONDS} seconds "
            "suggests a higher chance of falling."
        )
        return _BALANCE.result(stage_completed, Flag.CONCERN, cutoff, meaning, FALLS_NEXT_STEP)
    meaning = (
        f"Holding the {tandem} for {BALANCE_HOLD_SECONDS} seconds suggests no extra fall risk "
        "on this test."
    )
    return _BALANCE.result(stage_completed, Flag.OK, cutoff, meaning, OK_NEXT_STEP)


# --- Timed Up and Go ---------------------------------------------------------------------


def tug(seconds: float | None) -> tuple[ScreenResult, ScreenResult]:
    """Read one Timed Up and Go time against two cut-offs with different purposes.

    Args:
        seconds: The time in seconds, above 0 and at most 600, or None if not done.

    Returns:
        First the CDC fall-risk screen (CONCERN at 12 s or more, SC-41), then the EWGSOP2
        severity grade (CONCERN at 20 s or more, SC-18), which only grades how severe
        sarcopenia is once a clinician has confirmed it.

    Raises:
        ValueError: `seconds` is not above 0 and at most 600.
    """
    falls_cutoff = f"{TUG_FALL_RISK_SECONDS} seconds or more"
    severity_cutoff = f"{TUG_SEVERITY_SECONDS} seconds or more"
    severity_scope = (
        "This cut-off only grades how severe sarcopenia is once a clinician has confirmed "
        "it. It does not measure fall risk."
    )
    if seconds is None:
        return (
            _TUG_FALLS.not_done(falls_cutoff),
            _TUG_SEVERITY.not_done(severity_cutoff, f"{NOT_DONE_MEANING} {severity_scope}"),
        )
    _check_range("seconds", seconds, 0, MAX_TUG_SECONDS, low_open=True)
    rough = "On its own it is only a rough guide."
    if seconds >= TUG_FALL_RISK_SECONDS:
        falls = _TUG_FALLS.result(
            seconds,
            Flag.CONCERN,
            falls_cutoff,
            f"Taking {TUG_FALL_RISK_SECONDS} seconds or more suggests a higher chance of "
            f"falling. {rough}",
            FALLS_NEXT_STEP,
        )
    else:
        falls = _TUG_FALLS.result(
            seconds,
            Flag.OK,
            falls_cutoff,
            f"Under {TUG_FALL_RISK_SECONDS} seconds suggests no extra fall risk on this test. "
            f"{rough}",
            OK_NEXT_STEP,
        )
    if seconds >= TUG_SEVERITY_SECONDS:
        severity = _TUG_SEVERITY.result(
            seconds,
            Flag.CONCERN,
            severity_cutoff,
            f"{severity_scope} If sarcopenia has been confirmed, taking "
            f"{TUG_SEVERITY_SECONDS} seconds or more suggests it may be severe.",
            "Show this result to the doctor or physiotherapist who checks your muscles.",
        )
    else:
        severity = _TUG_SEVERITY.result(
            seconds,
            Flag.OK,
            severity_cutoff,
            f"{severity_scope} Under {TUG_SEVERITY_SECONDS} seconds does not suggest severe "
            "sarcopenia.",
            OK_NEXT_STEP,
        )
    return falls, severity


# --- 5-times sit-to-stand ----------------------------------------------------------------


def sit_to_stand_5(seconds: float | None) -> tuple[ScreenResult, ScreenResult]:
    """Read a 5-times sit-to-stand time against the European and Asian cut-offs.

    Args:
        seconds: Time for five rises in seconds, above 0 and at most 300, or None if not done.

    Returns:
        First EWGSOP2 (CONCERN above 15 s; exactly 15 s is OK, SC-13), then AWGS 2019
        (CONCERN at 12 s or more; exactly 12 s is CONCERN, SC-24).

    Raises:
        ValueError: `seconds` is not above 0 and at most 300.
    """
    europe_cutoff = f"more than {STS5_EWGSOP2_SECONDS} seconds"
    asia_cutoff = f"{STS5_AWGS_SECONDS} seconds or more"
    if seconds is None:
        return _STS5_EWGSOP2.not_done(europe_cutoff), _STS5_AWGS.not_done(asia_cutoff)
    _check_range("seconds", seconds, 0, MAX_STS5_SECONDS, low_open=True)
    if seconds > STS5_EWGSOP2_SECONDS:
        europe = _STS5_EWGSOP2.result(
            seconds,
            Flag.CONCERN,
            europe_cutoff,
            f"Taking more than {STS5_EWGSOP2_SECONDS} seconds suggests low leg strength by the "
            "European cut-off. The European guideline treats low strength as the main sign to "
            "check further.",
            MUSCLE_NEXT_STEP,
        )
    else:
        europe = _STS5_EWGSOP2.result(
            seconds,
            Flag.OK,
            europe_cutoff,
            f"{STS5_EWGSOP2_SECONDS} seconds or less suggests leg strength is not low by the "
            "European cut-off.",
            OK_NEXT_STEP,
        )
    if seconds >= STS5_AWGS_SECONDS:
        asia = _STS5_AWGS.result(
            seconds,
            Flag.CONCERN,
            asia_cutoff,
            f"Taking {STS5_AWGS_SECONDS} seconds or more suggests low physical performance by "
            "the Asian cut-off. The Asian guideline says this alone is reason to start "
            "lifestyle advice.",
            MUSCLE_NEXT_STEP,
        )
    else:
        asia = _STS5_AWGS.result(
            seconds,
            Flag.OK,
            asia_cutoff,
            f"Under {STS5_AWGS_SECONDS} seconds suggests physical performance is not low by "
            "the Asian cut-off.",
            OK_NEXT_STEP,
        )
    return europe, asia


# --- grip strength -----------------------------------------------------------------------


def grip(kg: float | None, sex: Sex) -> tuple[ScreenResult, ScreenResult]:
    """Read a grip-strength result against the European and Asian cut-offs.

    Args:
        kg: Grip strength in kg, 0-150, or None if not measured.
        sex: "female" or "male".

    Returns:
        First EWGSOP2 (CONCERN below 27 kg for men, 16 kg for women, SC-12), then AWGS 2019
        (CONCERN below 28 kg for men, 18 kg for women, SC-22).

    Raises:
        ValueError: `kg` is outside 0-150, or `sex` is neither "female" nor "male".
    """
    _check_sex(sex)
    male = sex == "male"
    people, person = ("men", "a man") if male else ("women", "a woman")
    europe_kg = GRIP_EWGSOP2_MEN_KG if male else GRIP_EWGSOP2_WOMEN_KG
    asia_kg = GRIP_AWGS_MEN_KG if male else GRIP_AWGS_WOMEN_KG
    europe_cutoff = f"below {europe_kg} kg ({people})"
    asia_cutoff = f"below {asia_kg} kg ({people})"
    if kg is None:
        return _GRIP_EWGSOP2.not_done(europe_cutoff), _GRIP_AWGS.not_done(asia_cutoff)
    _check_range("kg", kg, 0, MAX_GRIP_KG, low_open=False)
    if kg < europe_kg:
        europe = _GRIP_EWGSOP2.result(
            kg,
            Flag.CONCERN,
            europe_cutoff,
            f"Under {europe_kg} kg suggests low grip strength for {person} by the European "
            "cut-off. The European guideline treats low strength as the main sign to check "
            "further.",
            MUSCLE_NEXT_STEP,
        )
    else:
        europe = _GRIP_EWGSOP2.result(
            kg,
            Flag.OK,
            europe_cutoff,
            f"{europe_kg} kg or more suggests grip strength is not low for {person} by the "
            "European cut-off.",
            OK_NEXT_STEP,
        )
    if kg < asia_kg:
        asia = _GRIP_AWGS.result(
            kg,
            Flag.CONCERN,
            asia_cutoff,
            f"Under {asia_kg} kg suggests low grip strength for {person} by the Asian cut-off. "
            "The Asian guideline says this alone is reason to start lifestyle advice.",
            MUSCLE_NEXT_STEP,
        )
    else:
        asia = _GRIP_AWGS.result(
            kg,
            Flag.OK,
            asia_cutoff,
            f"{asia_kg} kg or more suggests grip strength is not low for {person} by the Asian "
            "cut-off.",
            OK_NEXT_STEP,
        )
    return europe, asia


# --- printable summary -------------------------------------------------------------------


def _value_text(result: ScreenResult) -> str:
    if result.value is None:
        return "not entered"
    return f"{result.value:g} {result.unit}"


def summary(results: Iterable[ScreenResult]) -> tuple[str, ...]:
    """Plain lines for a printable summary, one per result, in the order given.

    Each line reads "name: value unit - flag (population)", for example
    "30-second chair stand: 9 stands - concern (adults aged 60-94, CDC STEADI)".
    """
    return tuple(f"{r.name}: {_value_text(r)} - {r.flag.value} ({r.population})" for r in results)
