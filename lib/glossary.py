"""The glossary: plain-language definitions of the words the explorer uses."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from lib import tel
from lib.content import ContentError, Source, read_yaml


@dataclass(frozen=True)
class Term:
    """One glossary entry."""

    term: str
    aliases: tuple[str, ...]
    definition: str
    sources: tuple[str, ...]

    @property
    def anchor(self) -> str:
        """A stable fragment id for links such as `/glossary#sarcopenia`."""
        return re.sub(r"[^a-z0-9]+", "-", self.term.lower()).strip("-")


def load_glossary(path: Path, sources: Mapping[str, Source]) -> tuple[Term, ...]:
    """Read `glossary.yaml`, sorted alphabetically.

    Raises:
        ContentError: the file is not a list of entries with term and definition, a term is
            repeated, or an entry cites an unknown source id.
    """
    data = read_yaml(path)
    if not isinstance(data, list) or not data:
        raise ContentError(path, "expected a list of glossary entries")
    terms: list[Term] = []
    seen: set[str] = set()
    for number, entry in enumerate(data, start=1):
        where = f"entry {number}"
        if not isinstance(entry, dict):
            raise ContentError(path, f"{where}: expected a mapping")
        term, definition = entry.get("term"), entry.get("definition")
        if not isinstance(term, str) or not term.strip():
            raise ContentError(path, f"{where}: missing 'term'")
        if not isinstance(definition, str) or not definition.strip():
            raise ContentError(path, f"{where} ({term}): missing 'definition'")
        aliases = entry.get("aliases") or []
        cited = entry.get("sources") or []
        if not isinstance(aliases, list) or not isinstance(cited, list):
            raise ContentError(path, f"{where} ({term}): 'aliases' and 'sources' are lists")
        unknown = [s for s in cited if s not in sources]
        if unknown:
            raise ContentError(path, f"{where} ({term}): unknown source ids {unknown}")
        if term.lower() in seen:
            raise ContentError(path, f"{where}: {term!r} is defined twice")
        seen.add(term.lower())
        terms.append(
            Term(
                term=term.strip(),
                aliases=tuple(str(a) for a in aliases),
                definition=definition.strip(),
                sources=tuple(str(s) for s in cited),
            )
        )
    return tuple(sorted(terms, key=lambda t: t.term.lower()))


def search(terms: Sequence[Term], query: str) -> tuple[Term, ...]:
    """Terms whose name, aliases or definition contain `query` (case-insensitive).

    An empty or blank query returns every term.
    """
    needle = query.strip().lower()
    if not needle:
        return tuple(terms)
    return tuple(
        t
        for t in terms
        if needle in t.term.lower()
        or any(needle in a.lower() for a in t.aliases)
        or needle in t.definition.lower()
    )


def glossary_html(terms: Sequence[Term], sources: Mapping[str, Source]) -> str:
    """The terms as an HTML definition list, each definition followed by its sources."""
    items = []
    for t in terms:
        also = f' <span class="also">(also: {html.escape(", ".join(t.aliases))})</span>'
        cites = "".join(
            f' <a class="src" href="{html.escape(sources[s].link or "", quote=True)}"'
            f' rel="noopener noreferrer">'
            f"{html.escape(sources[s].authors)} {sources[s].year or 'n.d.'}</a>"
            for s in t.sources
            if sources[s].link
        )
        items.append(
            f'<dt id="{t.anchor}">{html.escape(t.term)}{also if t.aliases else ""}</dt>'
            f"<dd>{tel.html_text(html.escape(t.definition))}{cites}</dd>"
        )
    return f'<dl class="lme-glossary">{"".join(items)}</dl>'
