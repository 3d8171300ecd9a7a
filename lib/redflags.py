"""Red-flag triage: which leg-weakness symptoms need emergency, urgent or routine care.

The wording lives in `content/redflags.yaml`, where a clinician can review all of it in one
place: every checklist symptom with its urgency, action, possible cause, heading and
sources, the verdict lines, and where to turn in each country. This module keeps the logic:
the order of urgency, the rule that the most urgent ticked symptom wins, and the emergency
number of each country. Each symptom belongs to a fact of the evidence ledger
(`content/facts.yaml`, section 5: RF-01 to RF-17); several symptoms may share one fact
(RF-01a to RF-01d are all possible cauda equina syndrome). It names possible causes only: it
never makes a diagnosis.

Everything here is pure, with one exception kept on purpose: the checklist of the
repository (`CHECKLIST_PATH`) is read once, at import, into `RED_FLAGS`, because every page
and printout must show the same signs. A mistake in that file raises `ContentError` naming
it, and the tests fail; `load_checklist` reads any other copy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from types import MappingProxyType
from typing import Final, Literal, cast

from lib.content import ContentError, read_yaml

Country = Literal["uk", "us", "eu"]

# 999 (UK) and 911 (US): RF-01 (NHS "Sciatica"); 112 (EU): ec-112 in content/sources.yaml.
EMERGENCY_NUMBERS: Final[Mapping[Country, str]] = MappingProxyType(
    {"uk": "999", "us": "911", "eu": "112"}
)
EMERGENCY_NUMBER_SOURCES: Final = ("nhs-sciatica", "ec-112")

CHECKLIST_PATH: Final = Path(__file__).resolve().parents[1] / "content" / "redflags.yaml"
NUMBER: Final = "{number}"  # where a text names the reader's own emergency number


class Urgency(IntEnum):
    """How soon to get care; a larger value is more urgent."""

    EMERGENCY = 3
    URGENT = 2
    APPOINTMENT = 1
    NONE = 0


# How the content file names each urgency a symptom may have (NONE is no symptom's).
URGENCY_NAMES: Final[Mapping[str, Urgency]] = MappingProxyType(
    {"emergency": Urgency.EMERGENCY, "urgent": Urgency.URGENT, "appointment": Urgency.APPOINTMENT}
)


@dataclass(frozen=True)
class RedFlag:
    """One checklist symptom and what to do about it.

    Attributes:
        id: The checklist id, e.g. "RF-01a" (several symptoms may share a fact).
        fact_id: The ledger fact, e.g. "RF-01".
        symptom: The checklist label, in plain words.
        urgency: How soon to get care.
        action: What to do, in plain words (it never names a number).
        possible_cause: What it may point to, always worded as possible.
        source_ids: Source ids from `content/sources.yaml` stating the fact.
        group: The heading it is listed under.
        note: A warning shown with it, with `{number}` for the emergency number ("" if none).
    """

    id: str
    fact_id: str
    symptom: str
    urgency: Urgency
    action: str
    possible_cause: str
    source_ids: tuple[str, ...]
    group: str = ""
    note: str = ""

    def note_for(self, country: Country) -> str:
        """The note with the country's emergency number filled in ("" if none)."""
        return _fill(self.note, country)


@dataclass(frozen=True)
class Group:
    """A plain heading and the symptoms listed under it, with an optional note."""

    heading: str
    note: str
    flags: tuple[RedFlag, ...]

    def note_for(self, country: Country) -> str:
        """The group's note with the country's emergency number filled in ("" if none)."""
        return _fill(self.note, country)


@dataclass(frozen=True)
class CountryWording:
    """Where a reader in one country turns: its name, same-day help, and when unsure."""

    name: str
    urgent: str
    worried: str


@dataclass(frozen=True)
class Checklist:
    """The whole checklist as the content file gives it."""

    groups: tuple[Group, ...]
    verdicts: Mapping[Urgency, str]
    countries: Mapping[Country, CountryWording]
    nothing_ticked: str

    @property
    def flags(self) -> tuple[RedFlag, ...]:
        """Every symptom, in checklist order (group by group)."""
        return tuple(f for g in self.groups for f in g.flags)


