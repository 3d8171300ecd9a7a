"""Unit tests of lib.quiz: loading and checking questions, ordering them, scoring answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib import quiz
from lib.content import ContentError, Source
from lib.quiz import Question, Score

SOURCES = {
    "s1": Source("s1", "NHS", "Page", 2020, "NHS", None, "https://nhs.uk/p", None, (), "", "found"),
    "s2": Source(
        "s2",
        "Bauer J, et al.",
        "Protein",
        2013,
        "JAMDA",
        None,
        None,
        "10.1/x",
        ("PR-02",),
        "",
        "verified",
    ),
}

GOOD = """\
- id: protein-rda
  question: "What is the adult protein RDA?"
  choices: ["0.8 g per kg", "1.6 g per kg", "2 g per kg"]
  answer: 0
  myth: true
  explanation: >-
    The RDA is 0.8 g per kg a day [@s1]. Older adults may need more [@s2].
  sources: [s1, s2]
  facts: [PR-01, PR-02]
- id: falls
  question: "Does exercise lower falls?"
  choices: ["No", "Yes", "Only tai chi", "Only walking"]
  answer: 1
  myth: false
  explanation: "Yes, it lowers the rate of falls [@s1]."
  sources: [s1]
  facts: []
"""


def load(tmp_path: Path, text: str) -> tuple[Question, ...]:
    path = tmp_path / "quiz.yaml"
    path.write_text(text, encoding="utf-8")
    return quiz.load_quiz(path, SOURCES)


def make(n: int, answers: list[int] | None = None) -> tuple[Question, ...]:
    """`n` three-choice questions with ids q0, q1, ... (no file needed)."""
    keys = answers if answers is not None else [i % 3 for i in range(n)]
    return tuple(
        Question(
            id=f"q{i}",
            question=f"Question {i}?",
            choices=("a", "b", "c"),
            answer=keys[i],
            myth=False,
            explanation_html="<p>Because.</p>",
            source_ids=("s1",),
            fact_ids=(),
        )
        for i in range(n)
    )


# --- loading -------------------------------------------------------------------------------


def test_good_quiz_loads_in_file_order(tmp_path):
    """Questions keep the file's order, fields and sources in order of citation."""
    first, second = load(tmp_path, GOOD)
    assert first.id == "protein-rda"
    assert first.choices == ("0.8 g per kg", "1.6 g per kg", "2 g per kg")
    assert first.answer == 0
    assert first.correct_choice == "0.8 g per kg"
    assert first.myth is True
    assert first.source_ids == ("s1", "s2")
    assert first.fact_ids == ("PR-01", "PR-02")
    assert second.id == "falls"
    assert second.myth is False
    assert second.fact_ids == ()


def test_explanation_renders_citations_and_a_source_list(tmp_path):
    """Citations become linked numbers pointing at this question's own source list."""
    html = load(tmp_path, GOOD)[0].explanation_html
    assert '<sup class="cite"><a href="#quiz-protein-rda-src-1"' in html
    assert 'href="#quiz-protein-rda-src-2"' in html
    assert '<li id="quiz-protein-rda-src-1" tabindex="-1">' in html
    assert 'href="https://nhs.uk/p"' in html
    assert 'href="https://doi.org/10.1/x"' in html
    assert 'id="src-' not in html
    assert "[@" not in html


def test_anchors_differ_between_questions(tmp_path):
    """Two explanations on one page never share an anchor id."""
    first, second = load(tmp_path, GOOD)
    assert 'id="quiz-protein-rda-src-1"' in first.explanation_html
    assert 'id="quiz-falls-src-1"' in second.explanation_html


