"""Link parameters: turn an untrusted query-string value into a safe one, with a friendly note.

A shared link may carry anything (`?age=abc`, `?age=1e309`, `?age=-5`, a 10 kB string). Each
function here returns the value to use and, when the link's value was refused or changed, a
plain note saying so. Nothing here raises on bad input.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

# How much of a refused value is echoed back in a note: short, and only harmless characters.
_ECHO_MAX = 12
_ECHO_UNSAFE = re.compile(r"[^A-Za-z0-9.+\-]")
_TRUE = frozenset({"true", "1", "yes", "on"})
_FALSE = frozenset({"false", "0", "no", "off"})


@dataclass(frozen=True)
class Checked(Generic[T]):
    """A value to use, and a note for the reader when the link's value was not used as given."""

    value: T
    note: str | None = None


def echo(raw: str) -> str:
    """A short, harmless rendering of an untrusted value for use inside a note."""
    cleaned = _ECHO_UNSAFE.sub("", raw)[:_ECHO_MAX]
    return f"“{cleaned}…”" if len(raw) > _ECHO_MAX or cleaned != raw else f"“{cleaned}”"


def _fmt(value: float) -> str:
    return f"{value:g}"


def number(
    raw: str | None,
    *,
    label: str,
    lo: float,
    hi: float,
    default: float,
    integer: bool = True,
) -> Checked[float]:
    """Parse a number from a link, clamping it into [lo, hi].

    Args:
        raw: the query-string value, or None when the link does not set it.
        label: the input's name as the reader sees it, for the note.
        lo, hi: the allowed range (inclusive).
        default: used when the value is missing or not a finite number.
        integer: round to a whole number (noting it when that changes the value).

    Returns:
        The value to use; `note` says what was refused or changed, or is None.
    """
    if raw is None:
        return Checked(default)
    try:
        parsed = float(raw.strip())
    except ValueError:
        parsed = math.nan
    if not math.isfinite(parsed):
        return Checked(
            default,
            f"The link's value for {label} ({echo(raw)}) is not a number, "
            f"so the default, {_fmt(default)}, is shown.",
        )
    value = float(round(parsed)) if integer else parsed
    clamped = min(max(value, lo), hi)
    if clamped != parsed:
        return Checked(
            clamped,
            f"{label} goes from {_fmt(lo)} to {_fmt(hi)}"
            f"{' in whole numbers' if integer and lo <= parsed <= hi else ''}; "
            f"the link asked for {echo(raw)}, so {_fmt(clamped)} is shown.",
        )
    return Checked(clamped)


def _names(options: Sequence[str], labels: Mapping[str, str] | None) -> dict[str, str]:
    """Each option by its value and by the label the reader sees, lower-cased and trimmed.

    Why labels: Streamlit 1.67's `bind="query-params"` writes an option's formatted label to
    the URL (`?guideline=US+2018`), not its value, so a shared link carries labels.
    """
    names = {option.lower(): option for option in options}
    for option, shown in (labels or {}).items():
        if option in options:
            names.setdefault(" ".join(shown.lower().split()), option)
    return names


def _find(raw: str, names: Mapping[str, str]) -> str | None:
    return names.get(" ".join(raw.strip().lower().split()))


def choice(
    raw: str | None,
    *,
    label: str,
    options: Sequence[str],
    default: str,
    labels: Mapping[str, str] | None = None,
) -> Checked[str]:
    """Accept one of `options` or its label (case-insensitive), else the default with a note."""
    if raw is None:
        return Checked(default)
    found = _find(raw, _names(options, labels))
    if found is not None:
        return Checked(found)
    allowed = ", ".join(options)
    return Checked(
        default,
        f"The link's value for {label} ({echo(raw)}) is not one of {allowed}, "
        f"so {default} is shown.",
    )


def boolean(raw: str | None, *, label: str, default: bool) -> Checked[bool]:
    """Accept true/false, 1/0, yes/no or on/off, else the default with a note."""
    if raw is None:
        return Checked(default)
    wanted = raw.strip().lower()
    if wanted in _TRUE:
        return Checked(True)
    if wanted in _FALSE:
        return Checked(False)
    return Checked(
        default,
        f"The link's value for {label} ({echo(raw)}) should be true or false, "
        f"so {'on' if default else 'off'} is shown.",
    )


def optional_number(
    raw: str | None,
    *,
    label: str,
    lo: float,
    hi: float,
    integer: bool = True,
    clamp: bool = True,
) -> Checked[float | None]:
    """Like `number`, for an input that may be left empty (a test not done).

    A missing value stays empty; a value that is not a number is left empty with a note. A
    number outside [lo, hi] is clamped with a note, or, with `clamp=False` (a measurement,
    where a clamped value would be a made-up result), left empty with a note.
    """
    if raw is None:
        return Checked(None)
    checked = number(raw, label=label, lo=lo, hi=hi, default=math.nan, integer=integer)
    if math.isnan(checked.value):
        return Checked(
            None,
            f"The link's value for {label} ({echo(raw)}) is not a number, so it is left empty.",
        )
    if not clamp and not lo <= float(raw) <= hi:
        return Checked(
            None,
            f"{label} can only be from {_fmt(lo)} to {_fmt(hi)}; the link's {echo(raw)} "
            "is not possible, so it is left empty.",
        )
    return Checked(checked.value, checked.note)


def optional_choice(
    raw: str | None,
    *,
    label: str,
    options: Sequence[str],
    labels: Mapping[str, str] | None = None,
) -> Checked[str | None]:
    """Like `choice`, for a question that may be left unanswered."""
    if raw is None:
        return Checked(None)
    found = _find(raw, _names(options, labels))
    if found is not None:
        return Checked(found)
    return Checked(
        None,
        f"The link's value for {label} ({echo(raw)}) is not one of {', '.join(options)}, "
        "so it is left unanswered.",
    )


def text(raw: str | None, *, label: str, max_chars: int) -> Checked[str]:
    """Accept free text up to `max_chars` characters; a longer value is cut, with a note."""
    if raw is None:
        return Checked("")
    if len(raw) <= max_chars:
        return Checked(raw)
    return Checked(
        raw[:max_chars],
        f"The link's {label.lower()} was longer than {max_chars} characters, "
        f"so only the first {max_chars} are used.",
    )


def choices(
    raws: Sequence[str],
    *,
    label: str,
    options: Sequence[str],
    default: Sequence[str],
    labels: Mapping[str, str] | None = None,
) -> Checked[tuple[str, ...]]:
    """Accept several of `options` (or their labels), repeated or comma-separated (`mon,wed`).

    Unknown values are dropped with a note; repeats count once; the result keeps the order of
    `options`. A link that names none of the options falls back to `default`, with a note.
    """
    if not raws:
        return Checked(tuple(default))
    names = _names(options, labels)
    chosen: set[str] = set()
    unknown: list[str] = []
    for raw in raws:
        whole = _find(raw, names)  # a label may hold a comma ("Standing, body weight")
        parts = [raw] if whole is not None else [p for p in raw.split(",") if p.strip()]
        for part in parts:
            found = _find(part, names)
            if found is None:
                unknown.append(part.strip())
            else:
                chosen.add(found)
    value = tuple(option for option in options if option in chosen)
    if not value and unknown:
        return Checked(
            tuple(default),
            f"The link's values for {label} ({echo(unknown[0])}) are not among "
            f"{', '.join(options)}, so {', '.join(default)} are shown.",
        )
    if unknown:
        return Checked(
            value,
            f"The link's value {echo(unknown[0])} for {label} is not one of "
            f"{', '.join(options)}, so it was left out.",
        )
    return Checked(value)
