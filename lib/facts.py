"""The evidence ledger (`content/facts.yaml`): every health fact the explorer may show.

Each fact has an id (`PA-02`, `RF-11`), a paraphrased statement, its exact numbers, the
source ids in `content/sources.yaml` that back it, and a status: `verified` (checked in the
primary document or an official reproduction), `secondary` (only in a reliable secondary
copy) or `unverified` (its number may not be shown). A corrected fact says what changed and
why. Code cites fact ids in comments and results; the tests check every one exists here.

Everything here is pure: the ledger is read only from the path it is handed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Final, Literal, cast

import yaml

from lib.content import ContentError

Status = Literal["verified", "secondary", "unverified"]
STATUSES: Final[tuple[Status, ...]] = ("verified", "secondary", "unverified")
FACT_ID: Final = re.compile(r"(?:PA|PR|ML|DU|SC|RF|CO|EX)-\d{2}")

_FACT_KEYS: Final = frozenset(
    {
        "id",
        "section",
        "statement",
        "numbers",
        "values",
        "source",
        "sources",
        "status",
        "status_note",
        "corrected",
    }
)
_REQUIRED: Final = ("id", "section", "statement", "sources", "status")
_CORRECTION_KEYS: Final = frozenset({"date", "was", "why", "formerly"})


class _Bad(ValueError):
    """A problem in the ledger; `load_ledger` names the file in front of it."""


@dataclass(frozen=True)
class Correction:
    """What changed in a fact, when and why (and its old id, if it was renumbered)."""

    date: str
    was: str
    why: str
    formerly: str | None


@dataclass(frozen=True)
class Fact:
    """One fact of the ledger.

    Attributes:
        id: The fact id, e.g. "PA-02".
        section: The ledger section it belongs to, e.g. "1a".
        statement: The fact, paraphrased (thresholds and table values exact).
        numbers: The exact figures, or "" when the fact states none.
        values: A table row's figures by column ("men", "women", "action", "dose").
        source: The source as the fact sheet named it ("" when the section names it).
        source_ids: Ids in `content/sources.yaml` that back it.
        status: verified, secondary or unverified.
        status_note: Where it was checked ("" when not said).
        corrected: What was corrected, or None.
    """

    id: str
    section: str
    statement: str
    numbers: str
    values: Mapping[str, str]
    source: str
    source_ids: tuple[str, ...]
    status: Status
    status_note: str
    corrected: Correction | None

    @property
    def text(self) -> str:
        """Everything the fact states, as one string (statement, numbers, values)."""
        parts = [self.statement, self.numbers, *self.values.values()]
        return " | ".join(p for p in parts if p)

    @property
    def usable(self) -> bool:
        """Whether its numbers may be shown (verified or secondary)."""
        return self.status != "unverified"


@dataclass(frozen=True)
class Section:
    """A ledger section: its title and its caveats and how-to notes, as prose."""

    id: str
    title: str
    notes: str


@dataclass(frozen=True)
class Ledger:
    """The whole ledger: facts by id (in file order) and sections by id."""

    facts: Mapping[str, Fact]
    sections: Mapping[str, Section]

    def section_text(self, section_id: str) -> str:
        """A section's notes and every fact in it (and in its subsections, for "4")."""
        ids = [s for s in self.sections if s == section_id or s.rstrip("abcdefgh") == section_id]
        texts = [self.sections[s].notes for s in ids]
        texts += [f"{f.id} {f.text}" for f in self.facts.values() if f.section in ids]
        return "\n".join(texts)


def _text(where: str, value: object, *, optional: bool = False) -> str:
    if value is None and optional:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str) or not value.strip():
        raise _Bad(f"{where} must be a non-empty string")
    return value.strip()


def _correction(where: str, raw: object) -> Correction | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise _Bad(f"{where}: 'corrected' must be a mapping")
    unknown = sorted(set(raw) - _CORRECTION_KEYS)
    if unknown:
        raise _Bad(f"{where}: unknown 'corrected' fields {unknown}")
    return Correction(
        date=_text(f"{where}: corrected.date", raw.get("date")),
        was=_text(f"{where}: corrected.was", raw.get("was")),
        why=_text(f"{where}: corrected.why", raw.get("why")),
        formerly=_text(f"{where}: corrected.formerly", raw.get("formerly"), optional=True) or None,
    )


