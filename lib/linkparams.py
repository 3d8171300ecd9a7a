"""Every link parameter of every page, declared once (README "Link parameters" lists them).

A new parameter is one line here (and a row in the README's table, which a docs test
checks); the page draws it with the matching `ui.inputs` helper, e.g. `url_slider(MINUTES)`.
The key is public: clinicians' links and printed QR codes carry it, so never rename one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from lib import exercises, plan, screening
from lib.links import (
    Choice,
    Choices,
    Flag,
    Item,
    Number,
    OptionalChoice,
    OptionalNumber,
    Param,
    Shown,
    Text,
    grouped,
    query,
)

P = Param[Any]

# --- /projection ---------------------------------------------------------------------------------
PROJECTION_AGE = Number(key="age", label="Age to look at", lo=30, hi=100, default=50)
RATE = Number(
    key="rate",
    label="Loss per decade from 30 (%)",
    lo=3,
    hi=8,
    default=5,
    step=0.5,
    integer=False,
)
MEASURE = Choice(
    key="measure",
    label="Show",
    options={"mass": "Muscle mass", "strength": "Strength"},
    default="mass",
)
BEDREST_AGE = Number(key="bedrest_age", label="Age at the spell in bed", lo=30, hi=100, default=70)
BEDREST_DAYS = Number(key="bedrest_days", label="Days in bed (0 for none)", lo=0, hi=60, default=0)

# --- /self_check (the handout's self-check section too) --------------------------------------
SELF_CHECK_AGE = Number(key="age", label="Age (years)", lo=18, hi=110, default=50)
GUIDELINE = Choice(
    key="guideline", label="Guideline", options={"who": "WHO 2020", "us": "US 2018"}, default="who"
)
UNIT = Choice(key="unit", label="Weight unit", options={"kg": "kg", "lb": "lb"}, default="kg")
WEIGHT_KG = Number(
    key="weight", label="Body weight (kg)", lo=25, hi=300, default=70, step=0.5, integer=False
)
WEIGHT_LB = WEIGHT_KG.within(55, 660, 154, label="Body weight (lb)")
MODERATE = Number(
    key="moderate",
    label="Moderate minutes a week (brisk walking)",
    lo=0,
    hi=3000,
    default=0,
    step=10,
)
VIGOROUS = Number(
    key="vigorous",
    label="Vigorous minutes a week (running, fast cycling)",
    lo=0,
    hi=3000,
    default=0,
    step=5,
)
STRENGTH_DAYS = Number(
    key="strength_days", label="Strength-training days a week", lo=0, hi=7, default=0
)
LEGS = Flag(key="legs", label="My strength training works the legs", default=True)
BALANCE_DAYS = Number(
    key="balance_days", label="Balance or mixed activity days a week", lo=0, hi=7, default=0
)
ACTIVE = Flag(key="active", label="I do resistance training or am otherwise very active")
PROTEIN_G = Number(key="protein_g", label="Protein eaten in a day (g)", lo=0, hi=500, default=0)
KIDNEY = Flag(key="kidney", label="I have kidney disease")
ILLNESS = Flag(key="illness", label="I have an illness or a recent hospital stay")

# --- /screening (the handout's screening section too) ----------------------------------------
SCREENING_AGE = Number(key="age", label="Age (years)", lo=18, hi=110, default=70)
SEX = Choice(key="sex", label="Sex", options={"female": "Female", "male": "Male"}, default="female")
# The SARC-F answers' codes are their points (SC-01); the words come from
# content/screening.yaml when the page draws them (`with_options`).
SARC_F = tuple(
    OptionalChoice(
        key=f"sarcf_{item}",
        label=f"SARC-F item {item.upper()}",
        options={
            str(points): f"{points} points" for points in range(screening.SARC_F_ITEM_MAX + 1)
        },
    )
    for item in screening.SARC_F_KEYS
)
# The screening page's emergency line: the reader's own number, or every country's when none
# is chosen (the same codes as the warning signs' `country`, which a link carries here).
SCREENING_COUNTRY = OptionalChoice(
    key="country",
    label="Where are you? (for the emergency number and where to turn)",
    options={"uk": "UK (999)", "us": "US (911)", "eu": "EU (112)"},
)
CHAIR_STANDS = OptionalNumber(
    key="chair_stands", label="Full stands in 30 seconds", lo=0, hi=60, clamp=False
)
# The last of the CDC's 4 stages held for 10 seconds (SC-40); stage names come from
# content/screening.yaml when the page draws them (`with_options`).
BALANCE_STAGE = OptionalChoice(
    key="balance_stage",
    label="Last stage held for 10 seconds",
    options={str(stage): f"Stage {stage}" for stage in range(screening.BALANCE_STAGE_COUNT + 1)},
)
TUG_S = OptionalNumber(
    key="tug_s",
    label="Timed Up and Go (seconds)",
    lo=0.1,
    hi=600,
    step=0.1,
    integer=False,
    clamp=False,
)
STS5_S = OptionalNumber(
    key="sts5_s",
    label="Seconds for 5 stands",
    lo=0.1,
    hi=300,
    step=0.1,
    integer=False,
    clamp=False,
)
GRIP_KG = OptionalNumber(
    key="grip_kg",
    label="Grip strength (kg), measured with a hand dynamometer",
    lo=0,
    hi=150,
    step=0.5,
    integer=False,
    clamp=False,
)

# --- /exercises ----------------------------------------------------------------------------------
KIND = Choices(key="kind", label="Kind", options={k: k.capitalize() for k in exercises.KINDS})
LEVELS = Choices(key="level", label="Level", options=exercises.LEVEL_NAMES)
MUSCLE = Choices(key="muscle", label="Muscles", options=exercises.MUSCLE_NAMES)
EQUIPMENT = Choices(
    key="equipment",
    label="What you have (shows exercises that need nothing else)",
    options=exercises.EQUIPMENT_NAMES,
)
EXERCISE = OptionalChoice(key="ex", label="exercise", options={})  # options: the library's slugs

# --- /plan (the handout's plan section too) ---------------------------------------------------
LEVEL = Choice(
    key="level", label="Where you start", options=exercises.LEVEL_NAMES, default="supported"
)
DAYS = Choices(
    key="days",
    label="Days you can exercise",
    options=dict(zip(plan.WEEKDAYS, plan.WEEKDAY_NAMES, strict=True)),
    default=plan.WEEKDAYS[:5],
)
MINUTES = Number(
    key="minutes",
    label="Minutes a day",
    lo=plan.MIN_DAY_MIN,
    hi=plan.MAX_DAY_MIN,
    default=60,
    step=5,
)
PLAN_AGE = Number(key="age", label="Age (years)", lo=plan.MIN_AGE, hi=plan.MAX_AGE, default=70)
WEEKS = Number(key="weeks", label="Weeks", lo=plan.MIN_WEEKS, hi=plan.MAX_WEEKS, default=8)
NOW = OptionalNumber(
    key="now",
    label="Moderate-equivalent minutes you do now each week (optional, from the self-check)",
    lo=0,
    hi=3000,
    step=10,
)

# --- /present, /quiz, /handout, /red_flags, /glossary ---------------------------------------
PRESENT = Flag(key="present", label="Presenter mode (big type, no menu)")
SCENE = Choice(key="scene", label="Scene", options={}, default="")  # options: scenes.yaml
# Presenting only (kept in the address bar, never in a view's link or QR code):
NOTES = Flag(key="notes", label="Presenter view: speaker notes and the next scene")
QR_SLIDE = Flag(key="qr", label="The scene's QR code on the whole screen")
ROOM = Text(
    key="room", label="Presenter room (links the notes tab to the projected tab)", max_chars=16
)
QUESTION = Number(key="question", label="Quiz question on the projector", lo=1, hi=99, default=1)
STEP = Number(key="step", label="Step of a scene on the projector", lo=1, hi=99, default=1)
ORDER = Choice(
    key="order",
    label="Order",
    options={"fixed": "Same order for everyone (classes)", "shuffled": "Shuffled"},
    default="fixed",
)
SECTIONS = Choices(
    key="sections",
    label="Sections",
    options={
        "selfcheck": "Self-check results",
        "screening": "Screening results",
        "plan": "A weekly plan",
        "redflags": "Warning signs",
    },
    default=("selfcheck", "redflags"),
)
HANDOUT_AGE = Number(key="age", label="Age (years)", lo=18, hi=110, default=70)
COUNTRY = Choice(
    key="country",
    label="Where are you?",
    options={"uk": "UK (999)", "us": "US (911)", "eu": "EU (112)"},
    default="uk",
)
PAPER = Choice(
    key="paper",
    label="Paper size",
    options={"a4": "A4", "letter": "US Letter"},
    default="a4",
)
QUERY = Text(key="q", label="Find a word", max_chars=60)

# --- every page (and the reading pages under /read) ------------------------------------------
# A reading option, not a part of the view: the sidebar's switch sets it, it stays on from
# page to page, and every link the app writes carries it (share links, QR codes, /p/ previews,
# the links between pages and between the reading pages).
LARGE = Flag(key="large", label="Large text and high contrast")
EVERY_PAGE: tuple[P, ...] = (LARGE,)

SELF_CHECK_REST: tuple[P, ...] = (
    UNIT, WEIGHT_KG, MODERATE, VIGOROUS, STRENGTH_DAYS, LEGS, BALANCE_DAYS, ACTIVE, PROTEIN_G,
    KIDNEY, ILLNESS,
)  # fmt: skip
SCREENING_REST: tuple[P, ...] = (*SARC_F, CHAIR_STANDS, BALANCE_STAGE, TUG_S, STS5_S, GRIP_KG)
PLAN_REST: tuple[P, ...] = (LEVEL, DAYS, MINUTES, WEEKS, NOW)
# The screening results a plan may start from (the screening page's keys and checks).
PLAN_SCREENING: tuple[P, ...] = (SEX, CHAIR_STANDS, BALANCE_STAGE, TUG_S)

# Each page's parameters, by the page's URL name. The handout takes its sections' too.
PAGES: Mapping[str, tuple[P, ...]] = {
    "projection": (PROJECTION_AGE, RATE, MEASURE, BEDREST_AGE, BEDREST_DAYS),
    "self_check": (GUIDELINE, SELF_CHECK_AGE, *SELF_CHECK_REST, COUNTRY, PAPER),
    "screening": (SCREENING_AGE, SEX, SCREENING_COUNTRY, *SCREENING_REST, PAPER),
    "exercises": (KIND, LEVELS, MUSCLE, EQUIPMENT, EXERCISE),
    "plan": (LEVEL, DAYS, MINUTES, PLAN_AGE, WEEKS, NOW, *PLAN_SCREENING, COUNTRY, PAPER),
    "present": (PRESENT, SCENE),
    "quiz": (ORDER,),
    "handout": (
        SECTIONS, HANDOUT_AGE, SEX, GUIDELINE, *SELF_CHECK_REST, *SCREENING_REST, *PLAN_REST,
        COUNTRY, PAPER,
    ),
    "red_flags": (COUNTRY,),
    "glossary": (QUERY,),
}  # fmt: skip

# What a page hands on to the page it sends a reader to, when that page takes it.
CONTEXT = ("age", "sex", "guideline", "country", "level", "minutes")
# Parameters of presenting (any page), kept in the address bar but not in a view's link.
PRESENTING = (PRESENT.key, SCENE.key, NOTES.key, QR_SLIDE.key, ROOM.key, QUESTION.key, STEP.key)
KNOWN_KEYS = frozenset(p.key for page in PAGES.values() for p in page)


def page_param(page: str, key: str) -> P | None:
    """The page's parameter with this key, or None when the page takes no such parameter."""
    return next((p for p in PAGES.get(page, ()) if p.key == key), None)


def canonical(page: str, items: Iterable[Item]) -> tuple[Item, ...]:
    """A page's link as the page itself writes it: codes, defaults left out, others dropped.

    A scene's QR code uses it, so it is the link the projector's address bar shows.
    """
    given = grouped(items)
    return query(
        Shown(param, param.read(given[param.key]).value if param.key in given else param.empty)
        for param in PAGES.get(page, ())
    )
