"""The quiz in class (`/quiz?present=1`) under AppTest: one question a screen, vote, reveal."""

from __future__ import annotations

import re

import pytest

from lib import content, quiz
from tests.app.test_pages import open_page
from tests.conftest import CONTENT

SOURCES = content.load_sources(CONTENT / "sources.yaml")
QUESTIONS = quiz.load_quiz(CONTENT / "quiz.yaml", SOURCES)
RIGHT = "(the right answer)"


def _html(at) -> str:
    return "\n".join(str(e.proto.body) for e in at.get("html"))


def _shown(at) -> str:
    return "\n".join(str(m.value) for m in at.markdown) + _html(at)


def _button(at, label: str):
    return next(b for b in at.button if b.label == label)


def _labels(at) -> list[str]:
    return [b.label for b in at.button]


def test_one_question_and_no_answer_until_the_presenter_reveals_it():
    at = open_page("pages/quiz.py", {"present": "1"})
    assert not at.exception
    assert not [r for r in at.radio if r.key and r.key.startswith("quiz_")]
    first, second = QUESTIONS[0], QUESTIONS[1]
    assert first.question in _shown(at)
    assert second.question not in _shown(at)
    assert "Question 1 of 15" in _shown(at)
    for choice in first.choices:
        assert choice in _html(at)
    assert RIGHT not in _html(at)
    assert 'class="lme-quiz-explanation"' not in _html(at)
    assert "Next question" not in _labels(at)
    _button(at, "Reveal the answer").click().run()
    assert RIGHT in _html(at)
    right = re.search(r'<li class="lme-quiz-right"><strong>(.*?)</strong>', _html(at))
    assert right is not None
    assert right[1].endswith(first.correct_choice)
    assert 'class="lme-quiz-explanation"' in _html(at)
    assert at.query_params["question"] == "1"


def test_next_goes_on_unrevealed_and_previous_comes_back_revealed():
    at = open_page("pages/quiz.py", {"present": "1"})
    _button(at, "Reveal the answer").click().run()
    _button(at, "Next question").click().run()
    assert QUESTIONS[1].question in _shown(at)
    assert RIGHT not in _html(at)
    assert at.query_params["question"] == "2"
    _button(at, "Previous").click().run()
    assert QUESTIONS[0].question in _shown(at)
    assert RIGHT in _html(at)
    assert _button(at, "Previous").disabled


def test_the_last_question_has_no_next():
    at = open_page("pages/quiz.py", {"present": "1", "question": str(len(QUESTIONS))})
    _button(at, "Reveal the answer").click().run()
    assert "Next question" not in _labels(at)
    assert not at.exception


@pytest.mark.parametrize(
    ("raw", "number"),
    [("1", 1), ("4", 4), ("15", 15), ("16", 15), ("99", 15), ("999", 15), ("0", 1), ("-3", 1),
     ("abc", 1), ("", 1), ("2.7", 3)],
)  # fmt: skip
def test_a_link_opens_at_its_question_clamped(raw, number):
    at = open_page("pages/quiz.py", {"present": "1", "question": raw})
    assert not at.exception
    assert QUESTIONS[number - 1].question in _shown(at)
    assert f"Question {number} of {len(QUESTIONS)}" in _shown(at)


@pytest.mark.parametrize("number", range(1, len(QUESTIONS) + 1))
def test_no_internal_fact_id_is_projected(number):
    at = open_page("pages/quiz.py", {"present": "1", "question": str(number)})
    _button(at, "Reveal the answer").click().run()
    shown = _shown(at)
    assert 'class="lme-quiz-explanation"' in shown
    assert "Fact ids" not in shown
    for fact in QUESTIONS[number - 1].fact_ids:
        assert fact not in shown


def test_without_present_the_quiz_offers_the_class_mode():
    at = open_page("pages/quiz.py")
    assert [r for r in at.radio if r.key and r.key.startswith("quiz_")]
    links = [p for p in at.get("page_link") if "present=1" in p.proto.query_string]
    assert links