@dataclass(frozen=True)
class Triage:
    """The advice for a set of ticked symptoms.

    Attributes:
        urgency: The most urgent level among the ticked symptoms (NONE if none).
        flags: The ticked symptoms, most urgent first, then in checklist order.
        message: The one line to show first, e.g. "Call 999 now."; "" when nothing is ticked.
        number: The reader's emergency number ("999", "911" or "112").
        where: Where to turn, in the reader's country: same-day help for an urgent verdict,
            else where to turn if worried. With nothing ticked it starts by saying what the
            checklist cannot rule out. Never empty.
        notes: The ticked symptoms' warnings, numbers filled in, once each.
    """

    urgency: Urgency
    flags: tuple[RedFlag, ...]
    message: str
    number: str = ""
    where: str = ""
    notes: tuple[str, ...] = ()


# --- reading the content file --------------------------------------------------------------

_TOP_KEYS: Final = frozenset({"actions", "verdicts", "countries", "nothing_ticked", "groups"})
_GROUP_KEYS: Final = frozenset({"heading", "note", "flags"})
_FLAG_KEYS: Final = frozenset({"id", "symptom", "urgency", "action", "cause", "note", "sources"})
_FLAG_REQUIRED: Final = ("id", "symptom", "urgency", "cause", "sources")
_COUNTRY_KEYS: Final = frozenset({"name", "urgent", "worried"})
_FLAG_ID: Final = re.compile(r"RF-\d{2}[a-z]")
_SOURCE_ID: Final = re.compile(r"[a-z0-9][a-z0-9_-]*")
_A_NUMBER: Final = re.compile(r"(?<!\d)(?:999|911|112)(?!\d)")
_BRACES: Final = re.compile(r"\{[^}]*\}|[{}]")


def has_emergency_number(text: str) -> bool:
    """Whether a text writes an emergency number (999, 911 or 112) itself."""
    return _A_NUMBER.search(text) is not None


class _Bad(ValueError):
    """A problem in the checklist; `load_checklist` names the file in front of it."""


def _text(where: str, value: object, *, number: bool = False) -> str:
    """A non-empty text; `{number}` is allowed only where `number` is true."""
    if not isinstance(value, str) or not value.strip():
        raise _Bad(f"{where} must be non-empty text")
    text = " ".join(value.split())
    if _A_NUMBER.search(text):
        raise _Bad(f"{where} names an emergency number: write {NUMBER} instead")
    braces = [b for b in _BRACES.findall(text) if not (number and b == NUMBER)]
    if braces:
        allowed = f"only {NUMBER} is allowed" if number else "no placeholder is allowed here"
        raise _Bad(f"{where} has {braces[0]!r}: {allowed}")
    return text


def _by_urgency(where: str, raw: object, *, number: bool = False) -> dict[Urgency, str]:
    if not isinstance(raw, dict) or set(raw) != set(URGENCY_NAMES):
        raise _Bad(f"{where} must give exactly {sorted(URGENCY_NAMES)}")
    return {URGENCY_NAMES[k]: _text(f"{where}.{k}", v, number=number) for k, v in raw.items()}


def _countries(raw: object) -> dict[Country, CountryWording]:
    expected = set(EMERGENCY_NUMBERS)
    if not isinstance(raw, dict) or set(raw) != expected:
        raise _Bad(f"countries must give exactly {sorted(expected)}")
    out: dict[Country, CountryWording] = {}
    for key, entry in raw.items():
        where = f"countries.{key}"
        if not isinstance(entry, dict) or set(entry) != _COUNTRY_KEYS:
            raise _Bad(f"{where} must give exactly {sorted(_COUNTRY_KEYS)}")
        out[cast(Country, key)] = CountryWording(
            name=_text(f"{where}.name", entry["name"]),
            urgent=_text(f"{where}.urgent", entry["urgent"], number=True),
            worried=_text(f"{where}.worried", entry["worried"], number=True),
        )
    return out


