"""Unit tests of lib.glossary: loading, searching and rendering terms."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib import glossary
from lib.content import ContentError, Source
from lib.glossary import Term

SOURCES = {
    "s1": Source("s1", "NHS", "Page", 2020, "NHS", None, "https://nhs.uk/p", None, (), "", "found")
}

GOOD = """\
- term: Sarcopenia
  aliases: [sarcopenic]
  definition: Loss of muscle strength and mass with age.
  sources: [s1]
- term: Atrophy
  aliases: []
  definition: Shrinking of a muscle.
  sources: []
"""


def load(tmp_path: Path, text: str) -> tuple[Term, ...]:
    path = tmp_path / "glossary.yaml"
    path.write_text(text, encoding="utf-8")
    return glossary.load_glossary(path, SOURCES)


def test_terms_load_sorted(tmp_path):
    """Terms come back alphabetically with their aliases and sources."""
    terms = load(tmp_path, GOOD)
    assert [t.term for t in terms] == ["Atrophy", "Sarcopenia"]
    assert terms[1].aliases == ("sarcopenic",)
    assert terms[1].anchor == "sarcopenia"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{}", "a list of glossary entries"),
        ("- just text\n", "expected a mapping"),
        ("- definition: no term\n", "missing 'term'"),
        ("- term: Atrophy\n", "missing 'definition'"),
        (GOOD.replace("[s1]", "[nobody]"), "unknown source ids"),
        (GOOD.replace("Atrophy", "sarcopenia"), "defined twice"),
        (GOOD.replace("aliases: []", "aliases: atrophic"), "are lists"),
    ],
)
def test_bad_glossaries_are_refused(tmp_path, text, problem):
    """Every malformed entry is an error naming glossary.yaml."""
    with pytest.raises(ContentError, match=problem) as caught:
        load(tmp_path, text)
    assert str(caught.value).startswith("glossary.yaml: ")


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("", ["Atrophy", "Sarcopenia"]),
        ("   ", ["Atrophy", "Sarcopenia"]),
        ("SARCO", ["Sarcopenia"]),
        ("sarcopenic", ["Sarcopenia"]),
        ("shrinking", ["Atrophy"]),
        ("zebra", []),
    ],
)
def test_search_matches_term_alias_and_definition(tmp_path, query, found):
    """Search is case-insensitive over name, aliases and definition."""
    assert [t.term for t in glossary.search(load(tmp_path, GOOD), query)] == found


@given(st.text(max_size=80))
def test_search_returns_a_subset_in_order(query):
    """Any query returns terms from the list, in the list's order."""
    terms = (
        Term("Atrophy", (), "Shrinking.", ()),
        Term("Sarcopenia", ("sarcopenic",), "Loss with age.", ()),
    )
    result = glossary.search(terms, query)
    assert list(result) == [t for t in terms if t in result]


def test_html_escapes_and_links_sources():
    """Definitions are escaped and followed by links to their sources."""
    terms = (Term("A<b>", ("c&d",), "x < y", ("s1",)),)
    html = glossary.glossary_html(terms, SOURCES)
    assert "A&lt;b&gt;" in html
    assert "c&amp;d" in html
    assert "x &lt; y" in html
    assert 'href="https://nhs.uk/p"' in html
    assert 'id="a-b"' in html
