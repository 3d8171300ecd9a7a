"""The quiz: multiple-choice questions on leg muscle, popular myths against the facts.

`content/quiz.yaml` holds the questions. Each has three or four choices, one of them right,
and a short Markdown explanation that cites its sources as articles do (`[@source_id]`). The
explanation is rendered with the project's one parser, its citations as linked numbers, and
ends with its own short source list.

Everything here is pure: the file is read only from the path the caller hands in, a shuffle
happens only with the seed the caller gives, and every problem with the file is raised as
`ContentError` naming the file and the question.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lib.content import FACT_ID, ContentError, Source, read_yaml, render_cited

FIELDS = ("id", "question", "choices", "answer", "myth", "explanation", "sources", "facts")
QUESTION_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
MIN_CHOICES = 3
MAX_CHOICES = 4


@dataclass(frozen=True)
class Question:
    """One quiz question, its explanation rendered to safe HTML with its sources."""

    id: str
    question: str
    choices: tuple[str, ...]
    answer: int  # index of the right choice in `choices`, from 0
    myth: bool  # tests a popular claim (ledger section 8)
    explanation_html: str  # the explanation, then its numbered, linked sources
    source_ids: tuple[str, ...]  # in order of first citation
    fact_ids: tuple[str, ...]  # the ledger's fact ids the answer rests on

    @property
    def correct_choice(self) -> str:
        """The text of the right choice."""
        return self.choices[self.answer]

    def is_correct(self, choice: object) -> bool:
        """Whether `choice` (an index into `choices`) is the right one; junk is simply wrong."""
        return _valid_choice(self, choice) and choice == self.answer


@dataclass(frozen=True)
class Score:
    """How a reader did: right answers, questions answered, questions asked."""

    correct: int
    answered: int
    total: int

    @property
    def summary(self) -> str:
        """The score in words, e.g. "You got 8 of 15 right."."""
        if self.total == 0:
            return "There are no questions to score."
        text = f"You got {self.correct} of {self.total} right."
        left = self.total - self.answered
        if left == 1:
            text += " 1 question is not answered yet."
        elif left > 1:
            text += f" {left} questions are not answered yet."
        return text


def load_quiz(path: Path, sources: Mapping[str, Source]) -> tuple[Question, ...]:
    """Read `quiz.yaml` into questions, in the file's order.

    Raises:
        ContentError: the file is missing or not YAML, is not a list of questions, or a
            question lacks a field, has an unknown one, repeats an id, has other than 3 or 4
            distinct non-empty choices, an answer out of range, a `myth` that is not true or
            false, a malformed fact id, or sources that are unknown or differ from the ids
            its explanation cites. The message names the file and the question's id.
    """
    data = read_yaml(path)
    if not isinstance(data, list) or not data:
        raise ContentError(path, "expected a list of questions")
    questions: list[Question] = []
    seen: set[str] = set()
    for number, entry in enumerate(data, start=1):
        question = _question(path, number, entry, sources)
        if question.id in seen:
            raise ContentError(path, f"question {question.id!r}: the id is used twice")
        seen.add(question.id)
        questions.append(question)
    return tuple(questions)


def _question(path: Path, number: int, entry: Any, sources: Mapping[str, Source]) -> Question:
    if not isinstance(entry, dict):
        raise ContentError(path, f"question {number}: expected a mapping of fields")
    qid = entry.get("id")
    if not isinstance(qid, str) or not QUESTION_ID.match(qid):
        raise ContentError(
            path, f"question {number}: 'id' must be a slug of a-z, 0-9 and -, e.g. protein-rda"
        )
    where = f"question {qid!r}"
    missing = [f for f in FIELDS if f not in entry]
    if missing:
        raise ContentError(path, f"{where}: missing {missing}")
    extra = sorted(str(f) for f in set(entry) - set(FIELDS))
    if extra:
        raise ContentError(path, f"{where}: unknown fields {extra}")
    text, explanation = entry["question"], entry["explanation"]
    if not _text(text):
        raise ContentError(path, f"{where}: 'question' must be non-empty text")
    if not _text(explanation):
        raise ContentError(path, f"{where}: 'explanation' must be non-empty text")
    choices = _choices(path, where, entry["choices"])
    answer = entry["answer"]
    if isinstance(answer, bool) or not isinstance(answer, int):
        raise ContentError(path, f"{where}: 'answer' must be a whole number, the right choice")
    if not 0 <= answer < len(choices):
        raise ContentError(
            path, f"{where}: 'answer' {answer} is out of range 0-{len(choices) - 1} (from 0)"
        )
    if not isinstance(entry["myth"], bool):
        raise ContentError(path, f"{where}: 'myth' must be true or false")
    listed = _ids(path, where, "sources", entry["sources"])
    unknown = [s for s in listed if s not in sources]
    if unknown:
        raise ContentError(path, f"{where}: 'sources' lists unknown source ids {unknown}")
    facts = _ids(path, where, "facts", entry["facts"])
    malformed = [f for f in facts if not FACT_ID.match(f)]
    if malformed:
        raise ContentError(path, f"{where}: malformed fact ids {malformed}; use e.g. PR-01")

    # Anchors carry the question's id: the page shows every explanation at once.
    rendered = render_cited(explanation, sources, prefix=f"quiz-{qid}-src")
    if rendered.unknown:
        raise ContentError(path, f"{where}: cites unknown source ids {list(rendered.unknown)}")
    cited = rendered.cited
    if not cited:
        raise ContentError(path, f"{where}: the explanation cites no source ([@source_id])")
    if set(cited) != set(listed):
        raise ContentError(
            path, f"{where}: 'sources' {sorted(listed)} differ from the ids cited {sorted(cited)}"
        )
    return Question(
        id=qid,
        question=text.strip(),
        choices=choices,
        answer=answer,
        myth=entry["myth"],
        explanation_html=f'<div class="lme-quiz-explanation">{rendered.html}</div>',
        source_ids=cited,
        fact_ids=facts,
    )


def _choices(path: Path, where: str, raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, list) or not MIN_CHOICES <= len(raw) <= MAX_CHOICES:
        raise ContentError(path, f"{where}: 'choices' must list {MIN_CHOICES} or {MAX_CHOICES}")
    if not all(_text(c) for c in raw):
        raise ContentError(path, f"{where}: every choice must be non-empty text")
    choices = tuple(str(c).strip() for c in raw)
    if len({c.casefold() for c in choices}) != len(choices):
        raise ContentError(path, f"{where}: the choices must be distinct")
    return choices


def _ids(path: Path, where: str, field: str, raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(i, str) for i in raw):
        raise ContentError(path, f"{where}: {field!r} must be a list of ids")
    if len(set(raw)) != len(raw):
        raise ContentError(path, f"{where}: {field!r} lists an id twice")
    return tuple(raw)


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _valid_choice(question: Question, choice: object) -> bool:
    return (
        isinstance(choice, int)
        and not isinstance(choice, bool)
        and 0 <= choice < len(question.choices)
    )


def ordered(questions: Sequence[Question], seed: int | None) -> tuple[Question, ...]:
    """The questions in the file's order (`seed` None, as a class uses them) or shuffled.

    An int `seed` gives the same order every time (`random.Random(seed)`), so a shared link
    with a seed shows the same quiz. Only the questions move; each one's choices stay put.
    """
    result = list(questions)
    if seed is not None:
        random.Random(seed).shuffle(result)
    return tuple(result)


def score(questions: Sequence[Question], answers: Mapping[str, int | None]) -> Score:
    """Score `answers` (question id -> chosen index, None when not answered).

    Never raises: answers to unknown ids, out-of-range indexes and anything that is not a
    whole number count as not answered.
    """
    correct = answered = 0
    for question in questions:
        choice = answers.get(question.id)
        if not _valid_choice(question, choice):
            continue
        answered += 1
        if choice == question.answer:
            correct += 1
    return Score(correct=correct, answered=answered, total=len(questions))