def _flag(where: str, raw: object, heading: str, actions: Mapping[Urgency, str]) -> RedFlag:
    if not isinstance(raw, dict):
        raise _Bad(f"{where}: expected a mapping of fields")
    unknown = sorted(set(raw) - _FLAG_KEYS)
    missing = [k for k in _FLAG_REQUIRED if k not in raw]
    if unknown or missing:
        raise _Bad(f"{where}: unknown fields {unknown}, missing fields {missing}")
    flag_id = raw["id"]
    if not isinstance(flag_id, str) or not _FLAG_ID.fullmatch(flag_id):
        raise _Bad(f"{where}: id {flag_id!r} must be a fact id and a letter, e.g. RF-01a")
    where = f"{where} ({flag_id})"
    urgency = raw["urgency"]
    if urgency not in URGENCY_NAMES:
        raise _Bad(f"{where}: urgency {urgency!r} must be one of {sorted(URGENCY_NAMES)}")
    level = URGENCY_NAMES[urgency]
    cause = _text(f"{where}: cause", raw["cause"])
    if not cause.startswith("possible "):
        raise _Bad(f"{where}: cause must start with 'possible ' (never a diagnosis)")
    sources = raw["sources"]
    if (
        not isinstance(sources, list)
        or not sources
        or not all(isinstance(s, str) and _SOURCE_ID.fullmatch(s) for s in sources)
    ):
        raise _Bad(f"{where}: sources must list source ids, e.g. [nhs-sciatica]")
    action = raw.get("action")
    return RedFlag(
        id=flag_id,
        fact_id=flag_id[:5],
        symptom=_text(f"{where}: symptom", raw["symptom"]),
        urgency=level,
        action=actions[level] if action is None else _text(f"{where}: action", action),
        possible_cause=cause,
        source_ids=tuple(sources),
        group=heading,
        note="" if raw.get("note") is None else _text(f"{where}: note", raw["note"], number=True),
    )


def _groups(raw: object, actions: Mapping[Urgency, str]) -> tuple[Group, ...]:
    if not isinstance(raw, list) or not raw:
        raise _Bad("groups must be a non-empty list")
    groups: list[Group] = []
    seen_ids: set[str] = set()
    seen_symptoms: set[str] = set()
    for number, entry in enumerate(raw, start=1):
        where = f"group {number}"
        if not isinstance(entry, dict) or not {"heading", "flags"} <= set(entry) <= _GROUP_KEYS:
            raise _Bad(f"{where}: needs 'heading' and 'flags' (and may have 'note')")
        heading = _text(f"{where}: heading", entry["heading"])
        if heading in {g.heading for g in groups}:
            raise _Bad(f"{where}: heading {heading!r} is used twice")
        where = f"group {heading!r}"
        raw_note = entry.get("note")
        note = "" if raw_note is None else _text(f"{where}: note", raw_note, number=True)
        raw_flags = entry["flags"]
        if not isinstance(raw_flags, list) or not raw_flags:
            raise _Bad(f"{where}: 'flags' must be a non-empty list")
        flags = tuple(
            _flag(f"{where}, flag {i}", f, heading, actions) for i, f in enumerate(raw_flags, 1)
        )
        for flag in flags:
            if flag.id in seen_ids:
                raise _Bad(f"{where}: id {flag.id} is used twice")
            if flag.symptom in seen_symptoms:
                raise _Bad(f"{where}: symptom {flag.symptom!r} is listed twice")
            seen_ids.add(flag.id)
            seen_symptoms.add(flag.symptom)
        groups.append(Group(heading, note, flags))
    return tuple(groups)


def parse_checklist(data: object) -> Checklist:
    """Check the checklist's parsed YAML and build it (errors are `_Bad`, without the file)."""
    if not isinstance(data, dict) or set(data) != _TOP_KEYS:
        raise _Bad(f"expected exactly the keys {sorted(_TOP_KEYS)}")
    actions = _by_urgency("actions", data["actions"])
    verdicts = _by_urgency("verdicts", data["verdicts"], number=True)
    if NUMBER not in verdicts[Urgency.EMERGENCY]:
        raise _Bad(f"verdicts.emergency must name the number: write {NUMBER}")
    return Checklist(
        groups=_groups(data["groups"], actions),
        verdicts=MappingProxyType({**verdicts, Urgency.NONE: ""}),
        countries=MappingProxyType(_countries(data["countries"])),
        nothing_ticked=_text("nothing_ticked", data["nothing_ticked"], number=True),
    )


def load_checklist(path: Path) -> Checklist:
    """Read and check the checklist file at `path`.

    Raises:
        ContentError: naming the file, when it is missing or not YAML, a key is missing or
            unknown, a text is empty, names an emergency number or has a placeholder other
            than `{number}` where that is allowed, an id, urgency, cause or source list is
            malformed, or an id, symptom or heading is repeated.
    """
    data = read_yaml(path)
    try:
        return parse_checklist(data)
    except _Bad as exc:
        raise ContentError(path, str(exc)) from exc