def test_raw_html_in_an_explanation_shows_as_text(tmp_path):
    """The parser has raw HTML off: a script tag is escaped, not run."""
    text = GOOD.replace(
        '"Yes, it lowers the rate of falls [@s1]."',
        '"<script>alert(1)</script> Yes [@s1]."',
    )
    html = load(tmp_path, text)[1].explanation_html
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "expected a list of questions"),
        ("{}", "expected a list of questions"),
        ("- just text\n", "question 1: expected a mapping"),
        (GOOD.replace("id: falls", "id: Falls Q"), "question 2: 'id' must be a slug"),
        (GOOD.replace("- id: falls", "- ident: falls"), "question 2: 'id' must be a slug"),
        (GOOD.replace("id: falls", "id: protein-rda"), "'protein-rda': the id is used twice"),
        (GOOD.replace("  myth: false\n", ""), "'falls': missing \\['myth'\\]"),
        (GOOD.replace("  facts: []\n", "  facts: []\n  hint: x\n"), "unknown fields \\['hint'\\]"),
        (GOOD.replace('"Does exercise lower falls?"', '"  "'), "'question' must be non-empty"),
        (GOOD.replace('"Yes, it lowers the rate of falls [@s1]."', "''"), "'explanation'"),
        (GOOD.replace(', "Only tai chi", "Only walking"', ""), "'choices' must list 3 or 4"),
        (GOOD.replace('"Only walking"', '"Only walking", "Only dance"'), "must list 3 or 4"),
        (GOOD.replace('["No", "Yes", "Only tai chi", "Only walking"]', '"No"'), "3 or 4"),
        (GOOD.replace('"Only walking"', '"yes"'), "'falls': the choices must be distinct"),
        (GOOD.replace('"Only walking"', '" "'), "every choice must be non-empty"),
        (GOOD.replace('"Only walking"', "7"), "every choice must be non-empty"),
        (GOOD.replace("answer: 1", "answer: 4"), "'falls': 'answer' 4 is out of range 0-3"),
        (GOOD.replace("answer: 1", "answer: -1"), "'answer' -1 is out of range"),
        (GOOD.replace("answer: 0", "answer: 3"), "'protein-rda': 'answer' 3 is out of range"),
        (GOOD.replace("answer: 1", 'answer: "1"'), "'answer' must be a whole number"),
        (GOOD.replace("answer: 1", "answer: 1.0"), "'answer' must be a whole number"),
        (GOOD.replace("answer: 1", "answer: true"), "'answer' must be a whole number"),
        (GOOD.replace("myth: false", "myth: maybe"), "'myth' must be true or false"),
        (GOOD.replace("myth: false", "myth: 0"), "'myth' must be true or false"),
        (GOOD.replace("sources: [s1]\n", "sources: [nobody]\n"), "unknown source ids"),
        (GOOD.replace("sources: [s1]\n", "sources: s1\n"), "'sources' must be a list"),
        (GOOD.replace("sources: [s1]\n", "sources: [s1, s1]\n"), "'sources' lists an id twice"),
        (GOOD.replace("sources: [s1]\n", "sources: [s1, s2]\n"), "differ from the ids cited"),
        (GOOD.replace("sources: [s1, s2]", "sources: [s1]"), "differ from the ids cited"),
        (GOOD.replace("falls [@s1]", "falls [@nobody]"), "cites unknown source ids"),
        (GOOD.replace("falls [@s1]", "falls"), "'falls': the explanation cites no source"),
        (GOOD.replace("facts: []", "facts: [PA2]"), "malformed fact ids \\['PA2'\\]"),
        (GOOD.replace("facts: []", "facts: [pr-01]"), "malformed fact ids"),
        (GOOD.replace("facts: []", "facts: PR-01"), "'facts' must be a list"),
        (GOOD.replace("facts: []", "facts: [PR-01, PR-01]"), "'facts' lists an id twice"),
        ("- id: [unclosed\n", "not valid YAML"),
    ],
)
def test_broken_quizzes_are_refused(tmp_path, text, problem):
    """Every malformed question is an error naming quiz.yaml (and the question, when known)."""
    with pytest.raises(ContentError, match=problem) as caught:
        load(tmp_path, text)
    assert str(caught.value).startswith("quiz.yaml: ")


def test_a_missing_file_is_refused(tmp_path):
    """A quiz file that is not there is a ContentError naming it."""
    with pytest.raises(ContentError, match=r"quiz\.yaml: file not found"):
        quiz.load_quiz(tmp_path / "quiz.yaml", SOURCES)


