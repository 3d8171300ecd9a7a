"""Asking quiz questions: a choice per question, then its explanation and sources."""

from __future__ import annotations

import html
import random
from collections.abc import Sequence

import streamlit as st

from lib import linkparams as lp
from lib.content import without_fact_ids
from lib.quiz import Question, Score
from ui.present import keys

QUIZ_CSS = """<style>
html { font-size: clamp(15px, 2.6vh, 34px) !important; }
[data-testid="stMainBlockContainer"] { padding-top: 0.6rem !important; }
[data-testid="stMainBlockContainer"] h1 { font-size: 1.2rem !important; padding: 0 !important; }
[data-testid="stMainBlockContainer"] h3 {
  font-size: 1.4rem !important; padding: 0.3rem 0 !important;
}
.lme-quiz-options { list-style: none; padding: 0 !important; margin: 0 !important; }
.lme-quiz-options li { border: 2px solid #d0d0d0; border-radius: 0.5rem; padding: 0.3rem 0.8rem;
  margin: 0.35rem 0 !important; font-size: 1.25rem !important; line-height: 1.3; }
.lme-quiz-explanation .sources, .lme-quiz-explanation .sources li { font-size: 0.6rem !important; }
.lme-quiz-explanation .sources h2 { font-size: 0.8rem !important; padding: 0.2rem 0 !important; }
.lme-quiz-options li.lme-quiz-right { border: 4px solid #007a3d; background: #e8f5ee; }
</style>"""


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


# --- in class: one question per screen, vote, then reveal ---------------------------------
AT_KEY = "quiz_at"  # the question on the projector, from 0
REVEALED_KEY = "quiz_revealed"  # ids of the questions whose answer has been shown
LETTERS = "ABCD"


def _move(to: int) -> None:
    st.session_state[AT_KEY] = to


def _reveal(question_id: str) -> None:
    st.session_state[REVEALED_KEY] = [*st.session_state.get(REVEALED_KEY, []), question_id]


def projected_at(questions: Sequence[Question]) -> int:
    """The question on the projector: this tab's, or the link's `question=` (from 1) at first."""
    if AT_KEY not in st.session_state:
        wanted = lp.QUESTION.read(st.query_params.get_all(lp.QUESTION.key)).value
        st.session_state[AT_KEY] = int(wanted) - 1
    at = min(max(int(st.session_state[AT_KEY]), 0), len(questions) - 1)
    st.session_state[AT_KEY] = at
    return at


def options_html(question: Question, *, revealed: bool) -> str:
    """The choices lettered A to D for a show of hands; once revealed, the right one marked."""
    items = []
    for index, choice in enumerate(question.choices):
        text = html.escape(choice)
        if revealed and index == question.answer:
            items.append(
                f'<li class="lme-quiz-right"><strong>{LETTERS[index]}. {text}</strong>'
                " <span>(the right answer)</span></li>"
            )
        else:
            items.append(f"<li>{LETTERS[index]}. {text}</li>")
    return f'<ol class="lme-quiz-options">{"".join(items)}</ol>'


def present_quiz(questions: Sequence[Question]) -> None:
    """One question per screen: the class votes, then the presenter reveals the answer."""
    at = projected_at(questions)
    question = questions[at]
    revealed = question.id in st.session_state.get(REVEALED_KEY, [])
    st.query_params[lp.QUESTION.key] = str(at + 1)
    st.html(QUIZ_CSS)
    with st.container(key="lme_present_bar", horizontal=True, vertical_alignment="center"):
        with st.container(key="lme_key_prev", width="content"):
            st.button(
                "Previous",
                icon=":material/arrow_back:",
                on_click=_move,
                args=(at - 1,),
                disabled=at == 0,
            )
        st.markdown(f"**Question {at + 1} of {len(questions)}**")
        with st.container(key="lme_key_next", width="content"):
            if not revealed:
                st.button(
                    "Reveal the answer",
                    icon=":material/visibility:",
                    type="primary",
                    on_click=_reveal,
                    args=(question.id,),
                )
            elif at + 1 < len(questions):
                st.button(
                    "Next question", icon=":material/arrow_forward:", on_click=_move, args=(at + 1,)
                )
        keys()
    st.markdown(f"### {question.question}")
    st.html(options_html(question, revealed=revealed))
    if revealed:
        st.html(without_fact_ids(question.explanation_html))
    else:
        st.caption("Vote first: hands up for each letter. Then reveal the answer.")