# --- the triage ----------------------------------------------------------------------------


def _fill(text: str, country: Country) -> str:
    return text.replace(NUMBER, EMERGENCY_NUMBERS[country])


def _check_country(country: str) -> Country:
    if country not in EMERGENCY_NUMBERS:
        raise ValueError(f"unknown country {country!r}: expected one of {list(EMERGENCY_NUMBERS)}")
    return cast(Country, country)


def triage(
    selected_ids: Iterable[str], country: Country = "uk", *, checklist: Checklist | None = None
) -> Triage:
    """The advice for the ticked symptoms: the most urgent one wins.

    Args:
        selected_ids: Ids of ticked symptoms, e.g. ["RF-01a", "RF-06a"]; repeats count once.
        country: Whose emergency number and services to give: "uk" (999), "us" (911) or
            "eu" (112).
        checklist: The checklist to use (default: the repository's, `CHECKLIST`).

    Returns:
        A Triage whose urgency is the highest among the ticked symptoms (NONE for none),
        whose flags run most urgent first, whose message says what to do first, and whose
        `where` says where to turn in the reader's country.

    Raises:
        ValueError: an id is not on the checklist (the message names it), or the country is
            not one of EMERGENCY_NUMBERS.
    """
    country = _check_country(country)
    chosen_list = CHECKLIST if checklist is None else checklist
    known = {f.id for f in chosen_list.flags}
    chosen: set[str] = set()
    for flag_id in selected_ids:
        if flag_id not in known:
            raise ValueError(f"unknown red flag id {flag_id!r}")
        chosen.add(flag_id)
    # Checklist order breaks ties (sorted is stable), so the list reads like the checklist.
    flags = tuple(
        sorted((f for f in chosen_list.flags if f.id in chosen), key=lambda f: -f.urgency.value)
    )
    urgency = max((f.urgency for f in flags), default=Urgency.NONE)
    wording = chosen_list.countries[country]
    if urgency is Urgency.URGENT:
        where = wording.urgent
    elif urgency is Urgency.NONE:
        where = f"{chosen_list.nothing_ticked} {wording.worried}"
    else:
        where = wording.worried
    return Triage(
        urgency=urgency,
        flags=flags,
        message=_fill(chosen_list.verdicts[urgency], country),
        number=EMERGENCY_NUMBERS[country],
        where=_fill(where, country),
        notes=tuple(dict.fromkeys(n for f in flags if (n := f.note_for(country)))),
    )


def country_name(country: Country, *, checklist: Checklist | None = None) -> str:
    """How the country is shown, with its number: "UK (999)"."""
    wording = (CHECKLIST if checklist is None else checklist).countries[_check_country(country)]
    return f"{wording.name} ({EMERGENCY_NUMBERS[country]})"


def numbers_text(country: Country | None = None, *, checklist: Checklist | None = None) -> str:
    """The number to call: the country's own ("911"), or, with no country, every country's
    number with its name ("999 (UK), 911 (US) or 112 (EU)"), never one number for everyone.
    """
    if country is not None:
        return EMERGENCY_NUMBERS[_check_country(country)]
    countries = (CHECKLIST if checklist is None else checklist).countries
    each = [f"{EMERGENCY_NUMBERS[c]} ({countries[c].name})" for c in EMERGENCY_NUMBERS]
    return ", ".join(each[:-1]) + f" or {each[-1]}"


# The repository's checklist, read once (see the module docstring).
CHECKLIST: Final[Checklist] = load_checklist(CHECKLIST_PATH)
GROUPS: Final[tuple[Group, ...]] = CHECKLIST.groups
RED_FLAGS: Final[tuple[RedFlag, ...]] = CHECKLIST.flags

# Every fact and source behind the checklist, in checklist order (for the page's source line).
FACT_IDS: Final[tuple[str, ...]] = tuple(dict.fromkeys(f.fact_id for f in RED_FLAGS))
SOURCE_IDS: Final[tuple[str, ...]] = tuple(
    dict.fromkeys(s for f in RED_FLAGS for s in f.source_ids)
)
