"""The warning signs in short, for printouts: a few plain lines per urgency.

The full checklist (`lib.redflags`, `content/redflags.yaml`) holds 45 signs; printed whole,
it shrank a one-page handout's type to below 7 pt. The print form
(`content/redflags_print.yaml`) says the same in a few lines per urgency (call the emergency
number now, get help today, book an appointment), each line naming the checklist signs it
stands for. This module reads it and checks it against the checklist: an id that is not on
the checklist, or a line that covers a sign of another urgency, is an error in the file.

A sign that no line covers yet (one added to the checklist later) is never dropped: `printed`
adds its own checklist wording to its urgency's lines, and `uncovered` names it, so that the
tests fail until the print form covers it in words of its own.

Pure, like `lib.redflags`: the caller hands in the path; `load_print_form` checks the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from lib import redflags
from lib.content import ContentError, read_yaml
from lib.redflags import Checklist, Country, RedFlag, Urgency

PRINT_FORM_PATH: Final = Path(__file__).resolve().parents[1] / "content" / "redflags_print.yaml"
# The order the blocks are printed in: the most urgent first.
ORDER: Final = (Urgency.EMERGENCY, Urgency.URGENT, Urgency.APPOINTMENT)

_TOP_KEYS: Final = frozenset({"print_form"})
_FORM_KEYS: Final = frozenset({*redflags.URGENCY_NAMES, "not_complete"})
_BLOCK_KEYS: Final = frozenset({"heading", "lines"})
_LINE_KEYS: Final = frozenset({"covers", "text"})
_A_NUMBER: Final = re.compile(r"(?<!\d)(?:999|911|112)(?!\d)")
_BRACES: Final = re.compile(r"\{[^}]*\}|[{}]")


@dataclass(frozen=True)
class PrintLine:
    """One printed line and the checklist signs (ids) it stands for."""

    text: str
    covers: tuple[str, ...]


@dataclass(frozen=True)
class PrintBlock:
    """The lines of one urgency under their heading (`{number}` not yet filled in)."""

    urgency: Urgency
    heading: str
    lines: tuple[PrintLine, ...]


@dataclass(frozen=True)
class PrintForm:
    """The whole print form: a block per urgency, most urgent first, and the closing line."""

    blocks: tuple[PrintBlock, ...]
    not_complete: str

    def covered(self) -> dict[str, Urgency]:
        """Each covered sign's id and the urgency of the block that covers it."""
        return {i: b.urgency for b in self.blocks for line in b.lines for i in line.covers}


@dataclass(frozen=True)
class PrintedBlock:
    """One urgency as printed: its heading, its lines and, for same-day help, where to go
    in the reader's country ("" for the other urgencies); numbers filled in."""

    urgency: Urgency
    heading: str
    lines: tuple[str, ...]
    where: str = ""


@dataclass(frozen=True)
class PrintedSigns:
    """The warning signs as a printout shows them for one country.

    Attributes:
        number: The country's emergency number, the only one printed.
        blocks: Emergency, urgent and appointment, in that order.
        closing: The list is not complete: get help for anything sudden or worrying.
        source_ids: The sources of every sign printed, once each, in checklist order.
    """

    number: str
    blocks: tuple[PrintedBlock, ...]
    closing: str
    source_ids: tuple[str, ...]


class _Bad(ValueError):
    """A problem in the print form; `load_print_form` names the file in front of it."""


def _text(where: str, value: object, *, number: bool) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Bad(f"{where} must be non-empty text")
    text = " ".join(value.split())
    if _A_NUMBER.search(text):
        raise _Bad(f"{where} names an emergency number: write {redflags.NUMBER} instead")
    braces = [b for b in _BRACES.findall(text) if not (number and b == redflags.NUMBER)]
    if braces:
        allowed = f"only {redflags.NUMBER} is allowed" if number else "no placeholder here"
        raise _Bad(f"{where} has {braces[0]!r}: {allowed}")
    return text


def _line(where: str, raw: object, urgency: Urgency, signs: dict[str, RedFlag]) -> PrintLine:
    if not isinstance(raw, dict) or set(raw) != _LINE_KEYS:
        raise _Bad(f"{where}: must give exactly {sorted(_LINE_KEYS)}")
    covers = raw["covers"]
    if not isinstance(covers, list) or not covers or not all(isinstance(c, str) for c in covers):
        raise _Bad(f"{where}: covers must list checklist ids, e.g. [RF-01a]")
    if len(set(covers)) != len(covers):
        raise _Bad(f"{where}: covers names an id twice")
    for sign_id in covers:
        sign = signs.get(sign_id)
        if sign is None:
            raise _Bad(f"{where}: {sign_id} is not on the checklist (content/redflags.yaml)")
        if sign.urgency is not urgency:
            raise _Bad(
                f"{where}: {sign_id} is {sign.urgency.name.lower()} on the checklist, "
                f"not {urgency.name.lower()}"
            )
    return PrintLine(_text(f"{where}: text", raw["text"], number=True), tuple(covers))


