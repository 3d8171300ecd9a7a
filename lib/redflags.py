"""Red-flag triage: which leg-weakness symptoms need emergency, urgent or routine care.

Each situation of ledger section 5 (RF-01 to RF-09) is split into plain checklist
symptoms, several of which may share one fact id (RF-01a to RF-01d are all possible cauda
equina syndrome). The urgency of each follows the ledger exactly. `triage` takes the ticked
symptoms and returns the most urgent advice, with the emergency number of the reader's
country. It names possible causes only: it never makes a diagnosis.

Everything here is pure: no clock, no files, no Streamlit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import IntEnum
from types import MappingProxyType
from typing import Final, Literal

Country = Literal["uk", "us", "eu"]

# 999 (UK) and 911 (US): RF-01 (NHS "Sciatica"); 112 (EU): ec-112 in content/sources.yaml.
EMERGENCY_NUMBERS: Final[Mapping[Country, str]] = MappingProxyType(
    {"uk": "999", "us": "911", "eu": "112"}
)
EMERGENCY_NUMBER_SOURCES: Final = ("nhs-sciatica", "ec-112")


class Urgency(IntEnum):
    """How soon to get care; a larger value is more urgent."""

    EMERGENCY = 3
    URGENT = 2
    APPOINTMENT = 1
    NONE = 0


@dataclass(frozen=True)
class RedFlag:
    """One checklist symptom and what to do about it.

    Attributes:
        id: The checklist id, e.g. "RF-01a" (several symptoms may share a fact).
        fact_id: The fact in ledger section 5, e.g. "RF-01".
        symptom: The checklist label, in plain words.
        urgency: How soon to get care.
        action: What to do, in plain words.
        possible_cause: What it may point to, always worded as possible.
        source_ids: Source ids from `content/sources.yaml` stating the fact.
    """

    id: str
    fact_id: str
    symptom: str
    urgency: Urgency
    action: str
    possible_cause: str
    source_ids: tuple[str, ...]


@dataclass(frozen=True)
class Triage:
    """The advice for a set of ticked symptoms.

    Attributes:
        urgency: The most urgent level among the ticked symptoms (NONE if none).
        flags: The ticked symptoms, most urgent first, then in checklist order.
        message: The one line to show first, e.g. "Call 999 now."; "" when nothing is ticked.
    """

    urgency: Urgency
    flags: tuple[RedFlag, ...]
    message: str


_EMERGENCY_ACTION = "Call the emergency number or go to A&E (the emergency department) now."

_CES = "possible cauda equina syndrome (pressure on the nerves at the base of the spine)"
_STROKE = "possible stroke"
_GBS = "possible Guillain-Barré syndrome (a nerve condition)"
_RAPID = "possible serious nerve or muscle problem"
_PAD = "possible peripheral arterial disease (narrowed leg arteries)"
_GP = "Book an appointment with your doctor (GP)."
_PAD_URGENT = "Get urgent medical help today."
_RF01 = ("nhs-sciatica",)
_RF02 = ("clevelandclinic-paralysis", "mayo-weakness")
_RF03 = ("nhs-gbs", "mayo-gbs")
_RF04 = ("merck-weakness",)


def _flag(
    flag_id: str, symptom: str, urgency: Urgency, action: str, cause: str, sources: tuple[str, ...]
) -> RedFlag:
    """A checklist symptom; its fact id is its id without the letter ("RF-01a" -> "RF-01")."""
    return RedFlag(flag_id, flag_id[:5], symptom, urgency, action, cause, sources)


def _emergency(flag_id: str, symptom: str, cause: str, sources: tuple[str, ...]) -> RedFlag:
    return _flag(flag_id, symptom, Urgency.EMERGENCY, _EMERGENCY_ACTION, cause, sources)


RED_FLAGS: tuple[RedFlag, ...] = (
    # RF-01: NHS "Sciatica" sends all four to A&E / 999 now.
    _emergency("RF-01a", "Sciatica (nerve pain down the leg) in both legs", _CES, _RF01),
    _emergency(
        "RF-01b", "Weakness or numbness in both legs that is severe or getting worse", _CES, _RF01
    ),
    _emergency(
        "RF-01c",
        "Numbness around or under your genitals, or around your bottom (anus)",
        _CES,
        _RF01,
    ),
    _emergency(
        "RF-01d",
        "New trouble starting to pee, not being able to pee, or losing control of your "
        "bladder or bowels",
        _CES,
        _RF01,
    ),
    # RF-02: Mayo Clinic symptom guidance; stroke signs as given by Cleveland Clinic.
    _emergency(
        "RF-02a", "Sudden weakness or numbness, especially on one side of the body", _STROKE, _RF02
    ),
    _emergency(
        "RF-02b", "Weakness with a sudden change in speech or a drooping face", _STROKE, _RF02
    ),
    _emergency("RF-02c", "Weakness with sudden confusion or loss of vision", _STROKE, _RF02),
    _emergency("RF-02d", "Weakness with sudden trouble walking", _STROKE, _RF02),
    # RF-03: NHS and Mayo Clinic, Guillain-Barré syndrome.
    _emergency(
        "RF-03a", "Tingling or weakness that starts in the feet and spreads upwards", _GBS, _RF03
    ),
    _emergency(
        "RF-03b", "Tingling or weakness that spreads fast, or affects hands and feet", _GBS, _RF03
    ),
    _emergency(
        "RF-03c", "Tingling or weakness with trouble breathing, swallowing or speaking", _GBS, _RF03
    ),
    _emergency("RF-03d", "Tingling or weakness and you cannot move your arms or legs", _GBS, _RF03),
    # RF-04: Merck Manual, "Weakness": emergency department.
    _emergency("RF-04a", "Muscle weakness that came on over a few days or faster", _RAPID, _RF04),
    _emergency(
        "RF-04b", "Weakness with trouble breathing, chewing, talking or swallowing", _RAPID, _RF04
    ),
    _emergency("RF-04c", "Weakness with trouble lifting your head when lying down", _RAPID, _RF04),
    _emergency("RF-04d", "Weakness and you cannot walk", _RAPID, _RF04),
    # RF-05: Mayo Clinic symptom guidance: book an appointment.
    _flag(
        "RF-05a",
        "Weakness that lasts and has no clear reason",
        Urgency.APPOINTMENT,
        _GP,
        "possible underlying condition that a doctor should look for",
        ("mayo-weakness",),
    ),
    _flag(
        "RF-05b",
        "Weakness that started after a virus, such as flu",
        Urgency.APPOINTMENT,
        _GP,
        "possible underlying condition that a doctor should look for",
        ("mayo-weakness",),
    ),
    _flag(
        "RF-05c",
        "Weakness with no other symptoms",
        Urgency.APPOINTMENT,
        _GP,
        "possible underlying condition that a doctor should look for",
        ("mayo-weakness",),
    ),
    # RF-06: NHS PAD: see a GP.
    _flag(
        "RF-06a",
        "Leg muscle pain when walking that eases with rest and keeps coming back",
        Urgency.APPOINTMENT,
        "Book an appointment with your doctor (GP), especially if you smoke or have "
        "diabetes, high blood pressure or high cholesterol.",
        _PAD,
        ("nhs-pad",),
    ),
    # RF-07: NHS PAD: urgent medical help.
    _flag(
        "RF-07a",
        "Leg artery disease (PAD) symptoms that suddenly get worse",
        Urgency.URGENT,
        _PAD_URGENT,
        "possible worsening blood supply to the leg",
        ("nhs-pad",),
    ),
    _flag(
        "RF-07b",
        "Leg pain even when you are resting",
        Urgency.URGENT,
        _PAD_URGENT,
        "possible poor blood supply to the leg",
        ("nhs-pad",),
    ),
    _flag(
        "RF-07c",
        "You cannot move your leg",
        Urgency.URGENT,
        _PAD_URGENT,
        "possible poor blood supply to the leg",
        ("nhs-pad",),
    ),
    _flag(
        "RF-07d",
        "Sudden loss of feeling in your leg",
        Urgency.URGENT,
        _PAD_URGENT,
        "possible poor blood supply to the leg",
        ("nhs-pad",),
    ),
    # RF-08: NHS statin pages: stop and contact a doctor or NHS 111.
    _flag(
        "RF-08a",
        "Muscle pain, tenderness, weakness or cramps with no clear reason while taking a statin",
        Urgency.URGENT,
        "Stop taking the statin and contact a doctor or NHS 111 straight away.",
        "possible muscle breakdown (a rare side effect of statins)",
        ("nhs-statins",),
    ),
    # RF-09: Public Health Wales, AAFP 2009: see a GP for a blood test.
    _flag(
        "RF-09a",
        "Weakness with aching bones or muscles, when you may be low in vitamin D",
        Urgency.APPOINTMENT,
        "Book an appointment with your doctor (GP): a blood test can check your vitamin D.",
        "possible low vitamin D",
        ("bordelon2009",),
    ),
)

_BY_ID: Final[Mapping[str, RedFlag]] = MappingProxyType({f.id: f for f in RED_FLAGS})

_MESSAGES: Final[Mapping[Urgency, str]] = MappingProxyType(
    {
        Urgency.URGENT: "Get medical help today.",
        Urgency.APPOINTMENT: "Book an appointment with your doctor.",
        Urgency.NONE: "",
    }
)


def triage(selected_ids: Iterable[str], country: Country = "uk") -> Triage:
    """The advice for the ticked symptoms: the most urgent one wins.

    Args:
        selected_ids: Ids of ticked symptoms, e.g. ["RF-01a", "RF-06a"]; repeats count once.
        country: Whose emergency number to give: "uk" (999), "us" (911) or "eu" (112).

    Returns:
        A Triage whose urgency is the highest among the ticked symptoms (NONE for none),
        whose flags run most urgent first, and whose message says what to do first.

    Raises:
        ValueError: an id is not in RED_FLAGS (the message names it), or the country is
            not one of EMERGENCY_NUMBERS.
    """
    if country not in EMERGENCY_NUMBERS:
        raise ValueError(f"unknown country {country!r}: expected one of {list(EMERGENCY_NUMBERS)}")
    chosen: set[str] = set()
    for flag_id in selected_ids:
        if flag_id not in _BY_ID:
            raise ValueError(f"unknown red flag id {flag_id!r}")
        chosen.add(flag_id)
    # RED_FLAGS order breaks ties, so the list reads like the checklist.
    flags = tuple(sorted((f for f in RED_FLAGS if f.id in chosen), key=lambda f: -f.urgency.value))
    urgency = max((f.urgency for f in flags), default=Urgency.NONE)
    if urgency is Urgency.EMERGENCY:
        message = f"Call {EMERGENCY_NUMBERS[country]} now."
    else:
        message = _MESSAGES[urgency]
    return Triage(urgency=urgency, flags=flags, message=message)


# Every fact and source behind the checklist, in checklist order (for the page's source line).
FACT_IDS: tuple[str, ...] = tuple(dict.fromkeys(f.fact_id for f in RED_FLAGS))
SOURCE_IDS: tuple[str, ...] = tuple(dict.fromkeys(s for f in RED_FLAGS for s in f.source_ids))
