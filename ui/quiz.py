"""Asking quiz questions: a choice per question, then its explanation and sources."""

from __future__ import annotations

import random
from collections.abc import Sequence

import streamlit as st

from lib.quiz import Question, Score


def _key(question: Question) -> str:
    return f"quiz_{question.id}"


def ask(number: int, question: Question) -> int | None:
    """Show one question; once answered, say whether it was right and explain why."""
    with st.container(border=True):
        choice = st.radio(
            f"**{number}. {question.question}**",
            range(len(question.choices)),
            format_func=question.choices.__getitem__,
            index=None,
            key=_key(question),
        )
        if choice is None:
            return None
        if question.is_correct(choice):
            st.success("Right.", icon=":material/check_circle:")
        else:
            st.warning(
                f"Not quite. The answer is: {question.correct_choice}",
                icon=":material/lightbulb:",
            )
        st.html(question.explanation_html)
        return int(choice)


def show_score(score: Score) -> None:
    """The running score, in words."""
    st.header("Your score", anchor=False)
    st.markdown(f"**{score.summary}**")
    if score.answered == score.total and score.total:
        st.progress(score.correct / score.total, text=f"{score.correct} of {score.total} right")


def _reset(questions: Sequence[Question]) -> None:
    for question in questions:
        st.session_state.pop(_key(question), None)
    # A new shuffle for the next round (used only when the order is "shuffled").
    st.session_state["seed"] = random.randrange(1_000_000)


def session_seed() -> int:
    """This tab's shuffle: the same on every rerun, new after "Start again"."""
    if "seed" not in st.session_state:
        st.session_state["seed"] = random.randrange(1_000_000)
    return int(st.session_state["seed"])


def reset_button(questions: Sequence[Question]) -> None:
    """Clear every answer and start again."""
    st.button("Start again", icon=":material/restart_alt:", on_click=_reset, args=(questions,))