def parse_print_form(data: object, checklist: Checklist) -> PrintForm:
    """Check the print form's parsed YAML against `checklist` and build it (errors are
    `_Bad`, without the file's name)."""
    if not isinstance(data, dict) or set(data) != _TOP_KEYS:
        raise _Bad(f"expected exactly the keys {sorted(_TOP_KEYS)}")
    form = data["print_form"]
    if not isinstance(form, dict) or set(form) != _FORM_KEYS:
        raise _Bad(f"print_form must give exactly {sorted(_FORM_KEYS)}")
    signs = {f.id: f for f in checklist.flags}
    blocks: list[PrintBlock] = []
    seen: set[str] = set()
    for urgency in ORDER:
        name = urgency.name.lower()
        raw = form[name]
        if not isinstance(raw, dict) or set(raw) != _BLOCK_KEYS:
            raise _Bad(f"print_form.{name} must give exactly {sorted(_BLOCK_KEYS)}")
        raw_lines = raw["lines"]
        if not isinstance(raw_lines, list) or not raw_lines:
            raise _Bad(f"print_form.{name}.lines must be a non-empty list")
        lines = tuple(
            _line(f"print_form.{name}, line {n}", line, urgency, signs)
            for n, line in enumerate(raw_lines, start=1)
        )
        for line in lines:
            twice = seen.intersection(line.covers)
            if twice:
                raise _Bad(f"print_form.{name}: {sorted(twice)[0]} is covered by two lines")
            seen.update(line.covers)
        heading = _text(f"print_form.{name}.heading", raw["heading"], number=True)
        blocks.append(PrintBlock(urgency, heading, lines))
    if redflags.NUMBER not in blocks[0].heading:
        raise _Bad(f"print_form.emergency.heading must name the number: write {redflags.NUMBER}")
    return PrintForm(
        blocks=tuple(blocks),
        not_complete=_text("print_form.not_complete", form["not_complete"], number=False),
    )


def load_print_form(path: Path = PRINT_FORM_PATH, checklist: Checklist | None = None) -> PrintForm:
    """Read the print form at `path` and check it against `checklist` (default: the
    repository's, `redflags.CHECKLIST`).

    Raises:
        ContentError: naming the file, when it is missing or not YAML, a key is missing or
            unknown, a text is empty, names an emergency number or has a placeholder other
            than `{number}`, a line covers an id that is not on the checklist or a sign of
            another urgency, or two lines cover the same sign.
    """
    chosen = redflags.CHECKLIST if checklist is None else checklist
    data = read_yaml(path)
    try:
        return parse_print_form(data, chosen)
    except _Bad as exc:
        raise ContentError(path, str(exc)) from exc


def uncovered(form: PrintForm, checklist: Checklist | None = None) -> tuple[RedFlag, ...]:
    """The checklist's signs that no line of the print form covers, in checklist order."""
    covered = form.covered()
    chosen = redflags.CHECKLIST if checklist is None else checklist
    return tuple(f for f in chosen.flags if f.id not in covered)


def printed(country: Country, form: PrintForm, checklist: Checklist | None = None) -> PrintedSigns:
    """The print form for `country`: its number filled in, the same-day help of that
    country under the urgent block, and any sign the form does not cover yet added in its
    own checklist wording to its urgency's block (so no sign is ever left off)."""
    chosen = redflags.CHECKLIST if checklist is None else checklist
    number = redflags.EMERGENCY_NUMBERS[country]
    wording = chosen.countries[country]
    missing = uncovered(form, chosen)
    blocks = []
    for block in form.blocks:
        lines = [line.text for line in block.lines]
        lines += [_sentence(f.symptom) for f in missing if f.urgency is block.urgency]
        blocks.append(
            PrintedBlock(
                urgency=block.urgency,
                heading=block.heading.replace(redflags.NUMBER, number),
                lines=tuple(line.replace(redflags.NUMBER, number) for line in lines),
                where=wording.urgent.replace(redflags.NUMBER, number)
                if block.urgency is Urgency.URGENT
                else "",
            )
        )
    closing = form.not_complete
    return PrintedSigns(
        number=number,
        blocks=tuple(blocks),
        closing=closing,
        source_ids=tuple(dict.fromkeys(s for f in chosen.flags for s in f.source_ids)),
    )


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else f"{text}."
