"""Unit tests of lib.tel: emergency numbers become tap-to-call links, and nothing else does."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib import content, glossary, redflags, tel


def test_the_numbers_are_the_checklists_numbers():
    assert set(tel.EMERGENCY_DIGITS) == set(redflags.EMERGENCY_NUMBERS.values())


MARKDOWN_CASES = [
    ("Call 999 now.", "Call [999](tel:999) now."),
    (
        "Call 999 (UK), 911 (US) or 112 (EU) now.",
        "Call [999](tel:999) (UK), [911](tel:911) (US) or [112](tel:112) (EU) now.",
    ),
    ("**Call 911 now.**", "**Call [911](tel:911) now.**"),
    ("(999/911/112)", "([999](tel:999)/[911](tel:911)/[112](tel:112))"),
    ("https://example.org/112 and /911/x", "https://example.org/112 and /911/x"),
    ("Call [999](tel:999) now.", "Call [999](tel:999) now."),  # already a link
    (
        "See [the 112 page](https://example.org/112).",
        "See [the 112 page](https://example.org/112).",
    ),
    ("Cited [@ec-112].", "Cited [@ec-112]."),  # a source id
    ("ec-112", "ec-112"),
    ("In 1999 and 9112, 112.5 mg, 1,112 people", "In 1999 and 9112, 112.5 mg, 1,112 people"),
    ("`911`", "`911`"),  # code
    ("Room 999b", "Room 999b"),
    ("Call 999.", "Call [999](tel:999)."),  # a full stop after it is not a decimal
    ("Call 111 or 999", "Call 111 or [999](tel:999)"),  # NHS 111 is not an emergency number
    ("", ""),
]


@pytest.mark.parametrize(("text", "linked"), MARKDOWN_CASES)
def test_markdown(text, linked):
    assert tel.markdown(text) == linked


def test_parser_links_numbers_in_articles_but_not_in_links_or_code():
    md = content.make_parser()
    html = md.render(
        "Call 999 (UK) now [@ec-112]. [Call 911](tel:911). `112` and 1999.\n\n"
        "| Who | Call |\n|---|---|\n| EU | 112 |\n",
        {"sources": {}},
    )
    assert html.count('href="tel:999"') == 1
    assert html.count('href="tel:911"') == 1  # the author's own link, not doubled
    assert '<a href="tel:112">112</a></td>' in html  # in a table cell too
    assert "<code>112</code>" in html
    assert "1999" in html
    assert "tel:1999" not in html


def test_html_text_and_the_glossary():
    assert tel.html_text("call 999 &amp; 112") == (
        'call <a href="tel:999">999</a> &amp; <a href="tel:112">112</a>'
    )
    term = glossary.Term(term="Stroke", aliases=(), definition="Call 999 (UK).", sources=())
    assert '<dd>Call <a href="tel:999">999</a> (UK).' in glossary.glossary_html([term], {})


def test_only_emergency_numbers_have_an_href():
    with pytest.raises(ValueError, match="not an emergency number"):
        tel.href("111")


@given(st.text(alphabet=st.sampled_from(list("9112 ()[]-.,:/@`abc\n*")), max_size=60))
def test_markdown_is_idempotent_and_keeps_the_words(text):
    """Any text: linking twice is linking once, and removing the links gives the text back."""
    once = tel.markdown(text)
    assert tel.markdown(once) == once
    assert re.sub(r"\[(999|911|112)\]\(tel:\1\)", r"\1", once) == text