# --- ordering ------------------------------------------------------------------------------


def test_no_seed_keeps_the_file_order():
    """Without a seed, a class sees the questions in the file's order."""
    questions = make(6)
    assert quiz.ordered(questions, None) == questions


def test_a_seed_shuffles_questions_not_choices():
    """A seed moves whole questions; each keeps its choices and its right answer."""
    questions = make(12)
    shuffled = quiz.ordered(questions, 7)
    assert shuffled != questions
    by_id = {q.id: q for q in questions}
    assert all(q == by_id[q.id] for q in shuffled)


@given(st.integers(min_value=0, max_value=30), st.one_of(st.none(), st.integers()))
def test_ordered_is_a_permutation(n, seed):
    """Ordering never loses, adds or repeats a question."""
    questions = make(n)
    result = quiz.ordered(questions, seed)
    assert sorted(q.id for q in result) == sorted(q.id for q in questions)
    assert len(result) == n


@given(st.integers(min_value=0, max_value=30), st.integers())
def test_ordered_is_deterministic_per_seed(n, seed):
    """The same seed always gives the same order, so a shared link shows the same quiz."""
    questions = make(n)
    assert quiz.ordered(questions, seed) == quiz.ordered(questions, seed)


# --- scoring -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({}, Score(0, 0, 3)),
        ({"q0": 0, "q1": 1, "q2": 2}, Score(3, 3, 3)),
        ({"q0": 1, "q1": 1, "q2": 0}, Score(1, 3, 3)),
        ({"q0": 0, "q1": None}, Score(1, 1, 3)),
        ({"q0": 0, "nobody": 0}, Score(1, 1, 3)),
        ({"q0": 3, "q1": -1, "q2": 99}, Score(0, 0, 3)),
        ({"q0": True, "q1": False}, Score(0, 0, 3)),
        ({"q0": "0", "q1": 1.0}, Score(0, 0, 3)),
    ],
)
def test_score_counts_valid_answers_only(answers, expected):
    """Unknown ids, out-of-range indexes and non-integers count as not answered."""
    assert quiz.score(make(3), answers) == expected


@pytest.mark.parametrize(
    ("result", "words"),
    [
        (Score(8, 15, 15), "You got 8 of 15 right."),
        (Score(0, 15, 15), "You got 0 of 15 right."),
        (Score(3, 14, 15), "You got 3 of 15 right. 1 question is not answered yet."),
        (Score(3, 5, 15), "You got 3 of 15 right. 10 questions are not answered yet."),
        (Score(0, 0, 0), "There are no questions to score."),
    ],
)
def test_score_summary_in_words(result, words):
    """The summary says the score the way a person would."""
    assert result.summary == words


HOSTILE = st.one_of(
    st.none(),
    st.integers(),
    st.booleans(),
    st.floats(allow_nan=True),
    st.text(max_size=5),
    st.lists(st.integers(), max_size=2),
)


@given(
    st.lists(st.integers(min_value=0, max_value=2), max_size=20),
    st.dictionaries(
        st.one_of(st.sampled_from([f"q{i}" for i in range(20)]), st.text(max_size=8)),
        HOSTILE,
        max_size=30,
    ),
)
def test_score_never_raises_and_stays_in_bounds(keys, answers):
    """Whatever arrives as answers, 0 <= correct <= answered <= total."""
    questions = make(len(keys), keys)
    result = quiz.score(questions, answers)
    assert 0 <= result.correct <= result.answered <= result.total == len(questions)
    assert result.summary


@given(st.lists(st.integers(min_value=0, max_value=2), min_size=1, max_size=20))
def test_answering_with_the_key_scores_full_marks(keys):
    """Choosing every right answer scores every question right."""
    questions = make(len(keys), keys)
    result = quiz.score(questions, {q.id: q.answer for q in questions})
    assert result == Score(len(keys), len(keys), len(keys))
    assert all(q.is_correct(q.answer) for q in questions)
    assert not any(q.is_correct(None) or q.is_correct(True) for q in questions)