def _fact(where: str, raw: object, sections: Mapping[str, Section]) -> Fact:
    if not isinstance(raw, dict):
        raise _Bad(f"{where}: each fact must be a mapping")
    unknown = sorted(set(raw) - _FACT_KEYS)
    missing = [k for k in _REQUIRED if k not in raw]
    if unknown or missing:
        raise _Bad(f"{where}: unknown fields {unknown}, missing fields {missing}")
    fact_id = _text(f"{where}: id", raw["id"])
    where = f"{where} ({fact_id})"
    if not FACT_ID.fullmatch(fact_id):
        raise _Bad(f"{where}: malformed fact id (expected e.g. PA-02)")
    section = _text(f"{where}: section", raw["section"])
    if section not in sections:
        raise _Bad(f"{where}: unknown section {section!r}")
    status = raw["status"]
    if status not in STATUSES:
        raise _Bad(f"{where}: 'status' must be one of {list(STATUSES)}")
    sources = raw["sources"]
    if not isinstance(sources, list) or not all(isinstance(s, str) and s for s in sources):
        raise _Bad(f"{where}: 'sources' must be a list of source ids")
    values = raw.get("values") or {}
    if not isinstance(values, dict):
        raise _Bad(f"{where}: 'values' must be a mapping")
    return Fact(
        id=fact_id,
        section=section,
        statement=_text(f"{where}: statement", raw["statement"]),
        numbers=_text(f"{where}: numbers", raw.get("numbers"), optional=True),
        values=MappingProxyType(
            {str(k): _text(f"{where}: values.{k}", v) for k, v in values.items()}
        ),
        source=_text(f"{where}: source", raw.get("source"), optional=True),
        source_ids=tuple(sources),
        status=cast(Status, status),
        status_note=_text(f"{where}: status_note", raw.get("status_note"), optional=True),
        corrected=_correction(where, raw.get("corrected")),
    )


def parse_ledger(text: str, path: Path) -> Ledger:
    """Parse and check the ledger's YAML (`path` names the file in errors).

    Raises:
        ContentError: the YAML is malformed, a field is missing, unknown or of the wrong
            type, a fact id is malformed or repeated, or a fact names an unknown section.
    """
    try:
        return _parse(yaml.safe_load(text))
    except yaml.YAMLError as exc:
        raise ContentError(path, f"not valid YAML ({exc})") from exc
    except _Bad as exc:
        raise ContentError(path, str(exc)) from exc


def _parse(data: object) -> Ledger:
    where = "ledger"
    if not isinstance(data, dict) or set(data) != {"facts", "sections"}:
        raise _Bad(f"{where}: expected exactly the keys 'facts' and 'sections'")
    raw_sections, raw_facts = data["sections"], data["facts"]
    if not isinstance(raw_sections, list) or not isinstance(raw_facts, list):
        raise _Bad(f"{where}: 'facts' and 'sections' must be lists")
    sections: dict[str, Section] = {}
    for i, raw in enumerate(raw_sections):
        if not isinstance(raw, dict) or not {"id", "title"} <= set(raw) <= {"id", "title", "notes"}:
            raise _Bad(f"{where}: section {i + 1} needs 'id', 'title' (and 'notes')")
        sid = _text(f"{where}: section id", raw["id"])
        if sid in sections:
            raise _Bad(f"{where}: section {sid!r} is defined twice")
        notes = _text(f"{where}: notes", raw.get("notes"), optional=True)
        sections[sid] = Section(sid, _text(f"{where}: title", raw["title"]), notes)
    facts: dict[str, Fact] = {}
    for i, raw in enumerate(raw_facts):
        fact = _fact(f"fact {i + 1}", raw, sections)
        if fact.id in facts:
            raise _Bad(f"{where}: fact {fact.id} is defined twice")
        facts[fact.id] = fact
    return Ledger(MappingProxyType(facts), MappingProxyType(sections))


def load_ledger(path: Path) -> Ledger:
    """Read and check the ledger file at `path` (errors name the file)."""
    return parse_ledger(path.read_text(encoding="utf-8"), path)
