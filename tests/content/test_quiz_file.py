"""The real quiz: it loads, cites every number, rests on usable facts and reads plainly.

Docs tests in the sqlite-utils manner: they keep content/quiz.yaml in step with the sources
and with the fact sheet the numbers come from.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
import textstat
import yaml

from lib import content, quiz
from tests.conftest import CONTENT, LEDGER

PATH = CONTENT / "quiz.yaml"
SOURCES = content.load_sources(CONTENT / "sources.yaml")
QUIZ = quiz.load_quiz(PATH, SOURCES)
RAW = {entry["id"]: entry for entry in yaml.safe_load(PATH.read_text(encoding="utf-8"))}
# Above US grade 9 fails; the house aim is grade 8 (Flesch-Kincaid, via textstat).
MAX_GRADE = 9.0
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def test_the_quiz_has_ten_to_twenty_questions():
    """Long enough to teach, short enough for one lesson."""
    assert 10 <= len(QUIZ) <= 20


@pytest.mark.parametrize("question", QUIZ, ids=lambda q: q.id)
def test_every_number_in_an_explanation_is_cited(question):
    """No sentence block of an explanation states a number without a citation."""
    assert content.blocks_with_uncited_numbers(RAW[question.id]["explanation"]) == []


def _shown(question: quiz.Question) -> str:
    """What a reader sees before answering: the question and its choices."""
    return " ".join((question.question, *question.choices))


@pytest.mark.parametrize(
    "question", [q for q in QUIZ if re.search(r"\d", _shown(q))], ids=lambda q: q.id
)
def test_numbers_in_question_and_choices_are_explained_with_a_source(question):
    """A number a reader sees in the question or a choice reappears, cited, in the explanation."""
    explanation = RAW[question.id]["explanation"]
    shown = _shown(question)
    assert content.CITATION.search(explanation)
    missing = set(NUMBER.findall(shown)) - set(NUMBER.findall(explanation))
    assert not missing, f"{question.id}: {sorted(missing)} not in the explanation"


def test_every_source_resolves_to_an_entry_with_a_link():
    """Each cited source is in sources.yaml and links somewhere a reader can follow."""
    for question in QUIZ:
        for source_id in question.source_ids:
            link = SOURCES[source_id].link
            assert link, source_id
            assert re.match(r"https?://", link), source_id


def test_every_fact_id_exists_and_is_usable():
    """Each fact id is in the ledger, and none is unverified (those may not be shown)."""
    for question in QUIZ:
        assert set(question.fact_ids) <= set(LEDGER.facts), question.id
        flagged = [f for f in question.fact_ids if not LEDGER.facts[f].usable]
        assert not flagged, f"{question.id} rests on unverified facts {flagged}"


def test_at_least_four_questions_test_a_myth():
    """The quiz sets popular myths against the facts."""
    assert sum(q.myth for q in QUIZ) >= 4


def test_right_answers_are_not_all_in_one_place():
    """The right answer moves around, and no position holds most of them."""
    positions = Counter(q.answer for q in QUIZ)
    assert len(positions) > 1
    assert max(positions.values()) <= len(QUIZ) / 2


def test_reading_grade():
    """Questions and explanations read at US grade 9 or below (Flesch-Kincaid)."""
    text = "\n".join(f"{q.question}\n{content.plain_text(RAW[q.id]['explanation'])}" for q in QUIZ)
    grade = textstat.flesch_kincaid_grade(text)
    assert grade <= MAX_GRADE, f"quiz.yaml reads at grade {grade}"


def _right_is_longest(question: quiz.Question) -> bool:
    """The right choice is (one of) the longest: a test-wise class guesses it unread."""
    return len(question.correct_choice) >= max(len(c) for c in question.choices)


def test_the_longest_choice_is_seldom_the_right_one():
    """In at most a third of the questions is the right answer the longest (issue 16: 13 of 15)."""
    longest = [q.id for q in QUIZ if _right_is_longest(q)]
    assert len(longest) * 3 <= len(QUIZ), longest


def test_the_longest_check_counts_a_tie_as_longest():
    """A right answer as long as the longest wrong one still gives it away."""
    tie = quiz.Question(
        id="t", question="?", choices=("ab", "cd", "e"), answer=0, myth=False,
        explanation_html="", source_ids=(), fact_ids=(),
    )  # fmt: skip
    assert _right_is_longest(tie)
    assert not _right_is_longest(quiz.Question(**{**tie.__dict__, "answer": 2}))
